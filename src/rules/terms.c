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

bool terms_trained_after(struct analysis *a, uint32_t f, ir_id grad, struct origin_set *out)
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
