// tfgradlint API model of <torch/csrc/jit/runtime/operator.h> (LibTorch 1.13). See rules/README.md.
#pragma once
#include "../../../../tfgradlint_model/jit.h"
#include "../../../../tfgradlint_model/lowlevel.h"
