// tfgradlint API model of LibTorch 1.13 (namespace c10): scalars, dtypes,
// devices, tensor options, array references, errors and grad-mode controls.
// Written by the tfgradlint authors from the public API so that training code
// parses without LibTorch installed; declarations only, no implementation.
#pragma once
#include <cstddef>
#include <cstdint>
#include <exception>
#include <initializer_list>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

// Export and option macros of torch/csrc/Export.h, torch/arg.h and
// c10/util/Logging.h, so that projects declaring their own modules and
// options with them parse (the accessors are declarations only).
#ifndef TORCH_API
#define TORCH_API
#endif
#ifndef C10_LOG_API_USAGE_ONCE
#define C10_LOG_API_USAGE_ONCE(...)
#endif
#ifndef TORCH_ARG
#define TORCH_ARG(T, name)                                   \
 public:                                                     \
  auto name(const T& new_##name)->decltype(*this);           \
  auto name(T&& new_##name)->decltype(*this);                \
  const T& name() const noexcept;                            \
  T& name() noexcept;                                        \
                                                             \
 private:                                                    \
  T name##_
#endif

namespace c10 {

// c10::optional and c10::variant are classes of their own, as in LibTorch
// 1.13 (the newest release makes them aliases of the std ones). They are
// declared here with clang's built-in type traits instead of libstdc++'s
// <type_traits> machinery: each std::optional<T> the model named made the
// PCH hold some sixty trait specializations, and clang 14 reads all the
// specializations of a template back the first time a file instantiates
// any of them, so every file paid for them (docs/benchmarks.md).
// Conversions from and to the std types keep code written for the newest
// release parsing.
using std::nullopt;
using std::nullopt_t;
namespace model_detail {
template <bool Condition> struct enable_if {};
template <> struct enable_if<true> { using type = int; };
}  // namespace model_detail
#define TFG_MODEL_REQUIRES(...) typename ::c10::model_detail::enable_if<(__VA_ARGS__)>::type = 0

template <class T> class optional {
 public:
  using value_type = T;
  constexpr optional() noexcept;
  constexpr optional(nullopt_t) noexcept;
  optional(const optional& other);
  optional(optional&& other) noexcept;
  template <class U, TFG_MODEL_REQUIRES(__is_convertible_to(U&&, T))>
  optional(U&& value);
  template <class U, TFG_MODEL_REQUIRES(__is_constructible(T, U&&) && !__is_convertible_to(U&&, T))>
  explicit optional(U&& value);
  template <class U> optional(const std::optional<U>& other);
  template <class U> optional(std::optional<U>&& other);
  template <class... Args> explicit optional(std::in_place_t, Args&&... args);
  ~optional();
  optional& operator=(nullopt_t) noexcept;
  optional& operator=(const optional& other);
  optional& operator=(optional&& other) noexcept;
  template <class U, TFG_MODEL_REQUIRES(__is_constructible(T, U&&))>
  optional& operator=(U&& value);
  template <class U = T> operator std::optional<U>() const;
  constexpr bool has_value() const noexcept;
  constexpr explicit operator bool() const noexcept;
  T& value() &;
  const T& value() const&;
  T&& value() &&;
  T& operator*() &;
  const T& operator*() const&;
  T&& operator*() &&;
  T* operator->();
  const T* operator->() const;
  template <class U> T value_or(U&& fallback) const&;
  void reset() noexcept;
  template <class... Args> T& emplace(Args&&... args);
  void swap(optional& other);
};
template <class T> bool operator==(const optional<T>& a, nullopt_t);
template <class T> bool operator==(nullopt_t, const optional<T>& a);
template <class T> bool operator!=(const optional<T>& a, nullopt_t);
template <class T> bool operator!=(nullopt_t, const optional<T>& a);
template <class T, class U> bool operator==(const optional<T>& a, const optional<U>& b);
template <class T, class U> bool operator!=(const optional<T>& a, const optional<U>& b);
template <class T, class U> bool operator==(const optional<T>& a, const U& b);
template <class T, class U> bool operator!=(const optional<T>& a, const U& b);
template <class T, class U> bool operator<(const optional<T>& a, const U& b);
template <class T, class U> bool operator>(const optional<T>& a, const U& b);
template <class T> optional<T> make_optional(T value);

template <class... T> class variant {
 public:
  variant();
  variant(const variant& other);
  variant(variant&& other);
  template <class U, TFG_MODEL_REQUIRES((__is_convertible_to(U&&, T) || ...))>
  variant(U&& value);
  ~variant();
  variant& operator=(const variant& other);
  variant& operator=(variant&& other);
  template <class U, TFG_MODEL_REQUIRES((__is_convertible_to(U&&, T) || ...))>
  variant& operator=(U&& value);
  std::size_t index() const noexcept;
};
template <class U, class... T> U& get(variant<T...>& v);
template <class U, class... T> const U& get(const variant<T...>& v);
template <std::size_t I, class... T> const std::tuple_element_t<I, std::tuple<T...>>& get(const variant<T...>& v);
template <class U, class... T> U* get_if(variant<T...>* v) noexcept;
template <class U, class... T> const U* get_if(const variant<T...>* v) noexcept;
template <class U, class... T> bool holds_alternative(const variant<T...>& v) noexcept;
template <class F, class First, class... T>
auto visit(F&& visitor, const variant<First, T...>& v) -> decltype(static_cast<F&&>(visitor)(std::declval<const First&>()));
using std::get;
#undef TFG_MODEL_REQUIRES

// UInt16, UInt32 and UInt64 are the newest release's (2.3 and later).
enum class ScalarType : int8_t { Byte, Char, Short, Int, Long, Half, Float, Double, ComplexHalf,
                                 ComplexFloat, ComplexDouble, Bool, QInt8, QUInt8, QInt32, BFloat16,
                                 UInt16 = 27, UInt32, UInt64 };
constexpr ScalarType kByte = ScalarType::Byte;
constexpr ScalarType kChar = ScalarType::Char;
constexpr ScalarType kShort = ScalarType::Short;
constexpr ScalarType kInt = ScalarType::Int;
constexpr ScalarType kLong = ScalarType::Long;
constexpr ScalarType kHalf = ScalarType::Half;
constexpr ScalarType kFloat = ScalarType::Float;
constexpr ScalarType kDouble = ScalarType::Double;
constexpr ScalarType kBool = ScalarType::Bool;
constexpr ScalarType kBFloat16 = ScalarType::BFloat16;
constexpr ScalarType kComplexHalf = ScalarType::ComplexHalf;
constexpr ScalarType kComplexFloat = ScalarType::ComplexFloat;
constexpr ScalarType kComplexDouble = ScalarType::ComplexDouble;
constexpr ScalarType kInt8 = ScalarType::Char;
constexpr ScalarType kInt16 = ScalarType::Short;
constexpr ScalarType kInt32 = ScalarType::Int;
constexpr ScalarType kInt64 = ScalarType::Long;
constexpr ScalarType kFloat16 = ScalarType::Half;
constexpr ScalarType kFloat32 = ScalarType::Float;
constexpr ScalarType kFloat64 = ScalarType::Double;
constexpr ScalarType kUInt8 = ScalarType::Byte;
constexpr ScalarType kUInt16 = ScalarType::UInt16;
constexpr ScalarType kUInt32 = ScalarType::UInt32;
constexpr ScalarType kUInt64 = ScalarType::UInt64;

// The 16-bit floating-point element types (c10/util/Half.h, BFloat16.h).
struct Half {
  Half();
  Half(float value);
  operator float() const;
};
struct BFloat16 {
  BFloat16();
  BFloat16(float value);
  operator float() const;
};
using DeviceIndex = int8_t;
class TensorImpl;

}  // namespace c10

namespace caffe2 {
// The dtype of a tensor as Tensor::dtype() returns it (c10/util/typeid.h).
class TypeMeta {
 public:
  c10::ScalarType toScalarType() const;
  size_t itemsize() const noexcept;
  const char* name() const noexcept;
};
bool operator==(const TypeMeta lhs, const TypeMeta rhs) noexcept;
bool operator!=(const TypeMeta lhs, const TypeMeta rhs) noexcept;
}  // namespace caffe2

namespace c10 {
bool operator==(const ScalarType t, const caffe2::TypeMeta m);
bool operator!=(const ScalarType t, const caffe2::TypeMeta m);
bool operator==(const caffe2::TypeMeta m, const ScalarType t);
bool operator!=(const caffe2::TypeMeta m, const ScalarType t);

enum class Layout : int8_t { Strided, Sparse };
constexpr Layout kStrided = Layout::Strided;
enum class MemoryFormat : int8_t { Contiguous, Preserve, ChannelsLast };

enum class DeviceType : int8_t {
  CPU = 0, CUDA = 1, MKLDNN = 2, OPENGL = 3, OPENCL = 4, IDEEP = 5, HIP = 6, FPGA = 7, ORT = 8, XLA = 9,
  Vulkan = 10, Metal = 11, XPU = 12, MPS = 13, Meta = 14, HPU = 15, VE = 16, Lazy = 17, IPU = 18,
  PrivateUse1 = 19, COMPILE_TIME_MAX_DEVICE_TYPES = 20
};
// The legacy backend of a tensor (Tensor::toBackend).
enum class Backend { CPU, CUDA, HIP, SparseCPU, SparseCUDA, MkldnnCPU, QuantizedCPU, Undefined };
constexpr DeviceType kCPU = DeviceType::CPU;
constexpr DeviceType kCUDA = DeviceType::CUDA;
constexpr DeviceType kHIP = DeviceType::HIP;
constexpr DeviceType kFPGA = DeviceType::FPGA;
constexpr DeviceType kORT = DeviceType::ORT;
constexpr DeviceType kXLA = DeviceType::XLA;
constexpr DeviceType kMPS = DeviceType::MPS;
constexpr DeviceType kMeta = DeviceType::Meta;
constexpr DeviceType kVulkan = DeviceType::Vulkan;
constexpr DeviceType kMetal = DeviceType::Metal;
constexpr DeviceType kXPU = DeviceType::XPU;
constexpr DeviceType kHPU = DeviceType::HPU;
constexpr DeviceType kVE = DeviceType::VE;
constexpr DeviceType kLazy = DeviceType::Lazy;
constexpr DeviceType kIPU = DeviceType::IPU;
constexpr DeviceType kPrivateUse1 = DeviceType::PrivateUse1;

struct Device {
  Device(DeviceType type, int8_t index = -1);
  Device(const std::string& device_string);
  Device(const char* device_string);
  DeviceType type() const noexcept;
  int8_t index() const noexcept;
  void set_index(int8_t index);
  bool is_cuda() const noexcept;
  bool is_cpu() const noexcept;
  std::string str() const;
  bool operator==(const Device& other) const noexcept;
  bool operator!=(const Device& other) const noexcept;
};
std::ostream& operator<<(std::ostream& stream, const Device& device);

class Scalar {
 public:
  Scalar();
  Scalar(double v);
  Scalar(float v);
  Scalar(int v);
  Scalar(long v);
  Scalar(long long v);
  Scalar(unsigned v);
  Scalar(unsigned long v);
  Scalar(bool v);
  template <typename T> T to() const;
  double toDouble() const;
  float toFloat() const;
  int64_t toLong() const;
  int toInt() const;
  bool toBool() const;
  bool isFloatingPoint() const;
  bool isIntegral(bool includeBool) const;
  Scalar operator-() const;
};
std::ostream& operator<<(std::ostream& out, const Scalar& s);

template <typename T>
class ArrayRef {
 public:
  ArrayRef();
  ArrayRef(const T& one);
  ArrayRef(const T* data, size_t length);
  ArrayRef(const std::vector<T>& vec);
  ArrayRef(const std::initializer_list<T>& list);
  template <size_t N> ArrayRef(const T (&arr)[N]);
  const T* begin() const;
  const T* end() const;
  const T* data() const;
  size_t size() const;
  bool empty() const;
  const T& operator[](size_t index) const;
  const T& front() const;
  const T& back() const;
  std::vector<T> vec() const;
  ArrayRef<T> slice(size_t N, size_t M) const;
  ArrayRef<T> slice(size_t N) const;
};
template <typename T>
std::ostream& operator<<(std::ostream& out, ArrayRef<T> list);
using IntArrayRef = ArrayRef<int64_t>;
// An optional list of dimensions (c10::OptionalArrayRef, OptionalIntArrayRef).
template <typename T>
class OptionalArrayRef {
 public:
  OptionalArrayRef();
  OptionalArrayRef(nullopt_t);
  OptionalArrayRef(ArrayRef<T> ref);
  OptionalArrayRef(const T& one);
  OptionalArrayRef(const std::vector<T>& vec);
  OptionalArrayRef(std::initializer_list<T> list);
  bool has_value() const noexcept;
  explicit operator bool() const noexcept;
  ArrayRef<T> value() const;
  ArrayRef<T> operator*() const;
};
using OptionalIntArrayRef = OptionalArrayRef<int64_t>;
class SymInt {
 public:
  SymInt(int64_t i = 0);
  int64_t expect_int() const;
  bool is_symbolic() const;
  operator int64_t() const;
};
using SymIntArrayRef = ArrayRef<SymInt>;
class Dimname;
using DimnameList = ArrayRef<Dimname>;
using string_view = std::string_view;

struct TensorOptions {
  TensorOptions();
  TensorOptions(ScalarType dtype);
  TensorOptions(caffe2::TypeMeta dtype);
  TensorOptions(Device device);
  TensorOptions(DeviceType device_type);
  TensorOptions(Layout layout);
  TensorOptions dtype(ScalarType dtype) const noexcept;
  TensorOptions dtype(caffe2::TypeMeta dtype) const noexcept;
  TensorOptions dtype(optional<ScalarType> dtype) const noexcept;
  // As in LibTorch: one optional overload and a forwarding template (a
  // Device and a DeviceType overload would make device(kCPU) ambiguous).
  TensorOptions device(optional<Device> device) const noexcept;
  template <typename... Args> TensorOptions device(Args&&... args) const noexcept;
  TensorOptions device_index(int16_t device_index) const noexcept;
  TensorOptions layout(Layout layout) const noexcept;
  TensorOptions requires_grad(bool requires_grad) const noexcept;
  TensorOptions requires_grad(optional<bool> requires_grad) const noexcept;
  TensorOptions pinned_memory(bool pinned) const noexcept;
  TensorOptions memory_format(MemoryFormat format) const noexcept;
  ScalarType dtype() const noexcept;
  Device device() const noexcept;
  bool requires_grad() const noexcept;
  Layout layout() const noexcept;
  bool pinned_memory() const noexcept;
  bool has_device() const noexcept;
  bool has_dtype() const noexcept;
  bool has_layout() const noexcept;
  bool has_requires_grad() const noexcept;
  optional<Device> device_opt() const noexcept;
  optional<ScalarType> dtype_opt() const noexcept;
  optional<Layout> layout_opt() const noexcept;
  optional<bool> requires_grad_opt() const noexcept;
  optional<bool> pinned_memory_opt() const noexcept;
  optional<MemoryFormat> memory_format_opt() const noexcept;
};
TensorOptions dtype(ScalarType dtype);
TensorOptions device(Device device);
TensorOptions layout(Layout layout);
TensorOptions requires_grad(bool requires_grad = true);
TensorOptions memory_format(MemoryFormat format);

class Error : public std::exception {
 public:
  Error(const std::string& msg);
  const char* what() const noexcept override;
  const char* what_without_backtrace() const noexcept;
  const std::string& msg() const;
  const std::string& backtrace() const;
};
class IndexError : public Error { using Error::Error; };
class ValueError : public Error { using Error::Error; };
class TypeError : public Error { using Error::Error; };
class NotImplementedError : public Error { using Error::Error; };

// for (auto i : c10::irange(n)) (c10/util/irange.h).
template <typename I>
struct integer_range {
  struct iterator {
    I operator*() const;
    iterator& operator++();
    bool operator==(const iterator& other) const;
    bool operator!=(const iterator& other) const;
  };
  iterator begin() const;
  iterator end() const;
};
template <typename I, typename J> integer_range<J> irange(I begin, J end);
template <typename I> integer_range<I> irange(I end);

// Memory (c10/core/Allocator.h, CPUAllocator.h).
class DataPtr {
 public:
  DataPtr();
  void* get() const;
  Device device() const;
  explicit operator bool() const;
};
struct Allocator {
  virtual ~Allocator();
  virtual DataPtr allocate(size_t n) const = 0;
  void* raw_allocate(size_t n);
  void raw_deallocate(void* ptr);
};
Allocator* GetCPUAllocator();
Allocator* GetDefaultCPUAllocator();

// Gradient recording ("grad mode") controls.
struct GradMode {
  static bool is_enabled();
  static void set_enabled(bool enabled);
};
struct AutoGradMode {
  AutoGradMode(bool enabled);
  ~AutoGradMode();
};
struct NoGradGuard : public AutoGradMode {
  NoGradGuard();
};
struct AutoFwGradMode {
  AutoFwGradMode(bool enabled);
  ~AutoFwGradMode();
};
struct InferenceMode {
  InferenceMode(bool enabled = true);
  ~InferenceMode();
  static bool is_enabled();
};

// Error-checking macros (c10/util/Exception.h). The message arguments are
// joined with c10::str, as in the real header.
template <typename... Args>
std::string str(const Args&... args);
namespace detail {
[[noreturn]] void torchCheckFail(const char* func, const char* file, uint32_t line, const std::string& msg);
[[noreturn]] void torchInternalAssertFail(const char* func, const char* file, uint32_t line, const char* condMsg,
                                          const std::string& userMsg);
}  // namespace detail

}  // namespace c10

#define TORCH_CHECK(cond, ...)                                                                \
  if (!(cond)) {                                                                              \
    ::c10::detail::torchCheckFail(__func__, __FILE__, static_cast<uint32_t>(__LINE__),        \
                                  ::c10::str("", ##__VA_ARGS__));                             \
  }
#define TORCH_INTERNAL_ASSERT(cond, ...)                                                      \
  if (!(cond)) {                                                                              \
    ::c10::detail::torchInternalAssertFail(__func__, __FILE__, static_cast<uint32_t>(__LINE__), \
                                           #cond, ::c10::str("", ##__VA_ARGS__));             \
  }
// Warnings and attributes (c10/util/Exception.h, c10/macros/Macros.h).
#define TORCH_WARN(...) ((void)::c10::str(__VA_ARGS__))
#define TORCH_WARN_ONCE(...) ((void)::c10::str(__VA_ARGS__))
#ifndef C10_UNUSED
#define C10_UNUSED __attribute__((__unused__))
#endif
#define AT_ASSERT(...)                   \
  do {                                   \
    TORCH_INTERNAL_ASSERT(__VA_ARGS__);  \
  } while (false)
// The older checks custom ops still use (deprecated in 1.13, still there).
#define AT_ASSERTM(cond, ...)                      \
  do {                                             \
    TORCH_INTERNAL_ASSERT(cond, __VA_ARGS__);      \
  } while (false)
#define AT_ERROR(...) TORCH_CHECK(false, __VA_ARGS__)
// Export and inlining attributes of c10/macros/Macros.h and c10/macros/Export.h.
#ifndef C10_API
#define C10_API
#endif
#ifndef C10_HOST_DEVICE
#define C10_HOST_DEVICE
#endif
#ifndef C10_ALWAYS_INLINE
#define C10_ALWAYS_INLINE inline
#endif
