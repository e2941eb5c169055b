/* GL002 nondiff-on-loss-path: every path from the trainable values to the
 * loss goes through an op with no gradient (argmax, comparisons, integer
 * casts), a detach, an op whose gradient is zero almost everywhere (round,
 * sign), or a round trip through host memory (item(), data_ptr() and a
 * tensor rebuilt from the numbers). backward() then throws, or trains
 * nothing. Cuts that leave another recorded path to the trainable values
 * are not reported as errors (a target network's detach, a straight-through
 * estimator, metrics next to the loss).
 *
 * The same check finds GL006 dead-loss-term (gl006_dead_loss_term.c runs
 * it for that part): the loss trains some variables, but one of its terms reaches
 * variables that the optimizer stepping after the gradient call trains only
 * through a cut, and no other term reaches them: that term trains nothing.
 * Cuts of variables the optimizer does not train (the generator behind the
 * discriminator step's fake.detach(), a target network) and cuts of
 * variables another term still trains (a straight-through estimator) stay
 * silent. */
#include "../analysis/flow.h"
#include "../analysis/graph.h"
#include "../analysis/trained.h"
#include "common.h"
#include "terms.h"
#include <stdio.h>
#include <string.h>


static const char *ordinal(int n)
{
    static const char *const words[] = {"1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th"};
    return n >= 1 && n <= 8 ? words[n - 1] : "next";
}

/* A gradient request without create_graph. When a literal `true` sits in
 * the retain_graph slot (`grad({out}, {in}, {grad_out}, true)`, meant as
 * create_graph), say so: the call keeps the graph but builds none. */
static const char *gradient_why(struct analysis *a, struct node_ref cut)
{
    const struct ir_fn *fn = a->tu->fns[cut.fn];
    const struct ir_node *g = &fn->nodes[cut.node];
    ir_id retain = g->op->retain_graph_arg >= 0 ? ir_call_operand(g, g->op->retain_graph_arg) : IR_NONE;
    const struct ir_node *r = retain != IR_NONE ? &fn->nodes[retain] : NULL;
    if (r && r->kind == IR_CALL && (r->flags & IRF_CTOR) && r->nops == 1) /* c10::optional<bool>(true) */
        r = &fn->nodes[r->ops[0]];
    if (r && r->kind == IR_LITERAL && (r->flags & IRF_BOOL_TRUE) && g->op->create_graph_arg >= 0)
        return arena_printf(a->arena,
                            "returns gradients with no graph of their own (its %s positional argument is "
                            "retain_graph: the `true` there keeps the graph, and create_graph, the %s, stays false)",
                            ordinal(g->op->retain_graph_arg + 1), ordinal(g->op->create_graph_arg + 1));
    return "returns gradients with no graph of their own (create_graph is not true)";
}

static const char *why(struct analysis *a, struct node_ref cut)
{
    const struct ir_node *op = analysis_node(a, cut);
    if (op->op->why)
        return op->op->why;
    switch (op->op->cls) {
    case OP_FACTORY: return "builds a new leaf tensor";
    case OP_GRADIENT: return gradient_why(a, cut);
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

/* Where the host values read at `cut` become a tensor again on their way to
 * `target`: the first host construction or factory that depends on the read
 * and that the loss depends on, or IR_NONE. */
static ir_id rebuilt_at(struct analysis *a, uint32_t f, ir_id cut, ir_id target)
{
    const struct ir_fn *fn = a->tu->fns[f];
    uint8_t *from_cut = arena_alloc(a->arena, fn->nnodes), *into_loss = arena_alloc(a->arena, fn->nnodes);
    from_cut[cut] = 1;
    for (ir_id i = cut + 1; i <= target; i++)
        for (uint32_t k = 0; k < fn->nodes[i].nops && !from_cut[i]; k++)
            from_cut[i] = fn->nodes[i].ops[k] < i && from_cut[fn->nodes[i].ops[k]];
    into_loss[target] = 1;
    for (ir_id i = target + 1; i-- > 0;)
        if (into_loss[i])
            for (uint32_t k = 0; k < fn->nodes[i].nops; k++)
                into_loss[fn->nodes[i].ops[k]] |= fn->nodes[i].ops[k] < i;
    for (ir_id i = cut + 1; i <= target; i++) {
        const struct ir_node *n = &fn->nodes[i];
        if (from_cut[i] && into_loss[i] && n->kind == IR_CALL && n->op &&
            op_class_has(n->op->cls, OPF_NEW_LEAF))
            return i;
    }
    return IR_NONE;
}

static void report(struct rule_ctx *ctx, uint32_t fn, ir_id sink, struct node_ref cut)
{
    struct analysis *a = ctx->a;
    const struct ir_node *op = analysis_node(a, cut);
    const struct ir_node *call = &a->tu->fns[fn]->nodes[sink];
    struct diag_note notes[2] = {rule_note(a, (struct node_ref){fn, sink}, "gradients of the loss are requested here")};
    size_t nnotes = 1;
    const char *rebuilt = "";
    ir_id target = rule_gradient_target(call);
    ir_id leaf = op->op && op->op->cls == OP_HOST_EXTRACT && cut.fn == fn && target != IR_NONE
                     ? rebuilt_at(a, fn, cut.node, target)
                     : IR_NONE;
    if (leaf != IR_NONE) {
        const struct ir_node *l = &a->tu->fns[fn]->nodes[leaf];
        rebuilt = arena_printf(a->arena, "; the tensor built from it by `%s` at line %u is a new leaf",
                               rule_op_label(l), l->loc.line);
        notes[nnotes++] = rule_note(a, (struct node_ref){fn, leaf}, "a new tensor with no history is built here");
    }
    const char *msg = arena_printf(a->arena,
             "`%s` %s%s, so the loss passed to `%s` at %s has no differentiable path to the trainable values",
             rule_op_label(op), why(a, cut), rebuilt, rule_short_name(call->name),
             rule_line_of(a, (struct node_ref){fn, sink}, a->tu->fns[cut.fn]->file));
    diag_report(ctx->sink, ctx->rule, rule_table[ctx->rule].severity, a->tu->fns[cut.fn]->file, op->loc, op->end,
                msg, notes, nnotes);
}

static bool in_set(const struct origin_set *s, uint32_t id)
{
    for (uint32_t i = 0; i < s->n; i++)
        if (s->ids[i] == id)
            return true;
    return false;
}

#define MAX_HELPER_DEPTH 3

/* Is `cut` on a differentiable path into the value `w` walked back from, in
 * `f` or in the helpers `f` calls on that path (and their helpers, a few
 * levels deep), through the values they return? */
static bool feeds_value(struct analysis *a, uint32_t f, const struct graph_walk *w, struct node_ref cut, int depth)
{
    if (cut.fn == f)
        return graph_seen_now(w, cut.node);
    if (depth >= MAX_HELPER_DEPTH)
        return false;
    const struct ir_fn *fn = a->tu->fns[f];
    for (ir_id c = 0; c < fn->nnodes; c++) {
        const struct ir_node *call = &fn->nodes[c];
        if (call->kind != IR_CALL || call->callee < 0 || !graph_seen_now(w, c))
            continue;
        const struct ir_fn *helper = a->tu->fns[call->callee];
        for (ir_id r = 0; r < helper->nnodes; r++) {
            if (helper->nodes[r].kind != IR_RETURN)
                continue;
            struct graph_walk inside;
            graph_walk(&inside, a, &rule_gradient_spec, (uint32_t)call->callee, r, 0);
            if (feeds_value(a, (uint32_t)call->callee, &inside, cut, depth + 1))
                return true;
        }
    }
    return false;
}

static bool feeds_loss(struct analysis *a, uint32_t f, const struct graph_walk *to_loss, struct node_ref cut)
{
    return feeds_value(a, f, to_loss, cut, 0);
}

/* ---- terms built only from cut values ---- */

/* A term nothing trainable reaches except through cuts: every input
 * detached, new or read from the host. A term that is itself the cut
 * (`x + (q - x).detach()`, a straight-through estimator) is a correction
 * of the value, not a term meant to train. Unknown inputs keep it alive. */
static bool dead_term(struct analysis *a, uint32_t f, ir_id t, const struct flow_fact *facts)
{
    const struct flow_fact *ft = &facts[t];
    const struct ir_node *n = &a->tu->fns[f]->nodes[t];
    if (ft->unknown || ft->unidentified || !ft->ncuts || ft->norigins || ft->clean_params || ft->clean_trust)
        return false;
    for (uint8_t i = 0; i < ft->ncuts; i++)
        if (ft->cuts[i].cut.fn == f && ft->cuts[i].cut.node == t)
            return false;
    return !(n->kind == IR_CALL && n->op && op_class_has(n->op->cls, OPF_CUTS));
}

static bool fact_has_cut(const struct flow_fact *f, struct node_ref cut)
{
    for (uint8_t i = 0; i < f->ncuts; i++)
        if (f->cuts[i].cut.fn == cut.fn && f->cuts[i].cut.node == cut.node)
            return true;
    return false;
}

/* Is `cut` in a term of the loss `target` that is dead, and in no live
 * term? */
static bool in_dead_term(struct analysis *a, uint32_t f, ir_id target, struct node_ref cut)
{
    const struct flow_fact *facts = flow_facts(a, &rule_gradient_spec, f, TRI_ON);
    struct loss_terms t;
    terms_of(a->tu->fns[f], target, &t);
    if (!t.complete)
        return false; /* a term not listed may use the cut too: unknown */
    bool dead = false;
    for (size_t i = 0; i < t.n; i++) {
        if (!fact_has_cut(&facts[t.v[i]], cut))
            continue;
        if (!dead_term(a, f, t.v[i], facts))
            return false;
        dead = true;
    }
    return dead && t.n > 1;
}

/* ---- factors of a live product ---- */

static bool multiplies(const struct ir_node *n)
{
    static const char *const names[] = {"operator*", "operator/", "operator*=", "operator/=", "mul", "div",
                                        "mul_", "div_", "multiply", "divide"};
    if ((n->kind != IR_CALL && n->kind != IR_OP) || !n->name)
        return false;
    const char *s = rule_short_name(n->name);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i]) == 0)
            return true;
    return false;
}

/* May a gradient flow through the value: something trainable (or unknown)
 * reaches it on an uncut path? */
static bool live(const struct flow_fact *f)
{
    return f->clean_trust || f->norigins || f->clean_params || f->unknown || f->unidentified;
}

struct factor_walk {
    const struct flow_fact *facts;
    ir_id cut;
};

static bool is_cut(void *ctx, const struct ir_fn *fn, ir_id node)
{
    (void)fn;
    return node == ((struct factor_walk *)ctx)->cut;
}

/* Into every operand, except the dead factors of a product with a live one. */
static bool into_live_factor(void *ctx, const struct ir_fn *fn, ir_id node, uint32_t k)
{
    const struct flow_fact *facts = ((struct factor_walk *)ctx)->facts;
    const struct ir_node *n = &fn->nodes[node];
    if (!multiplies(n) || live(&facts[n->ops[k]]))
        return true;
    for (uint32_t j = 0; j < n->nops; j++)
        if (live(&facts[n->ops[j]]))
            return false;
    return true;
}

/* Does `cut` (in the loss's function `f`) reach the loss `target` only as
 * a factor of a product whose other factor is live: a mask
 * (`per_sample * (pred > 0).to(kFloat)`) or a scale read back from the
 * loss itself (`loss * (cap / loss.item())`)? The product then trains
 * through that other factor; the cut is no term of the loss. */
static bool only_a_factor(struct analysis *a, uint32_t f, ir_id target, struct node_ref cut)
{
    if (cut.fn != f)
        return false;
    struct factor_walk w = {flow_facts(a, &rule_gradient_spec, f, TRI_ON), cut.node};
    return !ir_walk_finds(a->tu->fns[f], &target, 1, a->arena, is_cut, into_live_factor, &w);
}

/* A trained variable this cut record reaches that no uncut path does or,
 * for an op no one puts in a loss on purpose (no gradient, zero gradient,
 * host reads, gradients without create_graph), any
 * trained variable it reaches: that term is dead even if other terms train
 * the same variables (a penalty from gradients without create_graph). */
static uint32_t cut_variable(struct analysis *a, uint32_t f, ir_id target, const struct cut_rec *rec,
                             const struct origin_set *trained, bool trained_known, const struct origin_set *clean,
                             const struct graph_walk *to_loss)
{
    struct origin_set behind = {0};
    terms_behind_cut(a, &rule_gradient_spec, f, rec, &behind);
    const struct ir_node *op = analysis_node(a, rec->cut);
    bool deliberate = !op->op || op_class_has(op->op->cls, OPF_DELIBERATE);
    /* Only an op whose result feeds the loss on a differentiable path is a
     * term of it: an argmax whose action is stored next to the batch is not. */
    bool feeds = feeds_loss(a, f, to_loss, rec->cut);
    deliberate |= !feeds;
    if (deliberate && !trained_known)
        return 0; /* a detach may be meant for values nobody trains */
    /* A detach in a term with no trainable input at all is no target
     * network or label: the term is a constant, whatever the others do. */
    bool whole_term = (!deliberate && !only_a_factor(a, f, target, rec->cut)) ||
                      (feeds && in_dead_term(a, f, target, rec->cut));
    for (uint32_t i = 0; i < behind.n; i++)
        if (in_set(trained, behind.ids[i]) && (whole_term || !in_set(clean, behind.ids[i])))
            return behind.ids[i];
    return 0;
}

static void report_term(struct rule_ctx *ctx, uint32_t fn, ir_id sink, struct node_ref cut, uint32_t variable,
                        bool whole_loss, bool trained_known)
{
    struct analysis *a = ctx->a;
    const struct ir_node *op = analysis_node(a, cut);
    const struct ir_node *call = &a->tu->fns[fn]->nodes[sink];
    const char *name = flow_origin_name(a, variable);
    const char *where = rule_line_of(a, (struct node_ref){fn, sink}, a->tu->fns[cut.fn]->file), *msg;
    if (whole_loss)
        msg = arena_printf(a->arena,
                 "`%s` %s, and it is the only way the loss passed to `%s` at %s reaches `%s`, which the "
                 "optimizer trains: `%s` gets no gradient",
                 rule_op_label(op), why(a, cut), rule_short_name(call->name), where, name, name);
    else
        msg = arena_printf(a->arena, "`%s` %s, so this term of the loss passed to `%s` at %s gives no gradient to `%s`%s",
                 rule_op_label(op), why(a, cut), rule_short_name(call->name), where, name,
                 trained_known ? ", which the optimizer trains" : "");
    struct diag_note notes[2] = {
        rule_note(a, (struct node_ref){fn, sink}, "gradients of the loss are requested here"),
        rule_note(a, flow_origin_at(a, variable), arena_printf(a->arena, "`%s` is defined here", name)),
    };
    diag_report(ctx->sink, ctx->rule, rule_table[ctx->rule].severity, a->tu->fns[cut.fn]->file, op->loc, op->end,
                msg, notes, 2);
}

/* Cuts judged against the variables the optimizer stepping after the
 * gradient call trains: GL002 when the loss reaches none of them uncut
 * (part LOSS_CUT_WHOLE), GL006 for a dead term of a loss that trains some
 * (part LOSS_CUT_TERMS). */
static void check_trained_variables(struct rule_ctx *ctx, enum loss_cut_part part, uint32_t f, ir_id grad,
                                    const struct flow_fact *loss)
{
    struct analysis *a = ctx->a;
    struct origin_set trained = {0}, clean = {0};
    if (!loss->ncuts || loss->lost)
        return;
    /* With no optimizer step to name the trained variables, every object
     * behind the loss counts, and only ops nobody puts in a loss on purpose
     * are judged (a gradient penalty without create_graph). */
    bool trained_known = terms_trained_after(a, f, grad, &trained);
    if (!trained_known) {
        trained = (struct origin_set){0};
        trained_collect(a, &rule_gradient_spec, f, loss, &trained);
        if (trained.open || trained.n == 0)
            return;
    }
    terms_reached_uncut(a, &rule_gradient_spec, f, loss, &clean);
    /* Whether another term reaches the variables is a claim of absence:
     * with an unknown input on the loss's or the optimizer's side, none is
     * made. */
    if (clean.open || clean.unknown || trained.unknown || (!trained_known && clean.n == 0))
        return;
    bool trains = origin_sets_meet(&clean, &trained);
    if (trains != (part == LOSS_CUT_TERMS))
        return;
    /* Only the last cuts count: a round() inside a straight-through
     * estimator's detach() is explained by the detach. */
    struct node_ref cuts[FLOW_MAX_CUTS];
    uint32_t index[FLOW_MAX_CUTS];
    for (uint8_t i = 0; i < loss->ncuts; i++) {
        cuts[i] = loss->cuts[i].from_entry ? (struct node_ref){f, grad} : loss->cuts[i].cut;
        index[i] = i;
    }
    size_t kept = rule_drop_upstream_cuts(a, cuts, index, loss->ncuts);
    struct graph_walk to_loss;
    graph_walk(&to_loss, a, &rule_gradient_spec, f, rule_gradient_target(&a->tu->fns[f]->nodes[grad]), 0);
    struct node_ref reported[FLOW_MAX_CUTS];
    size_t nreported = 0;
    for (size_t k = 0; k < kept; k++) {
        uint32_t v = cut_variable(a, f, rule_gradient_target(&a->tu->fns[f]->nodes[grad]), &loss->cuts[index[k]],
                                  &trained, trained_known,
                                  trains ? &clean : &(struct origin_set){0}, &to_loss);
        if (!v)
            continue;
        reported[nreported++] = cuts[k];
        if (!same_line_as_earlier(a, reported, nreported - 1))
            report_term(ctx, f, grad, cuts[k], v, !trains, trained_known);
    }
}

void rule_loss_cuts(struct rule_ctx *ctx, enum loss_cut_part part)
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
            for (size_t k = 0; k < n && part == LOSS_CUT_WHOLE; k++)
                if (!same_line_as_earlier(ctx->a, cuts, k))
                    report(ctx, f, i, cuts[k]);
            if (n == 0)
                check_trained_variables(ctx, part, f, i, &facts[target]);
        }
}

void rule_gl002(struct rule_ctx *ctx) { rule_loss_cuts(ctx, LOSS_CUT_WHOLE); }
