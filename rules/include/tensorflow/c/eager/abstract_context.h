// tfgradlint API model of tensorflow/c/eager/abstract_context.h: the
// context ops run through (eager, tracing, or a tape's TapeContext).
#ifndef TFGRADLINT_MODEL_TF_ABSTRACT_CONTEXT_H
#define TFGRADLINT_MODEL_TF_ABSTRACT_CONTEXT_H
#include <memory>
#include <string>
#include "tensorflow/core/platform/status.h"

namespace tensorflow {
class AbstractFunction;
class AbstractOperation {
 public:
  virtual void Release() = 0;

 protected:
  virtual ~AbstractOperation();
};

class AbstractContext {
 public:
  enum AbstractContextKind { kGraph, kMlir, kEager, kTfrt, kTape, kOpHandler };
  explicit AbstractContext(AbstractContextKind kind);
  AbstractContextKind getKind() const;
  virtual void Release() = 0;
  virtual AbstractOperation* CreateOperation() = 0;
  virtual Status RegisterFunction(AbstractFunction*) = 0;
  virtual Status RemoveFunction(const std::string& func) = 0;

 protected:
  virtual ~AbstractContext();
};

namespace internal {
struct AbstractContextDeleter {
  void operator()(AbstractContext* p) const;
};
}  // namespace internal

using AbstractContextPtr = std::unique_ptr<AbstractContext, internal::AbstractContextDeleter>;
}  // namespace tensorflow

#endif
