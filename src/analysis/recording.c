/* recording: resolves recording-mode versions, one forward pass over a
 * function's nodes per entry state (plus passes for loop back edges). */
#include "recording.h"
#include <string.h>

#define ENTRY_STATES 3
#define MAX_CALL_DEPTH 24

enum { REC_TODO = 0, REC_BUSY, REC_DONE };

struct rec_fn {
    uint8_t status[ENTRY_STATES];
    struct rec_state *modes[ENTRY_STATES]; /* per node: state of mode versions */
};

struct rec_cache {
    struct rec_fn *fns;
    int depth;
};

static struct rec_cache *cache(struct analysis *a)
{
    if (!a->rec) {
        a->rec = arena_alloc(a->arena, sizeof *a->rec);
        a->rec->fns = arena_alloc(a->arena, (a->tu->nfns ? a->tu->nfns : 1) * sizeof *a->rec->fns);
    }
    return a->rec;
}

static struct rec_state join(struct rec_state x, struct rec_state y)
{
    if (!x.set)
        return y;
    if (!y.set)
        return x;
    if (x.state == y.state && x.from_entry == y.from_entry)
        return x;
    struct rec_state u = {TRI_UNKNOWN, false, {0, 0}, true};
    return u;
}

static void compute(struct analysis *a, uint32_t f, enum ir_tristate entry);

static struct rec_state after_call(struct analysis *a, uint32_t f, const struct ir_node *n,
                                   struct rec_state before)
{
    const struct ir_fn *fn = a->tu->fns[f];
    const struct ir_node *call = &fn->nodes[n->aux];
    struct rec_state unknown = {TRI_UNKNOWN, false, {0, 0}, true};
    if (call->callee < 0)
        return before;
    enum ir_tristate e = before.set ? (enum ir_tristate)before.state : TRI_UNKNOWN;
    struct rec_cache *c = cache(a);
    if (c->fns[call->callee].status[e] == REC_BUSY || c->depth >= MAX_CALL_DEPTH)
        return unknown; /* recursion: do not guess */
    struct rec_state out = rec_exit(a, (uint32_t)call->callee, e);
    return out.from_entry ? before : out;
}

static struct rec_state eval_mode(struct analysis *a, uint32_t f, ir_id id, struct rec_state *m,
                                  enum ir_tristate entry)
{
    const struct ir_node *n = &a->tu->fns[f]->nodes[id];
    struct rec_state s = {0};
    if (n->kind == IR_PHI) {
        for (uint32_t k = 0; k < n->nops; k++)
            s = join(s, m[n->ops[k]]);
        return s;
    }
    switch (n->sub) {
    case MODE_ENTRY:
        s.state = (uint8_t)entry;
        s.from_entry = entry != TRI_UNKNOWN;
        s.set = true;
        return s;
    case MODE_SET:
        s.state = (uint8_t)n->aux;
        s.cause = (struct node_ref){f, id};
        s.set = true;
        return s;
    default:
        return after_call(a, f, n, n->nops ? m[n->ops[0]] : s);
    }
}

static bool is_mode_version(const struct ir_node *n)
{
    return n->kind == IR_MODE || (n->kind == IR_PHI && n->var == IR_MODE_VAR);
}

static void compute(struct analysis *a, uint32_t f, enum ir_tristate entry)
{
    struct rec_cache *c = cache(a);
    struct rec_fn *rf = &c->fns[f];
    const struct ir_fn *fn = a->tu->fns[f];
    rf->status[entry] = REC_BUSY;
    c->depth++;
    struct rec_state *m = arena_alloc(a->arena, (fn->nnodes ? fn->nnodes : 1) * sizeof *m);
    /* Loop-head phis read back edges computed later: iterate to a fixpoint
     * (each nested loop may need a pass more). The pass cap is a safety net;
     * hitting it makes the results unknown. */
    for (uint32_t pass = 0;; pass++) {
        if (pass >= a->max_passes) {
            a->capped = true;
            break;
        }
        bool changed = false;
        for (ir_id i = 0; i < fn->nnodes; i++) {
            if (!is_mode_version(&fn->nodes[i]))
                continue;
            struct rec_state s = eval_mode(a, f, i, m, entry);
            if (s.set != m[i].set || s.state != m[i].state || s.from_entry != m[i].from_entry) {
                m[i] = s;
                changed = true;
            }
        }
        if (!changed)
            break;
    }
    c->depth--;
    rf->modes[entry] = m;
    rf->status[entry] = REC_DONE;
}

static struct rec_state *modes(struct analysis *a, uint32_t fn, enum ir_tristate entry)
{
    struct rec_fn *rf = &cache(a)->fns[fn];
    if (rf->status[entry] == REC_TODO)
        compute(a, fn, entry);
    return rf->modes[entry];
}

struct rec_state rec_exit(struct analysis *a, uint32_t fn, enum ir_tristate entry)
{
    struct rec_state unknown = {TRI_UNKNOWN, false, {0, 0}, true};
    struct rec_state *m = modes(a, fn, entry);
    ir_id x = a->tu->fns[fn]->exit_mode;
    if (!m || x == IR_NONE || !m[x].set)
        return unknown;
    return m[x];
}

struct rec_state rec_at(struct analysis *a, uint32_t fn, ir_id node, enum ir_tristate entry)
{
    struct rec_state unknown = {TRI_UNKNOWN, false, {0, 0}, true};
    ir_id mv = a->tu->fns[fn]->nodes[node].mode;
    if (mv == IR_NONE)
        return unknown;
    struct rec_state *m = modes(a, fn, entry);
    if (!m || !m[mv].set)
        return unknown;
    return m[mv];
}
