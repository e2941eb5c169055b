// tfgradlint API model of tensorflow/core/framework/graph.pb.h (generated
// from graph.proto): the GraphDef message, as training programs use it to
// export or inspect the graph they built (Scope::ToGraphDef).
#ifndef TFGRADLINT_MODEL_TF_GRAPH_PB_H
#define TFGRADLINT_MODEL_TF_GRAPH_PB_H
#include <string>

namespace tensorflow {
class GraphDef {
 public:
  GraphDef();
  int node_size() const;
  std::string DebugString() const;
  bool SerializeToString(std::string* output) const;
};
}  // namespace tensorflow

#endif
