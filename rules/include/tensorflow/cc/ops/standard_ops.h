// tfgradlint API model of tensorflow/cc/ops/standard_ops.h.
#ifndef TFGRADLINT_MODEL_TF_CC_STANDARD_OPS_H
#define TFGRADLINT_MODEL_TF_CC_STANDARD_OPS_H
#include "tensorflow/cc/ops/array_ops.h"
#include "tensorflow/cc/ops/const_op.h"
#include "tensorflow/cc/ops/math_ops.h"
#include "tensorflow/cc/ops/nn_ops.h"
#include "tensorflow/cc/ops/random_ops.h"
#include "tensorflow/cc/ops/state_ops.h"
#include "tensorflow/cc/ops/training_ops.h"
#endif
