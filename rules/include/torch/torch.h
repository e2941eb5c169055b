// tfgradlint API model of <torch/torch.h> (LibTorch 1.13), used when the real
// header is not reachable. See rules/README.md.
#pragma once
// The real header pulls in <iostream> transitively, and training code relies
// on that for std::cout, std::isnan and memcpy; the model does the same so
// such code parses.
#include <cmath>
#include <cstring>
#include <iostream>
#include "../tfgradlint_model/autograd.h"
#include "../tfgradlint_model/data.h"
#include "../tfgradlint_model/functional.h"
#include "../tfgradlint_model/optim.h"
