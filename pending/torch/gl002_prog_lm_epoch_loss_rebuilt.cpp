// Bug: a complete GRU language-model program that averages the chunk losses
// of an epoch on the host (item()) and calls backward() once on a tensor
// rebuilt from that number. The rebuilt tensor has no history: backward()
// throws, and even with requires_grad it would train nothing.
// Pending: tfgradlint also reports the truncated-BPTT `h.detach()` (line 42),
// which is correct and not the cause, next to the right finding on item().
#include <torch/torch.h>
#include <cstdio>
#include <iostream>
#include "oracle.h"

struct CharGRUImpl : torch::nn::Module {
  CharGRUImpl(int64_t vocab, int64_t hidden)
      : embed(register_module("embed", torch::nn::Embedding(vocab, hidden))),
        gru(register_module("gru", torch::nn::GRU(torch::nn::GRUOptions(hidden, hidden).batch_first(true)))),
        out(register_module("out", torch::nn::Linear(hidden, vocab))) {}
  std::tuple<torch::Tensor, torch::Tensor> forward(torch::Tensor x, torch::Tensor h) {
    auto result = gru->forward(embed->forward(x), h);
    return {out->forward(std::get<0>(result)), std::get<1>(result)};
  }
  torch::nn::Embedding embed;
  torch::nn::GRU gru;
  torch::nn::Linear out;
};
TORCH_MODULE(CharGRU);

int main() {
  torch::manual_seed(24);
  const int64_t vocab = 10, hidden = 16, batch = 4, chunk = 8;
  auto ids = torch::arange(0, batch * 65, torch::kLong).remainder(vocab).view({batch, -1});
  CharGRU model(vocab, hidden);
  torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(1e-2));
  oracle::Watch watch(model->parameters());

  for (int epoch = 0; epoch < 3; ++epoch) {
    auto h = torch::zeros({1, batch, hidden});
    double total = 0;
    int64_t chunks = 0;
    for (int64_t i = 0; i + chunk < ids.size(1); i += chunk) {
      auto x = ids.slice(1, i, i + chunk);
      auto y = ids.slice(1, i + 1, i + 1 + chunk);
      auto result = model->forward(x, h.detach());
      h = std::get<1>(result);
      auto logits = std::get<0>(result).reshape({-1, vocab});
      total += torch::nn::functional::cross_entropy(logits, y.reshape(-1)).item<double>();  // expect: GL002
      ++chunks;
    }
    auto epoch_loss = torch::tensor(total / chunks);
    optimizer.zero_grad();
    epoch_loss.backward();
    optimizer.step();
    std::printf("epoch %d: loss %.4f\n", epoch, epoch_loss.item<double>());
  }
  watch.report(model->parameters());
}
