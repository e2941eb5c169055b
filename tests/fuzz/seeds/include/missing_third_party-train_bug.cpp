// Bug: a training step under an inference guard, in a file that also
// includes OpenCV, Qt and the CUDA runtime, none of them installed here.
#include <opencv2/opencv.hpp>
#include <QtCore/QString>
#include <cuda_runtime.h>
#include <c10/util/Exception.h>  // not in the model: a stand-in, never a real copy mixed with it
#include <torch/torch.h>

void step(torch::nn::Linear& model, torch::optim::Adam& optimizer, const torch::Tensor& x, const torch::Tensor& y) {
  torch::NoGradGuard no_grad;
  auto loss = torch::mse_loss(model->forward(x), y);  // expect: GL001
  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
}
