// tfgradlint API model of tensorflow/c/experimental/ops/math_ops.h: eager
// ops as free functions taking the context first and writing their results
// through out-pointers (and the older span-based forms).
#ifndef TFGRADLINT_MODEL_TF_EXP_MATH_OPS_H
#define TFGRADLINT_MODEL_TF_EXP_MATH_OPS_H
#include "absl/types/span.h"
#include "tensorflow/c/eager/abstract_context.h"
#include "tensorflow/c/eager/abstract_tensor_handle.h"

namespace tensorflow {
namespace ops {
Status Mul(AbstractContext* ctx, AbstractTensorHandle* const x, AbstractTensorHandle* const y,
           AbstractTensorHandle** z, const char* name = nullptr, const char* raw_device_name = nullptr);
Status Conj(AbstractContext* ctx, AbstractTensorHandle* const input, AbstractTensorHandle** output,
            const char* name = nullptr, const char* raw_device_name = nullptr);
Status AddV2(AbstractContext* ctx, AbstractTensorHandle* const x, AbstractTensorHandle* const y,
             AbstractTensorHandle** z, const char* name = nullptr, const char* raw_device_name = nullptr);
Status MatMul(AbstractContext* ctx, AbstractTensorHandle* const a, AbstractTensorHandle* const b,
              AbstractTensorHandle** product, bool transpose_a = false, bool transpose_b = false,
              const char* name = nullptr, const char* raw_device_name = nullptr);
Status Neg(AbstractContext* ctx, AbstractTensorHandle* const x, AbstractTensorHandle** y, const char* name = nullptr,
           const char* raw_device_name = nullptr);
Status Sum(AbstractContext* ctx, AbstractTensorHandle* const input, AbstractTensorHandle* const reduction_indices,
           AbstractTensorHandle** output, bool keep_dims = false, const char* name = nullptr,
           const char* raw_device_name = nullptr);
Status Sub(AbstractContext* ctx, AbstractTensorHandle* const x, AbstractTensorHandle* const y,
           AbstractTensorHandle** z, const char* name = nullptr, const char* raw_device_name = nullptr);
Status Div(AbstractContext* ctx, AbstractTensorHandle* const x, AbstractTensorHandle* const y,
           AbstractTensorHandle** z, const char* name = nullptr, const char* raw_device_name = nullptr);
Status DivNoNan(AbstractContext* ctx, AbstractTensorHandle* const x, AbstractTensorHandle* const y,
                AbstractTensorHandle** z, const char* name = nullptr, const char* raw_device_name = nullptr);
Status Exp(AbstractContext* ctx, AbstractTensorHandle* const x, AbstractTensorHandle** y, const char* name = nullptr,
           const char* raw_device_name = nullptr);
Status Sqrt(AbstractContext* ctx, AbstractTensorHandle* const x, AbstractTensorHandle** y, const char* name = nullptr,
            const char* raw_device_name = nullptr);
Status Log1p(AbstractContext* ctx, AbstractTensorHandle* const x, AbstractTensorHandle** y,
             const char* name = nullptr, const char* raw_device_name = nullptr);

// Older span-based forms.
Status Add(AbstractContext* ctx, absl::Span<AbstractTensorHandle* const> inputs,
           absl::Span<AbstractTensorHandle*> outputs, const char* name);
Status Mul(AbstractContext* ctx, absl::Span<AbstractTensorHandle* const> inputs,
           absl::Span<AbstractTensorHandle*> outputs, const char* name);
Status MatMul(AbstractContext* ctx, absl::Span<AbstractTensorHandle* const> inputs,
              absl::Span<AbstractTensorHandle*> outputs, const char* name, bool transpose_a, bool transpose_b);
Status Neg(AbstractContext* ctx, absl::Span<AbstractTensorHandle* const> inputs,
           absl::Span<AbstractTensorHandle*> outputs, const char* name);
Status Exp(AbstractContext* ctx, absl::Span<AbstractTensorHandle* const> inputs,
           absl::Span<AbstractTensorHandle*> outputs, const char* name);
}  // namespace ops
}  // namespace tensorflow

#endif
