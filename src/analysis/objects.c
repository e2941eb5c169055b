/* objects: tracing a value to the object it denotes (see objects.h). */
#include "objects.h"
#include "flow.h"
#include <string.h>

#define MAX_DEPTH 24

struct trace {
    struct analysis *a;
    enum type_role want, other;
    uint8_t **seen; /* per function, per node */
};

static struct object_ref trace_node(struct trace *t, uint32_t f, ir_id v, int depth);

/* FOUND beats everything (recorded on some path: no finding); OTHER needs
 * every path to agree. */
static struct object_ref combine(struct object_ref acc, struct object_ref y, bool first)
{
    struct object_ref unknown = {OBJ_UNKNOWN, {0, 0}, false};
    if (first || y.answer == OBJ_FOUND)
        return acc.answer == OBJ_FOUND && !first ? acc : y;
    if (acc.answer == OBJ_FOUND || (acc.answer == OBJ_OTHER && y.answer == OBJ_OTHER))
        return acc;
    return unknown;
}

static struct object_ref by_role(struct trace *t, uint32_t f, ir_id v)
{
    const struct ir_node *n = &t->a->tu->fns[f]->nodes[v];
    struct object_ref r = {OBJ_UNKNOWN, {f, v}, n->kind == IR_CALL && (n->flags & IRF_CTOR)};
    if (n->role == t->want)
        r.answer = OBJ_FOUND;
    else if (n->role == t->other)
        r.answer = OBJ_OTHER;
    return r;
}

static struct object_ref trace_ops(struct trace *t, uint32_t f, const struct ir_node *n, int depth)
{
    struct object_ref r = {OBJ_UNKNOWN, {0, 0}, false};
    for (uint32_t k = 0; k < n->nops; k++) {
        r = combine(r, trace_node(t, f, n->ops[k], depth + 1), k == 0);
        if (r.answer == OBJ_FOUND)
            break;
    }
    return r;
}

/* A function input, as every caller in the TU passes it. */
static struct object_ref trace_input(struct trace *t, uint32_t f, ir_id v, int depth)
{
    const struct ir_fn *fn = t->a->tu->fns[f];
    struct object_ref r = {OBJ_UNKNOWN, {0, 0}, false};
    bool called = false;
    int input = fn->nodes[v].aux;
    /* A capture: what the enclosing function bound (see trained.c). */
    uint32_t parent = 0;
    ir_id bound = input >= 0 ? ir_capture_binding(t->a->tu, f, (uint32_t)input, &parent) : IR_NONE;
    if (bound != IR_NONE) {
        r = trace_node(t, parent, bound, depth + 1);
        called = true;
    }
    for (uint32_t g = 0; g < t->a->tu->nfns && input >= 0; g++) {
        const struct ir_fn *caller = t->a->tu->fns[g];
        if (bound != IR_NONE && g != parent)
            continue;
        for (ir_id c = 0; c < caller->nnodes; c++) {
            const struct ir_node *n = &caller->nodes[c];
            if (n->kind != IR_CALL || n->callee != (int32_t)f)
                continue;
            ir_id arg = flow_call_operand_for_input(t->a, n, f, (uint32_t)input);
            if (arg == IR_NONE)
                continue;
            r = combine(r, trace_node(t, g, arg, depth + 1), !called);
            called = true;
        }
    }
    return called ? r : by_role(t, f, v);
}

static bool is_std(const struct ir_node *n) { return n->name && strncmp(n->name, "std::", 5) == 0; }

static struct object_ref trace_kind(struct trace *t, uint32_t f, ir_id v, int depth)
{
    const struct ir_node *n = &t->a->tu->fns[f]->nodes[v];
    switch (n->kind) {
    case IR_VAR:
    case IR_PHI:
    case IR_OP:
    case IR_UNKNOWN: {
        struct object_ref r = trace_ops(t, f, n, depth);
        return r.answer == OBJ_UNKNOWN ? by_role(t, f, v) : r;
    }
    case IR_CALL:
        if ((n->flags & IRF_CTOR) && n->role == t->want)
            return by_role(t, f, v);
        if ((n->flags & IRF_CTOR) || is_std(n)) { /* wrappers: unique_ptr(new X), p.get() */
            struct object_ref r = trace_ops(t, f, n, depth);
            return r.answer == OBJ_UNKNOWN ? by_role(t, f, v) : r;
        }
        return by_role(t, f, v);
    case IR_PARAM:
    case IR_CAPTURE: return trace_input(t, f, v, depth);
    default: return by_role(t, f, v);
    }
}

static struct object_ref trace_node(struct trace *t, uint32_t f, ir_id v, int depth)
{
    struct object_ref unknown = {OBJ_UNKNOWN, {0, 0}, false};
    const struct ir_fn *fn = t->a->tu->fns[f];
    if (v == IR_NONE || v >= fn->nnodes || depth > MAX_DEPTH)
        return unknown;
    if (!t->seen[f])
        t->seen[f] = arena_alloc(t->a->arena, fn->nnodes ? fn->nnodes : 1);
    if (t->seen[f][v])
        return unknown; /* a cycle through a loop phi adds nothing */
    t->seen[f][v] = 1;
    struct object_ref r = trace_kind(t, f, v, depth);
    t->seen[f][v] = 0;
    return r;
}

struct object_ref objects_trace(struct analysis *a, uint32_t fn, ir_id v, enum type_role want,
                                enum type_role other)
{
    struct trace t = {a, want, other, arena_alloc(a->arena, (a->tu->nfns ? a->tu->nfns : 1) * sizeof(uint8_t *))};
    return trace_node(&t, fn, v, 0);
}
