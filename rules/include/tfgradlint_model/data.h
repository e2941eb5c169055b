// tfgradlint API model of LibTorch 1.13: torch::data datasets, transforms,
// samplers and data loaders. Written from the public API.
#pragma once
#include "ops.h"
#include <chrono>
#include <memory>
#include <string>

namespace torch {
namespace data {

template <typename Data = at::Tensor, typename Target = at::Tensor>
struct Example {
  using DataType = Data;
  using TargetType = Target;
  Example();
  Example(Data data, Target target);
  Data data;
  Target target;
};

namespace transforms {
template <typename InputBatch, typename OutputBatch>
class BatchTransform {
 public:
  using InputBatchType = InputBatch;
  using OutputBatchType = OutputBatch;
  virtual ~BatchTransform();
  virtual OutputBatch apply_batch(InputBatch input_batch) = 0;
};
template <typename Input, typename Output>
class Transform : public BatchTransform<std::vector<Input>, std::vector<Output>> {
 public:
  using InputType = Input;
  using OutputType = Output;
  virtual OutputType apply(InputType input) = 0;
  std::vector<Output> apply_batch(std::vector<Input> input_batch) override;
};
template <typename Target = at::Tensor>
class TensorTransform : public Transform<Example<at::Tensor, Target>, Example<at::Tensor, Target>> {
 public:
  using E = Example<at::Tensor, Target>;
  virtual at::Tensor operator()(at::Tensor input) = 0;
  E apply(E example) override;
};
template <typename Target = at::Tensor>
struct Normalize : public TensorTransform<Target> {
  Normalize(double mean, double stddev);
  Normalize(at::ArrayRef<double> mean, at::ArrayRef<double> stddev);
  at::Tensor operator()(at::Tensor input) override;
};
template <typename T = Example<>>
struct Stack {};
template <typename Target = at::Tensor>
struct Lambda {
  template <typename F> explicit Lambda(F function);
};
}  // namespace transforms

namespace detail {
template <typename Transform, typename Batch>
struct batch_after { using type = Batch; };
template <typename E, typename Batch>
struct batch_after<transforms::Stack<E>, Batch> { using type = E; };
}  // namespace detail

namespace datasets {
template <typename Source, typename Transform>
class MapDataset;

template <typename Self, typename SingleExample = Example<>>
class Dataset {
 public:
  using ExampleType = SingleExample;
  using BatchType = std::vector<SingleExample>;
  virtual ~Dataset();
  virtual ExampleType get(size_t index) = 0;
  virtual c10::optional<size_t> size() const = 0;
  template <typename Transform>
  MapDataset<Self, Transform> map(Transform transform) &&;
};

template <typename Source, typename Transform>
class MapDataset {
 public:
  using BatchType = typename detail::batch_after<Transform, typename Source::BatchType>::type;
  template <typename Next>
  MapDataset<MapDataset, Next> map(Next transform) &&;
  c10::optional<size_t> size() const;
};

class MNIST : public Dataset<MNIST> {
 public:
  enum class Mode { kTrain, kTest };
  explicit MNIST(const std::string& root, Mode mode = Mode::kTrain);
  Example<> get(size_t index) override;
  c10::optional<size_t> size() const override;
  bool is_train() const noexcept;
  const at::Tensor& images() const;
  const at::Tensor& targets() const;
};

class TensorDataset : public Dataset<TensorDataset, Example<at::Tensor, at::Tensor>> {
 public:
  explicit TensorDataset(const std::vector<at::Tensor>& tensors);
  Example<> get(size_t index) override;
  c10::optional<size_t> size() const override;
};
}  // namespace datasets
using datasets::Dataset;

namespace samplers {
class RandomSampler {};
class SequentialSampler {};
class DistributedRandomSampler {};
}  // namespace samplers

struct DataLoaderOptions {
  DataLoaderOptions();
  DataLoaderOptions(size_t batch_size);
  DataLoaderOptions& batch_size(size_t n);
  DataLoaderOptions& workers(size_t n);
  DataLoaderOptions& drop_last(bool b);
  DataLoaderOptions& max_jobs(size_t n);
  DataLoaderOptions& enforce_ordering(bool b);
  DataLoaderOptions& timeout(c10::optional<std::chrono::milliseconds> t);
};

template <typename Batch>
class Iterator {
 public:
  Batch& operator*();
  Batch* operator->();
  Iterator& operator++();
  bool operator==(const Iterator& other) const;
  bool operator!=(const Iterator& other) const;
};

template <typename Dataset, typename Sampler>
class StatelessDataLoader {
 public:
  using BatchType = typename Dataset::BatchType;
  Iterator<BatchType> begin();
  Iterator<BatchType> end();
};

template <typename Sampler = samplers::RandomSampler, typename Dataset>
std::unique_ptr<StatelessDataLoader<Dataset, Sampler>> make_data_loader(Dataset dataset,
                                                                       DataLoaderOptions options);
template <typename Sampler = samplers::RandomSampler, typename Dataset>
std::unique_ptr<StatelessDataLoader<Dataset, Sampler>> make_data_loader(Dataset dataset, size_t batch_size);

}  // namespace data
}  // namespace torch
