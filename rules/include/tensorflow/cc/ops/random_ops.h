// tfgradlint API model of tensorflow/cc/ops/random_ops.h.
#ifndef TFGRADLINT_MODEL_TF_CC_RANDOM_OPS_H
#define TFGRADLINT_MODEL_TF_CC_RANDOM_OPS_H
#include "tfgradlint_model/tf_ops.h"

namespace tensorflow {
namespace ops {
class RandomNormal {
 public:
  RandomNormal(const ::tensorflow::Scope& scope, ::tensorflow::Input shape, DataType dtype);
  TFGL_OP_TAIL(RandomNormal, output);
};
class RandomUniform {
 public:
  RandomUniform(const ::tensorflow::Scope& scope, ::tensorflow::Input shape, DataType dtype);
  TFGL_OP_TAIL(RandomUniform, output);
};
class TruncatedNormal {
 public:
  TruncatedNormal(const ::tensorflow::Scope& scope, ::tensorflow::Input shape, DataType dtype);
  TFGL_OP_TAIL(TruncatedNormal, output);
};
}  // namespace ops
}  // namespace tensorflow

#endif
