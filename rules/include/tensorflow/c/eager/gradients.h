// tfgradlint API model of tensorflow/c/eager/gradients.h: the experimental
// C++ gradient tape, gradient functions and their registry.
#ifndef TFGRADLINT_MODEL_TF_EAGER_GRADIENTS_H
#define TFGRADLINT_MODEL_TF_EAGER_GRADIENTS_H
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>
#include "absl/types/span.h"
#include "tensorflow/c/eager/abstract_context.h"
#include "tensorflow/c/eager/abstract_tensor_handle.h"
#include "tensorflow/c/eager/tape.h"

namespace tensorflow {
namespace gradients {
class GradientFunction {
 public:
  virtual Status Compute(AbstractContext* ctx, absl::Span<AbstractTensorHandle* const> grad_outputs,
                         absl::Span<AbstractTensorHandle*> grad_inputs) = 0;
  virtual ~GradientFunction() {}
};

struct ForwardOperation {
 public:
  string op_name;
  std::vector<AbstractTensorHandle*> inputs;
  std::vector<AbstractTensorHandle*> outputs;
  std::vector<int64_t> skip_input_indices;
};

using GradientFunctionFactory = std::function<GradientFunction*(const ForwardOperation& op)>;

class GradientRegistry {
 public:
  Status Register(const string& op, GradientFunctionFactory gradient_function_factory);
  Status Lookup(const ForwardOperation& op, std::unique_ptr<GradientFunction>* gradient_function) const;
};

class TapeTensor {
 public:
  explicit TapeTensor(AbstractTensorHandle* handle);
  TapeTensor(const TapeTensor& other);
  ~TapeTensor();
  int64_t GetID() const;
  AbstractTensorHandle* GetHandle() const;
};

class Tape : protected eager::GradientTape<AbstractTensorHandle, GradientFunction, TapeTensor> {
 public:
  using GradientTape<AbstractTensorHandle, GradientFunction, TapeTensor>::GradientTape;
  using GradientTape<AbstractTensorHandle, GradientFunction, TapeTensor>::IsPersistent;
  void Watch(const AbstractTensorHandle*);
  void RecordOperation(absl::Span<AbstractTensorHandle* const> inputs,
                       absl::Span<AbstractTensorHandle* const> outputs, GradientFunction* gradient_function,
                       const string& op_name = "");
  bool ShouldRecord(absl::Span<const AbstractTensorHandle* const> tensors) const;
  void DeleteTrace(const AbstractTensorHandle*);
  Status ComputeGradient(AbstractContext* ctx, absl::Span<AbstractTensorHandle* const> targets,
                         absl::Span<AbstractTensorHandle* const> sources,
                         absl::Span<AbstractTensorHandle* const> output_gradients,
                         absl::Span<AbstractTensorHandle*> result);
};
}  // namespace gradients
}  // namespace tensorflow

#endif
