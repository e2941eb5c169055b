/* analysis/optype_calls: calls classed by the op type they run (see optype_calls.h). */
#include "optype_calls.h"
#include "constprop.h"

/* Rounds of classing: a type found at one call can make another
 * resolvable (a description a helper started, finished later). */
#define OPTYPE_MAX_ROUNDS 4

const struct model_call *optype_classed(const struct model *m, const struct strmap *regs, struct arena *arena,
                                        const struct model_call *base, const char *op_type)
{
    const struct model_call *table = model_op_type(m, op_type);
    size_t reg = 0;
    if (regs)
        strmap_get_index(regs, op_type, &reg);
    if (!table && !reg)
        return base;
    struct model_call *c = arena_alloc(arena, sizeof *c);
    *c = *base;
    if (table) {
        c->cls = table->cls;
        c->why = table->why;
    }
    if (reg == OPTYPE_REG_DIFFERENTIABLE && op_class_has(c->cls, OPF_NO_GRADIENT)) {
        c->cls = OP_DIFFERENTIABLE;
        c->why = NULL;
    } else if (reg == OPTYPE_REG_NO_GRADIENT) {
        c->cls = OP_NONDIFFERENTIABLE;
        c->why = "is registered in this file as having no gradient";
    }
    return c;
}

struct classing {
    struct ir_fn *const *fns;
    const struct model *model;
    const struct strmap *regs;
    struct arena *arena;
    struct constprop cp;
};

/* A call of a helper that passes a constant op type (or a description
 * started with one) for an input through which the helper builds an op
 * runs an op of that type. A helper that returns the description it
 * started is not an op itself; it only carries the type to where the op
 * is finished. */
static const char *helper_call_type(struct classing *k, const struct ir_fn *fn, const struct ir_node *n)
{
    const struct ir_fn *callee = k->fns[n->callee];
    uint32_t shift = (!callee->is_method && (n->flags & IRF_RECEIVER)) ? 1 : 0;
    for (uint32_t j = 0; j < callee->ninputs && j + shift < n->nops; j++) {
        uint8_t use = k->cp.use[n->callee][j];
        const char *type = (use & CP_OP_TYPE) ? constprop_string(k->arena, fn, n->ops[j + shift]) : NULL;
        if (!type && (use & CP_BUILDER))
            type = constprop_builder_type(fn, n->ops[j + shift]);
        if (type && *type)
            return type;
    }
    return NULL;
}

static const struct model_call helper_op = {
    MODEL_CALL_DEFAULTS, .name = "<op built by a helper>", .cls = OP_DIFFERENTIABLE};

/* Classes the call nodes whose op type becomes known; returns whether any did. */
static bool class_calls_once(struct classing *k, struct ir_fn *fn)
{
    bool changed = false;
    for (ir_id i = 0; i < fn->nnodes; i++) {
        struct ir_node *n = &fn->nodes[i];
        if (n->kind != IR_CALL || n->op_type || (n->flags & IRF_CTOR))
            continue;
        if (n->callee >= 0) {
            n->op_type = helper_call_type(k, fn, n);
            if (n->op_type && !k->cp.returns_builder[n->callee]) {
                const struct model_call *c = optype_classed(k->model, k->regs, k->arena, &helper_op, n->op_type);
                n->op = c == &helper_op ? NULL : c;
            }
        } else if (n->op && n->op->op_type_of_arg >= 0) {
            /* TF_FinishOperation(desc) on a description a helper started */
            n->op_type = constprop_builder_type(fn, ir_call_arg(n, n->op->op_type_of_arg));
            if (n->op_type)
                n->op = optype_classed(k->model, k->regs, k->arena, n->op, n->op_type);
        }
        changed |= n->op_type != NULL;
    }
    return changed;
}

/* What a call writes through its arguments is classed like the call. */
static void class_call_effects(struct ir_fn *fn)
{
    for (ir_id i = 0; i < fn->nnodes; i++) {
        struct ir_node *n = &fn->nodes[i];
        ir_id c = ir_effect_call(fn, i);
        if (c == IR_NONE)
            continue;
        const struct ir_node *call = &fn->nodes[c];
        if (call->op_type && !n->op_type) {
            n->op_type = call->op_type;
            n->op = call->op;
        }
    }
}

void optype_class_helper_calls(struct ir_fn *const *fns, uint32_t nfns, const struct model *m,
                               const struct strmap *regs, struct arena *arena)
{
    struct classing k = {fns, m, regs, arena, {0}};
    constprop_init(&k.cp, fns, nfns);
    for (int round = 0; round < OPTYPE_MAX_ROUNDS; round++) {
        bool changed = false;
        for (uint32_t f = 0; f < nfns; f++)
            changed |= class_calls_once(&k, fns[f]);
        if (!changed)
            break;
    }
    for (uint32_t f = 0; f < nfns; f++)
        class_call_effects(fns[f]);
    constprop_free(&k.cp);
}
