// tfgradlint API model of <ATen/record_function.h> (LibTorch 1.13). See rules/README.md.
#pragma once
#include "../tfgradlint_model/lowlevel.h"
