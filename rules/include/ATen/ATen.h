// tfgradlint API model of <ATen/ATen.h> (LibTorch 1.13).
#pragma once
#include "../tfgradlint_model/ops.h"
#include "../tfgradlint_model/lowlevel.h"
