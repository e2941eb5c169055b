// tfgradlint API model of tensorflow/cc/framework/scope.h.
#ifndef TFGRADLINT_MODEL_TF_SCOPE_H
#define TFGRADLINT_MODEL_TF_SCOPE_H
#include <string>
#include <vector>
#include "tensorflow/core/platform/status.h"

namespace tensorflow {
class Graph;
class Operation;
class Scope {
 public:
  Scope(const Scope& other);
  ~Scope();
  Scope& operator=(const Scope& other);
  static Scope NewRootScope();
  static Scope DisabledShapeInferenceScope();
  Scope NewSubScope(const std::string& child_scope_name) const;
  Scope WithOpName(const std::string& op_name) const;
  Scope WithControlDependencies(const std::vector<Operation>& control_deps) const;
  Scope WithNoControlDependencies() const;
  Scope WithDevice(const std::string& device) const;
  bool ok() const;
  Status status() const;
  Status ToGraph(Graph* g) const;
  Graph* graph() const;

 private:
  Scope();
};
}  // namespace tensorflow

#endif
