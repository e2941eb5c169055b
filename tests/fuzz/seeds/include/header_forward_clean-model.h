// Correct: the same header-defined forward, recording throughout.
#pragma once
#include <torch/torch.h>

struct RegressorImpl : torch::nn::Module {
  RegressorImpl() {
    trunk = register_module("trunk", torch::nn::Linear(8, 16));
    head = register_module("head", torch::nn::Linear(16, 1));
  }
  torch::Tensor forward(const torch::Tensor& x) {
    torch::Tensor h = torch::relu(trunk->forward(x));
    return head->forward(h);
  }
  torch::nn::Linear trunk{nullptr}, head{nullptr};
};
TORCH_MODULE(Regressor);
