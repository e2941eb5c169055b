// tfgradlint API model of tensorflow/c/experimental/ops/array_ops.h.
#ifndef TFGRADLINT_MODEL_TF_EXP_ARRAY_OPS_H
#define TFGRADLINT_MODEL_TF_EXP_ARRAY_OPS_H
#include "tensorflow/c/eager/abstract_context.h"
#include "tensorflow/c/eager/abstract_tensor_handle.h"

namespace tensorflow {
namespace ops {
Status Identity(AbstractContext* ctx, AbstractTensorHandle* const input, AbstractTensorHandle** output,
                const char* name = nullptr, const char* raw_device_name = nullptr);
Status ZerosLike(AbstractContext* ctx, AbstractTensorHandle* const x, AbstractTensorHandle** y,
                 const char* name = nullptr, const char* raw_device_name = nullptr);
Status Shape(AbstractContext* ctx, AbstractTensorHandle* const input, AbstractTensorHandle** output,
             DataType out_type = DT_INT32, const char* name = nullptr, const char* raw_device_name = nullptr);
Status ExpandDims(AbstractContext* ctx, AbstractTensorHandle* const input, AbstractTensorHandle* const dim,
                  AbstractTensorHandle** output, const char* name = nullptr, const char* raw_device_name = nullptr);
Status OnesLike(AbstractContext* ctx, AbstractTensorHandle* const x, AbstractTensorHandle** y,
                const char* name = nullptr, const char* raw_device_name = nullptr);
}  // namespace ops
}  // namespace tensorflow

#endif
