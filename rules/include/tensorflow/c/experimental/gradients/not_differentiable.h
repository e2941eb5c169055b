// tfgradlint API model of tensorflow/c/experimental/gradients/not_differentiable.h.
#ifndef TFGRADLINT_MODEL_TF_NOT_DIFFERENTIABLE_H
#define TFGRADLINT_MODEL_TF_NOT_DIFFERENTIABLE_H
#include "tensorflow/c/eager/abstract_context.h"
#include "tensorflow/c/eager/gradients.h"

namespace tensorflow {
namespace gradients {
class NotDifferentiableGradientFunction : public GradientFunction {
  Status Compute(AbstractContext* ctx, absl::Span<AbstractTensorHandle* const> grad_outputs,
                 absl::Span<AbstractTensorHandle*> grad_inputs) override;
};
Status RegisterNotDifferentiable(GradientRegistry* registry, const string& op);
}  // namespace gradients
}  // namespace tensorflow

#endif
