/* GL002 nondiff-on-loss-path: every path from the trainable values to the
 * loss goes through an op with no gradient (argmax, comparisons, integer
 * casts), a detach, an op whose gradient is zero almost everywhere (round,
 * sign), or a round trip through host memory (item(), data_ptr() and a
 * tensor rebuilt from the numbers). backward() then throws, or trains
 * nothing. Cuts that leave another recorded path to the trainable values
 * are not reported as errors (a target network's detach, a straight-through
 * estimator, metrics next to the loss).
 *
 * Warning: the loss trains some variables, but one of its terms reaches
 * variables that the optimizer stepping after the gradient call trains only
 * through a cut, and no other term reaches them: that term trains nothing.
 * Cuts of variables the optimizer does not train (the generator behind the
 * discriminator step's fake.detach(), a target network) and cuts of
 * variables another term still trains (a straight-through estimator) stay
 * silent. */
#include "../analysis/flow.h"
#include "../analysis/trained.h"
#include "common.h"
#include <stdio.h>


static const char *why(const struct ir_node *op)
{
    if (op->op->why)
        return op->op->why;
    switch (op->op->cls) {
    case OP_FACTORY: return "builds a new leaf tensor";
    case OP_GRADIENT: return "returns gradients with no graph of their own (create_graph is not true)";
    default: return "casts to a type that has no gradient";
    }
}

/* Two cuts by the same op on one line (`v(t.data_ptr(), t.data_ptr() + n)`)
 * are one finding. */
static bool same_line_as_earlier(struct analysis *a, const struct node_ref *cuts, size_t k)
{
    const struct ir_node *n = analysis_node(a, cuts[k]);
    for (size_t j = 0; j < k; j++) {
        const struct ir_node *m = analysis_node(a, cuts[j]);
        if (cuts[j].fn == cuts[k].fn && m->loc.line == n->loc.line && m->op == n->op)
            return true;
    }
    return false;
}

static void report(struct rule_ctx *ctx, uint32_t fn, ir_id sink, struct node_ref cut)
{
    struct analysis *a = ctx->a;
    const struct ir_node *op = analysis_node(a, cut);
    const struct ir_node *call = &a->tu->fns[fn]->nodes[sink];
    struct diag_note note = rule_note(a, (struct node_ref){fn, sink}, "gradients of the loss are requested here");
    char msg[768];
    snprintf(msg, sizeof msg,
             "`%s` %s, so the loss passed to `%s` at line %u has no differentiable path to the trainable values",
             rule_op_label(op), why(op), rule_short_name(call->name), call->loc.line);
    diag_report(ctx->sink, ctx->rule, rule_table[ctx->rule].severity, a->tu->fns[cut.fn]->file, op->loc, op->end,
                msg, &note, 1);
}

/* The variables the first optimizer step after `grad` in `f` trains, or
 * false when there is none or they cannot all be named. */
static bool trained_after(struct analysis *a, uint32_t f, ir_id grad, struct origin_set *out)
{
    const struct ir_fn *fn = a->tu->fns[f];
    const struct flow_fact *facts = flow_facts(a, &rule_gradient_spec, f, TRI_ON);
    for (ir_id i = grad + 1; i < fn->nnodes; i++) {
        const struct ir_node *n = &fn->nodes[i];
        ir_id recv = ir_call_receiver(n);
        if (n->kind != IR_CALL || !n->op || n->op->cls != OP_OPTIMIZER_STEP || recv == IR_NONE)
            continue;
        trained_collect(a, &rule_gradient_spec, f, &facts[recv], out);
        return out->n > 0 && !out->open;
    }
    return false;
}

static bool in_set(const struct origin_set *s, uint32_t id)
{
    for (uint32_t i = 0; i < s->n; i++)
        if (s->ids[i] == id)
            return true;
    return false;
}

/* A trained variable that this cut record reaches and no uncut path does. */
static uint32_t dead_variable(struct analysis *a, uint32_t f, const struct cut_rec *rec,
                              const struct origin_set *trained, const struct origin_set *clean)
{
    struct flow_fact only = {0};
    only.cuts[0] = *rec;
    only.ncuts = 1;
    struct origin_set behind = {0};
    trained_collect(a, &rule_gradient_spec, f, &only, &behind);
    for (uint32_t i = 0; i < behind.n; i++)
        if (in_set(trained, behind.ids[i]) && !in_set(clean, behind.ids[i]))
            return behind.ids[i];
    return 0;
}

static void warn(struct rule_ctx *ctx, uint32_t fn, ir_id sink, struct node_ref cut, uint32_t variable)
{
    struct analysis *a = ctx->a;
    const struct ir_node *op = analysis_node(a, cut);
    const struct ir_node *call = &a->tu->fns[fn]->nodes[sink];
    char msg[768], what[256];
    snprintf(msg, sizeof msg,
             "`%s` %s, so this term of the loss passed to `%s` at line %u gives no gradient to `%s`, which the "
             "optimizer trains; the other terms do not reach it either",
             rule_op_label(op), why(op), rule_short_name(call->name), call->loc.line,
             flow_origin_name(a, variable));
    snprintf(what, sizeof what, "`%s` is defined here", flow_origin_name(a, variable));
    struct diag_note notes[2] = {
        rule_note(a, (struct node_ref){fn, sink}, "gradients of the loss are requested here"),
        rule_note(a, flow_origin_at(a, variable), what),
    };
    diag_report(ctx->sink, ctx->rule, SEV_WARNING, a->tu->fns[cut.fn]->file, op->loc, op->end, msg, notes, 2);
}

/* Terms of a loss that trains something, cut from variables it trains. */
static void check_dead_terms(struct rule_ctx *ctx, uint32_t f, ir_id grad, const struct flow_fact *loss)
{
    struct analysis *a = ctx->a;
    struct origin_set trained = {0}, clean = {0};
    if (!loss->ncuts || !trained_after(a, f, grad, &trained))
        return;
    struct flow_fact uncut = *loss;
    uncut.ncuts = 0;
    trained_collect(a, &rule_gradient_spec, f, &uncut, &clean);
    if (clean.open || !origin_sets_meet(&clean, &trained))
        return; /* the loss must visibly train something for a term to be dead */
    struct node_ref reported[FLOW_MAX_CUTS];
    size_t nreported = 0;
    for (uint8_t i = 0; i < loss->ncuts; i++) {
        struct node_ref cut = loss->cuts[i].from_entry ? (struct node_ref){f, grad} : loss->cuts[i].cut;
        bool seen = false;
        for (size_t k = 0; k < nreported; k++)
            seen |= reported[k].fn == cut.fn && reported[k].node == cut.node;
        uint32_t variable = seen ? 0 : dead_variable(a, f, &loss->cuts[i], &trained, &clean);
        if (variable) {
            warn(ctx, f, grad, cut, variable);
            reported[nreported++] = cut;
        }
    }
}

void rule_gl002(struct rule_ctx *ctx)
{
    const struct ir_tu *tu = ctx->a->tu;
    for (uint32_t f = 0; f < tu->nfns; f++)
        for (ir_id i = 0; i < tu->fns[f]->nnodes; i++) {
            ir_id target = rule_gradient_target(&tu->fns[f]->nodes[i]);
            if (target == IR_NONE)
                continue;
            const struct flow_fact *facts = flow_facts(ctx->a, &rule_gradient_spec, f, TRI_ON);
            struct node_ref cuts[FLOW_MAX_CUTS];
            size_t n = rule_reportable_cuts(ctx->a, f, &facts[target], (struct node_ref){f, i}, cuts);
            for (size_t k = 0; k < n; k++)
                if (!same_line_as_earlier(ctx->a, cuts, k))
                    report(ctx, f, i, cuts[k]);
            if (n == 0)
                check_dead_terms(ctx, f, i, &facts[target]);
        }
}
