// Bug: the module's forward is defined in its header (the TORCH_MODULE
// layout) and runs its layers under a no-grad guard, so the loss that
// train.cpp computes from it has no gradient.
#pragma once
#include <torch/torch.h>

struct RegressorImpl : torch::nn::Module {
  RegressorImpl() {
    trunk = register_module("trunk", torch::nn::Linear(8, 16));
    head = register_module("head", torch::nn::Linear(16, 1));
  }
  torch::Tensor forward(const torch::Tensor& x) {
    torch::NoGradGuard frozen;
    auto h = torch::relu(trunk->forward(x));
    return head->forward(h);  // expect: GL001
  }
  torch::nn::Linear trunk{nullptr}, head{nullptr};
};
TORCH_MODULE(Regressor);
