// tfgradlint API model of
// tensorflow/c/experimental/gradients/tape/tape_context.h: the context that
// records the ops run through it on its tape.
#ifndef TFGRADLINT_MODEL_TF_TAPE_CONTEXT_H
#define TFGRADLINT_MODEL_TF_TAPE_CONTEXT_H
#include "tensorflow/c/eager/abstract_context.h"
#include "tensorflow/c/eager/gradients.h"

namespace tensorflow {
namespace gradients {
class TapeOperation : public AbstractOperation {
 public:
  void Release() override;
};
class TapeContext : public AbstractContext {
 public:
  explicit TapeContext(AbstractContext*, Tape*, const GradientRegistry&);
  void Release() override;
  TapeOperation* CreateOperation() override;
  Status RegisterFunction(AbstractFunction*) override;
  Status RemoveFunction(const string& func) override;
  static bool classof(const AbstractContext* ptr);
  ~TapeContext() override;
};
}  // namespace gradients
}  // namespace tensorflow

#endif
