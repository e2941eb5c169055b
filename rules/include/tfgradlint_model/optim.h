// tfgradlint API model of LibTorch 1.13: torch::optim optimizers and
// schedulers. Written from the public API.
#pragma once
#include "ops.h"
#include <functional>
#include <memory>
#include <tuple>

namespace torch {
namespace optim {

using LossClosure = std::function<at::Tensor()>;

class OptimizerOptions {
 public:
  virtual ~OptimizerOptions();
  virtual double get_lr() const;
  virtual void set_lr(const double lr);
};

class OptimizerParamGroup {
 public:
  OptimizerParamGroup(std::vector<at::Tensor> params);
  OptimizerParamGroup(std::vector<at::Tensor> params, std::unique_ptr<OptimizerOptions> options);
  std::vector<at::Tensor>& params();
  OptimizerOptions& options();
};

class Optimizer {
 public:
  using LossClosure = std::function<at::Tensor()>;
  virtual ~Optimizer();
  virtual at::Tensor step(LossClosure closure = nullptr) = 0;
  void zero_grad(bool set_to_none = false);
  void add_param_group(const OptimizerParamGroup& param_group);
  std::vector<OptimizerParamGroup>& param_groups() noexcept;
  const std::vector<at::Tensor>& parameters() const noexcept;
  size_t size() const noexcept;
};

#define TFGL_OPTIMIZER(Name, ...)                                                      \
  struct Name##Options : public OptimizerOptions {                                     \
    Name##Options(double lr = 1e-3);                                                   \
    Name##Options& lr(double lr);                                                      \
    const double& lr() const noexcept;                                                 \
    double& lr() noexcept;                                                             \
    Name##Options& weight_decay(double wd);                                            \
    __VA_ARGS__                                                                        \
  };                                                                                   \
  class Name : public Optimizer {                                                      \
   public:                                                                             \
    explicit Name(std::vector<OptimizerParamGroup> param_groups, Name##Options defaults = {}); \
    explicit Name(std::vector<at::Tensor> params, Name##Options defaults = {});        \
    at::Tensor step(LossClosure closure = nullptr) override;                           \
  };
TFGL_OPTIMIZER(SGD, SGDOptions& momentum(double m); SGDOptions& dampening(double d);
               SGDOptions& nesterov(bool n);)
TFGL_OPTIMIZER(Adam, AdamOptions& betas(std::tuple<double, double> b); AdamOptions& eps(double e);
               AdamOptions& amsgrad(bool a);)
TFGL_OPTIMIZER(AdamW, AdamWOptions& betas(std::tuple<double, double> b); AdamWOptions& eps(double e);
               AdamWOptions& amsgrad(bool a);)
TFGL_OPTIMIZER(RMSprop, RMSpropOptions& alpha(double a); RMSpropOptions& eps(double e);
               RMSpropOptions& momentum(double m); RMSpropOptions& centered(bool c);)
TFGL_OPTIMIZER(Adagrad, AdagradOptions& lr_decay(double d); AdagradOptions& eps(double e);)
TFGL_OPTIMIZER(LBFGS, LBFGSOptions& max_iter(int64_t n); LBFGSOptions& history_size(int64_t n);
               LBFGSOptions& line_search_fn(std::string f);)
#undef TFGL_OPTIMIZER

class LRScheduler {
 public:
  explicit LRScheduler(Optimizer& optimizer);
  virtual ~LRScheduler();
  void step();
};
class StepLR : public LRScheduler {
 public:
  StepLR(Optimizer& optimizer, const unsigned step_size, const double gamma = 0.1);
};

}  // namespace optim
}  // namespace torch
