// The project's header includes the framework; the sources include only it.
#pragma once
#include <torch/torch.h>
#include "batch.h"

torch::Tensor predict(torch::nn::Sequential& model, const torch::Tensor& x);
