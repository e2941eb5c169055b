// tfgradlint API model of <torch/cuda.h> (LibTorch 1.13). See rules/README.md.
#pragma once
#include "torch.h"
