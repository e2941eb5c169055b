// tfgradlint API model of tensorflow/cc/client/client_session.h.
#ifndef TFGRADLINT_MODEL_TF_CLIENT_SESSION_H
#define TFGRADLINT_MODEL_TF_CLIENT_SESSION_H
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>
#include "tensorflow/cc/framework/ops.h"
#include "tensorflow/cc/framework/scope.h"

namespace tensorflow {
class SessionOptions;
class ClientSession {
 public:
  typedef std::unordered_map<Output, Input::Initializer, OutputHash> FeedType;
  explicit ClientSession(const Scope& scope);
  ClientSession(const Scope& scope, const std::string& target);
  ClientSession(const Scope& scope, const SessionOptions& session_options);
  ~ClientSession();
  Status Run(const std::vector<Output>& fetch_outputs, std::vector<Tensor>* outputs) const;
  Status Run(const FeedType& inputs, const std::vector<Output>& fetch_outputs,
             std::vector<Tensor>* outputs) const;
  Status Run(const FeedType& inputs, const std::vector<Output>& fetch_outputs,
             const std::vector<Operation>& run_outputs, std::vector<Tensor>* outputs) const;
};
}  // namespace tensorflow

#endif
