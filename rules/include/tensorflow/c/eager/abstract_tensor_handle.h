// tfgradlint API model of tensorflow/c/eager/abstract_tensor_handle.h.
#ifndef TFGRADLINT_MODEL_TF_ABSTRACT_TENSOR_HANDLE_H
#define TFGRADLINT_MODEL_TF_ABSTRACT_TENSOR_HANDLE_H
#include <memory>
#include <string>
#include "tensorflow/core/framework/tensor_shape.h"
#include "tensorflow/core/framework/types.h"
#include "tensorflow/core/platform/status.h"

namespace tensorflow {
class AbstractTensorHandle {
 public:
  virtual tensorflow::DataType DataType() const = 0;
  virtual Status Shape(tensorflow::PartialTensorShape* shape) const = 0;
  virtual std::string DebugString() const;
  void Ref();
  void Unref();
  bool RefCountIsOne() const;

 protected:
  virtual ~AbstractTensorHandle();
};

namespace internal {
struct AbstractTensorHandleDeleter {
  void operator()(AbstractTensorHandle* p) const;
};
}  // namespace internal

using AbstractTensorHandlePtr = std::unique_ptr<AbstractTensorHandle, internal::AbstractTensorHandleDeleter>;
}  // namespace tensorflow

#endif
