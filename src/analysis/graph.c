/* graph: the recorded autograd graph behind a value (see graph.h). */
#include "graph.h"
#include "flow.h"
#include <string.h>

/* Variable copies followed from an element read back to the aggregate it
 * reads; past the cap the read stands for the whole aggregate (the
 * conservative answer: the walks share it). */
#define MAX_COPY_STEPS 16
/* Elements of an aggregate a walk tells apart: the bits of graph_walk.parts
 * below GRAPH_WHOLE; a higher element counts as the whole aggregate. */
#define GRAPH_MAX_ELEMENTS 63

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

static bool is_version_of(const struct ir_node *n, int32_t var)
{
    return (n->kind == IR_VAR || n->kind == IR_PHI) && n->var == var;
}

static bool replaced(const struct ir_fn *fn, int32_t var, ir_id v)
{
    for (ir_id w = 0; w < fn->nnodes; w++) {
        const struct ir_node *n = &fn->nodes[w];
        if (w == v || !is_version_of(n, var))
            continue;
        if (w > v && graph_ctrl_within(fn, fn->nodes[v].ctrl, n->ctrl))
            return true;
        for (uint32_t k = 0; n->kind == IR_PHI && k < n->nops; k++)
            if (n->ops[k] == v)
                return true;
    }
    return false;
}

size_t graph_final_versions(const struct ir_fn *fn, int32_t var, ir_id *out, size_t max)
{
    size_t count = 0;
    for (ir_id v = 0; v < fn->nnodes && var >= 0; v++)
        if (is_version_of(&fn->nodes[v], var) && !replaced(fn, var, v) && count++ < max)
            out[count - 1] = v;
    return count;
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

bool graph_gradient_may_create_graph(const struct ir_fn *fn, const struct ir_node *n)
{
    ir_id create = ir_call_operand(n, n->op->create_graph_arg);
    if (create == IR_NONE)
        return false;
    const struct ir_node *c = &fn->nodes[create];
    if (c->kind == IR_LITERAL)
        return c->flags & IRF_BOOL_TRUE;
    return !(c->kind == IR_UNKNOWN && c->nops == 0); /* omitted: the default, false */
}

static bool stops_walk(const struct ir_node *n)
{
    return n->kind == IR_CALL && n->op && op_class_has(n->op->cls, OPF_STOPS_WALK);
}

/* Where a walk back through the recorded graph stops. Gradients computed
 * with create_graph have a graph of their own, back through the outputs
 * and inputs they were taken of (a Laplacian by double backward). */
static bool cuts_graph(const struct ir_fn *fn, const struct ir_node *n)
{
    return stops_walk(n) && !(n->op->cls == OP_GRADIENT && graph_gradient_may_create_graph(fn, n));
}

bool graph_is_recorded_op(const struct ir_node *n)
{
    /* A function of the TU may return tensors in a struct or tuple. */
    bool aggregate = n->callee >= 0 && n->role == ROLE_NONE && !n->type_is_scalar;
    if (n->kind != IR_CALL || (n->role != ROLE_TENSOR && !aggregate) || (n->flags & IRF_CTOR) || stops_walk(n))
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
    for (uint32_t i = 0; i < callee->ninputs && i < FLOW_MAX_INPUTS; i++)
        if (flow_call_operand_for_input(w->a, call, (uint32_t)call->callee, i) == call->ops[k])
            return !(s->clean_params & (1ULL << i));
    return false;
}

/* The version a call's effect makes of an argument that the function of
 * the TU it runs never writes (`loss(prediction, target)` taking both by
 * non-const reference): the argument stays what it was, and the call's
 * other arguments are no part of it. */
static bool unwritten_effect(const struct graph_walk *w, ir_id o)
{
    ir_id call = ir_effect_call(w->fn, o);
    uint32_t sub = w->fn->nodes[o].sub;
    return call != IR_NONE && sub > 0 && !flow_call_writes_parameter(w->a, &w->fn->nodes[call], sub - 1u);
}

/* The node an element read leads the walk to: the value put in that element
 * when the aggregate is built in sight, else the aggregate (a call of the
 * TU, whose `parts` record which element was read). */
static ir_id element_step(struct graph_walk *w, const struct ir_node *n, uint64_t *part)
{
    *part = GRAPH_WHOLE;
    if (!(n->flags & IRF_ELEMENT) || n->nops != 1 || n->aux < 0 || n->aux >= GRAPH_MAX_ELEMENTS)
        return n->nops ? n->ops[0] : IR_NONE;
    ir_id src = ir_element_source(w->fn, n->ops[0], (uint32_t)n->aux);
    if (src != IR_NONE)
        return src;
    ir_id v = n->ops[0];
    for (int step = 0; step < MAX_COPY_STEPS && w->fn->nodes[v].kind == IR_VAR && w->fn->nodes[v].nops == 1; step++)
        v = w->fn->nodes[v].ops[0];
    const struct ir_node *agg = &w->fn->nodes[v];
    if (agg->kind != IR_CALL || agg->callee < 0)
        return n->ops[0];
    *part = 1ULL << n->aux;
    return v;
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
    w->parts = arena_alloc(a->arena, (fn->nnodes ? fn->nnodes : 1) * sizeof *w->parts);
    memset(w->parts, 0, (fn->nnodes ? fn->nnodes : 1) * sizeof *w->parts);
    if (from == IR_NONE || from >= fn->nnodes)
        return;
    w->parts[from] = GRAPH_WHOLE;
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
        if (cuts_graph(fn, node) || node->kind == IR_GLOBAL || member_of_object(fn, node) ||
            (node->role != ROLE_TENSOR && node->role != ROLE_NONE))
            continue;
        bool only_detach = detached_in_place(fn, node);
        bool element = (node->flags & IRF_ELEMENT) && node->nops == 1;
        for (uint32_t k = 0; k < node->nops; k++) {
            ir_id o = node->ops[k];
            uint64_t part = GRAPH_WHOLE;
            if (element)
                o = element_step(w, node, &part);
            if (o == IR_NONE || off_path_operand(node, k) || (only_detach && !(fn->nodes[o].flags & IRF_INPLACE)) ||
                dropped_by_callee(w, node, k) || unwritten_effect(w, o))
                continue;
            w->parts[o] |= part;
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

/* Do elements i and j of what `f` returns share a recorded op in `f`? */
static bool callee_elements_share(struct analysis *a, const struct flow_spec *spec, uint32_t f, uint32_t i,
                                  uint32_t j)
{
    const struct ir_fn *fn = a->tu->fns[f];
    for (ir_id r = 0; r < fn->nnodes; r++) {
        if (fn->nodes[r].kind != IR_RETURN || fn->nodes[r].nops == 0)
            continue;
        ir_id si = ir_element_source(fn, fn->nodes[r].ops[0], i);
        ir_id sj = ir_element_source(fn, fn->nodes[r].ops[0], j);
        if (si == IR_NONE || sj == IR_NONE)
            return false; /* not built in sight: not known to share (no finding) */
        struct graph_walk x, y;
        graph_walk(&x, a, spec, f, si, 0);
        graph_walk(&y, a, spec, f, sj, 0);
        for (ir_id k = 0; k < fn->nnodes; k++)
            if (x.seen[k] && y.seen[k] && graph_is_recorded_op(&fn->nodes[k]) && graph_parts_shared(&x, &y, k))
                return true;
    }
    return false;
}

bool graph_parts_shared(const struct graph_walk *x, const struct graph_walk *y, ir_id node)
{
    uint64_t px = x->parts[node], py = y->parts[node];
    if (!px || !py || (px & GRAPH_WHOLE) || (py & GRAPH_WHOLE) || (px & py))
        return true;
    const struct ir_node *n = &x->fn->nodes[node];
    if (n->kind != IR_CALL || n->callee < 0)
        return true;
    for (uint32_t i = 0; i < GRAPH_MAX_ELEMENTS; i++)
        for (uint32_t j = 0; j < GRAPH_MAX_ELEMENTS; j++)
            if ((px >> i & 1) && (py >> j & 1) && callee_elements_share(x->a, x->spec, (uint32_t)n->callee, i, j))
                return true;
    return false;
}
