// tfgradlint API model of <ATen/cuda/CUDAEvent.h> (LibTorch 1.13). See rules/README.md.
#pragma once
#include "../../tfgradlint_model/cuda.h"
