// tfgradlint API model of LibTorch 1.13: torch::nn::functional with its
// option structs. Written from the public API.
#pragma once
#include "nn.h"

namespace torch {
namespace nn {
namespace functional {

struct DropoutFuncOptions {
  DropoutFuncOptions();
  DropoutFuncOptions& p(double p);
  DropoutFuncOptions& training(bool training);
  DropoutFuncOptions& inplace(bool inplace);
};
struct SoftmaxFuncOptions { SoftmaxFuncOptions(int64_t dim); };
struct InterpolateFuncOptions {
  InterpolateFuncOptions& size(std::vector<int64_t> size);
  InterpolateFuncOptions& scale_factor(std::vector<double> scale_factor);
  template <typename Mode> InterpolateFuncOptions& mode(Mode mode);
  InterpolateFuncOptions& align_corners(bool align_corners);
  InterpolateFuncOptions& recompute_scale_factor(bool recompute);
  InterpolateFuncOptions& antialias(bool antialias);
};
struct LogSoftmaxFuncOptions { LogSoftmaxFuncOptions(int64_t dim); };
template <typename Self>
struct LossFuncOptionsBase {
  template <typename T> Self& reduction(T r);
  Self& weight(const at::Tensor& w);
};
struct MSELossFuncOptions : LossFuncOptionsBase<MSELossFuncOptions> {};
struct L1LossFuncOptions : LossFuncOptionsBase<L1LossFuncOptions> {};
struct SmoothL1LossFuncOptions : LossFuncOptionsBase<SmoothL1LossFuncOptions> {};
struct CrossEntropyFuncOptions : LossFuncOptionsBase<CrossEntropyFuncOptions> {
  CrossEntropyFuncOptions& ignore_index(int64_t i);
  CrossEntropyFuncOptions& label_smoothing(double s);
};
struct NLLLossFuncOptions : LossFuncOptionsBase<NLLLossFuncOptions> {
  NLLLossFuncOptions& ignore_index(int64_t i);
};
struct BinaryCrossEntropyFuncOptions : LossFuncOptionsBase<BinaryCrossEntropyFuncOptions> {};
struct BinaryCrossEntropyWithLogitsFuncOptions : LossFuncOptionsBase<BinaryCrossEntropyWithLogitsFuncOptions> {};
struct KLDivFuncOptions : LossFuncOptionsBase<KLDivFuncOptions> {
  KLDivFuncOptions& log_target(bool b);
};
struct Conv2dFuncOptions {
  Conv2dFuncOptions();
  Conv2dFuncOptions& bias(const at::Tensor& b);
  Conv2dFuncOptions& stride(at::IntArrayRef s);
  Conv2dFuncOptions& padding(at::IntArrayRef p);
};
struct MaxPool2dFuncOptions {
  MaxPool2dFuncOptions(at::IntArrayRef kernel_size);
  MaxPool2dFuncOptions& stride(at::IntArrayRef s);
};
struct NormalizeFuncOptions {
  NormalizeFuncOptions();
  NormalizeFuncOptions& p(double p);
  NormalizeFuncOptions& dim(int64_t d);
};
struct LeakyReLUFuncOptions {
  LeakyReLUFuncOptions();
  LeakyReLUFuncOptions& negative_slope(double s);
};

at::Tensor relu(at::Tensor input, bool inplace = false);
at::Tensor leaky_relu(const at::Tensor& input, const LeakyReLUFuncOptions& options = {});
at::Tensor gelu(const at::Tensor& input);
at::Tensor sigmoid(const at::Tensor& input);
at::Tensor tanh(const at::Tensor& input);
at::Tensor dropout(at::Tensor input, const DropoutFuncOptions& options = {});
at::Tensor softmax(const at::Tensor& input, const SoftmaxFuncOptions& options);
at::Tensor log_softmax(const at::Tensor& input, const LogSoftmaxFuncOptions& options);
at::Tensor linear(const at::Tensor& input, const at::Tensor& weight, const at::Tensor& bias = {});
at::Tensor conv2d(const at::Tensor& input, const at::Tensor& weight, const Conv2dFuncOptions& options = {});
at::Tensor max_pool2d(const at::Tensor& input, const MaxPool2dFuncOptions& options);
at::Tensor normalize(const at::Tensor& input, NormalizeFuncOptions options = {});
at::Tensor one_hot(const at::Tensor& tensor, int64_t num_classes = -1);
at::Tensor mse_loss(const at::Tensor& input, const at::Tensor& target, const MSELossFuncOptions& options = {});
at::Tensor l1_loss(const at::Tensor& input, const at::Tensor& target, const L1LossFuncOptions& options = {});
at::Tensor smooth_l1_loss(const at::Tensor& input, const at::Tensor& target,
                          const SmoothL1LossFuncOptions& options = {});
at::Tensor cross_entropy(const at::Tensor& input, const at::Tensor& target,
                         const CrossEntropyFuncOptions& options = {});
at::Tensor interpolate(const at::Tensor& input, const InterpolateFuncOptions& options = {});
at::Tensor nll_loss(const at::Tensor& input, const at::Tensor& target, const NLLLossFuncOptions& options = {});
at::Tensor binary_cross_entropy(const at::Tensor& input, const at::Tensor& target,
                                const BinaryCrossEntropyFuncOptions& options = {});
at::Tensor binary_cross_entropy_with_logits(const at::Tensor& input, const at::Tensor& target,
                                            const BinaryCrossEntropyWithLogitsFuncOptions& options = {});
at::Tensor kl_div(const at::Tensor& input, const at::Tensor& target, const KLDivFuncOptions& options = {});

}  // namespace functional
}  // namespace nn

// Reduction enumerators used as torch::kMean, torch::kSum, torch::kNone.
struct enumtype_kMean {};
struct enumtype_kSum {};
struct enumtype_kNone {};
constexpr enumtype_kMean kMean{};
constexpr enumtype_kSum kSum{};
constexpr enumtype_kNone kNone{};

}  // namespace torch
