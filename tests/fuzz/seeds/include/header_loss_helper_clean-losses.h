// Correct: the helper detaches only a logged copy; the loss keeps its path.
#pragma once
#include <torch/torch.h>

inline torch::Tensor weighted_mse(const torch::Tensor& prediction, const torch::Tensor& target, double w) {
  auto logged = prediction.detach();
  (void)logged;
  return w * torch::mse_loss(prediction, target);
}
