// tfgradlint API model of LibTorch 1.13: torch::autograd gradient requests
// and the grad-mode names it re-exports, plus serialization. Written from
// the public API.
#pragma once
#include "nn.h"
#include <string>

namespace torch {
namespace autograd {
using Variable = at::Tensor;
using variable_list = std::vector<at::Tensor>;
using GradMode = at::GradMode;
using AutoGradMode = at::AutoGradMode;

variable_list grad(const variable_list& outputs, const variable_list& inputs, const variable_list& grad_outputs = {},
                   c10::optional<bool> retain_graph = c10::nullopt, bool create_graph = false,
                   bool allow_unused = false);
void backward(const variable_list& tensors, const variable_list& grad_tensors = {},
              c10::optional<bool> retain_graph = c10::nullopt, bool create_graph = false,
              const variable_list& inputs = {});
}  // namespace autograd

template <typename Value, typename... SaveToArgs>
void save(const Value& value, SaveToArgs&&... args);
template <typename Value, typename... LoadFromArgs>
void load(Value& value, LoadFromArgs&&... args);

}  // namespace torch
