/* analysis/constprop: constant arguments through the functions of a file
 * (see constprop.h). */
#include "constprop.h"
#include "../util/alloc.h"
#include <stdlib.h>
#include <string.h>

#define MAX_TRACE 32
#define MAX_ROUNDS 8 /* helper chains deeper than this stay unknown */

/* One step back from a value towards what it was made from, for values
 * that are the same thing under another name: a variable version (its
 * definition, or for a weak update the version before it), a cast, a
 * parenthesis, a string construction. */
static ir_id same_value(const struct ir_fn *fn, ir_id v)
{
    const struct ir_node *n = &fn->nodes[v];
    if (n->nops < 1)
        return IR_NONE;
    switch (n->kind) {
    case IR_VAR:
    case IR_UNKNOWN: return n->ops[0];
    case IR_OP: return (n->flags & IRF_CALL_EFFECT) ? IR_NONE : n->ops[0];
    case IR_CALL: return (n->flags & IRF_CTOR) && n->nops == 1 ? n->ops[0] : IR_NONE;
    default: return IR_NONE;
    }
}

int constprop_input_of(const struct ir_fn *fn, ir_id v)
{
    for (int i = 0; v != IR_NONE && v < fn->nnodes && i < MAX_TRACE; i++) {
        const struct ir_node *n = &fn->nodes[v];
        if (n->kind == IR_PARAM)
            return n->aux;
        v = same_value(fn, v);
    }
    return -1;
}

const char *constprop_string(struct arena *arena, const struct ir_fn *fn, ir_id v)
{
    for (int i = 0; v != IR_NONE && v < fn->nnodes && i < MAX_TRACE; i++) {
        const struct ir_node *n = &fn->nodes[v];
        if (n->kind == IR_LITERAL) {
            size_t len = n->name ? strlen(n->name) : 0;
            return len >= 2 && n->name[0] == '"' ? arena_strndup(arena, n->name + 1, len - 2) : NULL;
        }
        if (n->kind == IR_VAR && n->nops != 1)
            return NULL;
        v = same_value(fn, v);
    }
    return NULL;
}

const char *constprop_builder_type(const struct ir_fn *fn, ir_id v)
{
    for (int i = 0; v != IR_NONE && v < fn->nnodes && i < MAX_TRACE; i++) {
        const struct ir_node *n = &fn->nodes[v];
        if (n->op_type)
            return n->op_type;
        if (n->kind == IR_CALL)
            return NULL;
        v = same_value(fn, v);
    }
    return NULL;
}

/* The call operand feeding input `i` of `callee`. */
static ir_id operand_for_input(const struct ir_node *call, const struct ir_fn *callee, uint32_t i)
{
    uint32_t shift = (!callee->is_method && (call->flags & IRF_RECEIVER)) ? 1 : 0;
    return i + shift < call->nops ? call->ops[i + shift] : IR_NONE;
}

static bool mark(struct constprop *cp, uint32_t f, int input, uint8_t use)
{
    if (input < 0 || (uint32_t)input >= cp->fns[f]->ninputs || (cp->use[f][input] & use) == use)
        return false;
    cp->use[f][input] |= use;
    return true;
}

/* A call of the model that builds or finishes an op whose identity is not
 * written at the call: which of `f`'s inputs supplies it. */
static bool model_call_uses(struct constprop *cp, uint32_t f, const struct ir_node *n)
{
    const struct ir_fn *fn = cp->fns[f];
    if (n->op_type || !n->op)
        return false;
    bool changed = false;
    if (n->op->cls == OP_OP_BUILDER)
        changed |= mark(cp, f, constprop_input_of(fn, ir_call_arg(n, n->op->op_type_arg)), CP_OP_TYPE);
    if (n->op->op_type_of_arg >= 0)
        changed |= mark(cp, f, constprop_input_of(fn, ir_call_arg(n, n->op->op_type_of_arg)), CP_BUILDER);
    return changed;
}

/* A call of a helper of the file: the helper's uses become the caller's
 * when the caller passes its own input on. */
static bool helper_call_uses(struct constprop *cp, uint32_t f, const struct ir_node *n)
{
    const struct ir_fn *callee = cp->fns[n->callee];
    bool changed = false;
    for (uint32_t j = 0; j < callee->ninputs; j++) {
        uint8_t use = cp->use[n->callee][j];
        if (use)
            changed |= mark(cp, f, constprop_input_of(cp->fns[f], operand_for_input(n, callee, j)), use);
    }
    return changed;
}

/* Does the value come from a call that starts a description? */
static bool is_started_description(const struct constprop *cp, const struct ir_fn *fn, ir_id v)
{
    for (int i = 0; v != IR_NONE && v < fn->nnodes && i < MAX_TRACE; i++) {
        const struct ir_node *n = &fn->nodes[v];
        if (n->kind == IR_CALL && !(n->flags & IRF_CTOR))
            return (n->op && n->op->cls == OP_OP_BUILDER) || (n->callee >= 0 && cp->returns_builder[n->callee]);
        v = same_value(fn, v);
    }
    return false;
}

static bool scan_fn(struct constprop *cp, uint32_t f)
{
    const struct ir_fn *fn = cp->fns[f];
    bool changed = false;
    for (ir_id i = 0; i < fn->nnodes; i++) {
        const struct ir_node *n = &fn->nodes[i];
        if (n->kind == IR_RETURN && n->nops > 0 && !cp->returns_builder[f] &&
            is_started_description(cp, fn, n->ops[0]))
            changed = cp->returns_builder[f] = true;
        if (n->kind != IR_CALL || (n->flags & IRF_CTOR))
            continue;
        changed |= model_call_uses(cp, f, n);
        if (n->callee >= 0 && (uint32_t)n->callee < cp->nfns)
            changed |= helper_call_uses(cp, f, n);
    }
    return changed;
}

void constprop_init(struct constprop *cp, struct ir_fn *const *fns, uint32_t nfns)
{
    cp->fns = fns;
    cp->nfns = nfns;
    cp->use = xcalloc(nfns ? nfns : 1, sizeof *cp->use);
    cp->returns_builder = xcalloc(nfns ? nfns : 1, sizeof *cp->returns_builder);
    for (uint32_t f = 0; f < nfns; f++)
        cp->use[f] = xcalloc(fns[f]->ninputs ? fns[f]->ninputs : 1, 1);
    for (int round = 0; round < MAX_ROUNDS; round++) {
        bool changed = false;
        for (uint32_t f = 0; f < nfns; f++)
            changed |= scan_fn(cp, f);
        if (!changed)
            break;
    }
}

void constprop_free(struct constprop *cp)
{
    for (uint32_t f = 0; f < cp->nfns; f++)
        free(cp->use[f]);
    free(cp->use);
    free(cp->returns_builder);
    memset(cp, 0, sizeof *cp);
}
