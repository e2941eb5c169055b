// tfgradlint API model of <torch/version.h> (LibTorch 1.13). See rules/README.md.
#pragma once
#include "../tfgradlint_model/lowlevel.h"
