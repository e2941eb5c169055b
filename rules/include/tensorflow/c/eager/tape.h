// tfgradlint API model of tensorflow/c/eager/tape.h: the tape template the
// C++ gradients Tape is built on.
#ifndef TFGRADLINT_MODEL_TF_EAGER_TAPE_H
#define TFGRADLINT_MODEL_TF_EAGER_TAPE_H

namespace tensorflow {
namespace eager {
template <typename Gradient, typename BackwardFunction, typename TapeTensor>
class GradientTape {
 public:
  explicit GradientTape(bool persistent);
  ~GradientTape();
  bool IsPersistent() const;
};
}  // namespace eager
}  // namespace tensorflow

#endif
