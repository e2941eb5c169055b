// tfgradlint API model of <ATen/ScalarType.h> (LibTorch 1.13). See rules/README.md.
#pragma once
#include "../tfgradlint_model/ops.h"
