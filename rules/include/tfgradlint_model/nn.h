// tfgradlint API model of LibTorch 1.13: torch::nn modules, module holders,
// TORCH_MODULE, common layers, loss modules. Written from the public API.
#pragma once
#include "ops.h"
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace torch {
template <typename Key, typename Value>
class OrderedDict {
 public:
  struct Item {
    const Key& key() const;
    Value& value();
    Value* operator->();
  };
  Item* begin();
  Item* end();
  size_t size() const;
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
  T* data();
  const T* data() const;
  size_t size() const;
  T& operator[](size_t index);
  operator at::ArrayRef<T>() const;
};
template <size_t D, typename T = int64_t>
class ExpandingArrayWithOptionalElem : public ExpandingArray<D, c10::optional<T>> {
 public:
  using ExpandingArray<D, c10::optional<T>>::ExpandingArray;
  ExpandingArrayWithOptionalElem(std::initializer_list<T> list);
  ExpandingArrayWithOptionalElem(std::vector<T> list);
  ExpandingArrayWithOptionalElem(at::ArrayRef<T> list);
  ExpandingArrayWithOptionalElem(T single_size);
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
namespace nn {
// ---- layers ----
class LinearImpl : public Cloneable<LinearImpl> {
 public:
  LinearImpl(int64_t in_features, int64_t out_features);
  explicit LinearImpl(const LinearOptions& options);
  void reset() override;
  at::Tensor forward(const at::Tensor& input);
  LinearOptions options;
  at::Tensor weight, bias;
};
TORCH_MODULE(Linear);

template <size_t D>
class ConvNdImpl : public Cloneable<ConvNdImpl<D>> {
 public:
  ConvNdImpl(int64_t in_channels, int64_t out_channels, at::IntArrayRef kernel_size);
  explicit ConvNdImpl(ConvOptions<D> options);
  ConvOptions<D> options;
  void reset() override;
  at::Tensor forward(const at::Tensor& input);
  at::Tensor weight, bias;
};
class Conv1dImpl : public ConvNdImpl<1> { public: using ConvNdImpl<1>::ConvNdImpl; };
class Conv2dImpl : public ConvNdImpl<2> { public: using ConvNdImpl<2>::ConvNdImpl; };
class Conv3dImpl : public ConvNdImpl<3> { public: using ConvNdImpl<3>::ConvNdImpl; };
class ConvTranspose2dImpl : public ConvNdImpl<2> { public: using ConvNdImpl<2>::ConvNdImpl; };
TORCH_MODULE(Conv1d);
TORCH_MODULE(Conv2d);
TORCH_MODULE(Conv3d);
TORCH_MODULE(ConvTranspose2d);

class BatchNorm1dImpl : public Cloneable<BatchNorm1dImpl> {
 public:
  explicit BatchNorm1dImpl(int64_t num_features);
  explicit BatchNorm1dImpl(const BatchNormOptions& options);
  BatchNormOptions options;
  void reset() override;
  at::Tensor forward(const at::Tensor& input);
  at::Tensor weight, bias, running_mean, running_var;
};
class BatchNorm2dImpl : public Cloneable<BatchNorm2dImpl> {
 public:
  explicit BatchNorm2dImpl(int64_t num_features);
  explicit BatchNorm2dImpl(const BatchNormOptions& options);
  BatchNormOptions options;
  void reset() override;
  at::Tensor forward(const at::Tensor& input);
  at::Tensor weight, bias, running_mean, running_var;
};
TORCH_MODULE(BatchNorm1d);
TORCH_MODULE(BatchNorm2d);

class LayerNormImpl : public Cloneable<LayerNormImpl> {
 public:
  explicit LayerNormImpl(std::vector<int64_t> normalized_shape);
  explicit LayerNormImpl(LayerNormOptions options);
  LayerNormOptions options;
  void reset() override;
  at::Tensor forward(const at::Tensor& input);
  at::Tensor weight, bias;
};
TORCH_MODULE(LayerNorm);

class DropoutImpl : public Cloneable<DropoutImpl> {
 public:
  explicit DropoutImpl(double p);
  explicit DropoutImpl(const DropoutOptions& options = {});
  DropoutOptions options;
  void reset() override;
  at::Tensor forward(at::Tensor input);
};
class Dropout2dImpl : public Cloneable<Dropout2dImpl> {
 public:
  explicit Dropout2dImpl(double p);
  explicit Dropout2dImpl(const DropoutOptions& options = {});
  DropoutOptions options;
  void reset() override;
  at::Tensor forward(at::Tensor input);
};
TORCH_MODULE(Dropout);
TORCH_MODULE(Dropout2d);

class EmbeddingImpl : public Cloneable<EmbeddingImpl> {
 public:
  EmbeddingImpl(int64_t num_embeddings, int64_t embedding_dim);
  explicit EmbeddingImpl(EmbeddingOptions options);
  EmbeddingOptions options;
  void reset() override;
  at::Tensor forward(const at::Tensor& indices);
  at::Tensor weight;
};
TORCH_MODULE(Embedding);

class LSTMImpl : public Cloneable<LSTMImpl> {
 public:
  LSTMImpl(int64_t input_size, int64_t hidden_size);
  explicit LSTMImpl(const LSTMOptions& options);
  LSTMOptions options;
  void reset() override;
  std::tuple<at::Tensor, std::tuple<at::Tensor, at::Tensor>> forward(
      const at::Tensor& input, c10::optional<std::tuple<at::Tensor, at::Tensor>> hx_opt = {});
};
class GRUImpl : public Cloneable<GRUImpl> {
 public:
  GRUImpl(int64_t input_size, int64_t hidden_size);
  explicit GRUImpl(const GRUOptions& options);
  GRUOptions options;
  void reset() override;
  std::tuple<at::Tensor, at::Tensor> forward(const at::Tensor& input, at::Tensor hx = {});
};
class RNNImpl : public Cloneable<RNNImpl> {
 public:
  RNNImpl(int64_t input_size, int64_t hidden_size);
  explicit RNNImpl(const RNNOptions& options);
  RNNOptions options;
  void reset() override;
  std::tuple<at::Tensor, at::Tensor> forward(const at::Tensor& input, at::Tensor hx = {});
};
class LSTMCellImpl : public Cloneable<LSTMCellImpl> {
 public:
  LSTMCellImpl(int64_t input_size, int64_t hidden_size);
  explicit LSTMCellImpl(const LSTMCellOptions& options);
  LSTMCellOptions options;
  void reset() override;
  std::tuple<at::Tensor, at::Tensor> forward(const at::Tensor& input,
                                             c10::optional<std::tuple<at::Tensor, at::Tensor>> hx_opt = {});
  at::Tensor weight_ih, weight_hh, bias_ih, bias_hh;
};
class GRUCellImpl : public Cloneable<GRUCellImpl> {
 public:
  GRUCellImpl(int64_t input_size, int64_t hidden_size);
  explicit GRUCellImpl(const GRUCellOptions& options);
  GRUCellOptions options;
  void reset() override;
  at::Tensor forward(const at::Tensor& input, at::Tensor hx = {});
  at::Tensor weight_ih, weight_hh, bias_ih, bias_hh;
};
TORCH_MODULE(LSTMCell);
TORCH_MODULE(GRUCell);
TORCH_MODULE(LSTM);
TORCH_MODULE(GRU);
TORCH_MODULE(RNN);

#define TFGL_ACTIVATION(Name, Options)                             \
  class Name##Impl : public Cloneable<Name##Impl> {                \
   public:                                                         \
    explicit Name##Impl(const Options& options = {});              \
    Options options;                                               \
    void reset() override;                                         \
    at::Tensor forward(at::Tensor input);                          \
  };                                                               \
  TORCH_MODULE(Name);
struct NoOptions {};
TFGL_ACTIVATION(ReLU, ReLUOptions)
TFGL_ACTIVATION(Sigmoid, NoOptions)
TFGL_ACTIVATION(Tanh, NoOptions)
TFGL_ACTIVATION(GELU, NoOptions)
TFGL_ACTIVATION(Identity, NoOptions)
TFGL_ACTIVATION(LeakyReLU, LeakyReLUOptions)
TFGL_ACTIVATION(Flatten, FlattenOptions)
#undef TFGL_ACTIVATION

class SoftmaxImpl : public Cloneable<SoftmaxImpl> {
 public:
  explicit SoftmaxImpl(int64_t dim);
  void reset() override;
  at::Tensor forward(const at::Tensor& input);
};
class LogSoftmaxImpl : public Cloneable<LogSoftmaxImpl> {
 public:
  explicit LogSoftmaxImpl(int64_t dim);
  void reset() override;
  at::Tensor forward(const at::Tensor& input);
};
class MaxPool2dImpl : public Cloneable<MaxPool2dImpl> {
 public:
  explicit MaxPool2dImpl(at::IntArrayRef kernel_size);
  explicit MaxPool2dImpl(const MaxPool2dOptions& options);
  MaxPool2dOptions options;
  void reset() override;
  at::Tensor forward(const at::Tensor& input);
};
TORCH_MODULE(Softmax);
TORCH_MODULE(LogSoftmax);
TORCH_MODULE(MaxPool2d);
class AvgPool2dImpl : public Cloneable<AvgPool2dImpl> {
 public:
  explicit AvgPool2dImpl(at::IntArrayRef kernel_size);
  explicit AvgPool2dImpl(const AvgPool2dOptions& options);
  AvgPool2dOptions options;
  void reset() override;
  at::Tensor forward(const at::Tensor& input);
};
class AdaptiveAvgPool2dImpl : public Cloneable<AdaptiveAvgPool2dImpl> {
 public:
  explicit AdaptiveAvgPool2dImpl(at::IntArrayRef output_size);
  explicit AdaptiveAvgPool2dImpl(const AdaptiveAvgPool2dOptions& options);
  AdaptiveAvgPool2dOptions options;
  void reset() override;
  at::Tensor forward(const at::Tensor& input);
};
class UpsampleImpl : public Cloneable<UpsampleImpl> {
 public:
  explicit UpsampleImpl(const UpsampleOptions& options = {});
  UpsampleOptions options;
  void reset() override;
  at::Tensor forward(const at::Tensor& input);
};
TORCH_MODULE(Upsample);
TORCH_MODULE(AvgPool2d);
TORCH_MODULE(AdaptiveAvgPool2d);

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
  template <typename T> T& get();
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
  std::shared_ptr<Module> ptr(size_t index) const;
  std::shared_ptr<Module> operator[](size_t index) const;
  template <typename T> T& at(size_t index);
  std::vector<AnyModule>::iterator begin();
  std::vector<AnyModule>::iterator end();
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
  size_t size() const noexcept;
  bool is_empty() const noexcept;
  std::shared_ptr<Module> operator[](size_t index) const;
  template <typename T> T& at(size_t index);
  std::vector<std::shared_ptr<Module>>::iterator begin();
  std::vector<std::shared_ptr<Module>>::iterator end();
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

// ---- loss modules ----
enum class Reduction { None, Mean, Sum };
#define TFGL_LOSS(Name)                                                      \
  class Name##Impl : public Cloneable<Name##Impl> {                          \
   public:                                                                   \
    explicit Name##Impl(const Name##Options& options = {});                  \
    Name##Options options;                                                   \
    void reset() override;                                                   \
    at::Tensor forward(const at::Tensor& input, const at::Tensor& target);   \
  };                                                                         \
  TORCH_MODULE(Name);
TFGL_LOSS(MSELoss)
TFGL_LOSS(L1Loss)
TFGL_LOSS(SmoothL1Loss)
TFGL_LOSS(HuberLoss)
TFGL_LOSS(CrossEntropyLoss)
TFGL_LOSS(NLLLoss)
TFGL_LOSS(BCELoss)
TFGL_LOSS(BCEWithLogitsLoss)
TFGL_LOSS(KLDivLoss)
#undef TFGL_LOSS


}  // namespace nn
}  // namespace torch

// Every other module class of torch/nn/modules (generated).
#include "generated/nn_modules_gen.h"

namespace torch {
namespace nn {
namespace utils {
double clip_grad_norm_(std::vector<at::Tensor> parameters, double max_norm, double norm_type = 2.0);
void clip_grad_value_(std::vector<at::Tensor> parameters, double clip_value);
}  // namespace utils

}  // namespace nn
}  // namespace torch
