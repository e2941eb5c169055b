// Bug: a complete k-fold cross-validation program. The optimizer is built
// once, over the parameters of the first model; each fold then re-creates the
// model for fresh weights. The loss only ever reaches the new model's
// parameters, which no optimizer owns, and the optimizer's parameters get no
// gradient: nothing trains, in any fold, and no error is raised.
#include <torch/torch.h>
#include <cstdio>
#include <iostream>
#include "oracle.h"

struct ClassifierImpl : torch::nn::Module {
  ClassifierImpl(int64_t in, int64_t classes)
      : fc1(register_module("fc1", torch::nn::Linear(in, 16))),
        fc2(register_module("fc2", torch::nn::Linear(16, classes))) {}
  torch::Tensor forward(torch::Tensor x) { return fc2->forward(torch::relu(fc1->forward(x))); }
  torch::nn::Linear fc1, fc2;
};
TORCH_MODULE(Classifier);

int main() {
  torch::manual_seed(12);
  const int64_t n = 120, dim = 6, classes = 3, folds = 3;
  auto labels = torch::randint(0, classes, {n}, torch::kLong);
  auto inputs = torch::randn({classes, dim}).index_select(0, labels) * 2 + torch::randn({n, dim});

  Classifier model(dim, classes);
  torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(1e-2));
  auto owned = optimizer.parameters();
  oracle::Watch watch(owned);

  const int64_t fold_size = n / folds;
  for (int64_t fold = 0; fold < folds; ++fold) {
    model = Classifier(dim, classes);  // fresh weights for this fold
    auto mask = torch::ones({n}, torch::kBool);
    mask.narrow(0, fold * fold_size, fold_size).fill_(false);
    auto train_x = inputs.index({mask}), train_y = labels.index({mask});
    for (int epoch = 0; epoch < 20; ++epoch) {
      optimizer.zero_grad();
      auto loss = torch::nn::functional::cross_entropy(model->forward(train_x), train_y);
      loss.backward();
      optimizer.step();  // expect: GL004
    }
    torch::NoGradGuard no_grad;
    auto val_x = inputs.narrow(0, fold * fold_size, fold_size);
    auto val_y = labels.narrow(0, fold * fold_size, fold_size);
    auto accuracy = model->forward(val_x).argmax(1).eq(val_y).to(torch::kFloat).mean().item<double>();
    std::printf("fold %ld: accuracy %.3f\n", static_cast<long>(fold), accuracy);
  }
  bool any_grad = false;
  for (const auto& p : owned) any_grad = any_grad || p.grad().defined();
  std::printf("optimizer parameters with a gradient: %s\n", any_grad ? "some" : "none");
  watch.report(owned);
}
