// tfgradlint API model of tensorflow/cc/ops/training_ops.h (optimizer updates).
#ifndef TFGRADLINT_MODEL_TF_CC_TRAINING_OPS_H
#define TFGRADLINT_MODEL_TF_CC_TRAINING_OPS_H
#include "tfgradlint_model/tf_ops.h"

namespace tensorflow {
namespace ops {
TFGL_OP3(ApplyGradientDescent, var, alpha, delta, out);
class ResourceApplyGradientDescent {
 public:
  ResourceApplyGradientDescent(const ::tensorflow::Scope& scope, ::tensorflow::Input var,
                               ::tensorflow::Input alpha, ::tensorflow::Input delta);
  operator ::tensorflow::Operation() const { return operation; }
  ::tensorflow::Operation operation;
};
class ApplyAdam {
 public:
  ApplyAdam(const ::tensorflow::Scope& scope, ::tensorflow::Input var, ::tensorflow::Input m,
            ::tensorflow::Input v, ::tensorflow::Input beta1_power, ::tensorflow::Input beta2_power,
            ::tensorflow::Input lr, ::tensorflow::Input beta1, ::tensorflow::Input beta2,
            ::tensorflow::Input epsilon, ::tensorflow::Input grad);
  TFGL_OP_TAIL(ApplyAdam, out);
};
class ApplyMomentum {
 public:
  ApplyMomentum(const ::tensorflow::Scope& scope, ::tensorflow::Input var, ::tensorflow::Input accum,
                ::tensorflow::Input lr, ::tensorflow::Input grad, ::tensorflow::Input momentum);
  TFGL_OP_TAIL(ApplyMomentum, out);
};
}  // namespace ops
}  // namespace tensorflow

#endif
