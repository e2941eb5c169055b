// tfgradlint API model of LibTorch 1.13: torch::data (Example, datasets,
// transforms, samplers, DataLoaderOptions, make_data_loader and the
// loader's iterator). The declarations are generated from libtorch-dev's
// headers by tools/model_gen/frontend_data.py (generated/data_gen.h); this
// header adds the two type helpers they name (torch/csrc/utils/variadic.h).
#pragma once
#include "optim.h"
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

namespace torch {
template <bool value, typename T = void>
using enable_if_t = typename std::enable_if<value, T>::type;
template <bool value, typename T = void>
using disable_if_t = enable_if_t<!value, T>;
}  // namespace torch

#include "generated/data_gen.h"
