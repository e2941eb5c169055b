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
/* The variables the first optimizer step after gradient request `grad` in
 * `f` trains, or false when there is none or they cannot all be named. */
bool terms_trained_after(struct analysis *a, uint32_t f, ir_id grad, struct origin_set *out);

#endif
