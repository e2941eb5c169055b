// tfgradlint API model of tensorflow/cc/ops/math_ops.h (generated op classes).
#ifndef TFGRADLINT_MODEL_TF_CC_MATH_OPS_H
#define TFGRADLINT_MODEL_TF_CC_MATH_OPS_H
#include "tfgradlint_model/tf_ops.h"

namespace tensorflow {
namespace ops {
TFGL_OP2(Add, x, y, z);
TFGL_OP2(AddV2, x, y, z);
TFGL_OP2(Sub, x, y, z);
TFGL_OP2(Mul, x, y, z);
TFGL_OP2(Div, x, y, z);
TFGL_OP2(RealDiv, x, y, z);
TFGL_OP2(DivNoNan, x, y, z);
TFGL_OP2(FloorDiv, x, y, z);
TFGL_OP2(FloorMod, x, y, z);
TFGL_OP2(Mod, x, y, z);
TFGL_OP2(TruncateDiv, x, y, z);
TFGL_OP2(Maximum, x, y, z);
TFGL_OP2(Minimum, x, y, z);
TFGL_OP2(Pow, x, y, z);
TFGL_OP2(SquaredDifference, x, y, z);
TFGL_OP2(Less, x, y, z);
TFGL_OP2(LessEqual, x, y, z);
TFGL_OP2(Greater, x, y, z);
TFGL_OP2(GreaterEqual, x, y, z);
TFGL_OP2(Equal, x, y, z);
TFGL_OP2(NotEqual, x, y, z);
TFGL_OP2(LogicalAnd, x, y, z);
TFGL_OP2(LogicalOr, x, y, z);
TFGL_OP1(LogicalNot, x, y);
TFGL_OP1(Neg, x, y);
TFGL_OP1(Abs, x, y);
TFGL_OP1(Square, x, y);
TFGL_OP1(Sqrt, x, y);
TFGL_OP1(Rsqrt, x, y);
TFGL_OP1(Exp, x, y);
TFGL_OP1(Log, x, y);
TFGL_OP1(Log1p, x, y);
TFGL_OP1(Sigmoid, x, y);
TFGL_OP1(Tanh, x, y);
TFGL_OP1(Sign, x, y);
TFGL_OP1(Round, x, y);
TFGL_OP1(Floor, x, y);
TFGL_OP1(Ceil, x, y);
TFGL_OP1(Rint, x, y);
TFGL_OP1(IsNan, x, y);
TFGL_OP2(Sum, input, axis, output);
TFGL_OP2(Mean, input, axis, output);
TFGL_OP2(Max, input, axis, output);
TFGL_OP2(Min, input, axis, output);
TFGL_OP2(Prod, input, axis, output);
TFGL_OP3(Select, condition, x, y, output);
TFGL_OP3(SelectV2, condition, t, e, output);
TFGL_OP3(Range, start, limit, delta, output);
TFGL_OP2(Cumsum, x, axis, out);
TFGL_OP2(Cumprod, x, axis, out);

using ReduceSum = Sum;
using ReduceMean = Mean;
using ReduceMax = Max;
using Multiply = Mul;
using Subtract = Sub;

class MatMul {
 public:
  struct Attrs {
    Attrs TransposeA(bool x);
    Attrs TransposeB(bool x);
  };
  MatMul(const ::tensorflow::Scope& scope, ::tensorflow::Input a, ::tensorflow::Input b);
  MatMul(const ::tensorflow::Scope& scope, ::tensorflow::Input a, ::tensorflow::Input b, const MatMul::Attrs& attrs);
  static Attrs TransposeA(bool x);
  static Attrs TransposeB(bool x);
  TFGL_OP_TAIL(MatMul, product);
};

class ArgMax {
 public:
  ArgMax(const ::tensorflow::Scope& scope, ::tensorflow::Input input, ::tensorflow::Input dimension);
  TFGL_OP_TAIL(ArgMax, output);
};

class ArgMin {
 public:
  ArgMin(const ::tensorflow::Scope& scope, ::tensorflow::Input input, ::tensorflow::Input dimension);
  TFGL_OP_TAIL(ArgMin, output);
};

class Cast {
 public:
  Cast(const ::tensorflow::Scope& scope, ::tensorflow::Input x, DataType DstT);
  TFGL_OP_TAIL(Cast, y);
};

class AddN {
 public:
  AddN(const ::tensorflow::Scope& scope, ::tensorflow::InputList inputs);
  TFGL_OP_TAIL(AddN, sum);
};
}  // namespace ops
}  // namespace tensorflow

#endif
