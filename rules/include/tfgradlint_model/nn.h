// tfgradlint API model of LibTorch 1.13: torch::nn::Module, Cloneable, module
// holders and TORCH_MODULE, the containers (Sequential, AnyModule, ModuleList,
// ModuleDict) and Functional, OrderedDict, ExpandingArray. Written from the
// public API; every other module class is generated (nn_modules_gen.h).
#pragma once
#include "ops.h"
#include <array>
#include <functional>
#include <typeinfo>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace torch {
template <typename Key, typename Value>
class OrderedDict {
 public:
  class Item {
   public:
    Item(Key key, Value value);
    Value& operator*();
    const Value& operator*() const;
    Value* operator->();
    const Value* operator->() const;
    const Key& key() const noexcept;
    Value& value() noexcept;
    const Value& value() const noexcept;
    const std::pair<Key, Value>& pair() const noexcept;
  };
  Item* begin();
  const Item* begin() const;
  Item* end();
  const Item* end() const;
  Item& front();
  const Item& front() const;
  Item& back();
  const Item& back() const;
  Item& operator[](size_t index);
  const Item& operator[](size_t index) const;
  size_t size() const noexcept;
  Value& operator[](const Key& key);
  std::vector<Value> values() const;
  std::vector<Key> keys() const;
  Value* find(const Key& key) noexcept;
  const Value* find(const Key& key) const noexcept;
  bool contains(const Key& key) const noexcept;
  Value& insert(Key key, Value value);
  bool is_empty() const noexcept;
  const std::vector<Item>& items() const noexcept;
};

namespace serialize {
class OutputArchive;
class InputArchive;
}  // namespace serialize

// A fixed-size list of D values given as one value or a braced list
// (kernel sizes, strides).
template <size_t D, typename T = int64_t>
class ExpandingArray {
 public:
  ExpandingArray(std::initializer_list<T> list);
  ExpandingArray(std::vector<T> list);
  ExpandingArray(at::ArrayRef<T> list);
  ExpandingArray(T single_size);
  ExpandingArray(const std::array<T, D>& values);
  std::array<T, D>& operator*();
  const std::array<T, D>& operator*() const;
  std::array<T, D>* operator->();
  const std::array<T, D>* operator->() const;
  operator at::ArrayRef<T>() const;
  size_t size() const noexcept;
};
template <size_t D, typename T = int64_t>
class ExpandingArrayWithOptionalElem : public ExpandingArray<D, c10::optional<T>> {
 public:
  using ExpandingArray<D, c10::optional<T>>::ExpandingArray;
  ExpandingArrayWithOptionalElem(std::initializer_list<T> list);
  ExpandingArrayWithOptionalElem(std::vector<T> list);
  ExpandingArrayWithOptionalElem(at::ArrayRef<T> list);
  ExpandingArrayWithOptionalElem(T single_size);
  ExpandingArrayWithOptionalElem(const std::array<T, D>& values);
};

namespace nn {

template <typename Contained> class ModuleHolder;
class AnyModule;
class TransformerEncoderLayer;
class TransformerDecoderLayer;
namespace detail {
// Module::as<T>() returns the contained type for a holder, T itself otherwise.
template <typename T, typename = void>
struct as_result { using type = T; };
template <typename T>
struct as_result<T, std::void_t<typename T::ContainedType>> { using type = typename T::ContainedType; };
}  // namespace detail

class Module : public std::enable_shared_from_this<Module> {
 public:
  Module();
  explicit Module(std::string name);
  virtual ~Module();
  const std::string& name() const noexcept;
  std::vector<at::Tensor> parameters(bool recurse = true) const;
  OrderedDict<std::string, at::Tensor> named_parameters(bool recurse = true) const;
  std::vector<at::Tensor> buffers(bool recurse = true) const;
  OrderedDict<std::string, at::Tensor> named_buffers(bool recurse = true) const;
  std::vector<std::shared_ptr<Module>> children() const;
  std::vector<std::shared_ptr<Module>> modules(bool include_self = true) const;
  virtual void train(bool on = true);
  void eval();
  virtual bool is_training() const noexcept;
  virtual void to(at::Device device, at::ScalarType dtype, bool non_blocking = false);
  virtual void to(at::ScalarType dtype, bool non_blocking = false);
  virtual void to(at::Device device, bool non_blocking = false);
  virtual void zero_grad(bool set_to_none = false);
  void apply(const std::function<void(Module&)>& function);
  virtual void save(serialize::OutputArchive& archive) const;
  virtual void load(serialize::InputArchive& archive);
  virtual std::shared_ptr<Module> clone(const c10::optional<at::Device>& device = c10::nullopt) const;
  virtual void pretty_print(std::ostream& stream) const;
  virtual bool is_serializable() const;
  OrderedDict<std::string, std::shared_ptr<Module>> named_children() const;
  OrderedDict<std::string, std::shared_ptr<Module>> named_modules(const std::string& name_prefix = std::string(),
                                                                  bool include_self = true) const;
  template <typename ModuleType>
  std::shared_ptr<ModuleType> register_module(std::string name, std::shared_ptr<ModuleType> module);
  template <typename ModuleType>
  std::shared_ptr<ModuleType> register_module(std::string name, ModuleHolder<ModuleType> module_holder);
  at::Tensor& register_parameter(std::string name, at::Tensor tensor, bool requires_grad = true);
  void unregister_module(const std::string& name);
  at::Tensor& register_buffer(std::string name, at::Tensor tensor);
  template <typename ModuleType>
  typename detail::as_result<ModuleType>::type* as() noexcept;
  template <typename ModuleType>
  const typename detail::as_result<ModuleType>::type* as() const noexcept;
  friend std::ostream& operator<<(std::ostream& stream, const Module& module);
};

template <typename Derived>
class Cloneable : public Module {
 public:
  using Module::Module;
  virtual void reset() = 0;
};

template <typename Contained>
class ModuleHolder {
 public:
  using ContainedType = Contained;
  ModuleHolder();
  ModuleHolder(std::nullptr_t);
  template <typename Head, typename... Tail>
  explicit ModuleHolder(Head&& head, Tail&&... tail);
  ModuleHolder(std::shared_ptr<Contained> module);
  explicit operator bool() const noexcept;
  Contained* operator->();
  const Contained* operator->() const;
  Contained& operator*();
  const Contained& operator*() const;
  const std::shared_ptr<Contained>& ptr() const;
  Contained* get();
  template <typename... Args, typename Impl = Contained>
  auto operator()(Args&&... args) -> decltype(std::declval<Impl&>().forward(std::forward<Args>(args)...));
  // Forwards to the module's own operator[] (Sequential, ModuleList, ModuleDict).
  template <typename Arg, typename Impl = Contained>
  auto operator[](Arg&& arg) -> decltype(std::declval<Impl&>()[std::forward<Arg>(arg)]);
  bool is_empty() const noexcept;
};

template <typename ModuleType>
std::ostream& operator<<(std::ostream& stream, const ModuleHolder<ModuleType>& module);

#define TORCH_MODULE_IMPL(Name, ImplType)                  \
  class Name : public torch::nn::ModuleHolder<ImplType> {  \
   public:                                                 \
    using torch::nn::ModuleHolder<ImplType>::ModuleHolder; \
    using Impl = ImplType;                                 \
  }
#define TORCH_MODULE(Name) TORCH_MODULE_IMPL(Name, Name##Impl)

}  // namespace nn
}  // namespace torch

// Option structs, enum tags and functional ops, generated from libtorch-dev's
// headers (tools/model_gen/frontend.py).
#include "generated/nn_gen.h"

namespace torch {
namespace enumtype {
// The name of the enum tag a variant option holds (torch/enum.h), as in
// log lines that print an option.
template <typename V> std::string get_enum_name(V variant_enum);
}  // namespace enumtype
namespace nn {
class FunctionalImpl : public Cloneable<FunctionalImpl> {
 public:
  using Function = std::function<at::Tensor(at::Tensor)>;
  explicit FunctionalImpl(Function function);
  template <typename SomeFunction, typename... Args>
  explicit FunctionalImpl(SomeFunction original_function, Args&&... args);
  void reset() override;
  at::Tensor forward(at::Tensor input);
};
TORCH_MODULE(Functional);

class AnyModule {
 public:
  AnyModule();
  template <typename ModuleType> explicit AnyModule(std::shared_ptr<ModuleType> module);
  template <typename ModuleType> explicit AnyModule(const ModuleHolder<ModuleType>& module_holder);
  template <typename... ArgumentTypes> at::Tensor forward(ArgumentTypes&&... arguments);
  std::shared_ptr<Module> ptr() const;
  template <typename T, typename = std::enable_if_t<std::is_base_of<Module, T>::value>> std::shared_ptr<T> ptr() const;
  template <typename T> T& get();
  template <typename T> const T& get() const;
  const std::type_info& type_info() const;
  bool is_empty() const noexcept;
};

class NamedAnyModule {
 public:
  template <typename ModuleType>
  NamedAnyModule(std::string name, std::shared_ptr<ModuleType> module_ptr);
  template <typename M, typename = std::enable_if_t<std::is_base_of<Module, std::decay_t<M>>::value>>
  NamedAnyModule(std::string name, M&& module);
  template <typename M>
  NamedAnyModule(std::string name, const ModuleHolder<M>& module_holder);
  NamedAnyModule(std::string name, AnyModule any_module);
  const std::string& name() const noexcept;
  AnyModule& module() noexcept;
};

class SequentialImpl : public Cloneable<SequentialImpl> {
 public:
  SequentialImpl();
  explicit SequentialImpl(std::initializer_list<NamedAnyModule> named_modules);
  template <typename... Modules> explicit SequentialImpl(Modules&&... modules);
  void reset() override;
  template <typename ReturnType = at::Tensor, typename... InputTypes>
  ReturnType forward(InputTypes&&... inputs);
  template <typename ModuleType> void push_back(ModuleType&& module);
  template <typename ModuleType> void push_back(std::string name, ModuleType&& module);
  size_t size() const noexcept;
  bool is_empty() const noexcept;
  template <typename Container> void extend(const Container& container);
  std::shared_ptr<Module> ptr(size_t index) const;
  template <typename T> std::shared_ptr<T> ptr(size_t index) const;
  std::shared_ptr<Module> operator[](size_t index) const;
  template <typename T> T& at(size_t index);
  template <typename T> const T& at(size_t index) const;
  std::vector<AnyModule>::iterator begin();
  std::vector<AnyModule>::iterator end();
  std::vector<AnyModule>::const_iterator begin() const;
  std::vector<AnyModule>::const_iterator end() const;
};
// Like TORCH_MODULE(Sequential), plus construction from named modules.
class Sequential : public torch::nn::ModuleHolder<SequentialImpl> {
 public:
  using torch::nn::ModuleHolder<SequentialImpl>::ModuleHolder;
  using Impl = SequentialImpl;
  Sequential();
  Sequential(std::initializer_list<NamedAnyModule> named_modules);
};

class ModuleListImpl : public Cloneable<ModuleListImpl> {
 public:
  ModuleListImpl();
  template <typename... Modules> explicit ModuleListImpl(Modules&&... modules);
  void reset() override;
  template <typename ModuleType> void push_back(ModuleType&& module);
  template <typename Container> void extend(const Container& container);
  void insert(size_t index, std::shared_ptr<Module> module);
  template <typename M> void insert(size_t index, const ModuleHolder<M>& module_holder);
  size_t size() const noexcept;
  bool is_empty() const noexcept;
  std::shared_ptr<Module> ptr(size_t index) const;
  template <typename T> std::shared_ptr<T> ptr(size_t index) const;
  std::shared_ptr<Module> operator[](size_t index) const;
  template <typename T> T& at(size_t index);
  template <typename T> const T& at(size_t index) const;
  std::vector<std::shared_ptr<Module>>::iterator begin();
  std::vector<std::shared_ptr<Module>>::iterator end();
  std::vector<std::shared_ptr<Module>>::const_iterator begin() const;
  std::vector<std::shared_ptr<Module>>::const_iterator end() const;
};
TORCH_MODULE(ModuleList);

class ModuleDictImpl : public Cloneable<ModuleDictImpl> {
 public:
  ModuleDictImpl();
  explicit ModuleDictImpl(const std::vector<std::pair<std::string, std::shared_ptr<Module>>>& modules);
  explicit ModuleDictImpl(const torch::OrderedDict<std::string, std::shared_ptr<Module>>& modules);
  void reset() override;
  std::vector<std::pair<std::string, std::shared_ptr<Module>>> items() const;
  std::vector<std::string> keys() const;
  std::vector<std::shared_ptr<Module>> values() const;
  size_t size() const noexcept;
  bool empty() const noexcept;
  bool contains(const std::string& key) const noexcept;
  void clear();
  std::shared_ptr<Module> operator[](const std::string& key) const;
  template <typename T> T& at(const std::string& key);
  std::shared_ptr<Module> pop(const std::string& key);
  void update(const std::vector<std::pair<std::string, std::shared_ptr<Module>>>& modules);
  void insert(const std::string& key, std::shared_ptr<Module> module);
};
TORCH_MODULE(ModuleDict);
}  // namespace nn
}  // namespace torch

// Every other module class of torch/nn/modules, with its templated base and
// holder, and torch::nn::utils (generated).
#include "generated/nn_modules_gen.h"

