// Correct: the same step with recording on, next to OpenCV, Qt and CUDA
// runtime includes that are not installed here.
#include <opencv2/opencv.hpp>
#include <QtCore/QString>
#include <cuda_runtime.h>
#include <c10/util/Exception.h>  // not in the model: a stand-in, never a real copy mixed with it
#include <torch/torch.h>

void step(torch::nn::Linear& model, torch::optim::Adam& optimizer, const torch::Tensor& x, const torch::Tensor& y) {
  auto loss = torch::mse_loss(model->forward(x), y);
  optimizer.zero_grad();
  loss.backward();
  optimizer.step();
}
