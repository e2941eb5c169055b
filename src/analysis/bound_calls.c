/* analysis/bound_calls: calls through callback parameters (see bound_calls.h). */
#include "bound_calls.h"
#include "../util/str.h"
#include <string.h>

/* Copies of a value (`auto f = loss_fn;`, a loop's phi of a variable the
 * loop does not change) followed back to it. */
#define BOUND_MAX_COPY_HOPS 8
/* Callers that pass their own callback parameter on (`fit` -> `epoch` ->
 * `loss_fn(...)`) followed up to this many functions; past it, unknown. */
#define BOUND_MAX_PASS_ON 4

static int32_t bound_target(struct ir_fn *const *fns, uint32_t nfns, uint32_t f, uint32_t k, int depth);

static const struct ir_node *copied_from(const struct ir_fn *fn, ir_id id)
{
    const struct ir_node *n = &fn->nodes[id];
    for (int hops = 0; (n->kind == IR_VAR || n->kind == IR_PHI) && n->nops == 1 && hops < BOUND_MAX_COPY_HOPS; hops++)
        n = &fn->nodes[n->ops[0]];
    return n;
}

/* The input of `fn` that call `c` calls through, or -1: `p(args)` on a
 * std::function or functor parameter (operator() with the parameter as
 * receiver), or a function pointer parameter called by its name. */
static int32_t called_param(const struct ir_fn *fn, const struct ir_node *c)
{
    if (c->kind != IR_CALL || c->callee >= 0 || c->op || (c->flags & IRF_CTOR))
        return -1;
    if (c->flags & IRF_RECEIVER) {
        if (c->nops == 0 || !str_has_suffix(c->name, "operator()"))
            return -1;
        const struct ir_node *recv = copied_from(fn, c->ops[0]);
        return recv->kind == IR_PARAM ? recv->aux : -1;
    }
    for (uint32_t k = 0; c->name && !strchr(c->name, ':') && k < fn->nparams; k++)
        if (fn->inputs[k].name && strcmp(fn->inputs[k].name, c->name) == 0)
            return (int32_t)k;
    return -1;
}

bool bound_calls_through_param(const struct ir_fn *f)
{
    for (ir_id i = 0; i < f->nnodes; i++)
        if (called_param(f, &f->nodes[i]) >= 0)
            return true;
    return false;
}

/* The function the value `id` of `fn` is, or -1: a user function named
 * (`ppo_loss`, `&ppo_loss`), possibly wrapped in a std::function, or a
 * lambda that captures nothing (a capture would need the closure's
 * values, which a call through the parameter does not carry). */
static int32_t callable_of(struct ir_fn *const *fns, uint32_t nfns, const struct ir_fn *fn, ir_id id, int depth)
{
    const struct ir_node *v = copied_from(fn, id);
    if (v->kind == IR_CALL && (v->flags & IRF_CTOR) && v->nops == 1 && v->name &&
        strncmp(v->name, "std::function", 13) == 0)
        v = copied_from(fn, v->ops[0]);
    if (v->kind == IR_OP && v->nops == 1 && v->name && strcmp(v->name, "&") == 0)
        v = copied_from(fn, v->ops[0]);
    /* A lambda converted to a function pointer. */
    if (v->kind == IR_CALL && (v->flags & IRF_RECEIVER) && v->nops == 1 && copied_from(fn, v->ops[0])->kind == IR_LAMBDA)
        v = copied_from(fn, v->ops[0]);
    int32_t t = -1;
    if (v->kind == IR_LITERAL && (v->flags & IRF_FNREF))
        t = v->aux;
    else if (v->kind == IR_LAMBDA)
        t = v->aux;
    else if (v->kind == IR_PARAM && v->aux >= 0 && depth < BOUND_MAX_PASS_ON)
        t = bound_target(fns, nfns, fn->index, (uint32_t)v->aux, depth + 1);
    if (t < 0 || (uint32_t)t >= nfns)
        return -1;
    if (fns[t]->is_lambda && fns[t]->ninputs != fns[t]->nparams)
        return -1;
    return t;
}

/* The one function every call of `f` in sight passes for its input `k`,
 * or -1 (no call in sight, or two callers disagree, or one passes a value
 * that is not a known function). A caller passing its own parameter on
 * passes what its callers bind that parameter to. */
static int32_t bound_target(struct ir_fn *const *fns, uint32_t nfns, uint32_t f, uint32_t k, int depth)
{
    int32_t target = -1;
    for (uint32_t g = 0; g < nfns; g++) {
        const struct ir_fn *caller = fns[g];
        for (ir_id i = 0; i < caller->nnodes; i++) {
            const struct ir_node *site = &caller->nodes[i];
            if (site->kind != IR_CALL || site->callee != (int32_t)f || (site->flags & IRF_CTOR))
                continue;
            uint32_t shift = (!fns[f]->is_method && (site->flags & IRF_RECEIVER)) ? 1 : 0;
            int32_t t = k + shift < site->nops ? callable_of(fns, nfns, caller, site->ops[k + shift], depth) : -1;
            if (t < 0 || (target >= 0 && t != target))
                return -1;
            target = t;
        }
    }
    return target;
}

unsigned bound_calls_bind(struct ir_fn *const *fns, uint32_t nfns)
{
    unsigned bound = 0;
    for (uint32_t f = 0; f < nfns; f++) {
        struct ir_fn *fn = fns[f];
        for (ir_id i = 0; i < fn->nnodes; i++) {
            struct ir_node *c = &fn->nodes[i];
            int32_t k = called_param(fn, c);
            int32_t t = k >= 0 ? bound_target(fns, nfns, f, (uint32_t)k, 0) : -1;
            /* The arguments must be the target's parameters, as the call
             * through the parameter passes them. */
            if (t < 0 || fns[t]->is_method || fns[t]->nparams != c->nargs)
                continue;
            c->callee = t;
            if (!fns[t]->is_lambda)
                c->name = fns[t]->name; /* messages name the function run */
            bound++;
        }
    }
    return bound;
}
