// tfgradlint API model of tensorflow/cc/ops/array_ops.h (generated op classes).
#ifndef TFGRADLINT_MODEL_TF_CC_ARRAY_OPS_H
#define TFGRADLINT_MODEL_TF_CC_ARRAY_OPS_H
#include "tfgradlint_model/tf_ops.h"

namespace tensorflow {
namespace ops {
TFGL_OP1(Identity, input, output);
TFGL_OP1(StopGradient, input, output);
TFGL_OP1(PreventGradient, input, output);
TFGL_OP1(ZerosLike, x, y);
TFGL_OP1(OnesLike, x, y);
TFGL_OP1(Shape, input, output);
TFGL_OP1(Size, input, output);
TFGL_OP1(Rank, input, output);
TFGL_OP1(Where, condition, index);
TFGL_OP2(Reshape, tensor, shape, output);
TFGL_OP2(ExpandDims, input, axis, output);
TFGL_OP2(Fill, dims, value, output);
TFGL_OP2(Tile, input, multiples, output);
TFGL_OP2(Transpose, x, perm, y);
TFGL_OP2(Gather, params, indices, output);
TFGL_OP3(GatherV2, params, indices, axis, output);
TFGL_OP3(Slice, input, begin, size, output);

class Placeholder {
 public:
  struct Attrs {
    Attrs Shape(const PartialTensorShape& x);
  };
  Placeholder(const ::tensorflow::Scope& scope, DataType dtype);
  Placeholder(const ::tensorflow::Scope& scope, DataType dtype, const Placeholder::Attrs& attrs);
  static Attrs Shape(const PartialTensorShape& x);
  TFGL_OP_TAIL(Placeholder, output);
};

class OneHot {
 public:
  OneHot(const ::tensorflow::Scope& scope, ::tensorflow::Input indices, ::tensorflow::Input depth,
         ::tensorflow::Input on_value, ::tensorflow::Input off_value);
  TFGL_OP_TAIL(OneHot, output);
};

class Concat {
 public:
  Concat(const ::tensorflow::Scope& scope, ::tensorflow::InputList values, ::tensorflow::Input axis);
  TFGL_OP_TAIL(Concat, output);
};
}  // namespace ops
}  // namespace tensorflow

#endif
