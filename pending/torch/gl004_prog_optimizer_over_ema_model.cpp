// Bug: a complete program that keeps an exponential moving average (EMA) of
// the model's weights for evaluation, and builds the optimizer over the EMA
// model instead of the trained one. The loss reaches only `model`, the
// optimizer's parameters (the EMA copy) never get a gradient, and the model
// never moves; backward() and step() raise nothing.
#include <torch/torch.h>
#include <cstdio>
#include <iostream>
#include "oracle.h"

torch::nn::Sequential make_net() {
  return torch::nn::Sequential(torch::nn::Linear(5, 32), torch::nn::Tanh(), torch::nn::Linear(32, 1));
}

void update_ema(torch::nn::Sequential& ema, torch::nn::Sequential& model, double decay) {
  torch::NoGradGuard no_grad;
  auto ema_params = ema->parameters();
  auto params = model->parameters();
  for (size_t i = 0; i < params.size(); ++i) ema_params[i].mul_(decay).add_(params[i], 1.0 - decay);
}

int main() {
  torch::manual_seed(13);
  auto x = torch::randn({200, 5});
  auto y = (x * torch::linspace(-1, 1, 5)).sum(1, /*keepdim=*/true);

  auto model = make_net();
  auto ema_model = make_net();
  torch::optim::SGD optimizer(ema_model->parameters(), torch::optim::SGDOptions(0.05));
  oracle::Watch watch(model->parameters());

  for (int step = 0; step < 50; ++step) {
    auto loss = torch::mse_loss(model->forward(x), y);
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();  // expect: GL004
    update_ema(ema_model, model, 0.9);
    if (step % 10 == 0) {
      torch::NoGradGuard no_grad;
      std::printf("step %d: train %.4f ema %.4f\n", step, loss.item<float>(),
                  torch::mse_loss(ema_model->forward(x), y).item<float>());
    }
  }
  bool any_grad = false;
  for (const auto& p : optimizer.parameters()) any_grad = any_grad || p.grad().defined();
  std::printf("optimizer parameters with a gradient: %s\n", any_grad ? "some" : "none");
  watch.report(model->parameters());
}
