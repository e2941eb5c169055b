/* GL001 loss-outside-tape: the loss reaches the trainable values only
 * through ops that ran while gradient recording was off (a no-grad guard,
 * inference mode, a disabled grad mode), so it has no recorded path back
 * to them: backward() throws, or the parameters silently get no gradient. */
#include "../analysis/flow.h"
#include "../analysis/graph.h"
#include "../analysis/recording.h"
#include "common.h"
#include "terms.h"
#include <stdio.h>


/* The mode node that turned recording off for `cut` (the cut itself when
 * unknown, so that unrelated cuts stay apart). */
static struct node_ref cause_of(struct analysis *a, struct node_ref cut)
{
    struct node_ref where;
    return rule_recording_off_by(a, cut, &where) ? where : cut;
}

/* An op run on a context that is not the tape's recording context. */
static void report_off_tape(struct rule_ctx *ctx, uint32_t fn, ir_id sink, struct node_ref cut)
{
    struct analysis *a = ctx->a;
    const struct ir_node *op = analysis_node(a, cut);
    const struct ir_node *call = &a->tu->fns[fn]->nodes[sink];
    const struct ir_node *context = analysis_node(a, (struct node_ref){cut.fn, rule_op_context(op)});
    struct diag_note notes[2] = {
        rule_note(a, (struct node_ref){cut.fn, rule_op_context(op)}, "this context does not record on the tape"),
        rule_note(a, (struct node_ref){fn, sink}, "gradients of the loss are requested here"),
    };
    const char *msg = arena_printf(a->arena,
             "`%s` runs on a context that is not the tape's recording context (`%s`), so the tape does not record "
             "it and the loss passed to `%s` at %s has no recorded path to the watched values",
             rule_op_label(op), rule_value_name(a->tu->fns[cut.fn], context), rule_short_name(call->name),
             rule_line_of(a, (struct node_ref){fn, sink}, a->tu->fns[cut.fn]->file));
    diag_report(ctx->sink, ctx->rule, rule_table[ctx->rule].severity, a->tu->fns[cut.fn]->file, op->loc, op->end, msg,
                notes, 2);
}

static void report(struct rule_ctx *ctx, uint32_t fn, ir_id sink, struct node_ref cut)
{
    struct analysis *a = ctx->a;
    if (rule_op_context(analysis_node(a, cut)) != IR_NONE) {
        report_off_tape(ctx, fn, sink, cut);
        return;
    }
    const struct ir_node *op = analysis_node(a, cut);
    const struct ir_node *call = &a->tu->fns[fn]->nodes[sink];
    struct node_ref off;
    struct diag_note notes[2];
    size_t nn = 0;
    const char *by = "recording is off";
    if (rule_recording_off_by(a, cut, &off)) {
        const struct ir_node *set = analysis_node(a, off);
        notes[nn++] = rule_note(a, off,
                                arena_printf(a->arena, "gradient recording is turned off here by `%s`",
                                             rule_short_name(set->name)));
        by = rule_short_name(set->name);
    }
    notes[nn++] = rule_note(a, (struct node_ref){fn, sink}, "gradients of the loss are requested here");
    const char *msg = arena_printf(a->arena,
             "`%s` runs with gradient recording off (%s), so the loss passed to `%s` at %s has no "
             "recorded path to the trainable values",
             rule_short_name(op->name), by, rule_short_name(call->name),
             rule_line_of(a, (struct node_ref){fn, sink}, a->tu->fns[cut.fn]->file));
    diag_report(ctx->sink, ctx->rule, rule_table[ctx->rule].severity, a->tu->fns[cut.fn]->file, op->loc,
                op->end, msg, notes, nn);
}

/* Checks the gradient request `sink` of `fn`, assuming recording is
 * `entry` when `fn` starts. With entry off (the caller holds the guard),
 * cuts caused by the entry state are reported at the caller's `call`. */
static bool on_path(const struct graph_walk *w, uint32_t fn, struct node_ref r)
{
    return r.fn == fn && graph_seen_now(w, r.node);
}

/* Is cut `x` a better place to report than `y` (same cause)? */
static bool better_place(const struct graph_walk *w, uint32_t fn, struct node_ref x, struct node_ref y)
{
    if (on_path(w, fn, x) != on_path(w, fn, y))
        return on_path(w, fn, x);
    return x.fn == y.fn && x.node < y.node;
}

static void check_trained_variables(struct rule_ctx *ctx, uint32_t f, ir_id sink);

static void check_sink(struct rule_ctx *ctx, uint32_t fn, ir_id sink, enum ir_tristate entry,
                       struct node_ref call)
{
    ir_id target = rule_gradient_target(&ctx->a->tu->fns[fn]->nodes[sink]);
    if (target == IR_NONE)
        return;
    const struct flow_fact *facts = flow_facts(ctx->a, &rule_recording_spec, fn, entry);
    struct node_ref cuts[FLOW_MAX_CUTS];
    size_t ncuts = rule_reportable_cuts(ctx->a, fn, &facts[target], call, cuts);
    /* One finding per place recording was turned off: the first op (in
     * evaluation order) that it cut from a trainable value, preferring ops
     * on a differentiable path to the loss over ops whose path is also cut
     * by an op with no gradient (an action chosen by argmax under the same
     * guard, stored with the batch). */
    struct graph_walk differentiable;
    graph_walk(&differentiable, ctx->a, &rule_gradient_spec, fn, target, 0);
    struct node_ref first[FLOW_MAX_CUTS], cause[FLOW_MAX_CUTS];
    size_t n = 0;
    for (size_t i = 0; i < ncuts; i++) {
        struct node_ref why = cause_of(ctx->a, cuts[i]);
        size_t k = 0;
        while (k < n && !(cause[k].fn == why.fn && cause[k].node == why.node))
            k++;
        if (k == n) {
            cause[n] = why;
            first[n++] = cuts[i];
        } else if (better_place(&differentiable, fn, cuts[i], first[k]))
            first[k] = cuts[i];
    }
    for (size_t k = 0; k < n; k++)
        report(ctx, fn, sink, first[k]);
    if (ncuts == 0 && entry == TRI_ON)
        check_trained_variables(ctx, fn, sink);
}

/* A loss recorded from some trainable values that reaches the variables
 * the optimizer stepping after `sink` trains only through ops run with
 * recording off (an optimizer built over a DQN's target network, whose
 * output is computed under a guard, while the loss trains the online
 * network). Every trainable value reaching the loss must be known: a
 * claim that none of the trained ones does on a recorded path. */
static void check_trained_variables(struct rule_ctx *ctx, uint32_t f, ir_id sink)
{
    struct analysis *a = ctx->a;
    ir_id target = rule_gradient_target(&a->tu->fns[f]->nodes[sink]);
    struct origin_set trained = {0}, clean = {0};
    if (target == IR_NONE || !terms_trained_after(a, f, sink, &trained) || trained.unknown)
        return;
    const struct flow_fact *loss = &flow_facts(a, &rule_recording_spec, f, TRI_ON)[target];
    if (!loss->ncuts || loss->lost)
        return;
    terms_reached_uncut(a, &rule_recording_spec, f, loss, &clean);
    if (clean.open || clean.unknown || origin_sets_meet(&clean, &trained))
        return;
    struct terms_guarded found = {0};
    terms_collect_guarded(a, f, loss, &trained, &found);
    for (size_t k = 0; k < found.n; k++)
        terms_report_guarded(ctx, f, sink, &found, k, true);
}

/* A function of the TU called while recording is off: its own gradient
 * requests see recording off from the start. */
static void check_callee_sinks(struct rule_ctx *ctx, uint32_t fn, ir_id call)
{
    const struct ir_tu *tu = ctx->a->tu;
    const struct ir_node *c = &tu->fns[fn]->nodes[call];
    if (c->kind != IR_CALL || c->callee < 0)
        return;
    struct rec_state st = rec_at(ctx->a, fn, call, TRI_ON);
    if (st.state != TRI_OFF || st.from_entry)
        return;
    const struct ir_fn *callee = tu->fns[c->callee];
    for (ir_id i = 0; i < callee->nnodes; i++)
        if (rule_is_gradient_call(&callee->nodes[i]))
            check_sink(ctx, callee->index, i, TRI_OFF, (struct node_ref){fn, call});
}

void rule_gl001(struct rule_ctx *ctx)
{
    const struct ir_tu *tu = ctx->a->tu;
    for (uint32_t f = 0; f < tu->nfns; f++)
        for (ir_id i = 0; i < tu->fns[f]->nnodes; i++) {
            if (rule_is_gradient_call(&tu->fns[f]->nodes[i]))
                check_sink(ctx, f, i, TRI_ON, (struct node_ref){f, i});
            check_callee_sinks(ctx, f, i);
        }
}
