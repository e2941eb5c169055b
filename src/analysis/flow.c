/* flow: forward fact propagation with TU-local call summaries. */
#include "flow.h"
#include "containers.h"
#include "members.h"
#include "recording.h"
#include "../util/hashmap.h"
#include "../util/vec.h"
#include <string.h>

#define ENTRY_STATES 3
#define MAX_SPECS 8
_Static_assert(FLOW_SPEC_COUNT <= MAX_SPECS, "more flow specs than the memo table holds");
#define MAX_SUMMARY_DEPTH 24
/* Caps on walks through the IR. Reaching one makes the answer unknown (or,
 * where noted, the conservative one), never a finding. */
#define MAX_OPTION_DEPTH 6 /* option builders followed for a requires_grad option; deeper: not known */
#define MAX_ORIGIN_STEPS 16 /* `->`, ptr() and in-place calls between a source and its object */

enum { FLOW_TODO = 0, FLOW_BUSY, FLOW_DONE };

struct flow_fn {
    uint8_t status[MAX_SPECS][ENTRY_STATES];
    struct flow_fact *facts[MAX_SPECS][ENTRY_STATES];
    struct flow_fact summary[MAX_SPECS][ENTRY_STATES]; /* facts of the returned value */
};

struct origin {
    uint64_t key;
    const char *name;
    struct node_ref at;
    bool local; /* created by one run of its function: a copy per call site */
};

struct flow_cache {
    struct flow_fn *fns;
    int depth;
    /* id = index + 1. In the analysis arena (grown by copying; the old
     * block stays there) so it is freed with the file like everything else. */
    struct {
        struct origin *v;
        size_t n, cap;
    } origins;
};

static struct flow_cache *cache(struct analysis *a)
{
    if (!a->flow) {
        a->flow = arena_alloc(a->arena, sizeof *a->flow);
        a->flow->fns = arena_alloc(a->arena, (a->tu->nfns ? a->tu->nfns : 1) * sizeof *a->flow->fns);
    }
    return a->flow;
}

/* ---- fact algebra ---- */

static bool same_rec(const struct cut_rec *x, const struct cut_rec *y)
{
    return x->cut.fn == y->cut.fn && x->cut.node == y->cut.node && x->origin_param == y->origin_param &&
           x->origin_trust == y->origin_trust && x->from_entry == y->from_entry && x->origin == y->origin;
}

static void add_origin(struct flow_fact *f, uint32_t id)
{
    for (uint8_t i = 0; i < f->norigins; i++)
        if (f->origins[i] == id)
            return;
    if (f->norigins < FLOW_MAX_ORIGINS)
        f->origins[f->norigins++] = id;
    else
        f->unidentified = true; /* beyond the cap only identities are lost */
}

static void add_cut(struct flow_fact *f, struct cut_rec r)
{
    for (uint8_t i = 0; i < f->ncuts; i++)
        if (same_rec(&f->cuts[i], &r))
            return;
    if (f->ncuts < FLOW_MAX_CUTS)
        f->cuts[f->ncuts++] = r;
    else
        f->unidentified = true; /* beyond the cap reports and identities are lost */
}

static void merge(struct flow_fact *dst, const struct flow_fact *src)
{
    dst->clean_params |= src->clean_params;
    dst->unidentified |= src->unidentified;
    dst->unknown |= src->unknown;
    dst->lost |= src->lost;
    if (src->clean_trust > dst->clean_trust)
        dst->clean_trust = src->clean_trust;
    for (uint8_t i = 0; i < src->norigins; i++)
        add_origin(dst, src->origins[i]);
    for (uint8_t i = 0; i < src->ncuts; i++)
        add_cut(dst, src->cuts[i]);
}

/* Paths that were clean in `src` are cut at `cut`; cut ones keep their
 * first cut. */
static void merge_cut(struct flow_fact *dst, const struct flow_fact *src, struct node_ref cut, bool from_entry)
{
    for (int i = 0; i < FLOW_MAX_INPUTS; i++)
        if (src->clean_params & (1ULL << i))
            add_cut(dst, (struct cut_rec){cut, (int16_t)i, 0, from_entry, 0});
    dst->unidentified |= src->unidentified;
    dst->unknown |= src->unknown;
    dst->lost |= src->lost;
    for (uint8_t i = 0; i < src->norigins; i++)
        add_cut(dst, (struct cut_rec){cut, FLOW_NO_PARAM, TRUST_DEFINITE, from_entry, src->origins[i]});
    if (src->clean_trust && !src->norigins)
        add_cut(dst, (struct cut_rec){cut, FLOW_NO_PARAM, src->clean_trust, from_entry, 0});
    for (uint8_t i = 0; i < src->ncuts; i++)
        add_cut(dst, src->cuts[i]);
}

static bool fact_eq(const struct flow_fact *x, const struct flow_fact *y)
{
    if (x->clean_params != y->clean_params || x->clean_trust != y->clean_trust || x->ncuts != y->ncuts ||
        x->norigins != y->norigins || x->unidentified != y->unidentified || x->unknown != y->unknown ||
        x->lost != y->lost)
        return false;
    for (uint8_t i = 0; i < x->norigins; i++)
        if (x->origins[i] != y->origins[i])
            return false;
    for (uint8_t i = 0; i < x->ncuts; i++)
        if (!same_rec(&x->cuts[i], &y->cuts[i]))
            return false;
    return true;
}

/* ---- sources ---- */

static bool graph_role(uint8_t role) { return role == ROLE_TENSOR || role == ROLE_MODULE; }

bool flow_is_graph_op(const struct analysis *a, const struct ir_node *n)
{
    (void)a;
    if (n->kind != IR_CALL || n->callee >= 0 || n->role != ROLE_TENSOR)
        return false;
    if ((n->flags & IRF_CTOR) || !n->name || strncmp(n->name, "std::", 5) == 0)
        return false;
    return true;
}

static bool literal_false(const struct ir_fn *fn, ir_id v)
{
    return v != IR_NONE && fn->nodes[v].kind == IR_LITERAL && (fn->nodes[v].flags & IRF_BOOL_FALSE);
}

/* Does a factory's argument carry a requires-grad option (through option
 * builders such as `torch::dtype(...).requires_grad(true)`)? Graph values
 * and numbers (the data a factory copies, `x` in `x.options()`, sizes) are
 * not options, so the search does not enter them; an option expression
 * deeper than MAX_OPTION_DEPTH is not known either way, and neither are
 * options not in sight (below). */
enum option_answer { OPTION_NO, OPTION_YES, OPTION_UNKNOWN };

static bool may_hold_options(const struct ir_node *n) { return !graph_role(n->role) && !n->type_is_scalar; }

static bool is_xcall(const struct ir_fn *fn, ir_id v)
{
    for (uint32_t i = 0; i < fn->nxcalls; i++)
        if (fn->xcalls[i].node == v)
            return true;
    return false;
}

/* Options (a value of an `options` type) built where the search cannot
 * see: by what clang could not resolve, by a call to a function of the
 * project (its returns are not searched; defined in another file, it is
 * not even in sight), an input of the function, or a variable of a body
 * with parse errors (what was not parsed may have set it). Any of them may
 * set requires_grad. An expression in sight (`torch::requires_grad(true)`
 * as an argument) is searched as it stands, in a partial body too. */
static bool options_out_of_sight(const struct ir_fn *fn, ir_id v, const struct flow_fact *facts)
{
    const struct ir_node *n = &fn->nodes[v];
    if (n->role != ROLE_OPTIONS)
        return false;
    if ((n->flags & IRF_UNRESOLVED) || n->kind == IR_PARAM || n->kind == IR_CAPTURE)
        return true;
    if (n->kind == IR_CALL)
        return !(n->flags & IRF_CTOR) && (n->callee >= 0 || is_xcall(fn, v));
    return facts[v].unknown;
}

static enum option_answer requires_grad_option(const struct ir_fn *fn, ir_id v, const struct flow_fact *facts,
                                               int depth)
{
    if (v == IR_NONE)
        return OPTION_NO;
    if (depth > MAX_OPTION_DEPTH || options_out_of_sight(fn, v, facts))
        return OPTION_UNKNOWN;
    const struct ir_node *n = &fn->nodes[v];
    if (n->kind == IR_CALL && n->op && n->op->cls == OP_REQUIRES_GRAD_OPTION)
        return literal_false(fn, ir_call_operand(n, n->op->unless_false_arg)) ? OPTION_NO : OPTION_YES;
    if (n->kind == IR_CALL && n->op && op_class_has(n->op->cls, OPF_TRAINABLE_BY_OPTION))
        return OPTION_NO;
    enum option_answer answer = OPTION_NO;
    for (uint32_t i = 0; i < n->nops && answer != OPTION_YES; i++) {
        if (!may_hold_options(&fn->nodes[n->ops[i]]))
            continue;
        enum option_answer a = requires_grad_option(fn, n->ops[i], facts, depth + 1);
        if (a != OPTION_NO)
            answer = a;
    }
    return answer;
}

static bool fact_empty(const struct flow_fact *f)
{
    return !f->clean_params && !f->clean_trust && !f->ncuts && !f->norigins;
}

/* Does anything that may carry a gradient flow into the call: a graph-typed
 * operand, or one through which trainable values already flow (the module
 * behind `model->parameters()`'s `operator->`)? */
static bool any_graph_operand(const struct ir_fn *fn, const struct ir_node *n, const struct flow_fact *facts)
{
    for (uint32_t i = 0; i < n->nops; i++)
        if (graph_role(fn->nodes[n->ops[i]].role) || !fact_empty(&facts[n->ops[i]]))
            return true;
    return false;
}

/* SOURCE: its operands do not matter, it is trainable (or maybe).
 * LEAF_CONSTANT: a new tensor; what flows into it is cut if the spec says so.
 * CARRIES_NOTHING: metadata (shapes, dtypes): no gradient information. */
enum source_kind { NOT_SOURCE, SOURCE, LEAF_CONSTANT, CARRIES_NOTHING };

/* Classifies a node as a source (its operands do not matter), a constant
 * leaf (nothing reaches it), or neither. */
static enum source_kind classify_source(const struct ir_fn *fn, const struct ir_node *n, const struct flow_fact *facts,
                                        uint8_t *trust)
{
    /* A module is a new trainable object where it is created; a module value
     * computed from another (`net->`, a copy, a weak update) carries that
     * one's identity instead. Members are both: part of their object, and
     * named on their own. */
    if (n->role == ROLE_MODULE && n->kind != IR_PARAM && n->kind != IR_CAPTURE &&
        (n->kind == IR_MEMBER || !any_graph_operand(fn, n, facts))) {
        *trust = TRUST_DEFINITE;
        return SOURCE;
    }
    switch (n->kind) {
    case IR_CALL:
        if (n->op && n->op->cls == OP_TRAINABLE_SOURCE) {
            if (literal_false(fn, ir_call_operand(n, n->op->unless_false_arg)))
                return NOT_SOURCE;
            *trust = TRUST_DEFINITE;
            return SOURCE;
        }
        if (n->op && op_class_has(n->op->cls, OPF_TRAINABLE_BY_OPTION))
            for (uint32_t i = 0; i < n->nops; i++) {
                if (!may_hold_options(&fn->nodes[n->ops[i]]))
                    continue;
                enum option_answer opt = requires_grad_option(fn, n->ops[i], facts, 0);
                if (opt != OPTION_NO) {
                    *trust = opt == OPTION_YES ? TRUST_DEFINITE : TRUST_MAYBE;
                    return SOURCE;
                }
            }
        if (n->op && op_class_has(n->op->cls, OPF_NEW_LEAF))
            return LEAF_CONSTANT;
        if (n->op && op_class_has(n->op->cls, OPF_CARRIES_NOTHING))
            return CARRIES_NOTHING;
        if (!n->op && n->callee < 0 && graph_role(n->role) && !any_graph_operand(fn, n, facts) &&
            !(n->flags & IRF_CTOR)) {
            *trust = TRUST_MAYBE;
            return SOURCE;
        }
        return NOT_SOURCE;
    case IR_MEMBER:
    case IR_GLOBAL:
        if (n->role == ROLE_TENSOR) {
            *trust = TRUST_MAYBE;
            return SOURCE;
        }
        return NOT_SOURCE;
    case IR_UNKNOWN:
        if (n->nops == 0 && n->role == ROLE_TENSOR) {
            *trust = TRUST_MAYBE;
            return SOURCE;
        }
        return NOT_SOURCE;
    default:
        return NOT_SOURCE;
    }
}

enum trust flow_input_trust(const struct analysis *a, uint32_t fn, int input)
{
    const struct ir_fn *f = a->tu->fns[fn];
    const struct ir_node *n = &f->nodes[f->inputs[input].node];
    if (n->role == ROLE_MODULE)
        return TRUST_DEFINITE;
    return n->type_is_scalar ? TRUST_NONE : TRUST_MAYBE;
}

/* ---- origins: identities of trainable objects ---- */

static uint32_t intern_origin_kind(struct analysis *a, uint64_t key, const char *name, struct node_ref at, bool local)
{
    struct flow_cache *c = cache(a);
    for (size_t i = 0; i < c->origins.n; i++)
        if (c->origins.v[i].key == key)
            return (uint32_t)i + 1;
    if (c->origins.n == c->origins.cap) {
        size_t cap = c->origins.cap ? c->origins.cap * 2 : 16;
        struct origin *v = arena_alloc(a->arena, cap * sizeof *v);
        if (c->origins.n)
            memcpy(v, c->origins.v, c->origins.n * sizeof *v);
        c->origins.v = v;
        c->origins.cap = cap;
    }
    c->origins.v[c->origins.n++] = (struct origin){key, name ? name : "value", at, local};
    return (uint32_t)c->origins.n;
}

static uint32_t intern_origin(struct analysis *a, uint64_t key, const char *name, struct node_ref at)
{
    return intern_origin_kind(a, key, name, at, false);
}

static const char *declared_name(const struct analysis *a, const struct ir_fn *fn, ir_id id);

/* An object a callee creates is a different object at each call site
 * (`auto a = make_net(); auto b = make_net();`): its id is re-made per
 * call site, one level deep, named after what the caller stores it in. */
static uint32_t origin_at_call(struct analysis *a, uint32_t id, uint32_t f, ir_id call)
{
    struct flow_cache *c = cache(a);
    if (!id || id > c->origins.n || !c->origins.v[id - 1].local)
        return id;
    uint64_t key = (hash_str("call-site") ^ ((uint64_t)f << 40) ^ ((uint64_t)call << 8)) * 31 + id;
    const char *name = declared_name(a, a->tu->fns[f], call);
    return intern_origin_kind(a, key, name ? name : c->origins.v[id - 1].name, (struct node_ref){f, call}, false);
}

const char *flow_origin_name(const struct analysis *a, uint32_t id)
{
    return a->flow && id && id <= a->flow->origins.n ? a->flow->origins.v[id - 1].name : "?";
}

struct node_ref flow_origin_at(const struct analysis *a, uint32_t id)
{
    struct node_ref none = {0, 0};
    return a->flow && id && id <= a->flow->origins.n ? a->flow->origins.v[id - 1].at : none;
}

static uint64_t origin_key(uint32_t fn, char kind, uint32_t index)
{
    return ((uint64_t)fn << 40) | ((uint64_t)(unsigned char)kind << 32) | index;
}

static const char *unqualified_name(const char *q)
{
    if (!q)
        return NULL;
    const char *last = q;
    for (const char *p = strstr(q, "::"); p; p = strstr(p + 2, "::"))
        last = p + 2;
    return last;
}

/* The name a new tensor gets: the variable initialised with it, or the
 * field of a struct variable assigned it (`nets.critic`), if any. */
static const char *declared_name(const struct analysis *a, const struct ir_fn *fn, ir_id id)
{
    for (ir_id k = id + 1; k < fn->nnodes && k < id + 8; k++) {
        const struct ir_node *v = &fn->nodes[k];
        if (v->kind == IR_VAR && v->nops >= 1 && v->ops[0] == id)
            return v->name;
        if (v->kind == IR_VAR && (v->flags & IRF_PART_WRITE) && v->nops == 2 && v->ops[1] == id && v->owner &&
            v->name)
            return arena_printf(a->arena, "%s.%s", v->name, v->owner);
    }
    return unqualified_name(fn->nodes[id].name);
}

/* The object a trainable source stands for: the variable or member that
 * holds it (through `->`, `ptr()` and in-place calls on it), or the call
 * that created it. */
static uint32_t origin_of(struct analysis *a, uint32_t f, ir_id id)
{
    const struct ir_fn *fn = a->tu->fns[f];
    ir_id cur = id;
    for (int step = 0;; step++) {
        if (step >= MAX_ORIGIN_STEPS)
            return 0; /* the object is not known: the caller marks the fact unidentified */
        const struct ir_node *n = &fn->nodes[cur];
        if ((n->kind == IR_VAR || n->kind == IR_PHI) && n->var > 0)
            return intern_origin_kind(a, origin_key(f, 'v', (uint32_t)n->var), fn->vars[n->var].name,
                                      (struct node_ref){f, cur}, true);
        if (n->kind == IR_MEMBER && n->name) /* one identity per member of its declaring class */
            return intern_origin(a, hash_str(n->name) ^ hash_str(n->owner       ? n->owner
                                                                 : fn->class_name ? fn->class_name
                                                                                  : ""),
                                 n->name, (struct node_ref){f, cur});
        if (n->kind == IR_GLOBAL && n->name) /* one identity per global, in every function */
            return intern_origin(a, hash_str(n->name) ^ hash_str("global"), n->name, (struct node_ref){f, cur});
        /* `tape.Watch(x)` makes x trainable: x is the object. */
        if (n->kind == IR_CALL && n->op && n->op->cls == OP_TRAINABLE_SOURCE && n->op->makes_trainable_arg >= 0 &&
            ir_call_operand(n, n->op->makes_trainable_arg) != IR_NONE) {
            cur = ir_call_operand(n, n->op->makes_trainable_arg);
            continue;
        }
        if (n->kind == IR_CALL && (n->flags & IRF_RECEIVER) && n->nops > 0 &&
            (n->role == ROLE_MODULE || (n->op && n->op->cls == OP_TRAINABLE_SOURCE))) {
            cur = n->ops[0];
            continue;
        }
        break;
    }
    return intern_origin_kind(a, origin_key(f, 'n', cur), declared_name(a, fn, cur), (struct node_ref){f, cur}, true);
}

/* ---- transfer ---- */

struct run {
    struct analysis *a;
    const struct flow_spec *spec;
    uint32_t f;
    const struct ir_fn *fn;
    enum ir_tristate entry;
    struct flow_fact *facts;
};

static const struct flow_fact *summary(struct analysis *a, const struct flow_spec *spec, uint32_t f,
                                       enum ir_tristate entry);

/* The call operand feeding callee input `i`. */
static ir_id operand_for_input(const struct ir_node *call, const struct ir_fn *callee, uint32_t i)
{
    uint32_t shift = (!callee->is_method && (call->flags & IRF_RECEIVER)) ? 1 : 0;
    return i + shift < call->nops ? call->ops[i + shift] : IR_NONE;
}

ir_id flow_call_operand_for_input(const struct analysis *a, const struct ir_node *call, uint32_t callee, uint32_t i)
{
    return operand_for_input(call, a->tu->fns[callee], i);
}

static void apply_fact(struct run *r, ir_id id, const struct flow_fact *s, struct rec_state st, struct flow_fact *out);

static void apply_summary(struct run *r, ir_id id, struct flow_fact *out)
{
    const struct ir_node *n = &r->fn->nodes[id];
    struct rec_state st = rec_at(r->a, r->f, id, r->entry);
    const struct flow_fact *s = summary(r->a, r->spec, (uint32_t)n->callee, (enum ir_tristate)st.state);
    if (!s) { /* recursion or too deep: a plain pass-through of unknown completeness */
        for (uint32_t k = 0; k < n->nops; k++)
            merge(out, &r->facts[n->ops[k]]);
        out->unknown = true;
        return;
    }
    apply_fact(r, id, s, st, out);
}

/* What the call `id` returns when its callee's result is `s` (in terms of
 * the callee's inputs), in terms of the caller's values. */
/* The summary `s` of a function applied at node `id`, whose inputs hold
 * the facts `in` (NULL: no operand): origins re-made per call site, inputs
 * that reach cleanly merged, the cuts inside the callee applied to what
 * the inputs bring. */
static void apply_to_inputs(struct run *r, ir_id id, const struct flow_fact *s, struct rec_state st,
                            const struct flow_fact *const *in, uint32_t nin, struct flow_fact *out)
{
    if (s->clean_trust > out->clean_trust)
        out->clean_trust = s->clean_trust;
    out->unidentified |= s->unidentified;
    out->unknown |= s->unknown;
    out->lost |= s->lost;
    for (uint8_t i = 0; i < s->norigins; i++)
        add_origin(out, origin_at_call(r->a, s->origins[i], r->f, id));
    for (uint32_t i = 0; i < nin; i++)
        if ((s->clean_params & (1ULL << i)) && in[i])
            merge(out, in[i]);
    for (uint8_t k = 0; k < s->ncuts; k++) {
        const struct cut_rec *rec = &s->cuts[k];
        struct node_ref cut = rec->from_entry ? (struct node_ref){r->f, id} : rec->cut;
        bool from_entry = rec->from_entry && st.from_entry;
        if (rec->origin_param == FLOW_NO_PARAM)
            add_cut(out, (struct cut_rec){cut, FLOW_NO_PARAM, rec->origin_trust, from_entry,
                                          origin_at_call(r->a, rec->origin, r->f, id)});
        else if (rec->origin_param >= 0 && (uint32_t)rec->origin_param < nin && in[rec->origin_param])
            merge_cut(out, in[rec->origin_param], cut, from_entry);
    }
}

static void apply_fact(struct run *r, ir_id id, const struct flow_fact *s, struct rec_state st, struct flow_fact *out)
{
    const struct ir_node *n = &r->fn->nodes[id];
    const struct ir_fn *callee = r->a->tu->fns[n->callee];
    const struct flow_fact *in[FLOW_MAX_INPUTS];
    uint32_t nin = callee->ninputs < FLOW_MAX_INPUTS ? callee->ninputs : FLOW_MAX_INPUTS;
    /* What a callee computes from inputs past the mask is not tracked. */
    out->unknown |= callee->ninputs > FLOW_MAX_INPUTS;
    for (uint32_t i = 0; i < nin; i++) {
        ir_id op = operand_for_input(n, callee, i);
        in[i] = op != IR_NONE ? &r->facts[op] : NULL;
    }
    apply_to_inputs(r, id, s, st, in, nin, out);
}

/* Operand k of a call is an argument the model marks as not on the
 * differentiable path (the condition of `where`). */
static bool is_nondiff_operand(const struct ir_node *n, uint32_t k)
{
    if (n->kind != IR_CALL || !n->op || !n->op->nondiff_args)
        return false;
    uint32_t first = (n->flags & IRF_RECEIVER) ? 1 : 0;
    if (k < first || k - first >= n->nargs || k - first >= 32)
        return false;
    return (n->op->nondiff_args >> (k - first)) & 1u;
}

static bool cuts_by_class(const struct ir_node *n)
{
    return n->op && op_class_has(n->op->cls, OPF_CUTS_INPLACE);
}

/* Operand k of a variable version made by an in-place call is the version
 * that call updated: the call's result already accounts for it. */
static bool superseded_version(const struct ir_fn *fn, const struct ir_node *n, uint32_t k)
{
    if (n->kind != IR_VAR)
        return false;
    for (uint32_t j = 0; j < n->nops; j++) {
        const struct ir_node *c = &fn->nodes[n->ops[j]];
        if (j != k && c->kind == IR_CALL && (c->flags & IRF_INPLACE) && ir_call_receiver(c) == n->ops[k])
            return true;
    }
    return false;
}

/* Execution contexts, tapes, opaque objects (statuses, graphs, scopes,
 * devices, dtypes) and options decide how ops run; they are not values a
 * gradient flows through (a tape holds what it watched, but an op run on
 * it does not depend on those values), so what is unknown about one does
 * not make the op's result unknown. A factory's options are read for
 * requires_grad apart (requires_grad_option). */
static bool carries_no_value(uint8_t role)
{
    return role == ROLE_CONTEXT || role == ROLE_RECORDING_CONTEXT || role == ROLE_TAPE || role == ROLE_OPAQUE ||
           role == ROLE_OPTIONS;
}

static bool returns_value(const struct ir_fn *fn)
{
    for (ir_id i = 0; i < fn->nnodes; i++)
        if (fn->nodes[i].kind == IR_RETURN && fn->nodes[i].nops > 0)
            return true;
    return false;
}

/* ---- elements of aggregates ---- */

/* Element `index` of what function `f` returns, as a fact over its inputs,
 * when every return builds that element in sight; false otherwise. */
static bool returned_element(struct analysis *a, const struct flow_spec *spec, uint32_t f, enum ir_tristate entry,
                             uint32_t index, struct flow_fact *out)
{
    if (!summary(a, spec, f, entry)) /* recursion or too deep */
        return false;
    const struct ir_fn *fn = a->tu->fns[f];
    const struct flow_fact *facts = flow_facts(a, spec, f, entry);
    memset(out, 0, sizeof *out);
    bool any = false;
    for (ir_id i = 0; i < fn->nnodes; i++) {
        if (fn->nodes[i].kind != IR_RETURN || fn->nodes[i].nops == 0)
            continue;
        ir_id e = ir_element_source(fn, fn->nodes[i].ops[0], index);
        if (e == IR_NONE)
            return false;
        merge(out, &facts[e]);
        any = true;
    }
    return any;
}

int flow_call_input_of_arg(const struct analysis *a, const struct ir_node *call, uint32_t arg)
{
    const struct ir_fn *callee = a->tu->fns[call->callee];
    ir_id operand = ir_call_arg(call, (int)arg);
    for (uint32_t i = 0; i < callee->nparams && operand != IR_NONE; i++)
        if (operand_for_input(call, callee, i) == operand)
            return (int)i;
    return -1;
}

/* The name the function of the TU that `call` runs gives its explicit
 * argument `arg`, or NULL when no parameter takes it. */
static const char *callee_param_name(struct analysis *a, const struct ir_node *call, uint32_t arg)
{
    int i = flow_call_input_of_arg(a, call, arg);
    return i >= 0 ? a->tu->fns[call->callee]->inputs[i].name : NULL;
}

/* Does the function of the TU that `call` runs write a field of its
 * explicit argument `arg` (a struct taken by reference): assign the
 * parameter or one of its fields, or pass it on to be written? Calls
 * through its pointer fields (`l.head->forward(x)`) write none. Any version
 * of a variable of that name, in the callee or a lambda inside it, counts;
 * a callee with a parse error writes everything. */
static bool writes_fields(struct analysis *a, const struct ir_node *call, uint32_t arg)
{
    const char *name = callee_param_name(a, call, arg);
    if (!name)
        return true;
    for (uint32_t f = 0; f < a->tu->nfns; f++) {
        const struct ir_fn *fn = a->tu->fns[f];
        int32_t up = (int32_t)f;
        for (int depth = 0; depth < 8 && up >= 0 && up != call->callee; depth++)
            up = a->tu->fns[up]->parent;
        if (up != call->callee)
            continue;
        if (fn->partial)
            return true;
        for (ir_id i = 0; i < fn->nnodes; i++) {
            const struct ir_node *v = &fn->nodes[i];
            bool pointee = (v->flags & IRF_PART_WRITE) && v->aux < 0;
            if (v->kind == IR_VAR && (v->flags & IRF_ASSIGN) && !pointee && v->var > 0 &&
                (uint32_t)v->var < fn->nvars && fn->vars[v->var].name && strcmp(fn->vars[v->var].name, name) == 0)
                return true;
        }
    }
    return false;
}

/* ir_element_trace's hook: the version of a struct variable a call of
 * the file made (passing it by reference) keeps the fields when the callee
 * writes none of them. */
static bool call_keeps_fields(void *ctx, const struct ir_fn *fn, ir_id version)
{
    struct analysis *a = ctx;
    ir_id effect = fn->nodes[version].ops[1], c = ir_effect_call(fn, effect);
    if (c == IR_NONE || fn->nodes[effect].sub == 0)
        return false;
    const struct ir_node *call = &fn->nodes[c];
    if (call->kind != IR_CALL || call->callee < 0 || (call->flags & IRF_CTOR))
        return false;
    return !writes_fields(a, call, fn->nodes[effect].sub - 1u);
}

/* A module constructed right there from numbers only
 * (`std::make_shared<Head>(32, n)`, `torch::nn::Linear(4, 8)`): a new
 * trainable object and nothing else. */
static bool fresh_module(const struct ir_fn *fn, ir_id e, int depth)
{
    const struct ir_node *n = &fn->nodes[e];
    if (depth == 0 && (n->kind != IR_CALL || n->role != ROLE_MODULE || (n->flags & IRF_RECEIVER) ||
                       (n->callee >= 0 && !(n->flags & IRF_CTOR))))
        return false;
    if (depth > 0) {
        if (n->kind == IR_LITERAL || n->type_is_scalar)
            return true;
        if (graph_role(n->role) || depth > 3 || (n->kind != IR_CALL && n->kind != IR_UNKNOWN) ||
            (n->flags & IRF_UNRESOLVED) || (n->kind == IR_CALL && n->callee >= 0))
            return false;
    }
    for (uint32_t k = 0; k < n->nops; k++)
        if (!fresh_module(fn, n->ops[k], depth + 1))
            return false;
    return true;
}

/* The object in field `index` of value `v` of function `g` when it is a
 * module constructed in sight, in g or in what a function of the file
 * that g calls returns (per call site, as its result's objects are): its
 * origin id, else 0. */
static uint32_t field_module_origin(struct analysis *a, uint32_t g, ir_id v, uint32_t index)
{
    const struct ir_fn *fn = a->tu->fns[g];
    struct ir_element_hook hook = {call_keeps_fields, a};
    ir_id stop;
    ir_id e = ir_element_trace(fn, v, index, &hook, &stop);
    if (e != IR_NONE)
        return fresh_module(fn, e, 0) ? origin_of(a, g, e) : 0;
    const struct ir_node *call = stop != IR_NONE ? &fn->nodes[stop] : NULL;
    if (!call || call->kind != IR_CALL || call->callee < 0 || (call->flags & IRF_CTOR) || call->callee == (int32_t)g)
        return 0;
    uint32_t h = (uint32_t)call->callee, found = 0;
    const struct ir_fn *hf = a->tu->fns[h];
    for (ir_id i = 0; i < hf->nnodes; i++) {
        if (hf->nodes[i].kind != IR_RETURN)
            continue;
        ir_id eh = hf->nodes[i].nops ? ir_element_trace(hf, hf->nodes[i].ops[0], index, &hook, NULL) : IR_NONE;
        uint32_t o = eh != IR_NONE && fresh_module(hf, eh, 0) ? origin_at_call(a, origin_of(a, h, eh), g, stop) : 0;
        if (!o || (found && o != found))
            return 0;
        found = o;
    }
    return found;
}

bool flow_every_call(const struct analysis *a, uint32_t f,
                     bool (*each)(void *ctx, uint32_t g, const struct ir_node *call), void *ctx)
{
    if (a->tu->fns[f]->is_method || a->tu->fns[f]->is_lambda)
        return false;
    bool called = false;
    for (uint32_t g = 0; g < a->tu->nfns; g++) {
        const struct ir_fn *fn = a->tu->fns[g];
        for (ir_id c = 0; c < fn->nnodes; c++) {
            const struct ir_node *n = &fn->nodes[c];
            if ((n->flags & IRF_FNREF) && n->aux == (int32_t)f)
                return false;
            if (n->kind != IR_CALL || n->callee != (int32_t)f)
                continue;
            if (!each(ctx, g, n))
                return false;
            called = true;
        }
    }
    return called;
}

struct field_search_ctx {
    struct run *r;
    uint32_t input, index;
    struct flow_fact *part;
};

/* One caller's struct argument: its field holds a module constructed in
 * sight. */
static bool caller_field_module(void *ctx, uint32_t g, const struct ir_node *call)
{
    struct field_search_ctx *fs = ctx;
    ir_id arg = g == fs->r->f ? IR_NONE : operand_for_input(call, fs->r->fn, fs->input);
    uint32_t o = arg != IR_NONE ? field_module_origin(fs->r->a, g, arg, fs->index) : 0;
    if (o)
        add_origin(fs->part, o);
    return o != 0;
}

/* Field `index` of a struct a free function of the file takes as input
 * `input`: when every call of the function in sight passes a struct whose
 * field holds a module constructed in sight, the field is one of those
 * modules (`adapt(learner)` with `learner.classifier` made by
 * `std::make_shared`), not any part of the struct. False when one call
 * passes anything else, nothing calls the function, or the function is
 * used as a value (a callback) or is a method or lambda (callers out of
 * sight). */
static bool input_field_fact(struct run *r, const struct ir_node *param, uint32_t index, struct flow_fact *out)
{
    if (param->kind != IR_PARAM || param->aux < 0)
        return false;
    struct flow_fact part;
    memset(&part, 0, sizeof part);
    struct field_search_ctx fs = {r, (uint32_t)param->aux, index, &part};
    if (!flow_every_call(r->a, r->f, caller_field_module, &fs) || part.norigins == 0)
        return false;
    part.clean_trust = TRUST_DEFINITE;
    merge(out, &part);
    return true;
}

/* An element read (a structured binding, a field of a plain struct): the
 * value put in that element when the aggregate is built in sight, here or
 * in the returns of the function of the file that made it, or by every
 * caller for a struct taken as input. False when it is not, and the
 * element stands for the whole aggregate. */
static bool element_fact(struct run *r, ir_id id, struct flow_fact *out)
{
    const struct ir_node *n = &r->fn->nodes[id];
    if (!(n->flags & IRF_ELEMENT) || n->nops != 1 || n->aux < 0)
        return false;
    uint32_t index = (uint32_t)n->aux;
    struct ir_element_hook hook = {call_keeps_fields, r->a};
    ir_id w;
    ir_id src = ir_element_trace(r->fn, n->ops[0], index, &hook, &w);
    if (src != IR_NONE) {
        merge(out, &r->facts[src]);
        return true;
    }
    if (w == IR_NONE)
        return false;
    const struct ir_node *call = &r->fn->nodes[w];
    if (call->kind == IR_PARAM)
        return input_field_fact(r, call, index, out);
    if (call->kind != IR_CALL || call->callee < 0 || (call->flags & IRF_CTOR))
        return false;
    struct rec_state st = rec_at(r->a, r->f, w, r->entry);
    struct flow_fact part;
    if (!returned_element(r->a, r->spec, (uint32_t)call->callee, (enum ir_tristate)st.state, index, &part))
        return false;
    apply_fact(r, w, &part, st, out);
    return true;
}

/* Does the function of the TU that `call` runs write its explicit argument
 * `arg` (a parameter taken by reference): assign it, update it in place,
 * or pass it on to be written? Any variable version of that name made by
 * an assignment counts (a shadowing local too: then it says yes). */
static bool writes_parameter(struct analysis *a, const struct ir_node *call, uint32_t arg)
{
    const struct ir_fn *callee = a->tu->fns[call->callee];
    const char *name = callee_param_name(a, call, arg);
    if (!name)
        return true;
    for (ir_id i = 0; i < callee->nnodes; i++) {
        const struct ir_node *v = &callee->nodes[i];
        if (v->kind == IR_VAR && (v->flags & IRF_ASSIGN) && v->var > 0 && (uint32_t)v->var < callee->nvars &&
            callee->vars[v->var].name && strcmp(callee->vars[v->var].name, name) == 0)
            return true;
    }
    return false;
}

bool flow_call_writes_parameter(struct analysis *a, const struct ir_node *call, uint32_t arg)
{
    if (call->kind != IR_CALL || call->callee < 0 || (call->flags & IRF_CTOR))
        return true;
    return writes_parameter(a, call, arg);
}

static struct flow_fn *fn_cache(struct analysis *a, uint32_t f);

/* The fact of node `at` (of this function, or of another method of the
 * class) as seen from node `id` of this one: the object a method runs on
 * (`this`, input 0) stands for itself, other inputs of another function
 * are dropped and make the result unknown. False when the fact is not
 * computed yet (later in this function, or in a method being computed). */
static bool imported_fact(struct run *r, struct node_ref at, ir_id id, struct flow_fact *f)
{
    if (at.fn == r->f) {
        if (at.node >= id)
            return false;
        *f = r->facts[at.node];
        return true;
    }
    if (fn_cache(r->a, at.fn)->status[r->spec->id][TRI_ON] == FLOW_BUSY ||
        cache(r->a)->depth >= MAX_SUMMARY_DEPTH)
        return false;
    *f = flow_facts(r->a, r->spec, at.fn, TRI_ON)[at.node];
    if (f->clean_params & ~1ULL)
        f->unknown = true;
    f->clean_params &= 1ULL;
    uint8_t kept = 0;
    for (uint8_t i = 0; i < f->ncuts; i++) {
        if (f->cuts[i].origin_param > 0)
            f->unknown = true;
        else
            f->cuts[kept++] = f->cuts[i];
    }
    f->ncuts = kept;
    return true;
}

/* A member of the object a method runs on holds what the class's methods
 * stored in it (analysis/members.h): their facts are added to the read.
 * A write not computed yet makes the read unknown; writes the file does
 * not list completely add nothing. A module member is not read this way:
 * it is an object of its own, named by the member (see origin_of). */
static void member_fact(struct run *r, ir_id id, struct flow_fact *out)
{
    const struct ir_node *n = &r->fn->nodes[id];
    const struct member_writes *w = members_writes(r->a, r->fn->class_name, n->name);
    for (uint32_t k = 0; w->complete && k < w->n; k++) {
        struct flow_fact f;
        if (imported_fact(r, w->value[k], id, &f))
            merge(out, &f);
        else
            out->unknown = true;
    }
}

/* The user module's forward `fwd` (inputs: this, x) applied to the module
 * `module` and the input `x`, as a call to it would be. */
static bool apply_forward(struct run *r, ir_id id, uint32_t fwd, const struct flow_fact *module,
                          const struct flow_fact *x, struct flow_fact *out)
{
    const struct ir_fn *callee = r->a->tu->fns[fwd];
    struct rec_state st = rec_at(r->a, r->f, id, r->entry);
    const struct flow_fact *s = summary(r->a, r->spec, fwd, (enum ir_tristate)st.state);
    if (!s || !callee->is_method || callee->nparams != 2 || callee->ninputs != 2)
        return false;
    const struct flow_fact *in[2] = {module, x};
    memset(out, 0, sizeof *out);
    apply_to_inputs(r, id, s, st, in, 2, out);
    return true;
}

/* `seq->forward(x)` on a Sequential whose modules are known
 * (analysis/containers.h): x through each module's forward in turn, into
 * the file's forward of a user module, through a framework module as
 * through a recorded op. Each module is part of the container, so it
 * carries the container's own identity too. False when the modules are not
 * known or the call itself cuts for this spec: the call is then handled as
 * any other. */
static bool sequence_forward(struct run *r, ir_id id, struct flow_fact *out)
{
    const struct ir_node *n = &r->fn->nodes[id];
    struct module_sequence seq;
    if (!containers_is_sequence_forward(r->fn, id) || r->spec->is_cut(r->a, r->f, id, r->entry) != CUT_NONE ||
        !containers_sequence(r->a, r->f, n->ops[0], &seq))
        return false;
    struct flow_fact cur = r->facts[n->ops[1]], next, module;
    for (uint32_t k = 0; k < seq.n; k++) {
        if (!imported_fact(r, seq.module[k], id, &module))
            return false;
        merge(&module, &r->facts[n->ops[0]]); /* a module is part of its container */
        if (seq.forward[k] < 0) {
            merge(&cur, &module);
            continue;
        }
        if (!apply_forward(r, id, (uint32_t)seq.forward[k], &module, &cur, &next))
            return false;
        cur = next;
    }
    memset(out, 0, sizeof *out);
    merge(out, &cur);
    return true;
}

/* A virtual forward whose override is known from the object's
 * construction, or an AnyModule's forward whose module is known
 * (analysis/containers.h): applied like a call to that forward. */
static bool virtual_forward(struct run *r, ir_id id, struct flow_fact *out)
{
    const struct ir_node *n = &r->fn->nodes[id];
    if (n->kind != IR_CALL || n->nops != 2)
        return false;
    int32_t fwd = containers_dispatch(r->a, r->f, id);
    return fwd >= 0 && r->spec->is_cut(r->a, r->f, id, r->entry) == CUT_NONE &&
           apply_forward(r, id, (uint32_t)fwd, &r->facts[n->ops[0]], &r->facts[n->ops[1]], out);
}

static void transfer_known(struct run *r, ir_id id, struct flow_fact *out)
{
    const struct ir_node *n = &r->fn->nodes[id];
    memset(out, 0, sizeof *out);
    if (n->kind == IR_PARAM || n->kind == IR_CAPTURE) {
        if (n->type_is_scalar || carries_no_value(n->role) || n->aux < 0)
            return;
        if (n->aux < FLOW_MAX_INPUTS)
            out->clean_params = 1ULL << n->aux;
        else
            out->unknown = true; /* past the mask: what it carries is not tracked */
        return;
    }
    if (n->kind == IR_MODE || n->kind == IR_LAMBDA || n->kind == IR_LITERAL)
        return;
    if (element_fact(r, id, out))
        return;
    /* A member of an object that carries trainable values belongs to that
     * object (`this->fc1` is part of the module the method runs on). */
    if (n->kind == IR_MEMBER && graph_role(n->role) && n->nops == 1) {
        const struct flow_fact *base = &r->facts[n->ops[0]];
        if (base->clean_params || base->clean_trust || base->ncuts)
            merge(out, base);
    }
    if (n->kind == IR_MEMBER && n->role != ROLE_MODULE && members_is_own(r->fn, id))
        member_fact(r, id, out);
    /* A number kept in an object (`this->max_loss_`) is what was stored
     * in it, not a part of the object's trainable values. */
    if (n->kind == IR_MEMBER && n->type_is_scalar)
        return;
    uint8_t trust = 0;
    enum source_kind kind = classify_source(r->fn, n, r->facts, &trust);
    if (kind == SOURCE) {
        if (trust > out->clean_trust)
            out->clean_trust = trust;
        uint32_t origin = trust == TRUST_DEFINITE ? origin_of(r->a, r->f, id) : 0;
        if (origin)
            add_origin(out, origin);
        else
            out->unidentified |= trust == TRUST_DEFINITE;
        return;
    }
    if (kind == CARRIES_NOTHING)
        return;
    /* An object passed by reference (a module, an optimizer) stays the same
     * object: the callee may train it, not turn it into the other arguments.
     * Host memory written by a call (memcpy from TF_TensorData) does take
     * what the call read. */
    if (n->kind == IR_OP && (n->flags & IRF_CALL_EFFECT) && n->role != ROLE_TENSOR && n->role != ROLE_NONE)
        return;
    /* What a function of the file writes through a pointer is taken to
     * depend on what its result depends on (its summary, with the cuts
     * inside it), when it returns a value. */
    ir_id effect_of = ir_effect_call(r->fn, id);
    if (effect_of != IR_NONE && effect_of < id) {
        const struct ir_node *call = &r->fn->nodes[effect_of];
        /* A function of the file that never writes that parameter (a data
         * loader a training template only iterates) leaves the argument as
         * it was: the other arguments do not flow into it. */
        if (n->sub > 0 && !flow_call_writes_parameter(r->a, call, n->sub - 1u))
            return;
        if (call->kind == IR_CALL && call->callee >= 0 && !(call->flags & IRF_CTOR) &&
            returns_value(r->a->tu->fns[call->callee])) {
            merge(out, &r->facts[effect_of]);
            return;
        }
    }
    /* A module variable after a method call on it (`net->forward(x)` is a
     * weak update) is the same module: what the call returned does not flow
     * into it. */
    if (n->role == ROLE_MODULE && (n->kind == IR_VAR || n->kind == IR_PHI)) {
        for (uint32_t k = 0; k < n->nops; k++)
            if (r->fn->nodes[n->ops[k]].role == ROLE_MODULE)
                merge(out, &r->facts[n->ops[k]]);
        return;
    }
    if (sequence_forward(r, id, out) || virtual_forward(r, id, out))
        return;
    bool op = n->kind == IR_CALL || n->kind == IR_OP;
    enum cut_kind cut = op ? r->spec->is_cut(r->a, r->f, id, r->entry) : CUT_NONE;
    if (n->kind == IR_CALL && n->callee >= 0 && !(n->flags & IRF_CTOR)) {
        /* A helper of the file that builds an op the model classes (by the
         * op type passed to it) cuts like that op. */
        if (!n->op || cut == CUT_NONE) {
            if (kind != LEAF_CONSTANT)
                apply_summary(r, id, out);
            return;
        }
        struct flow_fact through;
        memset(&through, 0, sizeof through);
        apply_summary(r, id, &through);
        merge_cut(out, &through, (struct node_ref){r->f, id}, cut == CUT_BY_ENTRY);
        return;
    }
    if (kind == LEAF_CONSTANT && cut == CUT_NONE)
        return; /* a new leaf: nothing reaches it for this rule */
    ir_id recv = ir_call_receiver(n);
    /* An in-place op keeps its receiver's own history (an update under
     * no_grad leaves a leaf a leaf), unless the op itself is what cuts:
     * detach_(), round_() replace the history. */
    bool keeps_receiver = (n->flags & IRF_INPLACE) && (!cuts_by_class(n) || cut == CUT_DROP);
    for (uint32_t k = 0; k < n->nops; k++) {
        if (is_nondiff_operand(n, k) || superseded_version(r->fn, n, k) ||
            carries_no_value(r->fn->nodes[n->ops[k]].role))
            continue;
        const struct flow_fact *in = &r->facts[n->ops[k]];
        if (cut == CUT_NONE || (keeps_receiver && n->ops[k] == recv))
            merge(out, in);
        else if (cut != CUT_DROP)
            merge_cut(out, in, (struct node_ref){r->f, id}, cut == CUT_BY_ENTRY);
    }
}

/* A value clang could not resolve, what a call of an override picked at
 * run time returns, and every value of a body that lost code to a parse
 * error, depend on something unknown; a variable a dropped statement wrote
 * is lost. */
static void transfer(struct run *r, ir_id id, struct flow_fact *out)
{
    transfer_known(r, id, out);
    if (r->fn->partial || (r->fn->nodes[id].flags & (IRF_UNRESOLVED | IRF_DISPATCHED)))
        out->unknown = true;
    if (r->fn->nodes[id].flags & IRF_LOST)
        out->lost = true;
}

/* Nodes are in evaluation order, so only loop-head phis read facts computed
 * later (their back edges). A pass restarts at the earliest phi whose back
 * edge changed in the pass before (a worklist of loop heads), and passes go on
 * until nothing changes: a value carried through any number of loop
 * variables arrives. The facts only grow and are bounded, so this ends;
 * the pass cap is a safety net, and hitting it makes the results unknown. */
static void run_fn(struct run *r)
{
    const struct ir_fn *fn = r->fn;
    /* back_reader[i]: the earliest loop-head phi reading node i. */
    ir_id *back_reader = arena_alloc(r->a->arena, (fn->nnodes ? fn->nnodes : 1) * sizeof *back_reader);
    for (ir_id i = 0; i < fn->nnodes; i++)
        back_reader[i] = IR_NONE;
    for (ir_id u = fn->nnodes; u-- > 0;)
        if (fn->nodes[u].kind == IR_PHI)
            for (uint32_t k = 0; k < fn->nodes[u].nops; k++)
                if (fn->nodes[u].ops[k] > u)
                    back_reader[fn->nodes[u].ops[k]] = u;
    struct flow_fact tmp;
    ir_id start = 0;
    for (uint32_t pass = 0; start != IR_NONE; pass++) {
        if (pass >= r->a->max_passes) {
            r->a->capped = true;
            return;
        }
        ir_id from = start;
        start = IR_NONE;
        for (ir_id i = from; i < fn->nnodes; i++) {
            transfer(r, i, &tmp);
            if (fact_eq(&tmp, &r->facts[i]))
                continue;
            r->facts[i] = tmp;
            if (back_reader[i] != IR_NONE && (start == IR_NONE || back_reader[i] < start))
                start = back_reader[i];
        }
    }
}

static struct flow_fn *fn_cache(struct analysis *a, uint32_t f) { return &cache(a)->fns[f]; }

static void compute(struct analysis *a, const struct flow_spec *spec, uint32_t f, enum ir_tristate entry)
{
    struct flow_cache *c = cache(a);
    struct flow_fn *ff = fn_cache(a, f);
    const struct ir_fn *fn = a->tu->fns[f];
    ff->status[spec->id][entry] = FLOW_BUSY;
    c->depth++;
    struct run r = {a, spec, f, fn, entry, arena_alloc(a->arena, (fn->nnodes ? fn->nnodes : 1) * sizeof(struct flow_fact))};
    run_fn(&r);
    struct flow_fact *sum = &ff->summary[spec->id][entry];
    memset(sum, 0, sizeof *sum);
    for (ir_id i = 0; i < fn->nnodes; i++)
        if (fn->nodes[i].kind == IR_RETURN)
            merge(sum, &r.facts[i]);
    c->depth--;
    ff->facts[spec->id][entry] = r.facts;
    ff->status[spec->id][entry] = FLOW_DONE;
}

static const struct flow_fact *summary(struct analysis *a, const struct flow_spec *spec, uint32_t f,
                                       enum ir_tristate entry)
{
    struct flow_fn *ff = fn_cache(a, f);
    if (ff->status[spec->id][entry] == FLOW_BUSY || cache(a)->depth >= MAX_SUMMARY_DEPTH)
        return NULL;
    if (ff->status[spec->id][entry] == FLOW_TODO)
        compute(a, spec, f, entry);
    return &ff->summary[spec->id][entry];
}

const struct flow_fact *flow_summary(struct analysis *a, const struct flow_spec *spec, uint32_t fn,
                                     enum ir_tristate entry)
{
    return summary(a, spec, fn, entry);
}

const struct flow_fact *flow_facts(struct analysis *a, const struct flow_spec *spec, uint32_t fn,
                                   enum ir_tristate entry)
{
    struct flow_fn *ff = fn_cache(a, fn);
    if (ff->status[spec->id][entry] == FLOW_TODO)
        compute(a, spec, fn, entry);
    return ff->facts[spec->id][entry];
}
