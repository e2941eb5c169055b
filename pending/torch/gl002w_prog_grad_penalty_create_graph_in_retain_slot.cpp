// Bug (one dead term): a complete WGAN-GP program whose gradient penalty
// passes `/*create_graph=*/true` as the 4th positional argument of
// torch::autograd::grad, which is retain_graph (create_graph is the 5th). The
// gradients come back without a graph, so the penalty term contributes no
// gradient to the critic: training runs, the Lipschitz constraint is never
// enforced. (pytorch/examples cpp/autograd/autograd.cpp makes the same call.)
// Oracle evidence: the program prints "ORACLE: untrained" for the penalty term
// when it carries no gradient path to the critic's parameters.
#include <torch/torch.h>
#include <cstdio>
#include <iostream>
#include "oracle.h"

torch::Tensor gradient_penalty(torch::nn::Sequential& critic, const torch::Tensor& real, const torch::Tensor& fake) {
  auto alpha = torch::rand({real.size(0), 1});
  auto interpolated = (alpha * real + (1 - alpha) * fake).requires_grad_(true);
  auto scores = critic->forward(interpolated);
  auto gradients =
      torch::autograd::grad({scores}, {interpolated}, {torch::ones_like(scores)}, /*create_graph=*/true)[0];  // expect-warning: GL002
  return (gradients.norm(2, {1}) - 1).pow(2).mean();
}

int main() {
  torch::manual_seed(6);
  const int64_t noise_dim = 4, data_dim = 2, batch = 64, critic_iters = 3;
  const double lambda_gp = 10.0;

  torch::nn::Sequential generator(torch::nn::Linear(noise_dim, 32), torch::nn::ReLU(), torch::nn::Linear(32, data_dim));
  torch::nn::Sequential critic(torch::nn::Linear(data_dim, 32), torch::nn::LeakyReLU(), torch::nn::Linear(32, 1));
  torch::optim::Adam g_optimizer(generator->parameters(), torch::optim::AdamOptions(1e-3).betas(std::make_tuple(0.5, 0.9)));
  torch::optim::Adam c_optimizer(critic->parameters(), torch::optim::AdamOptions(1e-3).betas(std::make_tuple(0.5, 0.9)));

  for (int iteration = 0; iteration < 20; ++iteration) {
    for (int i = 0; i < critic_iters; ++i) {
      auto real = torch::randn({batch, data_dim}) * 0.5 + 2.0;
      torch::Tensor fake;
      {
        torch::NoGradGuard no_grad;
        fake = generator->forward(torch::randn({batch, noise_dim}));
      }
      auto penalty = gradient_penalty(critic, real, fake);
      if (iteration == 0 && i == 0)
        std::cout << (penalty.requires_grad() ? "ORACLE: trained" : "ORACLE: untrained")
                  << " (gradient penalty term)" << std::endl;
      auto critic_loss = critic->forward(fake).mean() - critic->forward(real).mean() + lambda_gp * penalty;
      c_optimizer.zero_grad();
      critic_loss.backward();
      c_optimizer.step();
    }
    auto generated = generator->forward(torch::randn({batch, noise_dim}));
    auto generator_loss = -critic->forward(generated).mean();
    g_optimizer.zero_grad();
    generator_loss.backward();
    g_optimizer.step();
    if (iteration % 5 == 0) std::printf("iteration %d: generator loss %.4f\n", iteration, generator_loss.item<float>());
  }
}
