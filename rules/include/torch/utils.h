// tfgradlint API model of <torch/utils.h> (LibTorch 1.13). See rules/README.md.
#pragma once
#include "torch.h"
