// tfgradlint API model of <ATen/TensorUtils.h> (LibTorch 1.13). See rules/README.md.
#pragma once
#include "../tfgradlint_model/lowlevel.h"
