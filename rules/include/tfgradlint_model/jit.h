// tfgradlint API model of LibTorch 1.13 (namespace torch::jit): TorchScript
// modules loaded with torch::jit::load and the IValue they take and return.
// Written from the public API; declarations only.
#pragma once
#include "ops.h"
#include <string>
#include <vector>

namespace torch {
namespace jit {
// A boxed value: a tensor, a list, a tuple, a scalar.
struct IValue {
  IValue();
  IValue(const at::Tensor& t);
  IValue(double d);
  IValue(int64_t i);
  IValue(bool b);
  IValue(std::vector<IValue> list);
  at::Tensor toTensor() const;
  bool isTensor() const;
  bool isTuple() const;
  double toDouble() const;
  int64_t toInt() const;
  bool toBool() const;
  std::vector<at::Tensor> toTensorVector() const;
};
class Module {
 public:
  Module();
  IValue forward(std::vector<IValue> inputs);
  std::vector<at::Tensor> parameters(bool recurse = true) const;
  void train(bool on = true);
  void eval();
  bool is_training() const;
  void to(at::Device device, bool non_blocking = false);
  void to(at::ScalarType dtype, bool non_blocking = false);
  void save(const std::string& filename) const;
  IValue attr(const std::string& name) const;
};
namespace script {
using Module = ::torch::jit::Module;
}  // namespace script
Module load(const std::string& filename, c10::optional<c10::Device> device = c10::nullopt);
}  // namespace jit

// Short dtype names of torch/types.h.
constexpr auto kF16 = at::kHalf;
constexpr auto kF32 = at::kFloat;
constexpr auto kF64 = at::kDouble;
constexpr auto kI8 = at::kChar;
constexpr auto kI16 = at::kShort;
constexpr auto kI32 = at::kInt;
constexpr auto kI64 = at::kLong;
constexpr auto kU8 = at::kByte;
}  // namespace torch
