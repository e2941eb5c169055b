// tfgradlint API model of LibTorch 1.13 (namespace torch::jit): TorchScript
// modules loaded with torch::jit::load and the IValue they take and return.
// Written from the public API; declarations only.
#pragma once
#include "autograd.h"
#include <string>
#include <vector>

namespace c10 {
// The TorchScript type of a module's object (ATen/core/jit_type.h), for
// `module.type()->name()`.
class QualifiedName {
 public:
  const std::string& qualifiedName() const;
  const std::string& prefix() const;
  const std::string& name() const;
};
struct ClassType {
  const c10::optional<QualifiedName>& name() const;
  std::string str() const;
};
using ClassTypePtr = std::shared_ptr<ClassType>;
}  // namespace c10

namespace torch {
// Custom classes and operator libraries (torch/custom_class.h, torch/library.h).
struct CustomClassHolder {
  virtual ~CustomClassHolder();
};
template <class... Types> struct init_types {};
template <class... Types> init_types<Types...> init();
// The registration templates that take the user's lambdas have an empty
// body, the model's one exception: a lambda's type has no linkage, so a
// template called with it that is declared and never defined is an error.
template <class CurClass>
class class_ {
 public:
  class_(const std::string& namespace_name, const std::string& class_name);
  template <class... Args> class_& def(Args&&...) { return *this; }
  template <class... Args> class_& def_static(Args&&...) { return *this; }
  template <class... Args> class_& def_pickle(Args&&...) { return *this; }
};
class Library {
 public:
  template <class CurClass> class_<CurClass> class_(const std::string& class_name);
  template <class... Args> Library& def(Args&&...) & { return *this; }
  template <class... Args> Library& impl(Args&&...) & { return *this; }
  template <class... Args> Library& fallback(Args&&...) & { return *this; }
};
#ifndef TORCH_LIBRARY
#define TORCH_LIBRARY(ns, m) void TORCH_LIBRARY_init_##ns(torch::Library& m)
#define TORCH_LIBRARY_FRAGMENT(ns, m) void TORCH_LIBRARY_FRAGMENT_init_##ns(torch::Library& m)
#define TORCH_LIBRARY_IMPL(ns, k, m) void TORCH_LIBRARY_IMPL_init_##ns##_##k(torch::Library& m)
#endif

namespace jit {
using c10::IValue;
class Module;
// An element of the named_* lists of a Module (torch/csrc/jit/api/module.h).
template <typename T>
struct Named {
  std::string name;
  T value;
};
using NameModule = Named<Module>;
using NameValue = Named<IValue>;
using NameTensor = Named<at::Tensor>;
class Module {
 public:
  Module();
  IValue forward(std::vector<IValue> inputs);
  c10::ClassTypePtr type() const;
  std::vector<at::Tensor> parameters(bool recurse = true) const;
  std::vector<NameTensor> named_parameters(bool recurse = true) const;
  std::vector<at::Tensor> buffers(bool recurse = true) const;
  std::vector<NameTensor> named_buffers(bool recurse = true) const;
  std::vector<Module> children() const;
  std::vector<NameModule> named_children() const;
  std::vector<Module> modules() const;
  std::vector<NameModule> named_modules() const;
  std::vector<IValue> attributes(bool recurse = true) const;
  std::vector<NameValue> named_attributes(bool recurse = true) const;
  void train(bool on = true);
  void eval();
  bool is_training() const;
  void to(at::Device device, bool non_blocking = false);
  void to(at::ScalarType dtype, bool non_blocking = false);
  void save(const std::string& filename) const;
  IValue attr(const std::string& name) const;
  IValue attr(const std::string& name, IValue or_else) const;
  bool hasattr(const std::string& name) const;
  void setattr(const std::string& name, IValue v);
  void register_parameter(const std::string& name, at::Tensor v, bool is_buffer);
  void register_attribute(const std::string& name, IValue v);
  IValue run_method(const std::string& method_name, std::vector<IValue> inputs);
  IValue operator()(std::vector<IValue> inputs);
};
namespace script {
using Module = ::torch::jit::Module;
}  // namespace script
Module load(const std::string& filename, c10::optional<c10::Device> device = c10::nullopt);
}  // namespace jit

// Short dtype names of torch/types.h.
constexpr auto kF16 = at::kHalf;
constexpr auto kF32 = at::kFloat;
constexpr auto kF64 = at::kDouble;
constexpr auto kI8 = at::kChar;
constexpr auto kI16 = at::kShort;
constexpr auto kI32 = at::kInt;
constexpr auto kI64 = at::kLong;
constexpr auto kU8 = at::kByte;
}  // namespace torch
