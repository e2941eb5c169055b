// tfgradlint API model of tensorflow/core/platform/status.h: Status and
// the checking macros.
#ifndef TFGRADLINT_MODEL_TF_STATUS_CC_H
#define TFGRADLINT_MODEL_TF_STATUS_CC_H
#include <string>

namespace absl {
class Status {
 public:
  Status();
  bool ok() const;
  std::string ToString() const;
  std::string message() const;
};
inline Status OkStatus() { return Status(); }
}  // namespace absl

namespace tensorflow {
using Status = absl::Status;
using string = std::string;
inline Status OkStatus() { return Status(); }
}  // namespace tensorflow

#define TF_CHECK_OK(val) ((void)(val))
#define TF_EXPECT_OK(val) ((void)(val))
#define TF_ASSERT_OK(val) ((void)(val))
#define TF_RETURN_IF_ERROR(...)                 \
  do {                                          \
    ::tensorflow::Status _status = (__VA_ARGS__); \
    if (!_status.ok()) return _status;          \
  } while (0)

#endif
