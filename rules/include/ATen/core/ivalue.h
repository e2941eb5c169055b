// tfgradlint API model of <ATen/core/ivalue.h> (LibTorch 1.13). See rules/README.md.
#pragma once
#include "../../tfgradlint_model/autograd.h"
