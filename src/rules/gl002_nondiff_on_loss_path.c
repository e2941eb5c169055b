/* GL002 nondiff-on-loss-path: every path from the trainable values to the
 * loss goes through an op with no gradient (argmax, comparisons, integer
 * casts), a detach, an op whose gradient is zero almost everywhere (round,
 * sign), or a round trip through host memory (item(), data_ptr() and a
 * tensor rebuilt from the numbers). backward() then throws, or trains
 * nothing. Cuts that leave another recorded path to the trainable values
 * are not reported (a target network's detach, a straight-through
 * estimator, metrics next to the loss). */
#include "../analysis/flow.h"
#include "common.h"
#include <stdio.h>


static const char *why(const struct ir_node *op)
{
    if (op->op->why)
        return op->op->why;
    switch (op->op->cls) {
    case OP_FACTORY: return "builds a new leaf tensor";
    default: return "casts to a type that has no gradient";
    }
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
             rule_short_name(op->name), why(op), rule_short_name(call->name), call->loc.line);
    diag_report(ctx->sink, ctx->rule, rule_table[ctx->rule].severity, a->tu->fns[cut.fn]->file, op->loc, op->end,
                msg, &note, 1);
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
                report(ctx, f, i, cuts[k]);
        }
}
