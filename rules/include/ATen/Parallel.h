// tfgradlint API model of <ATen/Parallel.h> (LibTorch 1.13). See rules/README.md.
#pragma once
#include "../tfgradlint_model/ops.h"
