// Bug: a complete training program with a warm-up phase. The author meant to
// add the distillation term only after warm-up, but the loss is initialised
// from torch::zeros({}) and assigned only inside `if (warmup_done)`. On the
// warm-up path the value that reaches backward() does not depend on the
// model at all, and backward() throws at the first step.
#include <torch/torch.h>
#include <cstdio>
#include <iostream>
#include "oracle.h"

const int kWarmupSteps = 5;
const int kSteps = 20;

int main() {
  torch::manual_seed(8);
  auto inputs = torch::randn({64, 10});
  torch::nn::Sequential teacher(torch::nn::Linear(10, 32), torch::nn::ReLU(), torch::nn::Linear(32, 4));
  torch::nn::Sequential student(torch::nn::Linear(10, 8), torch::nn::ReLU(), torch::nn::Linear(8, 4));
  torch::Tensor teacher_probs;
  {
    torch::NoGradGuard no_grad;
    teacher_probs = torch::softmax(teacher->forward(inputs), 1);
  }
  torch::optim::Adam optimizer(student->parameters(), torch::optim::AdamOptions(1e-2));
  oracle::Watch watch(student->parameters());

  for (int step = 0; step < kSteps; ++step) {
    bool warmup_done = step >= kWarmupSteps;
    torch::Tensor loss = torch::zeros({});
    if (warmup_done) {  // expect: GL003
      auto log_probs = torch::log_softmax(student->forward(inputs), 1);
      loss = torch::kl_div(log_probs, teacher_probs, at::Reduction::Mean);
    }
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
    std::printf("step %d: loss %.4f\n", step, loss.item<float>());
  }
  watch.report(student->parameters());
}
