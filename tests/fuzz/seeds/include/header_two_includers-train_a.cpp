// First source that trains the classifier of "model.h".
#include "model.h"

void train_a(Classifier& net, torch::optim::SGD& opt, const torch::Tensor& x, const torch::Tensor& y) {
  opt.zero_grad();
  auto loss = torch::mse_loss(net->forward(x), y);
  loss.backward();
  opt.step();
}
