// Bug: a loss helper defined inline in a project header detaches the
// prediction, so the loss it returns no longer depends on the model.
#pragma once
#include <torch/torch.h>

inline torch::Tensor weighted_mse(const torch::Tensor& prediction, const torch::Tensor& target, double w) {
  auto p = prediction.detach();  // expect: GL002
  return w * torch::mse_loss(p, target);
}
