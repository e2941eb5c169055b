// tfgradlint API model of tensorflow/cc/framework/gradients.h.
#ifndef TFGRADLINT_MODEL_TF_CC_GRADIENTS_H
#define TFGRADLINT_MODEL_TF_CC_GRADIENTS_H
#include <vector>
#include "tensorflow/cc/framework/ops.h"
#include "tensorflow/cc/framework/scope.h"

namespace tensorflow {
Status AddSymbolicGradients(const Scope& scope, const std::vector<Output>& outputs,
                            const std::vector<Output>& inputs, const std::vector<Output>& grad_inputs,
                            std::vector<Output>* grad_outputs);
Status AddSymbolicGradients(const Scope& scope, const std::vector<Output>& outputs,
                            const std::vector<Output>& inputs, std::vector<Output>* grad_outputs);
Output NoGradient();
}  // namespace tensorflow

#endif
