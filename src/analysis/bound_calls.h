/* analysis/bound_calls: calls through a callback parameter, followed into
 * the function every caller passes.
 *
 * `double Trainer::update(const Rollout &r, const LossFn &loss_fn)` calls
 * `loss_fn(policy_, r)`: a std::function (or function pointer) parameter,
 * unresolved in update's own IR. When every call of update in sight passes
 * the same user function or captureless lambda for that parameter
 * (`trainer.update(r, ppo_loss)`), the call is that function's call: its
 * callee is set, so the summaries, recording state and rules follow it as
 * a direct call. One caller passing anything else (its own parameter, a
 * variable, a capturing lambda, an unknown value), or no caller in sight,
 * leaves the call unresolved: unknown, silent.
 *
 * Runs on one file's IR after it is built, and again on the linked IR of a
 * multi-file run: the caller's file links the function it calls and the
 * callback it names (driver/xfile.c), so the binding is made there and the
 * finding lands in the callee's file. */
#ifndef TFG_ANALYSIS_BOUND_CALLS_H
#define TFG_ANALYSIS_BOUND_CALLS_H

#include "../ir/ir.h"

/* Whether function `f` calls through one of its parameters, unresolved. */
bool bound_calls_through_param(const struct ir_fn *f);

/* Resolves the calls through callback parameters of `fns` that every call
 * site binds to one function; returns how many it resolved. */
unsigned bound_calls_bind(struct ir_fn *const *fns, uint32_t nfns);

#endif
