/* containers: the modules a Sequential runs (see containers.h). */
#include "containers.h"
#include "../util/str.h"
#include "members.h"
#include <string.h>

#define MAX_DEPTH 24

static bool starts_with(const char *s, const char *prefix)
{
    return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

bool containers_is_sequence_forward(const struct ir_fn *fn, ir_id id)
{
    const struct ir_node *n = &fn->nodes[id];
    return n->kind == IR_CALL && n->callee < 0 && (n->flags & IRF_RECEIVER) && n->nops == 2 && n->nargs == 1 &&
           str_has_suffix(n->name, "torch::nn::SequentialImpl::forward");
}

static bool is_sequential_ctor(const struct ir_node *n)
{
    return n->kind == IR_CALL && (n->flags & IRF_CTOR) && n->name &&
           (strcmp(n->name, "torch::nn::Sequential") == 0 || strcmp(n->name, "torch::nn::SequentialImpl") == 0);
}

/* Access to a module through its holder: `seq->`, `seq.ptr()`, `seq.get()`. */
static bool is_access(const struct ir_node *n)
{
    return n->kind == IR_CALL && (n->flags & IRF_RECEIVER) && n->nops >= 1 &&
           (str_has_suffix(n->name, "::operator->") || str_has_suffix(n->name, "::operator*") || str_has_suffix(n->name, "::ptr") ||
            str_has_suffix(n->name, "::get"));
}

/* A version of a variable made by a method call on it whose effect on the
 * object is not known (build_expr.c's receiver_effect: an unknown part,
 * not the call's result). Calls that change what a Sequential holds are
 * ruled out by name for the whole file (sequences_changed). */
static bool after_method_call(const struct ir_fn *fn, const struct ir_node *n)
{
    if (n->nops != 2)
        return false;
    const struct ir_node *u = &fn->nodes[n->ops[1]];
    return u->kind == IR_UNKNOWN && u->nops == 0 && u->role == ROLE_NONE && !(u->flags & IRF_UNRESOLVED);
}

/* The construction value `v` of `f` denotes, through copies, joins that
 * agree, pointer plumbing, register_module and the class's writes of a
 * member of `this`; false when it is anything else. *found stays unset
 * while only cycles were seen. */
static bool construction(struct analysis *a, uint32_t f, ir_id v, uint8_t *seen, int depth, struct node_ref *found,
                         bool *any, bool (*target)(const struct ir_node *))
{
    const struct ir_fn *fn = a->tu->fns[f];
    if (v == IR_NONE || v >= fn->nnodes || depth > MAX_DEPTH)
        return false;
    const struct ir_node *n = &fn->nodes[v];
    if (seen && n->kind == IR_PHI) {
        if (seen[v])
            return true; /* around a loop: adds nothing */
        seen[v] = 1;
        for (uint32_t k = 0; k < n->nops; k++)
            if (!construction(a, f, n->ops[k], seen, depth + 1, found, any, target))
                return false;
        return true;
    }
    if (n->kind == IR_VAR && (n->nops == 1 || after_method_call(fn, n)))
        return construction(a, f, n->ops[0], seen, depth + 1, found, any, target);
    /* Pointer plumbing, and a smart pointer converted from another
     * (`std::shared_ptr<Base> p = std::make_shared<Net>()`), or type-erased
     * (`torch::nn::AnyModule any(Net())`). */
    bool wraps = n->kind == IR_CALL && (n->flags & IRF_CTOR) && n->nops == 1 &&
                 (starts_with(n->name, "std::") || strcmp(n->name, "torch::nn::AnyModule") == 0);
    if (is_access(n) || wraps)
        return construction(a, f, n->ops[0], seen, depth + 1, found, any, target);
    if (n->kind == IR_CALL && str_has_suffix(n->name, "::register_module") && n->nops >= 1)
        return construction(a, f, n->ops[n->nops - 1], seen, depth + 1, found, any, target);
    if (n->kind == IR_MEMBER && n->role == ROLE_MODULE && members_is_own(fn, v)) {
        const struct member_writes *w = members_writes(a, fn->class_name, n->name);
        if (!w->complete || w->n != 1)
            return false;
        return construction(a, w->value[0].fn, w->value[0].node, NULL, depth + 1, found, any, target);
    }
    if (!target(n))
        return false;
    /* A holder made from another (`Sequential(register_module("body", Sequential(...)))`). */
    if (n->nops == 1 && target == is_sequential_ctor) {
        struct node_ref inner = {0, 0};
        bool inner_any = false;
        if (construction(a, f, n->ops[0], NULL, depth + 1, &inner, &inner_any, target) && inner_any) {
            v = inner.node;
            f = inner.fn;
        }
    }
    if (*any && (found->fn != f || found->node != v))
        return false; /* two containers reach here */
    *found = (struct node_ref){f, v};
    *any = true;
    return true;
}

/* Does any code of the file change what a Sequential holds? */
static bool sequences_changed(const struct ir_tu *tu)
{
    static const char *const changers[] = {"::push_back", "::extend", "::insert"};
    for (uint32_t f = 0; f < tu->nfns; f++)
        for (ir_id i = 0; i < tu->fns[f]->nnodes; i++) {
            const struct ir_node *n = &tu->fns[f]->nodes[i];
            if (n->kind != IR_CALL || !starts_with(n->name, "torch::nn::SequentialImpl::"))
                continue;
            for (size_t k = 0; k < sizeof changers / sizeof *changers; k++)
                if (str_has_suffix(n->name, changers[k]))
                    return true;
        }
    return false;
}

/* One module of the container: a construction in sight (through copies),
 * of a user module whose forward the file defines, or of a framework
 * module other than a container or a wrapper of arbitrary code. */
static bool module_of(const struct ir_fn *fn, ir_id v, int32_t *forward)
{
    for (int i = 0; i < 8 && fn->nodes[v].kind == IR_VAR && fn->nodes[v].nops == 1; i++)
        v = fn->nodes[v].ops[0];
    const struct ir_node *n = &fn->nodes[v];
    if (n->kind != IR_CALL || !(n->flags & IRF_CTOR) || n->role != ROLE_MODULE)
        return false;
    *forward = n->forward;
    if (n->forward >= 0)
        return true;
    static const char *const opaque[] = {"Sequential", "ModuleList", "ModuleDict", "AnyModule", "Functional",
                                         "SequentialImpl", "ModuleListImpl", "ModuleDictImpl", "FunctionalImpl"};
    if (!starts_with(n->name, "torch::nn::"))
        return false;
    for (size_t k = 0; k < sizeof opaque / sizeof *opaque; k++)
        if (strcmp(n->name + strlen("torch::nn::"), opaque[k]) == 0)
            return false;
    return true;
}

bool containers_sequence(struct analysis *a, uint32_t fn, ir_id recv, struct module_sequence *out)
{
    memset(out, 0, sizeof *out);
    const struct ir_fn *f = a->tu->fns[fn];
    uint8_t *seen = arena_alloc(a->arena, f->nnodes ? f->nnodes : 1);
    struct node_ref at = {0, 0};
    bool any = false;
    if (!construction(a, fn, recv, seen, 0, &at, &any, is_sequential_ctor) || !any || sequences_changed(a->tu))
        return false;
    const struct ir_fn *g = a->tu->fns[at.fn];
    const struct ir_node *ctor = &g->nodes[at.node];
    if (ctor->nops == 0 || ctor->nops > CONTAINER_MAX_MODULES)
        return false;
    for (uint32_t k = 0; k < ctor->nops; k++) {
        if (!module_of(g, ctor->ops[k], &out->forward[k]))
            return false;
        out->module[k] = (struct node_ref){at.fn, ctor->ops[k]};
    }
    out->n = ctor->nops;
    return true;
}

static bool has_forward(const struct ir_node *n)
{
    return n->kind == IR_CALL && n->forward >= 0 && n->role == ROLE_MODULE;
}

int32_t containers_dispatch(struct analysis *a, uint32_t fn, ir_id call)
{
    const struct ir_fn *f = a->tu->fns[fn];
    const struct ir_node *n = &f->nodes[call];
    bool any_module = n->kind == IR_CALL && str_has_suffix(n->name, "torch::nn::AnyModule::forward");
    if (n->kind != IR_CALL || !((n->flags & IRF_VIRTUAL) || any_module) || n->callee >= 0 || n->nops == 0)
        return -1;
    uint8_t *seen = arena_alloc(a->arena, f->nnodes ? f->nnodes : 1);
    struct node_ref at = {0, 0};
    bool any = false;
    if (!construction(a, fn, n->ops[0], seen, 0, &at, &any, has_forward) || !any)
        return -1;
    return a->tu->fns[at.fn]->nodes[at.node].forward;
}
