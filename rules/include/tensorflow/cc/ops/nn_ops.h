// tfgradlint API model of tensorflow/cc/ops/nn_ops.h (generated op classes).
#ifndef TFGRADLINT_MODEL_TF_CC_NN_OPS_H
#define TFGRADLINT_MODEL_TF_CC_NN_OPS_H
#include "tfgradlint_model/tf_ops.h"

namespace tensorflow {
namespace ops {
TFGL_OP1(Relu, features, activations);
TFGL_OP1(Relu6, features, activations);
TFGL_OP1(Elu, features, activations);
TFGL_OP1(Selu, features, activations);
TFGL_OP1(Softplus, features, activations);
TFGL_OP1(Softmax, logits, softmax);
TFGL_OP1(LogSoftmax, logits, logsoftmax);
TFGL_OP1(L2Loss, t, output);
TFGL_OP2(BiasAdd, value, bias, output);

class Conv2D {
 public:
  struct Attrs {
    Attrs DataFormat(const std::string& x);
    Attrs Dilations(const std::vector<int>& x);
  };
  Conv2D(const ::tensorflow::Scope& scope, ::tensorflow::Input input, ::tensorflow::Input filter,
         const std::vector<int>& strides, const std::string& padding);
  Conv2D(const ::tensorflow::Scope& scope, ::tensorflow::Input input, ::tensorflow::Input filter,
         const std::vector<int>& strides, const std::string& padding, const Conv2D::Attrs& attrs);
  TFGL_OP_TAIL(Conv2D, output);
};

class SoftmaxCrossEntropyWithLogits {
 public:
  SoftmaxCrossEntropyWithLogits(const ::tensorflow::Scope& scope, ::tensorflow::Input features,
                                ::tensorflow::Input labels);
  ::tensorflow::Operation operation;
  ::tensorflow::Output loss;
  ::tensorflow::Output backprop;
};

class SparseSoftmaxCrossEntropyWithLogits {
 public:
  SparseSoftmaxCrossEntropyWithLogits(const ::tensorflow::Scope& scope, ::tensorflow::Input features,
                                      ::tensorflow::Input labels);
  ::tensorflow::Operation operation;
  ::tensorflow::Output loss;
  ::tensorflow::Output backprop;
};

class TopK {
 public:
  TopK(const ::tensorflow::Scope& scope, ::tensorflow::Input input, ::tensorflow::Input k);
  ::tensorflow::Operation operation;
  ::tensorflow::Output values;
  ::tensorflow::Output indices;
};
}  // namespace ops
}  // namespace tensorflow

#endif
