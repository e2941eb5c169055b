/* analysis/watches: what a gradient tape was told to watch (see watches.h). */
#include "watches.h"
#include "objects.h"
#include "flow.h"

#define MAX_HELPER_DEPTH 3

/* Copies followed back to the value they copy; a longer chain is unknown. */
#define MAX_COPY_STEPS 16

/* The value a variable version, a one-way join or a cast copies
 * (`auto* v = w;`), down to a parameter or the value that made it, or
 * IR_NONE past MAX_COPY_STEPS. */
static ir_id root_of(const struct ir_fn *fn, ir_id v)
{
    for (int i = 0; v != IR_NONE; i++) {
        if (i >= MAX_COPY_STEPS)
            return IR_NONE;
        const struct ir_node *n = &fn->nodes[v];
        bool copy = (n->kind == IR_VAR || n->kind == IR_PHI || n->kind == IR_UNKNOWN ||
                     (n->kind == IR_OP && !(n->flags & IRF_CALL_EFFECT))) &&
                    n->nops == 1;
        if (!copy)
            break;
        v = n->ops[0];
    }
    return v;
}

static bool is_watch(const struct ir_node *n)
{
    return n->kind == IR_CALL && n->op && n->op->cls == OP_TRAINABLE_SOURCE && n->op->makes_trainable_arg >= 0 &&
           (n->flags & IRF_RECEIVER);
}

/* Is value `w` of function `g` the value `v` of function `f`, through the
 * calls of `g` in `f` (and helpers in between)? */
static enum watch_answer same_value(struct analysis *a, uint32_t g, ir_id w, uint32_t f, ir_id v, int depth)
{
    const struct ir_fn *gf = a->tu->fns[g];
    w = root_of(gf, w);
    ir_id root = root_of(a->tu->fns[f], v);
    if (w == IR_NONE || root == IR_NONE)
        return WATCH_UNKNOWN;
    if (g == f && w == root)
        return WATCH_YES;
    const struct ir_node *wn = &gf->nodes[w];
    if (wn->kind != IR_PARAM) {
        /* A value a model op or a helper made is another value; anything
         * else (an element read from a container in a loop) may be it. */
        bool made = wn->kind == IR_CALL && !(wn->flags & IRF_CTOR) && (wn->op || wn->callee >= 0);
        return made ? WATCH_NO : WATCH_UNKNOWN;
    }
    if (g == f)
        return WATCH_NO; /* another input */
    if (depth >= MAX_HELPER_DEPTH)
        return WATCH_UNKNOWN;
    /* an input of a helper: what its callers pass */
    enum watch_answer best = WATCH_NO;
    bool called = false;
    for (uint32_t h = 0; h < a->tu->nfns; h++) {
        const struct ir_fn *hf = a->tu->fns[h];
        for (ir_id c = 0; c < hf->nnodes; c++) {
            const struct ir_node *n = &hf->nodes[c];
            if (n->kind != IR_CALL || n->callee != (int32_t)g)
                continue;
            ir_id arg = flow_call_operand_for_input(a, n, g, (uint32_t)wn->aux);
            if (arg == IR_NONE)
                continue;
            called = true;
            enum watch_answer r = same_value(a, h, arg, f, v, depth + 1);
            if (r == WATCH_YES)
                return WATCH_YES;
            if (r == WATCH_UNKNOWN)
                best = WATCH_UNKNOWN;
        }
    }
    return called ? best : WATCH_UNKNOWN;
}

enum watch_answer watches_of(struct analysis *a, uint32_t f, ir_id tape, ir_id v, struct watch_list *seen)
{
    seen->n = 0;
    struct object_ref t = objects_trace(a, f, tape, ROLE_TAPE, ROLE_NONE);
    if (t.answer != OBJ_FOUND)
        return WATCH_UNKNOWN;
    enum watch_answer answer = WATCH_NO;
    for (uint32_t g = 0; g < a->tu->nfns; g++) {
        const struct ir_fn *gf = a->tu->fns[g];
        for (ir_id i = 0; i < gf->nnodes; i++) {
            const struct ir_node *n = &gf->nodes[i];
            if (!is_watch(n))
                continue;
            struct object_ref r = objects_trace(a, g, ir_call_receiver(n), ROLE_TAPE, ROLE_NONE);
            if (r.answer != OBJ_FOUND) {
                answer = answer == WATCH_YES ? WATCH_YES : WATCH_UNKNOWN;
                continue;
            }
            if (r.at.fn != t.at.fn || r.at.node != t.at.node)
                continue; /* another tape */
            if (seen->n < WATCHES_MAX_NOTES)
                seen->at[seen->n++] = (struct node_ref){g, i};
            ir_id watched = ir_call_operand(n, n->op->makes_trainable_arg);
            enum watch_answer s = watched == IR_NONE ? WATCH_UNKNOWN : same_value(a, g, watched, f, v, 0);
            if (s == WATCH_YES)
                answer = WATCH_YES;
            else if (s == WATCH_UNKNOWN && answer == WATCH_NO)
                answer = WATCH_UNKNOWN;
        }
    }
    return answer;
}
