// A small regression training program with a classic bug: the no-grad guard
// meant for the progress report also covers the forward pass, so backward()
// has nothing to differentiate. Run `make demo` to see tfgradlint find it.
#include <torch/torch.h>
#include <iostream>

struct RegressorImpl : torch::nn::Module {
  RegressorImpl() : hidden(register_module("hidden", torch::nn::Linear(4, 16))),
                    out(register_module("out", torch::nn::Linear(16, 1))) {}
  torch::Tensor forward(torch::Tensor x) { return out->forward(torch::relu(hidden->forward(x))); }
  torch::nn::Linear hidden, out;
};
TORCH_MODULE(Regressor);

float train_epoch(Regressor& model, torch::optim::SGD& optimizer,
                  const torch::Tensor& inputs, const torch::Tensor& targets) {
  torch::NoGradGuard no_grad;  // meant for the progress report below
  auto prediction = model->forward(inputs);
  auto loss = torch::mse_loss(prediction, targets);
  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
  return loss.item<float>();
}

int main() {
  torch::manual_seed(0);
  Regressor model;
  torch::optim::SGD optimizer(model->parameters(), torch::optim::SGDOptions(0.01));
  auto inputs = torch::randn({64, 4});
  auto targets = inputs.sum(1, true);
  for (int epoch = 0; epoch < 10; ++epoch)
    std::cout << "epoch " << epoch << " loss " << train_epoch(model, optimizer, inputs, targets) << "\n";
}
