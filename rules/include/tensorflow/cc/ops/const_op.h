// tfgradlint API model of tensorflow/cc/ops/const_op.h.
#ifndef TFGRADLINT_MODEL_TF_CC_CONST_OP_H
#define TFGRADLINT_MODEL_TF_CC_CONST_OP_H
#include "tensorflow/cc/framework/ops.h"
#include "tensorflow/cc/framework/scope.h"

namespace tensorflow {
namespace ops {
Output Const(const Scope& scope, const Input::Initializer& val);
template <typename T>
Output Const(const Scope& scope, const T& v, const TensorShape shape);
template <typename T>
Output Const(const Scope& scope, const std::initializer_list<T>& v, const TensorShape shape);
Output ConstFromProto(const Scope& scope, const std::string& proto);
}  // namespace ops
}  // namespace tensorflow

#endif
