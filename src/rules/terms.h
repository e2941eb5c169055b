/* rules/terms: what GL002 and GL006 judge a loss against: the terms of
 * the sum that makes it, and the variables the optimizer stepping after
 * its gradient request trains. */
#ifndef TFG_RULES_TERMS_H
#define TFG_RULES_TERMS_H
#include "../analysis/trained.h"
#include "common.h"

/* Sums nest this deep at most, with this many terms; past either cap the
 * terms are unknown and no term is called dead. */
#define TERMS_MAX_DEPTH 16
#define TERMS_MAX 32

struct loss_terms {
    ir_id v[TERMS_MAX];
    size_t n;
    bool complete; /* every term was listed (no cap reached) */
};

/* The terms of the sum `v` of `fn` (the model's sums_terms ops, followed
 * through copies and through in-place `loss += term` versions). */
void terms_of(const struct ir_fn *fn, ir_id v, struct loss_terms *out);
/* The first optimizer step after gradient request `grad` in `fn`, or
 * IR_NONE. */
ir_id terms_step_after(const struct ir_fn *fn, ir_id grad);
/* The variables the first optimizer step after gradient request `grad` in
 * `f` trains, or false when there is none or they cannot all be named. */
bool terms_trained_after(struct analysis *a, uint32_t f, ir_id grad, struct origin_set *out);
/* Does the value whose facts (under `spec`) are `fact` reach one of
 * `trained` on an uncut path? */
bool terms_trains_any(struct analysis *a, const struct flow_spec *spec, uint32_t f, const struct flow_fact *fact,
                      const struct origin_set *trained);

/* The trainable objects reaching the value whose facts (under `spec`) are
 * `fact` on uncut paths. */
void terms_reached_uncut(struct analysis *a, const struct flow_spec *spec, uint32_t f, const struct flow_fact *fact,
                         struct origin_set *out);
/* The trainable objects behind cut record `rec` of a value of `f` (the
 * sources the path it cut came from). */
void terms_behind_cut(struct analysis *a, const struct flow_spec *spec, uint32_t f, const struct cut_rec *rec,
                      struct origin_set *out);

/* Places recording was turned off that one request reports (more are
 * dropped: fewer findings, never a wrong one). */
#define TERMS_MAX_GUARDS 16

/* One finding per place recording was turned off: its first op (in
 * evaluation order, within one function) that cut a trained variable. */
struct terms_guarded {
    struct node_ref guard[TERMS_MAX_GUARDS], cut[TERMS_MAX_GUARDS];
    uint32_t variable[TERMS_MAX_GUARDS];
    size_t n;
};

/* Adds to `out` the ops of value `term` (recording-spec facts) that ran
 * with recording off and cut it from a variable of `trained`. */
void terms_collect_guarded(struct analysis *a, uint32_t f, const struct flow_fact *term,
                           const struct origin_set *trained, struct terms_guarded *out);

/* Reports guarded op `k` of `g` for gradient request `grad` of `f`: as
 * the only way the loss reaches the trained variable (`whole_loss`, GL001)
 * or as a term that gives it nothing (GL006), with notes at the guard, the
 * request and the variable. */
void terms_report_guarded(struct rule_ctx *ctx, uint32_t f, ir_id grad, const struct terms_guarded *g, size_t k,
                          bool whole_loss);

#endif
