// tfgradlint API model: the shape of TensorFlow's generated C++ op classes
// (tensorflow/cc/ops/*_ops.h). Each op is a class constructed from a Scope
// and its inputs, converting to Output (and Input), with an `operation` and
// named outputs. These macros write the classes the model headers declare.
#ifndef TFGRADLINT_MODEL_TF_OPS_H
#define TFGRADLINT_MODEL_TF_OPS_H
#include "tensorflow/cc/framework/ops.h"
#include "tensorflow/cc/framework/scope.h"

#define TFGL_OP_TAIL(Name, out)                                 \
  operator ::tensorflow::Output() const { return out; }         \
  operator ::tensorflow::Input() const { return out; }          \
  ::tensorflow::Node* node() const { return out.node(); }       \
  ::tensorflow::Operation operation;                            \
  ::tensorflow::Output out

#define TFGL_OP1(Name, a, out)                                                \
  class Name {                                                                \
   public:                                                                    \
    Name(const ::tensorflow::Scope& scope, ::tensorflow::Input a);            \
    TFGL_OP_TAIL(Name, out);                                                  \
  }

#define TFGL_OP2(Name, a, b, out)                                                          \
  class Name {                                                                             \
   public:                                                                                 \
    Name(const ::tensorflow::Scope& scope, ::tensorflow::Input a, ::tensorflow::Input b);  \
    TFGL_OP_TAIL(Name, out);                                                               \
  }

#define TFGL_OP3(Name, a, b, c, out)                                                    \
  class Name {                                                                          \
   public:                                                                              \
    Name(const ::tensorflow::Scope& scope, ::tensorflow::Input a, ::tensorflow::Input b, \
         ::tensorflow::Input c);                                                        \
    TFGL_OP_TAIL(Name, out);                                                            \
  }

#endif
