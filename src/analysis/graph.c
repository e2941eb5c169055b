/* graph: the recorded autograd graph behind a value (see graph.h). */
#include "graph.h"
#include "flow.h"
#include <string.h>

enum { NOW = 1, BEFORE = 2 };

bool graph_ctrl_within(const struct ir_fn *fn, uint32_t inner, uint32_t outer)
{
    for (uint32_t c = inner, steps = 0; steps <= fn->nctrls; c = fn->ctrls[c].parent, steps++) {
        if (c == outer)
            return true;
        if (c == 0)
            return false;
    }
    return false;
}

/* `do { ... } while (0)` (the body of a statement macro) runs once. */
static bool runs_once(const struct ir_fn *fn, uint32_t c)
{
    ir_id cond = fn->ctrls[c].cond;
    return cond != IR_NONE && fn->nodes[cond].kind == IR_LITERAL && (fn->nodes[cond].flags & IRF_BOOL_FALSE);
}

uint32_t graph_innermost_loop(const struct ir_fn *fn, uint32_t ctrl)
{
    for (uint32_t c = ctrl, steps = 0; c != 0 && steps <= fn->nctrls; c = fn->ctrls[c].parent, steps++)
        if (fn->ctrls[c].arm == ARM_LOOP && !runs_once(fn, c))
            return c;
    return 0;
}

static bool cuts_graph(const struct ir_node *n)
{
    if (n->kind != IR_CALL || !n->op)
        return false;
    switch (n->op->cls) {
    case OP_NONDIFFERENTIABLE:
    case OP_DETACH:
    case OP_HOST_EXTRACT:
    case OP_HOST_CONSTRUCT:
    case OP_FACTORY:
    case OP_METADATA:
    case OP_TRAINABLE_SOURCE:
    case OP_GRADIENT: return true;
    default: return false;
    }
}

bool graph_is_recorded_op(const struct ir_node *n)
{
    if (n->kind != IR_CALL || n->role != ROLE_TENSOR || (n->flags & IRF_CTOR) || cuts_graph(n))
        return false;
    if (n->callee >= 0)
        return true;
    return n->name && strncmp(n->name, "std::", 5) != 0;
}

static bool off_path_operand(const struct ir_node *n, uint32_t k)
{
    if (n->kind != IR_CALL || !n->op || !n->op->nondiff_args)
        return false;
    uint32_t first = (n->flags & IRF_RECEIVER) ? 1 : 0;
    return k >= first && k - first < 32 && ((n->op->nondiff_args >> (k - first)) & 1u);
}

/* A member of an object that outlives the function (`this->h`, a global's
 * field) is a leaf here; a field of a local value (`out.reconstruction` of
 * a struct a call returned) is part of that value. */
static bool member_of_object(const struct ir_fn *fn, const struct ir_node *n)
{
    if (n->kind != IR_MEMBER)
        return false;
    if (n->nops == 0)
        return true;
    uint8_t base = fn->nodes[n->ops[0]].kind;
    return base == IR_PARAM || base == IR_CAPTURE || base == IR_GLOBAL;
}

/* A variable version made by an in-place detach_() on its old version has
 * no history before it. */
static bool detached_in_place(const struct ir_fn *fn, const struct ir_node *n)
{
    if (n->kind != IR_VAR)
        return false;
    for (uint32_t k = 0; k < n->nops; k++) {
        const struct ir_node *o = &fn->nodes[n->ops[k]];
        if (o->kind == IR_CALL && (o->flags & IRF_INPLACE) && o->op && o->op->cls == OP_DETACH)
            return true;
    }
    return false;
}

/* Is operand k of loop phi n a back edge of the tracked loop? */
static bool crosses_tracked_loop(const struct graph_walk *w, ir_id phi, ir_id operand)
{
    const struct ir_node *n = &w->fn->nodes[phi];
    if (!w->loop || n->kind != IR_PHI || !(n->flags & IRF_LOOP_PHI) || operand <= phi)
        return false;
    /* The phi sits just outside the loop it heads; its back value inside. */
    return n->ctrl == w->fn->ctrls[w->loop].parent &&
           graph_ctrl_within(w->fn, w->fn->nodes[operand].ctrl, w->loop);
}

/* Operand k of a call to a TU function whose result has no path to it. */
static bool dropped_by_callee(const struct graph_walk *w, const struct ir_node *call, uint32_t k)
{
    if (call->kind != IR_CALL || call->callee < 0 || (call->flags & IRF_CTOR) || !w->spec)
        return false;
    const struct flow_fact *s = flow_summary(w->a, w->spec, (uint32_t)call->callee, TRI_ON);
    if (!s)
        return false;
    const struct ir_fn *callee = w->a->tu->fns[call->callee];
    for (uint32_t i = 0; i < callee->ninputs && i < 64; i++)
        if (flow_call_operand_for_input(w->a, call, (uint32_t)call->callee, i) == call->ops[k])
            return !(s->clean_params & (1ULL << i));
    return false;
}

void graph_walk(struct graph_walk *w, struct analysis *a, const struct flow_spec *spec, uint32_t f, ir_id from,
                uint32_t loop)
{
    const struct ir_fn *fn = a->tu->fns[f];
    w->a = a;
    w->spec = spec;
    w->fn = fn;
    w->loop = loop;
    w->seen = arena_alloc(a->arena, fn->nnodes ? fn->nnodes : 1);
    if (from == IR_NONE || from >= fn->nnodes)
        return;
    /* Each (node, bit) is pushed at most once. */
    ir_id *stack = arena_alloc(a->arena, 2 * (size_t)fn->nnodes * 2 * sizeof *stack);
    size_t n = 0;
    stack[n++] = from, stack[n++] = NOW;
    w->seen[from] |= NOW;
    while (n) {
        uint8_t bit = (uint8_t)stack[--n];
        ir_id id = stack[--n];
        const struct ir_node *node = &fn->nodes[id];
        /* A module or optimizer is a leaf of the graph: what earlier calls on
         * it returned (weak updates) is not part of it. */
        if (cuts_graph(node) || node->kind == IR_GLOBAL || member_of_object(fn, node) ||
            (node->role != ROLE_TENSOR && node->role != ROLE_NONE))
            continue;
        bool only_detach = detached_in_place(fn, node);
        for (uint32_t k = 0; k < node->nops; k++) {
            ir_id o = node->ops[k];
            if (off_path_operand(node, k) || (only_detach && !(fn->nodes[o].flags & IRF_INPLACE)) ||
                dropped_by_callee(w, node, k))
                continue;
            uint8_t next = crosses_tracked_loop(w, id, o) ? BEFORE : bit;
            if (w->seen[o] & next)
                continue;
            w->seen[o] |= next;
            stack[n++] = o, stack[n++] = next;
        }
    }
}

bool graph_seen_now(const struct graph_walk *w, ir_id node) { return w->seen[node] & NOW; }
bool graph_seen_before(const struct graph_walk *w, ir_id node) { return w->seen[node] & BEFORE; }
