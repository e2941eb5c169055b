/* GL006 dead-loss-term: one term of the loss gives no gradient to the
 * variables the optimizer trains, while the rest of the loss trains them.
 * Two causes:
 *
 * - the term is cut by an op with no gradient, a host round trip, or is
 *   built only from detached values (an auxiliary loss added through
 *   item(), a temperature that only enters through argmax). This is the
 *   warning half of GL002's check of the cuts on the loss path, which
 *   gl002_nondiff_on_loss_path.c implements for both;
 * - the term was computed while gradient recording was off (in a
 *   NoGradGuard block, in a helper that opens one) and the rest of the loss
 *   was recorded. When no term is recorded, GL001 reports the loss as an
 *   error instead; this file finds the one-term case.
 *
 * Only a term whose every input went through an op run with recording off
 * is dead: a value computed under a guard that is a label or a weight of a
 * recorded term (pseudo-labels, a target network's output), or that is
 * only logged, is not a term. The unrecorded part must reach a variable
 * the optimizer stepping after the request trains (a term computed from a
 * target network alone trains nothing on purpose), and an unknown input or
 * recording state keeps the term alive. */
#include "../analysis/flow.h"
#include "../analysis/trained.h"
#include "terms.h"

/* Nothing trainable reaches the term on a recorded path, and something
 * does through ops run with recording off. */
static bool unrecorded(const struct flow_fact *f)
{
    return !f->unknown && !f->unidentified && f->ncuts && !f->norigins && !f->clean_params && !f->clean_trust;
}

/* The terms of the loss of request `grad` (in `f`, run with recording on)
 * that were computed with recording off, while the rest of the loss is
 * recorded and trains the optimizer's variables. */
static void check_unrecorded_terms(struct rule_ctx *ctx, uint32_t f, ir_id grad)
{
    struct analysis *a = ctx->a;
    const struct ir_fn *fn = a->tu->fns[f];
    ir_id target = rule_gradient_target(&fn->nodes[grad]);
    struct origin_set trained = {0};
    if (target == IR_NONE || !terms_trained_after(a, f, grad, &trained) || trained.unknown)
        return;
    const struct flow_fact *recorded = flow_facts(a, &rule_recording_spec, f, TRI_ON);
    const struct flow_fact *differentiable = flow_facts(a, &rule_gradient_spec, f, TRI_ON);
    if (!terms_trains_any(a, &rule_recording_spec, f, &recorded[target], &trained))
        return; /* nothing recorded trains them: GL001's error, or unknown */
    struct loss_terms terms;
    terms_of(fn, target, &terms);
    if (!terms.complete || terms.n < 2)
        return;
    struct terms_guarded found = {0};
    for (size_t i = 0; i < terms.n; i++) {
        ir_id t = terms.v[i];
        /* A term with no differentiable path to them either is cut by an
         * op with no gradient: the other half of GL006 judges it. */
        if (unrecorded(&recorded[t]) && terms_trains_any(a, &rule_gradient_spec, f, &differentiable[t], &trained))
            terms_collect_guarded(a, f, &recorded[t], &trained, &found);
    }
    for (size_t k = 0; k < found.n; k++)
        terms_report_guarded(ctx, f, grad, &found, k, false);
}

void rule_gl006(struct rule_ctx *ctx)
{
    rule_loss_cuts(ctx, LOSS_CUT_TERMS);
    const struct ir_tu *tu = ctx->a->tu;
    for (uint32_t f = 0; f < tu->nfns; f++)
        for (ir_id i = 0; i < tu->fns[f]->nnodes; i++)
            if (rule_is_gradient_call(&tu->fns[f]->nodes[i]))
                check_unrecorded_terms(ctx, f, i);
}
