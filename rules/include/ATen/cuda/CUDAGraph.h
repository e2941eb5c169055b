// tfgradlint API model of <ATen/cuda/CUDAGraph.h> (LibTorch 1.13). See rules/README.md.
#pragma once
#include "../../tfgradlint_model/cuda.h"
