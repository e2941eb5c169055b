// tfgradlint API model of <c10/macros/Macros.h> (LibTorch 1.13). See rules/README.md.
#pragma once
#include "../../tfgradlint_model/ops.h"
