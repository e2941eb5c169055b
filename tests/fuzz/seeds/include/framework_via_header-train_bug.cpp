// Bug: the training step runs its forward pass under a no-grad guard. The
// framework is reached only through "net.h".
#include "net.h"

void train_step(torch::nn::Sequential& model, torch::optim::SGD& optimizer, const Batch& b) {
  torch::NoGradGuard no_grad;
  auto prediction = model->forward(b.x);  // expect: GL001
  auto loss = torch::mse_loss(prediction, b.y);
  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
}
