// tfgradlint API model of tensorflow/cc/ops/state_ops.h and
// resource_variable_ops.h (variables).
#ifndef TFGRADLINT_MODEL_TF_CC_STATE_OPS_H
#define TFGRADLINT_MODEL_TF_CC_STATE_OPS_H
#include "tensorflow/core/framework/tensor_shape.h"
#include "tfgradlint_model/tf_ops.h"

namespace tensorflow {
namespace ops {
class Variable {
 public:
  Variable(const ::tensorflow::Scope& scope, PartialTensorShape shape, DataType dtype);
  TFGL_OP_TAIL(Variable, ref);
};
TFGL_OP2(Assign, ref, value, output_ref);
TFGL_OP2(AssignAdd, ref, value, output_ref);
TFGL_OP2(AssignSub, ref, value, output_ref);

class VarHandleOp {
 public:
  VarHandleOp(const ::tensorflow::Scope& scope, DataType dtype, PartialTensorShape shape);
  TFGL_OP_TAIL(VarHandleOp, resource);
};
class ReadVariableOp {
 public:
  ReadVariableOp(const ::tensorflow::Scope& scope, ::tensorflow::Input resource, DataType dtype);
  TFGL_OP_TAIL(ReadVariableOp, value);
};
class AssignVariableOp {
 public:
  AssignVariableOp(const ::tensorflow::Scope& scope, ::tensorflow::Input resource, ::tensorflow::Input value);
  operator ::tensorflow::Operation() const { return operation; }
  ::tensorflow::Operation operation;
};
}  // namespace ops
}  // namespace tensorflow

#endif
