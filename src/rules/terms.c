/* rules/terms: the terms of a loss and the variables its optimizer trains
 * (see terms.h). */
#include "terms.h"

static void add_term(struct loss_terms *t, ir_id v)
{
    if (t->n < TERMS_MAX)
        t->v[t->n++] = v;
    else
        t->complete = false;
}

static void collect_terms(const struct ir_fn *fn, ir_id v, int depth, struct loss_terms *t)
{
    const struct ir_node *n = &fn->nodes[v];
    if (depth >= TERMS_MAX_DEPTH) {
        t->complete = false;
        return;
    }
    if (n->kind == IR_VAR && n->nops >= 1) {
        ir_id last = n->ops[n->nops - 1];
        const struct ir_node *l = &fn->nodes[last];
        bool updated = l->kind == IR_CALL && (l->flags & IRF_INPLACE) && n->nops == 2;
        if (n->nops == 1 || updated) {
            collect_terms(fn, last, depth + 1, t);
            return;
        }
    }
    if (n->kind == IR_CALL && n->op && n->op->sums_terms) {
        for (uint32_t k = 0; k < n->nops; k++)
            if (fn->nodes[n->ops[k]].role == ROLE_TENSOR)
                collect_terms(fn, n->ops[k], depth + 1, t);
        return;
    }
    add_term(t, v);
}

void terms_of(const struct ir_fn *fn, ir_id v, struct loss_terms *out)
{
    out->n = 0;
    out->complete = true;
    collect_terms(fn, v, 0, out);
}

ir_id terms_step_after(const struct ir_fn *fn, ir_id grad)
{
    for (ir_id i = grad + 1; i < fn->nnodes; i++) {
        const struct ir_node *n = &fn->nodes[i];
        if (n->kind == IR_CALL && n->op && n->op->cls == OP_OPTIMIZER_STEP && ir_call_receiver(n) != IR_NONE)
            return i;
    }
    return IR_NONE;
}

bool terms_trained_after(struct analysis *a, uint32_t f, ir_id grad, struct origin_set *out)
{
    const struct ir_fn *fn = a->tu->fns[f];
    ir_id step = terms_step_after(fn, grad);
    if (step == IR_NONE)
        return false;
    trained_collect(a, &rule_gradient_spec, f, &flow_facts(a, &rule_gradient_spec, f, TRI_ON)[ir_call_receiver(&fn->nodes[step])],
                    out);
    return out->n > 0 && !out->open;
}

bool terms_trains_any(struct analysis *a, const struct flow_spec *spec, uint32_t f, const struct flow_fact *fact,
                      const struct origin_set *trained)
{
    struct origin_set reached = {0};
    terms_reached_uncut(a, spec, f, fact, &reached);
    return origin_sets_meet(&reached, trained);
}

void terms_behind_cut(struct analysis *a, const struct flow_spec *spec, uint32_t f, const struct cut_rec *rec,
                      struct origin_set *out)
{
    struct flow_fact only = {0};
    only.cuts[0] = *rec;
    only.ncuts = 1;
    trained_collect(a, spec, f, &only, out);
}

/* The first variable of `trained` behind cut record `rec`, or 0. */
static uint32_t trained_behind(struct analysis *a, uint32_t f, const struct cut_rec *rec,
                               const struct origin_set *trained)
{
    struct origin_set behind = {0};
    terms_behind_cut(a, &rule_recording_spec, f, rec, &behind);
    for (uint32_t i = 0; i < behind.n; i++)
        for (uint32_t j = 0; j < trained->n; j++)
            if (behind.ids[i] == trained->ids[j])
                return behind.ids[i];
    return 0;
}

static void add_guarded(struct terms_guarded *g, struct node_ref guard, struct node_ref cut, uint32_t variable)
{
    size_t k = 0;
    while (k < g->n && !(g->guard[k].fn == guard.fn && g->guard[k].node == guard.node))
        k++;
    if (k == g->n) {
        if (g->n == TERMS_MAX_GUARDS)
            return;
        g->n++;
    } else if (!(cut.fn == g->cut[k].fn && cut.node < g->cut[k].node))
        return;
    g->guard[k] = guard;
    g->cut[k] = cut;
    g->variable[k] = variable;
}

void terms_collect_guarded(struct analysis *a, uint32_t f, const struct flow_fact *term,
                           const struct origin_set *trained, struct terms_guarded *out)
{
    for (uint8_t i = 0; i < term->ncuts; i++) {
        struct node_ref guard;
        uint32_t v = trained_behind(a, f, &term->cuts[i], trained);
        if (v && !term->cuts[i].from_entry && rule_recording_off_by(a, term->cuts[i].cut, &guard))
            add_guarded(out, guard, term->cuts[i].cut, v);
    }
}

void terms_reached_uncut(struct analysis *a, const struct flow_spec *spec, uint32_t f, const struct flow_fact *fact,
                         struct origin_set *out)
{
    struct flow_fact uncut = *fact;
    uncut.ncuts = 0;
    trained_collect(a, spec, f, &uncut, out);
}

void terms_report_guarded(struct rule_ctx *ctx, uint32_t f, ir_id grad, const struct terms_guarded *g, size_t k,
                          bool whole_loss)
{
    struct analysis *a = ctx->a;
    const struct ir_node *op = analysis_node(a, g->cut[k]);
    const char *by = rule_short_name(analysis_node(a, g->guard[k])->name);
    const char *call = rule_short_name(a->tu->fns[f]->nodes[grad].name);
    const char *where = rule_line_of(a, (struct node_ref){f, grad}, a->tu->fns[g->cut[k].fn]->file);
    const char *name = flow_origin_name(a, g->variable[k]);
    struct diag_note notes[3] = {
        rule_note(a, g->guard[k], arena_printf(a->arena, "gradient recording is turned off here by `%s`", by)),
        rule_note(a, (struct node_ref){f, grad}, "gradients of the loss are requested here"),
        rule_note(a, flow_origin_at(a, g->variable[k]), arena_printf(a->arena, "`%s` is defined here", name)),
    };
    const char *msg =
        whole_loss ? arena_printf(a->arena,
                                  "`%s` runs with gradient recording off (%s), and it is the only way the loss passed "
                                  "to `%s` at %s reaches `%s`, which the optimizer trains: `%s` gets no gradient",
                                  rule_op_label(op), by, call, where, name, name)
                   : arena_printf(a->arena,
                                  "`%s` runs with gradient recording off (%s), so this term of the loss passed to "
                                  "`%s` at %s gives no gradient to `%s`, which the optimizer trains",
                                  rule_op_label(op), by, call, where, name);
    diag_report(ctx->sink, ctx->rule, rule_table[ctx->rule].severity, a->tu->fns[g->cut[k].fn]->file, op->loc,
                op->end, msg, notes, 3);
}
