// tfgradlint API model of LibTorch 1.13: torch::optim (optimizers, their
// options and parameter state, parameter groups, LR schedulers) and
// torch::serialize (archives, torch::save/load, pickle_save/load). The
// declarations are generated from libtorch-dev's headers by
// tools/model_gen/frontend_data.py (generated/optim_gen.h); this header adds
// the serialize macros user option structs call, with expansions that only
// call declared functions (no bodies in the model).
#pragma once
#include "jit.h"
#include <deque>
#include <functional>
#include <memory>
#include <tuple>

namespace torch {
namespace jit {
struct CompilationUnit;  // what an OutputArchive writes into (torch/csrc/jit/api/compilation_unit.h)
}  // namespace jit
}  // namespace torch

#include "generated/optim_gen.h"

namespace torch {
namespace optim {
namespace tfgl {
// What the macros below expand to: a write or read of one named option.
template <typename T>
void serialize_arg(serialize::OutputArchive& archive, const char* key, const T& value);
template <typename T>
T deserialize_arg(serialize::InputArchive& archive, const char* key);
}  // namespace tfgl
}  // namespace optim
}  // namespace torch

// torch/optim/serialize.h's macros, used inside a user options struct's
// serialize(archive) methods.
#ifndef _TORCH_OPTIM_SERIALIZE_TORCH_ARG
#define _TORCH_OPTIM_SERIALIZE(name) ::torch::optim::serialize(archive, #name, self.name)
#define _TORCH_OPTIM_SERIALIZE_WITH_TEMPLATE_ARG(OptimizerName) \
  ::torch::optim::serialize<OptimizerName##ParamState, OptimizerName##Options>(archive, self)
#define _TORCH_OPTIM_SERIALIZE_TORCH_ARG(name) ::torch::optim::tfgl::serialize_arg(archive, #name, name())
#define _TORCH_OPTIM_DESERIALIZE_TORCH_ARG(T, name) name(::torch::optim::tfgl::deserialize_arg<T>(archive, #name))
#define _TORCH_OPTIM_DESERIALIZE_TORCH_ARG_OPTIONAL(T, name) \
  name(::torch::optim::tfgl::deserialize_arg<c10::optional<T>>(archive, #name))
#define _TORCH_OPTIM_SERIALIZE_TORCH_ARG_DEQUE(name) ::torch::optim::tfgl::serialize_arg(archive, #name, name())
#define _TORCH_OPTIM_DESERIALIZE_TORCH_ARG_DEQUE(T, name) \
  name(::torch::optim::tfgl::deserialize_arg<T>(archive, #name))
#endif
