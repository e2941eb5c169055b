// tfgradlint API model of LibTorch 1.13: torch::nn::functional. Its option
// structs and functions are generated from libtorch-dev's headers by
// tools/model_gen (generated/nn_gen.h, included by nn.h); this header only
// keeps the include that user code and torch.h expect.
#pragma once
#include "nn.h"
