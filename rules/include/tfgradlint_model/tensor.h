// tfgradlint API model of LibTorch 1.13 (namespace at): the Tensor class,
// its operators and the ATen free functions training code commonly uses.
// Written from the public API; declarations only.
#pragma once
#include "c10.h"
#include <memory>
#include <tuple>
#include <utility>

namespace torch {
namespace autograd {
// The backward node that produced a tensor (Tensor::grad_fn()).
struct Node {
  virtual ~Node();
  virtual std::string name() const;
};
}  // namespace autograd
}  // namespace torch

namespace at {
using namespace c10;

class Tensor;
// What the deprecated Tensor::type() returns (ATen/core/DeprecatedTypeProperties.h).
class DeprecatedTypeProperties {
 public:
  Backend backend() const;
  ScalarType scalarType() const;
  caffe2::TypeMeta typeMeta() const;
  bool is_cuda() const;
  bool is_sparse() const;
  std::string toString() const;
  DeviceType device_type() const;
};
class Generator {};

namespace indexing {
struct EllipsisIndexType {};
constexpr EllipsisIndexType Ellipsis{};
constexpr nullopt_t None = nullopt;
struct Slice {
  Slice(optional<int64_t> start = nullopt, optional<int64_t> stop = nullopt, optional<int64_t> step = nullopt);
};
struct TensorIndex {
  TensorIndex(nullopt_t);
  TensorIndex(EllipsisIndexType);
  TensorIndex(int64_t integer);
  TensorIndex(int integer);
  TensorIndex(bool boolean);
  TensorIndex(Slice slice);
  TensorIndex(const Tensor& tensor);
};
}  // namespace indexing

template <typename T, size_t N>
class TensorAccessor {
 public:
  TensorAccessor<T, N - 1> operator[](int64_t i);
  const TensorAccessor<T, N - 1> operator[](int64_t i) const;
  int64_t size(int64_t i) const;
  T* data();
  const T* data() const;
};
template <typename T>
class TensorAccessor<T, 1> {
 public:
  T& operator[](int64_t i);
  T& operator[](int64_t i) const;
  int64_t size(int64_t i) const;
  T* data();
  const T* data() const;
};

template <typename T> struct DefaultPtrTraits { typedef T* PtrType; };
template <typename T> struct RestrictPtrTraits { typedef T* __restrict__ PtrType; };
// The packed accessors index like TensorAccessor (CUDA kernels take them).
template <typename T, size_t N, template <typename U> class PtrTraits = DefaultPtrTraits>
using PackedTensorAccessor32 = TensorAccessor<T, N>;
template <typename T, size_t N, template <typename U> class PtrTraits = DefaultPtrTraits>
using PackedTensorAccessor64 = TensorAccessor<T, N>;

class Tensor {
 public:
  Tensor();
  Tensor(const Tensor& other);
  Tensor(Tensor&& other) noexcept;
  Tensor& operator=(const Tensor& other) &;
  Tensor& operator=(Tensor&& other) &;
  Tensor& operator=(Scalar v) &&;
  Tensor& operator=(const Tensor& rhs) &&;  // writes into the viewed elements (copy_)
  Tensor& operator=(Tensor&& rhs) &&;

  // metadata
  bool defined() const;
  int64_t dim() const;
  int64_t ndimension() const;
  int64_t numel() const;
  int64_t size(int64_t dim) const;
  IntArrayRef sizes() const;
  IntArrayRef strides() const;
  ScalarType scalar_type() const;
  caffe2::TypeMeta dtype() const;
  DeprecatedTypeProperties& type() const;
  DimnameList names() const;
  bool has_names() const;
  TensorOptions options() const;
  Device device() const;
  bool is_cuda() const;
  bool is_contiguous() const;
  bool is_leaf() const;
  bool is_floating_point() const;
  int64_t element_size() const;
  std::string toString() const;
  void print() const;

  // autograd
  bool requires_grad() const;
  Tensor& requires_grad_(bool requires_grad = true) const;
  Tensor& set_requires_grad(bool requires_grad) const;
  const Tensor& grad() const;
  Tensor& mutable_grad();
  const std::shared_ptr<torch::autograd::Node>& grad_fn() const;
  void backward(const Tensor& gradient = {}, optional<bool> retain_graph = nullopt, bool create_graph = false,
                optional<std::vector<Tensor>> inputs = nullopt) const;
  void retain_grad() const;
  Tensor detach() const;
  Tensor& detach_() const;
  Tensor data() const;
  template <typename T> T* data() const;  // deprecated form of data_ptr<T>()
  Tensor clone() const;
  Tensor new_zeros(IntArrayRef size, TensorOptions options = {}) const;
  Tensor new_ones(IntArrayRef size, TensorOptions options = {}) const;
  Tensor new_empty(IntArrayRef size, TensorOptions options = {}) const;
  Tensor new_full(IntArrayRef size, const Scalar& fill_value, TensorOptions options = {}) const;
  Tensor& copy_(const Tensor& src, bool non_blocking = false) const;

  // host access
  Scalar item() const;
  template <typename T> T item() const;
  template <typename T> T* data_ptr() const;
  void* data_ptr() const;
  // The newest release's read-only and writable forms (2.1 and later).
  template <typename T> const T* const_data_ptr() const;
  const void* const_data_ptr() const;
  template <typename T> T* mutable_data_ptr() const;
  void* mutable_data_ptr() const;
  template <typename T, size_t N> TensorAccessor<T, N> accessor() const&;
  template <typename T, size_t N, template <typename U> class PtrTraits = DefaultPtrTraits>
  PackedTensorAccessor32<T, N, PtrTraits> packed_accessor32() const&;
  template <typename T, size_t N, template <typename U> class PtrTraits = DefaultPtrTraits>
  PackedTensorAccessor64<T, N, PtrTraits> packed_accessor64() const&;

  // conversion and devices
  Tensor to(ScalarType dtype, bool non_blocking = false, bool copy = false) const;
  Tensor to(Device device, ScalarType dtype, bool non_blocking = false, bool copy = false) const;
  Tensor to(TensorOptions options = {}, bool non_blocking = false, bool copy = false) const;
  Tensor to(const Tensor& other, bool non_blocking = false, bool copy = false) const;
  Tensor toType(ScalarType t) const;
  Tensor type_as(const Tensor& other) const;
  Tensor cpu() const;
  Tensor cuda() const;
  Tensor contiguous() const;
  Tensor float_() const;

  // shape
  Tensor view(IntArrayRef size) const;
  Tensor reshape(IntArrayRef shape) const;
  Tensor flatten(int64_t start_dim = 0, int64_t end_dim = -1) const;
  Tensor squeeze() const;
  Tensor squeeze(int64_t dim) const;
  Tensor unsqueeze(int64_t dim) const;
  Tensor& unsqueeze_(int64_t dim) const;
  Tensor& squeeze_() const;
  Tensor& squeeze_(int64_t dim) const;
  Tensor flip(IntArrayRef dims) const;
  Tensor unfold(int64_t dimension, int64_t size, int64_t step) const;
  Tensor t() const;
  Tensor transpose(int64_t dim0, int64_t dim1) const;
  Tensor permute(IntArrayRef dims) const;
  Tensor expand(IntArrayRef size) const;
  Tensor expand_as(const Tensor& other) const;
  Tensor repeat(IntArrayRef repeats) const;
  Tensor narrow(int64_t dim, int64_t start, int64_t length) const;
  Tensor select(int64_t dim, int64_t index) const;
  Tensor slice(int64_t dim = 0, optional<int64_t> start = nullopt, optional<int64_t> end = nullopt, int64_t step = 1) const;
  std::vector<Tensor> chunk(int64_t chunks, int64_t dim = 0) const;
  std::vector<Tensor> split(int64_t split_size, int64_t dim = 0) const;
  Tensor index(std::initializer_list<indexing::TensorIndex> indices) const;
  Tensor index(ArrayRef<indexing::TensorIndex> indices) const;
  Tensor& index_put_(ArrayRef<indexing::TensorIndex> indices, const Tensor& rhs) const;
  Tensor& index_put_(ArrayRef<indexing::TensorIndex> indices, const Scalar& v) const;
  Tensor operator[](int64_t index) const;
  Tensor operator[](const Tensor& index) const;

  // arithmetic
  Tensor add(const Tensor& other, const Scalar& alpha = 1) const;
  Tensor add(const Scalar& other, const Scalar& alpha = 1) const;
  Tensor& add_(const Tensor& other, const Scalar& alpha = 1) const;
  Tensor& add_(const Scalar& other, const Scalar& alpha = 1) const;
  Tensor sub(const Tensor& other, const Scalar& alpha = 1) const;
  Tensor sub(const Scalar& other, const Scalar& alpha = 1) const;
  Tensor& sub_(const Tensor& other, const Scalar& alpha = 1) const;
  Tensor& sub_(const Scalar& other, const Scalar& alpha = 1) const;
  Tensor mul(const Tensor& other) const;
  Tensor mul(const Scalar& other) const;
  Tensor& mul_(const Tensor& other) const;
  Tensor& mul_(const Scalar& other) const;
  Tensor div(const Tensor& other) const;
  Tensor div(const Scalar& other) const;
  Tensor div(const Tensor& other, optional<std::string> rounding_mode) const;
  Tensor& div_(const Tensor& other) const;
  Tensor& div_(const Scalar& other) const;
  Tensor pow(const Tensor& exponent) const;
  Tensor pow(const Scalar& exponent) const;
  Tensor& pow_(const Scalar& exponent) const;
  Tensor& addcmul_(const Tensor& t1, const Tensor& t2, const Scalar& value = 1) const;
  Tensor& addcdiv_(const Tensor& t1, const Tensor& t2, const Scalar& value = 1) const;
  Tensor& zero_() const;
  Tensor& fill_(const Scalar& value) const;
  Tensor& normal_(double mean = 0, double std = 1) const;
  Tensor& uniform_(double from = 0, double to = 1) const;
  Tensor& clamp_(optional<Scalar> min = nullopt, optional<Scalar> max = nullopt) const;
  Tensor& masked_fill_(const Tensor& mask, const Scalar& value) const;
  Tensor matmul(const Tensor& other) const;
  Tensor mm(const Tensor& mat2) const;
  Tensor bmm(const Tensor& mat2) const;
  Tensor mv(const Tensor& vec) const;
  Tensor dot(const Tensor& other) const;
  Tensor neg() const;
  Tensor abs() const;
  Tensor exp() const;
  Tensor& exp_() const;
  Tensor log() const;
  Tensor log1p() const;
  Tensor sqrt() const;
  Tensor rsqrt() const;
  Tensor square() const;
  Tensor sin() const;
  Tensor cos() const;
  Tensor tanh() const;
  Tensor atan() const;
  Tensor sigmoid() const;
  Tensor relu() const;
  Tensor& relu_() const;
  Tensor softmax(int64_t dim, optional<ScalarType> dtype = nullopt) const;
  Tensor log_softmax(int64_t dim, optional<ScalarType> dtype = nullopt) const;
  Tensor clamp(optional<Scalar> min = nullopt, optional<Scalar> max = nullopt) const;
  Tensor clamp_min(const Scalar& min) const;
  Tensor clamp_max(const Scalar& max) const;
  Tensor round() const;
  Tensor floor() const;
  Tensor ceil() const;
  Tensor trunc() const;
  Tensor frac() const;
  Tensor sign() const;
  Tensor sgn() const;
  Tensor reciprocal() const;
  Tensor remainder(const Scalar& other) const;
  Tensor remainder(const Tensor& other) const;
  Tensor fmod(const Scalar& other) const;
  Tensor fmod(const Tensor& other) const;
  Tensor lerp(const Tensor& end, const Scalar& weight) const;
  Tensor& lerp_(const Tensor& end, const Scalar& weight) const;

  // reductions
  Tensor sum(optional<ScalarType> dtype = nullopt) const;
  Tensor sum(IntArrayRef dim, bool keepdim = false, optional<ScalarType> dtype = nullopt) const;
  Tensor mean(optional<ScalarType> dtype = nullopt) const;
  Tensor mean(IntArrayRef dim, bool keepdim = false, optional<ScalarType> dtype = nullopt) const;
  Tensor prod(optional<ScalarType> dtype = nullopt) const;
  Tensor prod(int64_t dim, bool keepdim = false, optional<ScalarType> dtype = nullopt) const;
  Tensor norm(const Scalar& p = 2) const;
  Tensor norm(const Scalar& p, IntArrayRef dim, bool keepdim = false) const;
  Tensor std(bool unbiased = true) const;
  Tensor var(bool unbiased = true) const;
  Tensor max() const;
  std::tuple<Tensor, Tensor> max(int64_t dim, bool keepdim = false) const;
  Tensor max(const Tensor& other) const;
  Tensor min() const;
  std::tuple<Tensor, Tensor> min(int64_t dim, bool keepdim = false) const;
  Tensor min(const Tensor& other) const;
  Tensor amax(IntArrayRef dim = {}, bool keepdim = false) const;
  Tensor logsumexp(IntArrayRef dim, bool keepdim = false) const;
  Tensor cumsum(int64_t dim, optional<ScalarType> dtype = nullopt) const;
  Tensor argmax(optional<int64_t> dim = nullopt, bool keepdim = false) const;
  Tensor argmin(optional<int64_t> dim = nullopt, bool keepdim = false) const;
  Tensor argsort(int64_t dim = -1, bool descending = false) const;
  std::tuple<Tensor, Tensor> sort(int64_t dim = -1, bool descending = false) const;
  std::tuple<Tensor, Tensor> topk(int64_t k, int64_t dim = -1, bool largest = true, bool sorted = true) const;
  Tensor any() const;
  Tensor all() const;
  Tensor nonzero() const;
  Tensor count_nonzero(optional<int64_t> dim = nullopt) const;

  // comparison and logic
  Tensor eq(const Tensor& other) const;
  Tensor eq(const Scalar& other) const;
  Tensor ne(const Tensor& other) const;
  Tensor ne(const Scalar& other) const;
  Tensor lt(const Tensor& other) const;
  Tensor lt(const Scalar& other) const;
  Tensor le(const Tensor& other) const;
  Tensor le(const Scalar& other) const;
  Tensor gt(const Tensor& other) const;
  Tensor gt(const Scalar& other) const;
  Tensor ge(const Tensor& other) const;
  Tensor ge(const Scalar& other) const;
  bool equal(const Tensor& other) const;
  bool allclose(const Tensor& other, double rtol = 1e-05, double atol = 1e-08) const;
  Tensor isnan() const;
  Tensor isinf() const;
  Tensor isfinite() const;
  Tensor logical_not() const;
  Tensor logical_and(const Tensor& other) const;
  Tensor logical_or(const Tensor& other) const;

  // indexing ops
  Tensor gather(int64_t dim, const Tensor& index, bool sparse_grad = false) const;
  Tensor scatter(int64_t dim, const Tensor& index, const Tensor& src) const;
  Tensor index_select(int64_t dim, const Tensor& index) const;
  Tensor masked_select(const Tensor& mask) const;
  Tensor masked_fill(const Tensor& mask, const Scalar& value) const;
  Tensor where(const Tensor& condition, const Tensor& other) const;
  Tensor multinomial(int64_t num_samples, bool replacement = false) const;

  // in-place operators
  Tensor operator-() const;
  Tensor operator~() const;
  Tensor& operator+=(const Tensor& other);
  Tensor& operator+=(const Scalar& other);
  Tensor& operator-=(const Tensor& other);
  Tensor& operator-=(const Scalar& other);
  Tensor& operator*=(const Tensor& other);
  Tensor& operator*=(const Scalar& other);
  Tensor& operator/=(const Tensor& other);
  Tensor& operator/=(const Scalar& other);

  Tensor toBackend(Backend b) const;

  // Every other Tensor method of native_functions.yaml (generated).
#include "generated/tensor_methods_gen.inc"
};

using TensorList = ArrayRef<Tensor>;

#define TFGL_BINARY_OPERATOR(op)                                  \
  Tensor operator op(const Tensor& x, const Tensor& y);           \
  Tensor operator op(const Tensor& x, const Scalar& y);           \
  Tensor operator op(const Scalar& x, const Tensor& y);
TFGL_BINARY_OPERATOR(+)
TFGL_BINARY_OPERATOR(-)
TFGL_BINARY_OPERATOR(*)
TFGL_BINARY_OPERATOR(/)
TFGL_BINARY_OPERATOR(%)
TFGL_BINARY_OPERATOR(&)
TFGL_BINARY_OPERATOR(|)
TFGL_BINARY_OPERATOR(^)
TFGL_BINARY_OPERATOR(<)
TFGL_BINARY_OPERATOR(<=)
TFGL_BINARY_OPERATOR(>)
TFGL_BINARY_OPERATOR(>=)
TFGL_BINARY_OPERATOR(==)
TFGL_BINARY_OPERATOR(!=)
#undef TFGL_BINARY_OPERATOR
std::ostream& operator<<(std::ostream& out, const Tensor& t);

// Recording controls that live in namespace at.
struct AutoDispatchBelowADInplaceOrView {
  AutoDispatchBelowADInplaceOrView();
  ~AutoDispatchBelowADInplaceOrView();
};
struct AutoDispatchBelowAutograd {
  AutoDispatchBelowAutograd();
  ~AutoDispatchBelowAutograd();
};
struct AutoNonVariableTypeMode {
  AutoNonVariableTypeMode(bool enabled = true);
  ~AutoNonVariableTypeMode();
};

}  // namespace at
