// tfgradlint API model of LibTorch's low-level C++ API that <torch/torch.h>
// brings in (LibTorch 1.13, with the newest release's names where noted):
// version macros, AT_DISPATCH_*, TensorUtils' argument checks, custom-op
// registration and the dispatcher (torch/library.h,
// ATen/core/dispatch/Dispatcher.h), autocast switches, the profiler and
// the JIT operator registry. Hand-written: macros and small runtime classes;
// the free functions of TensorUtils.h and autocast_mode.h are generated
// (generated/aten_utils_gen.h). Declarations only; none of this changes
// what the analysis knows (no recording guard, no op class).
#pragma once
#include "ops.h"
#include <cmath>
#include <memory>
#include <set>
#include <unordered_set>

// torch/version.h: the release the model describes.
#define TORCH_VERSION_MAJOR 1
#define TORCH_VERSION_MINOR 13
#define TORCH_VERSION_PATCH 0
#define TORCH_VERSION "1.13.0"

// ATen/Dispatch.h. The real macros switch on the dtype and call the user's
// lambda once per case with scalar_t set; the model calls it once with
// scalar_t = float, so the lambda's body is analysed like any lambda's.
#define TFGL_AT_DISPATCH(TYPE, NAME, ...) \
  [&] {                                   \
    (void)(TYPE);                         \
    (void)(NAME);                         \
    using scalar_t C10_UNUSED = float;    \
    using index_t C10_UNUSED = int64_t;   \
    return __VA_ARGS__();                 \
  }()
#define AT_DISPATCH_SWITCH(TYPE, NAME, ...) TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_ALL_TYPES(TYPE, NAME, ...) TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_ALL_TYPES_AND_HALF(TYPE, NAME, ...) TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_ALL_TYPES_AND_COMPLEX(TYPE, NAME, ...) TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_COMPLEX_TYPES(TYPE, NAME, ...) TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_FLOATING_AND_COMPLEX_TYPES(TYPE, NAME, ...) TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_FLOATING_TYPES(TYPE, NAME, ...) TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_FLOATING_TYPES_AND_HALF(TYPE, NAME, ...) TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_INDEX_TYPES(TYPE, NAME, ...) TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_INTEGRAL_TYPES(TYPE, NAME, ...) TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_QINT_TYPES(TYPE, NAME, ...) TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_QINT_BYTE_TYPES(TYPE, NAME, ...) TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_QINT_AND_SUB_BYTE_TYPES(TYPE, NAME, ...) TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_ALL_TYPES_AND(S1, TYPE, NAME, ...) TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_ALL_TYPES_AND_COMPLEX_AND(S1, TYPE, NAME, ...) TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_COMPLEX_TYPES_AND(S1, TYPE, NAME, ...) TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_FLOATING_AND_COMPLEX_TYPES_AND1(S1, TYPE, NAME, ...) TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_FLOATING_TYPES_AND(S1, TYPE, NAME, ...) TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_INTEGRAL_TYPES_AND(S1, TYPE, NAME, ...) TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_ALL_TYPES_AND2(S1, S2, TYPE, NAME, ...) TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_ALL_TYPES_AND_COMPLEX_AND2(S1, S2, TYPE, NAME, ...) TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_FLOATING_AND_COMPLEX_TYPES_AND2(S1, S2, TYPE, NAME, ...) \
  TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_FLOATING_TYPES_AND2(S1, S2, TYPE, NAME, ...) TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_ALL_TYPES_AND3(S1, S2, S3, TYPE, NAME, ...) TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_ALL_TYPES_AND_COMPLEX_AND3(S1, S2, S3, TYPE, NAME, ...) \
  TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_FLOATING_AND_COMPLEX_TYPES_AND3(S1, S2, S3, TYPE, NAME, ...) \
  TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)
#define AT_DISPATCH_ALL_TYPES_AND_COMPLEX_AND4(S1, S2, S3, S4, TYPE, NAME, ...) \
  TFGL_AT_DISPATCH(TYPE, NAME, __VA_ARGS__)

namespace c10 {
// Dispatch keys and the dispatcher (c10/core/DispatchKey.h,
// ATen/core/dispatch/Dispatcher.h).
enum class DispatchKey : uint16_t {
  Undefined, CPU, CUDA, Meta, SparseCPU, SparseCUDA, BackendSelect, Python, ADInplaceOrView, AutogradOther,
  AutogradCPU, AutogradCUDA, AutogradXLA, AutogradMPS, Autograd, Tracer, AutocastCPU, AutocastCUDA, Autocast,
  CompositeImplicitAutograd, CompositeExplicitAutograd
};
class DispatchKeySet {
 public:
  DispatchKeySet();
  DispatchKeySet(DispatchKey k);
  bool has(DispatchKey k) const;
  DispatchKeySet operator|(DispatchKeySet other) const;
  DispatchKeySet operator-(DispatchKeySet other) const;
};
extern const DispatchKeySet autograd_dispatch_keyset;
struct OperatorName {
  std::string name;
  std::string overload_name;
};
struct FunctionSchema {
  const std::string& name() const;
  const std::string& overload_name() const;
  const OperatorName& operator_name() const;
};
std::ostream& operator<<(std::ostream& out, const FunctionSchema& schema);
template <class FuncType> class TypedOperatorHandle;
class OperatorHandle {
 public:
  template <class FuncType> TypedOperatorHandle<FuncType> typed() const;
  const FunctionSchema& schema() const;
  const OperatorName& operator_name() const;
  bool hasKernelForDispatchKey(DispatchKey k) const;
};
template <class Return, class... Args>
class TypedOperatorHandle<Return(Args...)> : public OperatorHandle {
 public:
  Return call(Args... args) const;
  Return redispatch(DispatchKeySet ks, Args... args) const;
};
class Dispatcher {
 public:
  static Dispatcher& singleton();
  OperatorHandle findSchemaOrThrow(const char* name, const char* overload_name);
  optional<OperatorHandle> findSchema(const OperatorName& operator_name);
  optional<OperatorHandle> findOp(const OperatorName& operator_name);
};
namespace impl {
// Thread-local dispatch-key guards (c10/core/impl/LocalDispatchKeySet.h).
struct ExcludeDispatchKeyGuard {
  ExcludeDispatchKeyGuard(DispatchKey k);
  ExcludeDispatchKeyGuard(DispatchKeySet ks);
  ~ExcludeDispatchKeyGuard();
};
struct IncludeDispatchKeyGuard {
  IncludeDispatchKeyGuard(DispatchKey k);
  IncludeDispatchKeyGuard(DispatchKeySet ks);
  ~IncludeDispatchKeyGuard();
};
}  // namespace impl
}  // namespace c10

namespace torch {
// torch/library.h: TORCH_FN and the selective-build names.
namespace detail {
template <bool enabled>
class SelectiveStr {
 public:
  explicit SelectiveStr(const char* name);
  operator const char*() const;
};
}  // namespace detail
#define TORCH_FN(func) (&(func))
#define TORCH_SELECTIVE_NAME(n) ::torch::detail::SelectiveStr<true>(n)
#define TORCH_SELECTIVE_SCHEMA(n) ::torch::detail::SelectiveStr<true>(n)
namespace jit {
// The operator registry (torch/csrc/jit/runtime/operator.h).
struct Operator {
  const c10::FunctionSchema& schema() const;
};
const std::vector<std::shared_ptr<Operator>> getAllOperators();
}  // namespace jit
}  // namespace torch

namespace at {
// ATen/TensorUtils.h: a tensor argument named for error messages.
using CheckedFrom = const char*;
struct TensorArg {
  TensorArg(const Tensor& tensor, const char* arg_name, int pos);
  const Tensor* operator->() const;
  const Tensor& operator*() const;
  const Tensor& tensor;
  const char* name;
  int pos;
};
struct TensorGeometryArg {
  TensorGeometryArg(TensorArg arg);
  TensorGeometryArg(const Tensor& tensor, const char* arg_name, int pos);
};
namespace autocast {
// ATen/autocast_mode.h: the casts (the generic form), and the newest
// release's per-device switches. Autocast changes dtypes, not recording.
template <typename T> T cached_cast(at::ScalarType to_type, T arg, DeviceType device_type = DeviceType::CUDA);
bool is_autocast_enabled(DeviceType device_type);
void set_autocast_enabled(DeviceType device_type, bool enabled);
ScalarType get_autocast_dtype(DeviceType device_type);
void set_autocast_dtype(DeviceType device_type, ScalarType dtype);
}  // namespace autocast

// ATen/record_function.h.
enum class RecordScope : uint8_t {
  FUNCTION = 0, BACKWARD_FUNCTION, TORCHSCRIPT_FUNCTION, KERNEL_FUNCTION_DTYPE, CUSTOM_CLASS, BUILD_FEATURE,
  LITE_INTERPRETER, USER_SCOPE, STATIC_RUNTIME_OP, STATIC_RUNTIME_MODEL, NUM_SCOPES
};
}  // namespace at

#include "generated/aten_utils_gen.h"

namespace torch {
namespace autograd {
namespace profiler {
// The profiler's switches (torch/csrc/autograd/profiler_kineto.h).
enum class ProfilerState { Disabled = 0, CPU, CUDA, NVTX, ITT, KINETO, KINETO_GPU_FALLBACK, NUM_PROFILER_STATES };
enum class ActivityType { CPU = 0, CUDA, NUM_KINETO_ACTIVITIES };
struct ProfilerConfig {
  explicit ProfilerConfig(ProfilerState state, bool report_input_shapes = false, bool profile_memory = false,
                          bool with_stack = false, bool with_flops = false, bool with_modules = false);
};
struct ProfilerResult {
  void save(const std::string& path);
};
void prepareProfiler(const ProfilerConfig& config, const std::set<ActivityType>& activities);
void enableProfiler(const ProfilerConfig& config, const std::set<ActivityType>& activities,
                    const std::unordered_set<at::RecordScope>& scopes = {});
std::unique_ptr<ProfilerResult> disableProfiler();
}  // namespace profiler
}  // namespace autograd
}  // namespace torch
