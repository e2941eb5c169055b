// tfgradlint API model of tensorflow/core/framework/types.h: DataType.
#ifndef TFGRADLINT_MODEL_TF_TYPES_H
#define TFGRADLINT_MODEL_TF_TYPES_H
#include <cstdint>

namespace tensorflow {
enum DataType {
  DT_INVALID = 0, DT_FLOAT = 1, DT_DOUBLE = 2, DT_INT32 = 3, DT_UINT8 = 4, DT_INT16 = 5, DT_INT8 = 6,
  DT_STRING = 7, DT_COMPLEX64 = 8, DT_INT64 = 9, DT_BOOL = 10, DT_BFLOAT16 = 14, DT_HALF = 19,
  DT_RESOURCE = 20, DT_VARIANT = 21
};
using int64 = std::int64_t;
}  // namespace tensorflow

#endif
