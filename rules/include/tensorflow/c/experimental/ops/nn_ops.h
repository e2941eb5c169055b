// tfgradlint API model of tensorflow/c/experimental/ops/nn_ops.h.
#ifndef TFGRADLINT_MODEL_TF_EXP_NN_OPS_H
#define TFGRADLINT_MODEL_TF_EXP_NN_OPS_H
#include "tensorflow/c/eager/abstract_context.h"
#include "tensorflow/c/eager/abstract_tensor_handle.h"

namespace tensorflow {
namespace ops {
Status SparseSoftmaxCrossEntropyWithLogits(AbstractContext* ctx, AbstractTensorHandle* const features,
                                           AbstractTensorHandle* const labels, AbstractTensorHandle** loss,
                                           AbstractTensorHandle** backprop, const char* name = nullptr,
                                           const char* raw_device_name = nullptr);
Status Relu(AbstractContext* ctx, AbstractTensorHandle* const features, AbstractTensorHandle** activations,
            const char* name = nullptr, const char* raw_device_name = nullptr);
Status BiasAdd(AbstractContext* ctx, AbstractTensorHandle* const value, AbstractTensorHandle* const bias,
               AbstractTensorHandle** output, const char* data_format = "NHWC", const char* name = nullptr,
               const char* raw_device_name = nullptr);
}  // namespace ops
}  // namespace tensorflow

#endif
