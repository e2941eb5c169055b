// tfgradlint API model of <c10/core/impl/LocalDispatchKeySet.h> (LibTorch 1.13). See rules/README.md.
#pragma once
#include "../../../tfgradlint_model/lowlevel.h"
