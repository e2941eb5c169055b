// tfgradlint API model of <c10/util/Exception.h> (LibTorch 1.13). See rules/README.md.
#pragma once
#include "../../tfgradlint_model/ops.h"
