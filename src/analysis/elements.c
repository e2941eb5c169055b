/* analysis/elements: the values a container built in a function holds
 * (see elements.h). */
#include "elements.h"
#include "../util/alloc.h"
#include "../util/str.h"
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 24

struct walk {
    const struct ir_fn *fn;
    uint8_t *seen; /* per node: visited on this walk (loop phis) */
    struct element_list *out;
    bool recognised;
};

static bool is_insert(const struct ir_node *n)
{
    return n->kind == IR_CALL && (n->flags & IRF_RECEIVER) && n->nops == 2 &&
           (str_has_suffix(n->name, "::push_back") || str_has_suffix(n->name, "::emplace_back"));
}

static void add(struct walk *w, ir_id v)
{
    for (uint32_t i = 0; i < w->out->n; i++)
        if (w->out->v[i] == v)
            return;
    if (w->out->n < ELEMENTS_MAX)
        w->out->v[w->out->n++] = v;
    else
        w->out->open = true;
}

static void walk_container(struct walk *w, ir_id v, int depth);

/* A value pushed in a range-for loop: a member of (or) the loop variable,
 * which stands for each element of the container the loop runs over. */
static void add_pushed(struct walk *w, ir_id v, int depth)
{
    const struct ir_fn *fn = w->fn;
    ir_id cur = v;
    for (int i = 0; i < 8 && cur != IR_NONE; i++) {
        const struct ir_node *n = &fn->nodes[cur];
        if (n->kind == IR_OP && n->name && strcmp(n->name, "element") == 0 && n->nops == 1) {
            struct element_list inner = {0};
            struct walk sub = {fn, w->seen, &inner, false};
            walk_container(&sub, n->ops[0], depth + 1);
            if (!sub.recognised || inner.open)
                w->out->open = true;
            for (uint32_t k = 0; k < inner.n; k++)
                add(w, inner.v[k]);
            return;
        }
        bool through = (n->kind == IR_MEMBER || n->kind == IR_VAR || n->kind == IR_UNKNOWN) && n->nops == 1;
        if (!through)
            break;
        cur = n->ops[0];
    }
    add(w, v);
}

static void walk_container(struct walk *w, ir_id v, int depth)
{
    const struct ir_fn *fn = w->fn;
    if (v == IR_NONE || v >= fn->nnodes || depth > MAX_DEPTH) {
        w->out->open = true;
        return;
    }
    if (w->seen[v])
        return; /* around a loop again: nothing new */
    w->seen[v] = 1;
    const struct ir_node *n = &fn->nodes[v];
    if (n->kind == IR_UNKNOWN && (n->flags & IRF_BRACED)) {
        w->recognised = true;
        for (uint32_t k = 0; k < n->nops; k++)
            add(w, n->ops[k]);
    } else if (n->kind == IR_CALL && (n->flags & IRF_CTOR)) {
        /* std::vector<Output>{...}, a vector made from a braced list, or an empty one */
        w->recognised = true;
        const struct ir_node *first = n->nops ? &fn->nodes[n->ops[0]] : NULL;
        if (first && first->kind == IR_UNKNOWN && (first->flags & IRF_BRACED))
            walk_container(w, n->ops[0], depth + 1);
        else if (n->nops > 0 && !(n->nops == 1 && first->kind == IR_UNKNOWN && first->nops == 0))
            w->out->open = true;
    } else if (n->kind == IR_VAR && n->nops == 1) {
        walk_container(w, n->ops[0], depth + 1);
    } else if (n->kind == IR_VAR && n->nops == 2 && is_insert(&fn->nodes[n->ops[1]])) {
        walk_container(w, n->ops[0], depth + 1);
        add_pushed(w, fn->nodes[n->ops[1]].ops[1], depth);
    } else if (n->kind == IR_PHI) {
        for (uint32_t k = 0; k < n->nops; k++)
            walk_container(w, n->ops[k], depth + 1);
    } else {
        w->out->open = true;
    }
}

bool elements_of(const struct ir_fn *fn, ir_id v, struct element_list *out)
{
    memset(out, 0, sizeof *out);
    struct walk w = {fn, xcalloc(fn->nnodes ? fn->nnodes : 1, 1), out, false};
    walk_container(&w, v, 0);
    free(w.seen);
    return w.recognised;
}
