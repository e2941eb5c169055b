/* rules/common: helpers shared by rule passes (naming things in messages,
 * finding gradient requests, building notes). */
#ifndef TFG_RULES_COMMON_H
#define TFG_RULES_COMMON_H
#include "registry.h"

/* The last component of a qualified name ("at::Tensor::backward" ->
 * "backward"); points into `qualified`. */
const char *rule_short_name(const char *qualified);
/* A gradient request: a call the model classes as OP_GRADIENT. */
bool rule_is_gradient_call(const struct ir_node *n);
/* Is node `id` of `fn` a number: a value of a number type, or one
 * constructed from numbers only (the Scalar an overload taking one is
 * given, `x * 0.5`)? False for IR_NONE. */
bool rule_is_number(const struct ir_fn *fn, ir_id id);
/* The value whose gradient is requested (the loss), or IR_NONE. */
ir_id rule_gradient_target(const struct ir_node *n);
struct flow_fact;
struct flow_spec;
/* Gradient paths: cut by every op that leaves no gradient (no-gradient,
 * zero-gradient, detach, host round trips, new leaves). Recording state is
 * GL001's business, not a cut here. GL002-GL004 share these facts. */
extern const struct flow_spec rule_gradient_spec;
/* Recorded paths: cut by every graph op that ran with recording off. */
extern const struct flow_spec rule_recording_spec;
/* The cuts a rule reports on the value whose facts are `f` (in function
 * `fn`): when no trainable value reaches it on an uncut path, the first cuts
 * of the trainable values; when nothing at all reaches it uncut (so the
 * framework must fail), also those of values of unknown provenance. Cuts
 * caused by the function's entry state are reported at `call`. Fills `out`
 * (FLOW_MAX_CUTS entries) and returns how many. */
size_t rule_reportable_cuts(struct analysis *a, uint32_t fn, const struct flow_fact *f, struct node_ref call,
                            struct node_ref *out);
/* Drops the cuts whose result flows into another of them: the later cut is
 * on every path the earlier one is on (an item() at the end of a chunk
 * covers the detach() of the state fed into that chunk). `tags` (optional)
 * are permuted alongside. Returns how many are kept. */
size_t rule_drop_upstream_cuts(struct analysis *a, struct node_ref *cuts, uint32_t *tags, size_t n);
/* Where gradient recording was turned off for op `cut` (a guard's
 * declaration, a switch call), with entry state `on` for its function:
 * false when it was not off there, or off only because of the function's
 * entry state. */
bool rule_recording_off_by(struct analysis *a, struct node_ref cut, struct node_ref *where);
/* The context argument of an op the model runs through a context, or IR_NONE. */
ir_id rule_op_context(const struct ir_node *n);
/* The op's context argument is an execution context that is certainly not a
 * recording one (not the tape's TapeContext): the op is not recorded. */
bool rule_runs_off_tape(struct analysis *a, uint32_t fn, ir_id node);
/* How a message names a value: the variable, parameter or member it is
 * (through accessor calls and `&`), or "...". */
const char *rule_value_name(const struct ir_fn *fn, const struct ir_node *n);
/* How a message names an op: its op type ("ArgMax") when the model classed
 * it by one, else the callee's short name. */
const char *rule_op_label(const struct ir_node *n);
struct diag_note rule_note(const struct analysis *a, struct node_ref at, const char *message);
/* How a message points at the line of `at`: "line 15", or "line 15 of
 * train.cpp" when the finding is reported in another file (`here`), as a
 * finding in model.cpp about the backward in train.cpp is. The text lives
 * in the analysis arena, so no file name is cut. */
const char *rule_line_of(const struct analysis *a, struct node_ref at, const char *here);
/* The loss-path check GL002 and GL006 share (gl002_nondiff_on_loss_path.c):
 * cuts that leave the whole loss without a gradient to the trainable values
 * (GL002, an error), or one term of a loss that still trains them (GL006). */
enum loss_cut_part { LOSS_CUT_WHOLE, LOSS_CUT_TERMS };
void rule_loss_cuts(struct rule_ctx *ctx, enum loss_cut_part part);

#endif
