// tfgradlint API model of tensorflow/cc/ops/resource_variable_ops.h: the
// model declares the variable ops of both headers in state_ops.h.
#include "tensorflow/cc/ops/state_ops.h"
