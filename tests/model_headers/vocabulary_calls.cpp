// c10's vocabulary types as training code uses them: c10::optional
// arguments and results, and the variant-typed options of torch::nn (enum
// tags, padding). The model declares both as light classes of its own
// (rules/include/tfgradlint_model/c10.h); this file is valid with the real
// LibTorch 1.13 headers (make check-real-headers parses it) and the model
// headers must parse it too (make model-headers).
#include <torch/torch.h>
#include <string>

namespace F = torch::nn::functional;

int64_t optional_arguments(const torch::Tensor& x) {
  c10::optional<int64_t> dim = 1;
  c10::optional<int64_t> none = c10::nullopt;
  c10::optional<torch::Tensor> weight;
  weight = torch::ones({3});
  auto total = x.sum(*dim) + weight->sum() + (*weight).mean() + weight.value().max();
  auto soft = torch::softmax(x, 1, c10::nullopt) + x.softmax(1, {}) + x.log_softmax(1, torch::kFloat);
  auto clamped = x.clamp(0.0, c10::nullopt) + x.clamp({}, 1.0) + x.clamp(c10::optional<at::Scalar>(0.5));
  auto loss = F::nll_loss(soft, torch::zeros({4}, torch::kLong), F::NLLLossFuncOptions().weight(*weight));
  none.reset();
  dim = c10::nullopt;
  if (!none.has_value() && !dim && weight)
    total = total + clamped.sum() + loss;
  auto halves = x.div(x + 1, "floor");
  c10::optional<torch::ScalarType> dtype = x.scalar_type();
  auto cast = x.to(dtype.value_or(torch::kFloat)) + halves;
  return cast.size(0) + none.value_or(0) + (dtype == c10::nullopt ? 1 : 0) + (dim != c10::nullopt ? 1 : 0) +
         total.numel() + c10::make_optional<int64_t>(2).value();
}

std::string variant_options() {
  F::MSELossFuncOptions mse(torch::kSum);
  mse.reduction(torch::kMean);
  auto reduction = mse.reduction();
  bool is_mean = c10::holds_alternative<torch::enumtype::kMean>(reduction);
  auto* sum = c10::get_if<torch::enumtype::kSum>(&reduction);
  auto conv = torch::nn::Conv2dOptions(3, 8, 3).padding(1).padding_mode(torch::kReflect);
  auto same = torch::nn::Conv2dOptions(3, 8, 3).padding(torch::kSame);
  auto w = torch::empty({8, 3, 3, 3});
  torch::nn::init::kaiming_normal_(w, 0.0, torch::kFanOut, torch::kReLU);
  double gain = torch::nn::init::calculate_gain(torch::kLeakyReLU, 0.2);
  auto bag = torch::nn::EmbeddingBagOptions(10, 4).mode(torch::kMax);
  std::string name = torch::enumtype::get_enum_name(reduction) + torch::enumtype::get_enum_name(conv.padding_mode());
  return name + (is_mean && !sum && gain > 0 && same.in_channels() == bag.num_embeddings() ? "" : "-");
}

int main() {
  return static_cast<int>(optional_arguments(torch::randn({4, 3}))) + static_cast<int>(variant_options().size());
}
