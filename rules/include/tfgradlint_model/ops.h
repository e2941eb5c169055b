// tfgradlint API model of LibTorch 1.13: ATen free functions (at::) and the
// tensor factories of namespace torch, which honour requires_grad in their
// options (the at:: ones do not). Written from the public API.
#pragma once
#include "tensor.h"
#include <functional>

namespace at {

// The element count as a free function (ATen/Functions.h).
int64_t numel(const Tensor& tensor);

// factories (these ignore requires_grad)
Tensor empty(IntArrayRef size, TensorOptions options = {});
Tensor zeros(IntArrayRef size, TensorOptions options = {});
Tensor ones(IntArrayRef size, TensorOptions options = {});
Tensor full(IntArrayRef size, const Scalar& fill_value, TensorOptions options = {});
Tensor rand(IntArrayRef size, TensorOptions options = {});
Tensor randn(IntArrayRef size, TensorOptions options = {});
Tensor randint(int64_t high, IntArrayRef size, TensorOptions options = {});
Tensor randint(int64_t low, int64_t high, IntArrayRef size, TensorOptions options = {});
Tensor randperm(int64_t n, TensorOptions options = {});
Tensor normal(const Tensor& mean, double std = 1, optional<Generator> generator = nullopt);
Tensor normal(double mean, const Tensor& std, optional<Generator> generator = nullopt);
Tensor normal(const Tensor& mean, const Tensor& std, optional<Generator> generator = nullopt);
Tensor arange(const Scalar& end, TensorOptions options = {});
Tensor arange(const Scalar& start, const Scalar& end, TensorOptions options = {});
Tensor arange(const Scalar& start, const Scalar& end, const Scalar& step, TensorOptions options = {});
Tensor linspace(const Scalar& start, const Scalar& end, int64_t steps, TensorOptions options = {});
Tensor eye(int64_t n, TensorOptions options = {});
Tensor zeros_like(const Tensor& self, TensorOptions options = {});
Tensor ones_like(const Tensor& self, TensorOptions options = {});
Tensor empty_like(const Tensor& self, TensorOptions options = {});
Tensor rand_like(const Tensor& self, TensorOptions options = {});
Tensor randn_like(const Tensor& self, TensorOptions options = {});
Tensor full_like(const Tensor& self, const Scalar& fill_value, TensorOptions options = {});
Tensor randint_like(const Tensor& self, int64_t high, TensorOptions options = {});
Tensor scalar_tensor(const Scalar& s, TensorOptions options = {});
Tensor tensor(ArrayRef<double> values, const TensorOptions& options = {});
Tensor from_blob(void* data, IntArrayRef sizes, const TensorOptions& options = {});
void manual_seed(uint64_t seed);

// Global settings (ATen/Context.h); the static queries are also free
// functions of namespace at (at::hasCUDA()).
enum class Float32MatmulPrecision { HIGHEST, HIGH, MEDIUM };
class Context {
 public:
  static bool hasCUDA();
  static bool hasCuDNN();
  static bool hasMPS();
  static bool hasXLA();
  static bool hasHIP();
  static bool hasMKLDNN();
  Float32MatmulPrecision float32MatmulPrecision() const;
  void setFloat32MatmulPrecision(const std::string& s);
  void setFloat32MatmulPrecision(Float32MatmulPrecision p);
  bool deterministicFillUninitializedMemory() const;  // newest release (2.x)
  void setDeterministicFillUninitializedMemory(bool);
  bool benchmarkCuDNN() const;
  void setBenchmarkCuDNN(bool);
  bool deterministicCuDNN() const;
  void setDeterministicCuDNN(bool);
  bool deterministicAlgorithms() const;
  void setDeterministicAlgorithms(bool, bool);
  bool allowTF32CuDNN() const;
  void setAllowTF32CuDNN(bool);
  bool allowTF32CuBLAS() const;
  void setAllowTF32CuBLAS(bool);
  bool allowFP16ReductionCuBLAS() const;
  void setAllowFP16ReductionCuBLAS(bool);
};
Context& globalContext();
bool hasCUDA();
bool hasCuDNN();
bool hasMPS();
bool hasXLA();
bool hasHIP();
size_t getNumGPUs();
// Threads (ATen/Parallel.h).
void init_num_threads();
int get_num_threads();
void set_num_threads(int num_threads);
int get_num_interop_threads();
void set_num_interop_threads(int num_threads);

// math
Tensor add(const Tensor& self, const Tensor& other, const Scalar& alpha = 1);
Tensor add(const Tensor& self, const Scalar& other, const Scalar& alpha = 1);
Tensor sub(const Tensor& self, const Tensor& other, const Scalar& alpha = 1);
Tensor sub(const Tensor& self, const Scalar& other, const Scalar& alpha = 1);
Tensor mul(const Tensor& self, const Tensor& other);
Tensor mul(const Tensor& self, const Scalar& other);
Tensor div(const Tensor& self, const Tensor& other);
Tensor div(const Tensor& self, const Scalar& other);
Tensor div(const Tensor& self, const Tensor& other, optional<c10::string_view> rounding_mode);
Tensor pow(const Tensor& self, const Scalar& exponent);
Tensor pow(const Tensor& self, const Tensor& exponent);
Tensor pow(const Scalar& self, const Tensor& exponent);
Tensor matmul(const Tensor& self, const Tensor& other);
Tensor mm(const Tensor& self, const Tensor& mat2);
Tensor bmm(const Tensor& self, const Tensor& mat2);
Tensor addmm(const Tensor& self, const Tensor& mat1, const Tensor& mat2, const Scalar& beta = 1, const Scalar& alpha = 1);
Tensor einsum(std::string equation, TensorList tensors);
Tensor outer(const Tensor& self, const Tensor& vec2);
Tensor abs(const Tensor& self);
Tensor neg(const Tensor& self);
Tensor exp(const Tensor& self);
Tensor log(const Tensor& self);
Tensor log1p(const Tensor& self);
Tensor sqrt(const Tensor& self);
Tensor square(const Tensor& self);
Tensor sin(const Tensor& self);
Tensor cos(const Tensor& self);
Tensor tanh(const Tensor& self);
Tensor atan(const Tensor& self);
Tensor sigmoid(const Tensor& self);
Tensor relu(const Tensor& self);
Tensor leaky_relu(const Tensor& self, const Scalar& negative_slope = 0.01);
Tensor gelu(const Tensor& self, std::string approximate = "none");
Tensor softmax(const Tensor& self, int64_t dim, optional<ScalarType> dtype = nullopt);
Tensor log_softmax(const Tensor& self, int64_t dim, optional<ScalarType> dtype = nullopt);
Tensor clamp(const Tensor& self, optional<Scalar> min = nullopt, optional<Scalar> max = nullopt);
Tensor round(const Tensor& self);
Tensor floor(const Tensor& self);
Tensor ceil(const Tensor& self);
Tensor trunc(const Tensor& self);
Tensor sign(const Tensor& self);
Tensor sgn(const Tensor& self);
Tensor heaviside(const Tensor& self, const Tensor& values);
Tensor floor_divide(const Tensor& self, const Tensor& other);
Tensor fmod(const Tensor& self, const Scalar& other);
Tensor remainder(const Tensor& self, const Scalar& other);
Tensor sum(const Tensor& self, optional<ScalarType> dtype = nullopt);
Tensor sum(const Tensor& self, IntArrayRef dim, bool keepdim = false, optional<ScalarType> dtype = nullopt);
Tensor mean(const Tensor& self, optional<ScalarType> dtype = nullopt);
Tensor mean(const Tensor& self, IntArrayRef dim, bool keepdim = false, optional<ScalarType> dtype = nullopt);
Tensor norm(const Tensor& self, const Scalar& p = 2);
Tensor max(const Tensor& self);
std::tuple<Tensor, Tensor> max(const Tensor& self, int64_t dim, bool keepdim = false);
Tensor min(const Tensor& self);
std::tuple<Tensor, Tensor> min(const Tensor& self, int64_t dim, bool keepdim = false);
Tensor max(const Tensor& self, const Tensor& other);
Tensor min(const Tensor& self, const Tensor& other);
Tensor maximum(const Tensor& self, const Tensor& other);
Tensor minimum(const Tensor& self, const Tensor& other);
Tensor argmax(const Tensor& self, optional<int64_t> dim = nullopt, bool keepdim = false);
Tensor argmin(const Tensor& self, optional<int64_t> dim = nullopt, bool keepdim = false);
Tensor argsort(const Tensor& self, int64_t dim = -1, bool descending = false);
std::tuple<Tensor, Tensor> sort(const Tensor& self, int64_t dim = -1, bool descending = false);
std::tuple<Tensor, Tensor> topk(const Tensor& self, int64_t k, int64_t dim = -1, bool largest = true, bool sorted = true);
Tensor cat(TensorList tensors, int64_t dim = 0);
Tensor flatten(const Tensor& self, int64_t start_dim = 0, int64_t end_dim = -1);
Tensor upsample_nearest2d(const Tensor& self, IntArrayRef output_size, optional<double> scales_h = nullopt,
                          optional<double> scales_w = nullopt);
Tensor constant_pad_nd(const Tensor& self, IntArrayRef pad, const Scalar& value = 0);
Tensor flip(const Tensor& self, IntArrayRef dims);
Tensor stack(TensorList tensors, int64_t dim = 0);
std::vector<Tensor> broadcast_tensors(TensorList tensors);
std::vector<Tensor> split(const Tensor& self, int64_t split_size, int64_t dim = 0);
std::vector<Tensor> split(const Tensor& self, IntArrayRef split_size, int64_t dim = 0);
std::vector<Tensor> chunk(const Tensor& self, int64_t chunks, int64_t dim = 0);
Tensor where(const Tensor& condition, const Tensor& self, const Tensor& other);
std::vector<Tensor> where(const Tensor& condition);
Tensor where(const Tensor& condition, const Scalar& self, const Scalar& other);
Tensor where(const Tensor& condition, const Scalar& self, const Tensor& other);
Tensor where(const Tensor& condition, const Tensor& self, const Scalar& other);
Tensor gather(const Tensor& self, int64_t dim, const Tensor& index, bool sparse_grad = false);
Tensor index_select(const Tensor& self, int64_t dim, const Tensor& index);
Tensor masked_select(const Tensor& self, const Tensor& mask);
Tensor masked_fill(const Tensor& self, const Tensor& mask, const Scalar& value);
Tensor eq(const Tensor& self, const Tensor& other);
Tensor ne(const Tensor& self, const Tensor& other);
Tensor lt(const Tensor& self, const Tensor& other);
Tensor le(const Tensor& self, const Tensor& other);
Tensor gt(const Tensor& self, const Tensor& other);
Tensor ge(const Tensor& self, const Tensor& other);
Tensor eq(const Tensor& self, const Scalar& other);
Tensor ne(const Tensor& self, const Scalar& other);
Tensor lt(const Tensor& self, const Scalar& other);
Tensor le(const Tensor& self, const Scalar& other);
Tensor gt(const Tensor& self, const Scalar& other);
Tensor ge(const Tensor& self, const Scalar& other);
Tensor logical_and(const Tensor& self, const Tensor& other);
Tensor logical_or(const Tensor& self, const Tensor& other);
Tensor logical_not(const Tensor& self);
Tensor logical_xor(const Tensor& self, const Tensor& other);
Tensor isnan(const Tensor& self);
Tensor isinf(const Tensor& self);
Tensor isfinite(const Tensor& self);
Tensor signbit(const Tensor& self);
Tensor nonzero(const Tensor& self);
Tensor any(const Tensor& self);
Tensor all(const Tensor& self);
Tensor count_nonzero(const Tensor& self, optional<int64_t> dim = nullopt);
Tensor bucketize(const Tensor& self, const Tensor& boundaries, bool out_int32 = false, bool right = false);
Tensor bucketize(const Scalar& self, const Tensor& boundaries, bool out_int32 = false, bool right = false);
Tensor searchsorted(const Tensor& sorted_sequence, const Tensor& self, bool out_int32 = false, bool right = false,
                    optional<c10::string_view> side = nullopt, const optional<Tensor>& sorter = {});
Tensor searchsorted(const Tensor& sorted_sequence, const Scalar& self, bool out_int32 = false, bool right = false,
                    optional<c10::string_view> side = nullopt, const optional<Tensor>& sorter = {});
Tensor histc(const Tensor& self, int64_t bins = 100, const Scalar& min = 0, const Scalar& max = 0);
Tensor multinomial(const Tensor& self, int64_t num_samples, bool replacement = false);
Tensor one_hot(const Tensor& self, int64_t num_classes = -1);
Tensor detach(const Tensor& self);
Tensor dropout(const Tensor& input, double p, bool train);
Tensor linear(const Tensor& input, const Tensor& weight, const Tensor& bias = {});
Tensor conv2d(const Tensor& input, const Tensor& weight, const Tensor& bias = {}, IntArrayRef stride = 1,
              IntArrayRef padding = 0, IntArrayRef dilation = 1, int64_t groups = 1);
Tensor max_pool2d(const Tensor& self, IntArrayRef kernel_size, IntArrayRef stride = {}, IntArrayRef padding = 0,
                  IntArrayRef dilation = 1, bool ceil_mode = false);
Tensor batch_norm(const Tensor& input, const Tensor& weight, const Tensor& bias, const Tensor& running_mean,
                  const Tensor& running_var, bool training, double momentum, double eps, bool cudnn_enabled);

// losses (reduction: 0 none, 1 mean, 2 sum, as in ATen/core/Reduction.h)
namespace Reduction {
enum Reduction { None, Mean, Sum, END };
}  // namespace Reduction
Tensor mse_loss(const Tensor& self, const Tensor& target, int64_t reduction = 1);
Tensor l1_loss(const Tensor& self, const Tensor& target, int64_t reduction = 1);
Tensor smooth_l1_loss(const Tensor& self, const Tensor& target, int64_t reduction = 1, double beta = 1.0);
Tensor huber_loss(const Tensor& self, const Tensor& target, int64_t reduction = 1, double delta = 1.0);
Tensor nll_loss(const Tensor& self, const Tensor& target, const Tensor& weight = {}, int64_t reduction = 1,
                int64_t ignore_index = -100);
Tensor cross_entropy_loss(const Tensor& self, const Tensor& target, const Tensor& weight = {},
                          int64_t reduction = 1, int64_t ignore_index = -100, double label_smoothing = 0.0);
Tensor binary_cross_entropy(const Tensor& self, const Tensor& target, const Tensor& weight = {},
                            int64_t reduction = 1);
Tensor binary_cross_entropy_with_logits(const Tensor& self, const Tensor& target, const Tensor& weight = {},
                                        const Tensor& pos_weight = {}, int64_t reduction = 1);
Tensor kl_div(const Tensor& self, const Tensor& target, int64_t reduction = 1, bool log_target = false);

}  // namespace at

// Every other ATen function of native_functions.yaml (generated).
#include "generated/ops_gen.h"

namespace torch {
using namespace at;

namespace indexing = at::indexing;
using Dtype = at::ScalarType;

// Factories of namespace torch: they honour TensorOptions::requires_grad.
at::Tensor empty(at::IntArrayRef size, at::TensorOptions options = {});
at::Tensor zeros(at::IntArrayRef size, at::TensorOptions options = {});
at::Tensor ones(at::IntArrayRef size, at::TensorOptions options = {});
at::Tensor full(at::IntArrayRef size, const at::Scalar& fill_value, at::TensorOptions options = {});
at::Tensor rand(at::IntArrayRef size, at::TensorOptions options = {});
at::Tensor randn(at::IntArrayRef size, at::TensorOptions options = {});
at::Tensor normal(double mean, double std, at::IntArrayRef size, c10::optional<at::Generator> generator = c10::nullopt,
                  at::TensorOptions options = {});
at::Tensor randint(int64_t high, at::IntArrayRef size, at::TensorOptions options = {});
at::Tensor randint(int64_t low, int64_t high, at::IntArrayRef size, at::TensorOptions options = {});
at::Tensor arange(const at::Scalar& end, at::TensorOptions options = {});
at::Tensor arange(const at::Scalar& start, const at::Scalar& end, at::TensorOptions options = {});
at::Tensor arange(const at::Scalar& start, const at::Scalar& end, const at::Scalar& step,
                  at::TensorOptions options = {});
at::Tensor linspace(const at::Scalar& start, const at::Scalar& end, int64_t steps, at::TensorOptions options = {});
at::Tensor eye(int64_t n, at::TensorOptions options = {});
at::Tensor zeros_like(const at::Tensor& self, at::TensorOptions options = {});
at::Tensor ones_like(const at::Tensor& self, at::TensorOptions options = {});
at::Tensor empty_like(const at::Tensor& self, at::TensorOptions options = {});
at::Tensor rand_like(const at::Tensor& self, at::TensorOptions options = {});
at::Tensor randn_like(const at::Tensor& self, at::TensorOptions options = {});
at::Tensor full_like(const at::Tensor& self, const at::Scalar& fill_value, at::TensorOptions options = {});
at::Tensor randint_like(const at::Tensor& self, int64_t high, at::TensorOptions options = {});
at::Tensor scalar_tensor(const at::Scalar& s, at::TensorOptions options = {});
at::Tensor from_blob(void* data, at::IntArrayRef sizes, const at::TensorOptions& options = {});
at::Tensor from_blob(void* data, at::IntArrayRef sizes, const std::function<void(void*)>& deleter,
                     const at::TensorOptions& options = {});
namespace detail {
// Scalars, (nested) braced lists, ArrayRefs and vectors of numbers.
struct TensorDataContainer {
  TensorDataContainer();
  TensorDataContainer(double value);
  TensorDataContainer(float value);
  TensorDataContainer(int value);
  TensorDataContainer(int64_t value);
  TensorDataContainer(bool value);
  TensorDataContainer(std::initializer_list<TensorDataContainer> init_list);
  template <typename T> TensorDataContainer(at::ArrayRef<T> values);
  template <typename T> TensorDataContainer(const std::vector<T>& values);
};
}  // namespace detail
at::Tensor tensor(detail::TensorDataContainer tensor_data_container, const at::TensorOptions& options = {});

using NoGradGuard = at::NoGradGuard;
using AutoGradMode = at::AutoGradMode;
using InferenceMode = c10::InferenceMode;
using GradMode = at::GradMode;
using at::manual_seed;
// torch/utils.h re-exports ATen's thread controls.
using at::get_num_threads;
using at::set_num_threads;
using at::get_num_interop_threads;
using at::set_num_interop_threads;

namespace cuda {
bool is_available();
bool cudnn_is_available();
int64_t device_count();
void synchronize(int64_t device_index = -1);
void manual_seed(uint64_t seed);
void manual_seed_all(uint64_t seed);
}  // namespace cuda

}  // namespace torch
