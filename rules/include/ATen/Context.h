// tfgradlint API model of <ATen/Context.h> (LibTorch 1.13). See rules/README.md.
#pragma once
#include "../tfgradlint_model/ops.h"
