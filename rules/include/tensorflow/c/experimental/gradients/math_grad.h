// tfgradlint API model of tensorflow/c/experimental/gradients/math_grad.h.
#ifndef TFGRADLINT_MODEL_TF_MATH_GRAD_H
#define TFGRADLINT_MODEL_TF_MATH_GRAD_H
#include "tensorflow/c/eager/gradients.h"

namespace tensorflow {
namespace gradients {
GradientFunction* AddRegisterer(const ForwardOperation& op);
GradientFunction* ExpRegisterer(const ForwardOperation& op);
GradientFunction* MatMulRegisterer(const ForwardOperation& op);
GradientFunction* SqrtRegisterer(const ForwardOperation& op);
GradientFunction* NegRegisterer(const ForwardOperation& op);
GradientFunction* SubRegisterer(const ForwardOperation& op);
GradientFunction* MulRegisterer(const ForwardOperation& op);
GradientFunction* Log1pRegisterer(const ForwardOperation& op);
GradientFunction* DivNoNanRegisterer(const ForwardOperation& op);
}  // namespace gradients
}  // namespace tensorflow

#endif
