/* members: the values a class's methods store in its members (see members.h). */
#include "members.h"
#include "../util/str.h"
#include <string.h>

/* One memoised answer; a short list in the analysis arena (a file reads
 * few distinct members, and the arena frees it with everything else). */
struct member_cache {
    const char *class_name, *member;
    struct member_writes writes;
    struct member_cache *next;
};

bool members_is_own(const struct ir_fn *fn, ir_id id)
{
    const struct ir_node *n = &fn->nodes[id];
    if (n->kind != IR_MEMBER || n->nops != 1 || !fn->is_method || !fn->class_name)
        return false;
    const struct ir_node *base = &fn->nodes[n->ops[0]];
    return base->kind == IR_PARAM && base->aux == 0;
}

/* The member node a write changes and the value it stores, or false: an
 * assignment (`m = v`, operator= on a class, a member initialiser), an
 * in-place call on the member (the call's result is what it holds then),
 * or a call that changes it through a method or a reference parameter
 * (`m.push_back(v)`, `fill(m)`: the call's effect op). */
static bool write_of(const struct ir_fn *fn, ir_id id, ir_id *member, ir_id *value)
{
    const struct ir_node *n = &fn->nodes[id];
    if (n->kind == IR_OP && (n->flags & IRF_CALL_EFFECT)) {
        if (ir_empties_container(n)) /* leaves nothing in it: no value */
            return false;
        ir_id target = n->sub ? ir_call_arg(n, n->sub - 1) : ir_call_receiver(n);
        for (int depth = 0; depth < 4 && target != IR_NONE && fn->nodes[target].kind == IR_CALL; depth++)
            target = ir_call_receiver(&fn->nodes[target]); /* `buf_[i].copy_(x)` */
        if (target == IR_NONE || fn->nodes[target].kind != IR_MEMBER)
            return false;
        *member = target;
        *value = id;
        return true;
    }
    bool assign = n->nops == 3 && ((n->kind == IR_OP && n->name && strcmp(n->name, "=") == 0) ||
                                   (n->kind == IR_CALL && (n->flags & IRF_RECEIVER) && str_has_suffix(n->name, "::operator=")));
    if (assign && fn->nodes[n->ops[1]].kind == IR_MEMBER) {
        *member = n->ops[1];
        *value = n->ops[2];
        return true;
    }
    if (n->kind == IR_CALL && (n->flags & IRF_INPLACE) && n->nops >= 1 && fn->nodes[n->ops[0]].kind == IR_MEMBER) {
        *member = n->ops[0];
        *value = id;
        return true;
    }
    return false;
}

static void scan(const struct ir_tu *tu, const char *class_name, const char *member, struct member_writes *out)
{
    out->complete = true;
    for (uint32_t f = 0; f < tu->nfns; f++) {
        const struct ir_fn *fn = tu->fns[f];
        bool own_class = fn->class_name && strcmp(fn->class_name, class_name) == 0;
        for (ir_id i = 0; i < fn->nnodes; i++) {
            ir_id m, v;
            if (!write_of(fn, i, &m, &v) || !fn->nodes[m].name || strcmp(fn->nodes[m].name, member) != 0)
                continue;
            if (!own_class || !members_is_own(fn, m) || out->n == MEMBERS_MAX_WRITES) {
                out->complete = false; /* written through another object, or too many writes */
                continue;
            }
            out->value[out->n++] = (struct node_ref){f, v};
        }
    }
}

const struct member_writes *members_writes(struct analysis *a, const char *class_name, const char *member)
{
    for (struct member_cache *c = a->members; c; c = c->next)
        if (strcmp(c->class_name, class_name) == 0 && strcmp(c->member, member) == 0)
            return &c->writes;
    struct member_cache *c = arena_alloc(a->arena, sizeof *c);
    c->class_name = class_name;
    c->member = member;
    scan(a->tu, class_name, member, &c->writes);
    c->next = a->members;
    a->members = c;
    return &c->writes;
}
