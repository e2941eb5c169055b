// tfgradlint API model of LibTorch 1.13: torch::autograd gradient requests
// and the grad-mode names it re-exports, plus serialization. Written from
// the public API.
#pragma once
#include "nn.h"
#include <string>
#include <type_traits>
#include <unordered_map>
#include <utility>

namespace torch {
namespace jit {
class Module;  // jit.h; IValue::toModule returns one
}  // namespace jit
}  // namespace torch
namespace c10 {
template <class T>
class intrusive_ptr {
 public:
  intrusive_ptr();
  T* get() const noexcept;
  T& operator*() const noexcept;
  T* operator->() const noexcept;
  explicit operator bool() const noexcept;
};
template <class T, class... Args>
intrusive_ptr<T> make_intrusive(Args&&... args);

struct IValue;
template <class T>
class List {
 public:
  List();
  size_t size() const;
  T get(size_t pos) const;
  T operator[](size_t pos) const;
  void push_back(const T& value) const;
  std::vector<T> vec() const;
  T* begin() const;
  T* end() const;
};
template <class Key, class Value>
class Dict {
 public:
  struct Entry {
    const Key& key() const;
    const Value& value() const;
  };
  Dict();
  size_t size() const;
  bool contains(const Key& key) const;
  Value at(const Key& key) const;
  void insert(Key key, Value value) const;
  void insert_or_assign(Key key, Value value) const;
  Entry* begin() const;
  Entry* end() const;
  Entry* find(const Key& key) const;
};
using GenericDict = Dict<IValue, IValue>;
namespace ivalue {
struct Tuple {
  const std::vector<IValue>& elements() const;
  size_t size() const;
};
}  // namespace ivalue

// A boxed value (ATen/core/ivalue.h): a tensor, a list, a tuple, a scalar,
// a dictionary; what TorchScript modules take and return and
// AutogradContext::saved_data holds.
struct IValue {
  IValue();
  IValue(const at::Tensor& t);
  IValue(double d);
  IValue(int64_t i);
  IValue(int32_t i);
  IValue(bool b);
  IValue(std::string s);
  IValue(const char* s);
  IValue(std::vector<IValue> list);
  IValue(std::vector<at::Tensor> list);
  template <class T> IValue(List<T> list);
  template <class K, class V> IValue(Dict<K, V> dict);
  IValue(intrusive_ptr<ivalue::Tuple> tuple);
  bool isTensor() const;
  bool isTuple() const;
  bool isList() const;
  bool isTensorList() const;
  bool isGenericDict() const;
  bool isNone() const;
  bool isInt() const;
  bool isDouble() const;
  bool isBool() const;
  bool isString() const;
  at::Tensor toTensor() const;
  bool isModule() const;
  torch::jit::Module toModule() const;
  double toDouble() const;
  int64_t toInt() const;
  bool toBool() const;
  std::string toStringRef() const;
  intrusive_ptr<ivalue::Tuple> toTuple() const;
  List<IValue> toList() const;
  std::vector<IValue> toListRef() const;
  List<at::Tensor> toTensorList() const;
  std::vector<at::Tensor> toTensorVector() const;
  std::vector<int64_t> toIntVector() const;
  SymInt toSymInt() const;
  std::vector<SymInt> toSymIntVector() const;  // newest release (2.x)
  std::vector<double> toDoubleVector() const;
  GenericDict toGenericDict() const;
  template <class T> T to() const;
};
}  // namespace c10
namespace at {
using c10::IValue;
}  // namespace at

namespace torch {
namespace autograd {
using Variable = at::Tensor;
using variable_list = std::vector<at::Tensor>;
using tensor_list = std::vector<at::Tensor>;
using GradMode = at::GradMode;
using AutoGradMode = at::AutoGradMode;

variable_list grad(const variable_list& outputs, const variable_list& inputs, const variable_list& grad_outputs = {},
                   c10::optional<bool> retain_graph = c10::nullopt, bool create_graph = false,
                   bool allow_unused = false);
// Custom autograd functions (torch/csrc/autograd/custom_function.h): a class
// derives from Function<Self> and defines static forward(ctx, ...) and
// backward(ctx, grad_outputs); Self::apply(...) runs forward and records it.
struct AutogradContext {
  AutogradContext();
  AutogradContext(const AutogradContext& other) = delete;
  AutogradContext& operator=(const AutogradContext& other) = delete;
  std::unordered_map<std::string, at::IValue> saved_data;
  void save_for_backward(variable_list to_save);
  void mark_dirty(const variable_list& inputs);
  void mark_non_differentiable(const variable_list& outputs);
  void set_materialize_grads(bool value);
  variable_list get_saved_variables() const;
  bool needs_input_grad(size_t output_edge_index) const;
};
template <class T, typename... Args>
using forward_t = decltype(T::forward(nullptr, std::declval<Args>()...));
template <class T>
struct Function {
  template <typename X = T, typename... Args>
  static auto apply(Args&&... args) -> std::enable_if_t<std::is_same<X, T>::value, forward_t<X, Args...>>;
};

void backward(const variable_list& tensors, const variable_list& grad_tensors = {},
              c10::optional<bool> retain_graph = c10::nullopt, bool create_graph = false,
              const variable_list& inputs = {});
}  // namespace autograd

template <typename Value, typename... SaveToArgs>
void save(const Value& value, SaveToArgs&&... args);
template <typename Value, typename... LoadFromArgs>
void load(Value& value, LoadFromArgs&&... args);

}  // namespace torch
