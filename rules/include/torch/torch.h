// tfgradlint API model of <torch/torch.h> (LibTorch 1.13), used when the real
// header is not reachable. See rules/README.md.
#pragma once
// The real header pulls in these standard headers transitively (checked with
// clang -H on LibTorch 1.13), and training code relies on that (std::cout,
// std::isnan, memcpy, std::map, std::stringstream, std::sort, ...); the model
// does the same so such code parses.
#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstring>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <map>
#include <numeric>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>
#include "../tfgradlint_model/autograd.h"
#include "../tfgradlint_model/data.h"
#include "../tfgradlint_model/functional.h"
#include "../tfgradlint_model/optim.h"
#include "../tfgradlint_model/jit.h"
#include "../tfgradlint_model/lowlevel.h"
