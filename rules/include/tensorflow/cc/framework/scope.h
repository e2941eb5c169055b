// tfgradlint API model of tensorflow/cc/framework/scope.h.
#ifndef TFGRADLINT_MODEL_TF_SCOPE_H
#define TFGRADLINT_MODEL_TF_SCOPE_H
#include <memory>
#include <string>
#include <vector>
#include "tensorflow/core/platform/status.h"

namespace tensorflow {
class Graph;
class GraphDef;
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
  Status ToGraphDef(GraphDef* gdef, bool include_debug_info = false) const;
  Graph* graph() const;
  std::string GetUniqueNameForOp(const std::string& default_name) const;

 private:
  Scope();
};
}  // namespace tensorflow

#endif
