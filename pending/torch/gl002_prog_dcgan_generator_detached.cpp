// Bug: a complete DCGAN program whose generator step reuses the detached fakes
// of the discriminator step (copy-paste of `fake_images.detach()`). The
// generator loss still reaches the discriminator's parameters, so backward()
// runs, but no gradient reaches the generator: it never trains.
#include <torch/torch.h>
#include <cstdio>
#include <iostream>
#include "oracle.h"

const int64_t kNoiseSize = 16;
const int64_t kBatchSize = 32;
const int64_t kNumberOfEpochs = 2;
const int64_t kBatchesPerEpoch = 4;

struct DCGANGeneratorImpl : torch::nn::Module {
  explicit DCGANGeneratorImpl(int64_t noise_size)
      : conv1(torch::nn::ConvTranspose2dOptions(noise_size, 32, 4).bias(false)),
        batch_norm1(32),
        conv2(torch::nn::ConvTranspose2dOptions(32, 16, 4).stride(2).padding(1).bias(false)),
        batch_norm2(16),
        conv3(torch::nn::ConvTranspose2dOptions(16, 1, 4).stride(2).padding(1).bias(false)) {
    register_module("conv1", conv1);
    register_module("conv2", conv2);
    register_module("conv3", conv3);
    register_module("batch_norm1", batch_norm1);
    register_module("batch_norm2", batch_norm2);
  }

  torch::Tensor forward(torch::Tensor x) {
    x = torch::relu(batch_norm1(conv1(x)));  // 4x4
    x = torch::relu(batch_norm2(conv2(x)));  // 8x8
    x = torch::tanh(conv3(x));               // 16x16
    return x;
  }

  torch::nn::ConvTranspose2d conv1, conv2, conv3;
  torch::nn::BatchNorm2d batch_norm1, batch_norm2;
};
TORCH_MODULE(DCGANGenerator);

torch::Tensor real_batch(int64_t n) {
  // "Real" data: a bright square in the middle of a dark image, with noise.
  auto images = torch::full({n, 1, 16, 16}, -1.0);
  images.narrow(2, 4, 8).narrow(3, 4, 8).fill_(1.0);
  return images + 0.1 * torch::randn({n, 1, 16, 16});
}

int main() {
  torch::manual_seed(1);
  torch::Device device(torch::kCPU);

  DCGANGenerator generator(kNoiseSize);
  generator->to(device);

  torch::nn::Sequential discriminator(
      torch::nn::Conv2d(torch::nn::Conv2dOptions(1, 16, 4).stride(2).padding(1).bias(false)),
      torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)),
      torch::nn::Conv2d(torch::nn::Conv2dOptions(16, 32, 4).stride(2).padding(1).bias(false)),
      torch::nn::BatchNorm2d(32),
      torch::nn::LeakyReLU(torch::nn::LeakyReLUOptions().negative_slope(0.2)),
      torch::nn::Conv2d(torch::nn::Conv2dOptions(32, 1, 4).stride(1).padding(0).bias(false)),
      torch::nn::Sigmoid());
  discriminator->to(device);

  torch::optim::Adam generator_optimizer(generator->parameters(),
                                         torch::optim::AdamOptions(2e-4).betas(std::make_tuple(0.5, 0.999)));
  torch::optim::Adam discriminator_optimizer(discriminator->parameters(),
                                             torch::optim::AdamOptions(2e-4).betas(std::make_tuple(0.5, 0.999)));
  oracle::Watch watch(generator->parameters());

  for (int64_t epoch = 1; epoch <= kNumberOfEpochs; ++epoch) {
    for (int64_t batch_index = 0; batch_index < kBatchesPerEpoch; ++batch_index) {
      // Train discriminator with real images.
      discriminator->zero_grad();
      torch::Tensor real_images = real_batch(kBatchSize).to(device);
      torch::Tensor real_labels = torch::empty(kBatchSize, device).uniform_(0.8, 1.0);
      torch::Tensor real_output = discriminator->forward(real_images).reshape(real_labels.sizes());
      torch::Tensor d_loss_real = torch::binary_cross_entropy(real_output, real_labels);
      d_loss_real.backward();

      // Train discriminator with fake images; the generator stays out of it.
      torch::Tensor noise = torch::randn({kBatchSize, kNoiseSize, 1, 1}, device);
      torch::Tensor fake_images = generator->forward(noise);
      torch::Tensor fake_labels = torch::zeros(kBatchSize, device);
      torch::Tensor fake_output = discriminator->forward(fake_images.detach()).reshape(fake_labels.sizes());
      torch::Tensor d_loss_fake = torch::binary_cross_entropy(fake_output, fake_labels);
      d_loss_fake.backward();

      torch::Tensor d_loss = d_loss_real + d_loss_fake;
      discriminator_optimizer.step();

      // Train generator: make the discriminator call the fakes real.
      generator->zero_grad();
      fake_labels.fill_(1);
      fake_output = discriminator->forward(fake_images.detach()).reshape(fake_labels.sizes());  // expect: GL002
      torch::Tensor g_loss = torch::binary_cross_entropy(fake_output, fake_labels);
      g_loss.backward();
      generator_optimizer.step();

      std::printf("[%2ld/%2ld][%ld/%ld] D_loss: %.4f | G_loss: %.4f\n", static_cast<long>(epoch),
                  static_cast<long>(kNumberOfEpochs), static_cast<long>(batch_index),
                  static_cast<long>(kBatchesPerEpoch), d_loss.item<float>(), g_loss.item<float>());
    }
  }
  watch.report(generator->parameters());
}
