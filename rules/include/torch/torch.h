// tfgradlint API model of <torch/torch.h> (LibTorch 1.13), used when the real
// header is not reachable. See rules/README.md.
#pragma once
#include "../tfgradlint_model/autograd.h"
#include "../tfgradlint_model/data.h"
#include "../tfgradlint_model/functional.h"
#include "../tfgradlint_model/optim.h"
