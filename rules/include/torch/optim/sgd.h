// tfgradlint API model of <torch/optim/sgd.h> (LibTorch 1.13). See rules/README.md.
#pragma once
#include "../torch.h"
