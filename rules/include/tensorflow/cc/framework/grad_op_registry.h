// tfgradlint API model of tensorflow/cc/framework/grad_op_registry.h.
#ifndef TFGRADLINT_MODEL_TF_CC_GRAD_OP_REGISTRY_H
#define TFGRADLINT_MODEL_TF_CC_GRAD_OP_REGISTRY_H
#include <string>
#include <vector>
#include "tensorflow/cc/framework/ops.h"
#include "tensorflow/cc/framework/scope.h"

namespace tensorflow {
namespace ops {
typedef Status (*GradFunc)(const Scope& scope, const Operation& op, const std::vector<Output>& grad_inputs,
                           std::vector<Output>* grad_outputs);
class GradOpRegistry {
 public:
  bool Register(const std::string& op, GradFunc func);
  Status Lookup(const std::string& op, GradFunc* func) const;
  static GradOpRegistry* Global();
};
}  // namespace ops

#define REGISTER_GRADIENT_OP(name, fn) REGISTER_GRADIENT_OP_UNIQ_HELPER(__COUNTER__, name, fn)
#define REGISTER_NO_GRADIENT_OP(name) REGISTER_GRADIENT_OP_UNIQ_HELPER(__COUNTER__, name, nullptr)
#define REGISTER_GRADIENT_OP_UNIQ_HELPER(ctr, name, fn) REGISTER_GRADIENT_OP_UNIQ(ctr, name, fn)
#define REGISTER_GRADIENT_OP_UNIQ(ctr, name, fn) \
  static bool unused_ret_val_##ctr = ::tensorflow::ops::GradOpRegistry::Global()->Register(name, fn)
}  // namespace tensorflow

#endif
