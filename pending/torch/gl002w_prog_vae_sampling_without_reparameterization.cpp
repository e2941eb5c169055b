// Bug (one dead term): a complete variational autoencoder program that samples
// the code with at::normal(mu, std) instead of the reparameterization trick.
// at::normal is recorded (NormalBackward) but its gradient with respect to
// mu and std is zero, so the reconstruction term gives the encoder no
// gradient: only the KL term trains it, and it collapses to the prior.
// Oracle evidence: the program prints "ORACLE: untrained" when the gradient of
// the reconstruction term with respect to the encoder's parameters is zero.
#include <torch/torch.h>
#include <cstdio>
#include <iostream>
#include <utility>
#include "oracle.h"

struct VAEOutput {
  torch::Tensor reconstruction;
  torch::Tensor mu;
  torch::Tensor log_var;
};

class VariationalAutoEncoderImpl : public torch::nn::Module {
 public:
  VariationalAutoEncoderImpl(int64_t image_size, int64_t h_dim, int64_t z_dim)
      : fc1(image_size, h_dim), fc2(h_dim, z_dim), fc3(h_dim, z_dim), fc4(z_dim, h_dim), fc5(h_dim, image_size) {
    register_module("fc1", fc1);
    register_module("fc2", fc2);
    register_module("fc3", fc3);
    register_module("fc4", fc4);
    register_module("fc5", fc5);
  }

  std::pair<torch::Tensor, torch::Tensor> encode(torch::Tensor x) {
    auto h = torch::nn::functional::relu(fc1->forward(x));
    return {fc2->forward(h), fc3->forward(h)};
  }

  torch::Tensor reparameterize(torch::Tensor mu, torch::Tensor log_var) {
    if (is_training()) {
      auto std = log_var.div(2).exp();
      return at::normal(mu, std);  // expect-warning: GL002
    }
    return mu;
  }

  torch::Tensor decode(torch::Tensor z) {
    auto h = torch::nn::functional::relu(fc4->forward(z));
    return torch::sigmoid(fc5->forward(h));
  }

  std::vector<torch::Tensor> encoder_parameters() {
    std::vector<torch::Tensor> params;
    for (auto* layer : {&fc1, &fc2, &fc3})
      for (const auto& p : (*layer)->parameters()) params.push_back(p);
    return params;
  }

  VAEOutput forward(torch::Tensor x) {
    auto encode_output = encode(x);
    auto mu = encode_output.first;
    auto log_var = encode_output.second;
    auto z = reparameterize(mu, log_var);
    auto x_reconstructed = decode(z);
    return {x_reconstructed, mu, log_var};
  }

 private:
  torch::nn::Linear fc1, fc2, fc3, fc4, fc5;
};
TORCH_MODULE(VariationalAutoEncoder);

int main() {
  torch::manual_seed(7);
  const int64_t image_size = 64, h_dim = 32, z_dim = 4, batch_size = 16;
  // Binary "images": thresholded low-rank noise, so there is structure to learn.
  auto basis = torch::randn({z_dim, image_size});
  auto data = (torch::randn({128, z_dim}).mm(basis) > 0).to(torch::kFloat);

  VariationalAutoEncoder model(image_size, h_dim, z_dim);
  torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(1e-3));

  for (int epoch = 0; epoch < 3; ++epoch) {
    model->train();
    double epoch_loss = 0;
    for (int64_t start = 0; start < data.size(0); start += batch_size) {
      auto x = data.slice(0, start, start + batch_size);
      auto output = model->forward(x);
      auto reconstruction_loss = torch::nn::functional::binary_cross_entropy(
          output.reconstruction, x, torch::nn::functional::BinaryCrossEntropyFuncOptions().reduction(torch::kSum));
      auto kl_divergence =
          -0.5 * torch::sum(1 + output.log_var - output.mu.pow(2) - output.log_var.exp());
      auto loss = reconstruction_loss + kl_divergence;
      if (epoch == 0 && start == 0) {
        auto encoder = model->encoder_parameters();
        auto grads = torch::autograd::grad({reconstruction_loss}, encoder, {}, /*retain_graph=*/true,
                                           /*create_graph=*/false, /*allow_unused=*/true);
        bool zero = true;
        for (const auto& g : grads) zero = zero && (!g.defined() || g.abs().sum().item<double>() == 0.0);
        std::cout << (zero ? "ORACLE: untrained" : "ORACLE: trained") << " (encoder through the reconstruction term)"
                  << std::endl;
      }

      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
      epoch_loss += loss.item<double>();
    }
    std::printf("epoch %d: loss per sample %.4f\n", epoch, epoch_loss / data.size(0));
  }

  torch::NoGradGuard no_grad;
  model->eval();
  auto z = torch::randn({8, z_dim});
  auto samples = model->decode(z);
  std::cout << "sample mean " << samples.mean().item<double>() << std::endl;
}
