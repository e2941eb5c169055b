// tfgradlint API model of <c10/cuda/CUDAGuard.h> (LibTorch 1.13). See rules/README.md.
#pragma once
#include "../../tfgradlint_model/cuda.h"
