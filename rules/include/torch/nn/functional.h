// tfgradlint API model of <torch/nn/functional.h> (LibTorch 1.13).
#pragma once
#include "../torch.h"
