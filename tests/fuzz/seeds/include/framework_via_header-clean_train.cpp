// Correct: the same step with recording on; the framework is reached only
// through "net.h".
#include "net.h"

void train_step(torch::nn::Sequential& model, torch::optim::SGD& optimizer, const Batch& b) {
  auto prediction = model->forward(b.x);
  auto loss = torch::mse_loss(prediction, b.y);
  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
}
