// tfgradlint API model of tensorflow/c/experimental/gradients/nn_grad.h.
#ifndef TFGRADLINT_MODEL_TF_NN_GRAD_H
#define TFGRADLINT_MODEL_TF_NN_GRAD_H
#include "tensorflow/c/eager/gradients.h"

namespace tensorflow {
namespace gradients {
GradientFunction* ReluRegisterer(const ForwardOperation& op);
GradientFunction* SparseSoftmaxCrossEntropyWithLogitsRegisterer(const ForwardOperation& op);
GradientFunction* BiasAddRegisterer(const ForwardOperation& op);
}  // namespace gradients
}  // namespace tensorflow

#endif
