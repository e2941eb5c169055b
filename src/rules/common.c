/* rules/common: helpers shared by rule passes. */
#include "common.h"
#include "../analysis/flow.h"
#include "../analysis/graph.h"
#include "../analysis/objects.h"
#include "../analysis/trained.h"
#include "../analysis/recording.h"
#include <string.h>

const char *rule_short_name(const char *q)
{
    if (!q)
        return "?";
    const char *last = q;
    int depth = 0;
    for (const char *p = q; *p; p++) {
        if (*p == '<' || *p == '(')
            depth++;
        else if ((*p == '>' || *p == ')') && depth > 0)
            depth--;
        else if (depth == 0 && p[0] == ':' && p[1] == ':')
            last = p + 2;
    }
    return last;
}

/* Constructions nested this deep are not followed (then: not a number). */
#define MAX_NUMBER_DEPTH 3

static bool number_within(const struct ir_fn *fn, ir_id id, int depth)
{
    if (id == IR_NONE || depth > MAX_NUMBER_DEPTH)
        return false;
    const struct ir_node *n = &fn->nodes[id];
    if (n->type_is_scalar || n->kind == IR_LITERAL)
        return true;
    if (n->kind != IR_CALL || !(n->flags & IRF_CTOR) || n->role != ROLE_NONE || n->nops == 0)
        return false;
    for (uint32_t k = 0; k < n->nops; k++)
        if (!number_within(fn, n->ops[k], depth + 1))
            return false;
    return true;
}

bool rule_is_number(const struct ir_fn *fn, ir_id id) { return number_within(fn, id, 0); }

bool rule_is_gradient_call(const struct ir_node *n)
{
    return n->kind == IR_CALL && n->op && n->op->cls == OP_GRADIENT;
}

ir_id rule_gradient_target(const struct ir_node *n)
{
    return rule_is_gradient_call(n) ? ir_call_operand(n, n->op->target_arg) : IR_NONE;
}

ir_id rule_op_context(const struct ir_node *n)
{
    if (!n->op || n->op->context_arg < 0 || (n->kind != IR_CALL && !(n->flags & IRF_CALL_EFFECT)))
        return IR_NONE;
    return ir_call_operand(n, n->op->context_arg);
}

bool rule_runs_off_tape(struct analysis *a, uint32_t fn, ir_id node)
{
    ir_id ctx = rule_op_context(&a->tu->fns[fn]->nodes[node]);
    if (ctx == IR_NONE)
        return false;
    uint8_t role = a->tu->fns[fn]->nodes[ctx].role;
    if (role != ROLE_CONTEXT && role != ROLE_RECORDING_CONTEXT)
        return false; /* not an execution context (a graph Scope): no recording to miss */
    return objects_trace(a, fn, ctx, ROLE_RECORDING_CONTEXT, ROLE_CONTEXT).answer == OBJ_OTHER;
}

/* Accessor calls and `&` looked through to name a value; past them the
 * value is "..." (text only). */
#define MAX_NAME_STEPS 8

const char *rule_value_name(const struct ir_fn *fn, const struct ir_node *n)
{
    for (int i = 0; i < MAX_NAME_STEPS; i++) {
        if ((n->kind == IR_VAR || n->kind == IR_PHI) && n->var > 0 && (uint32_t)n->var < fn->nvars)
            return fn->vars[n->var].name;
        if (n->kind == IR_PARAM || n->kind == IR_CAPTURE || n->kind == IR_MEMBER || n->kind == IR_GLOBAL)
            return n->name ? rule_short_name(n->name) : "...";
        /* `tape_ctx.get()`, `&tape_ctx`: the object behind it */
        bool braced = n->kind == IR_UNKNOWN && (n->flags & IRF_BRACED); /* TF_Output{w, 0} */
        if (!((n->kind == IR_CALL && (n->flags & IRF_RECEIVER)) || n->kind == IR_OP || braced) || n->nops == 0)
            break;
        n = &fn->nodes[n->ops[0]];
    }
    return "...";
}

const char *rule_op_label(const struct ir_node *n)
{
    return n->op_type ? n->op_type : rule_short_name(n->name);
}

bool rule_recording_off_by(struct analysis *a, struct node_ref cut, struct node_ref *where)
{
    struct rec_state why = rec_at(a, cut.fn, cut.node, TRI_ON);
    if (why.state != TRI_OFF || why.from_entry)
        return false;
    *where = why.cause;
    return true;
}

static enum cut_kind recording_off(struct analysis *a, uint32_t fn, ir_id node, enum ir_tristate entry)
{
    /* An op run through a context records only on a recording one. */
    if (rule_op_context(&a->tu->fns[fn]->nodes[node]) != IR_NONE)
        return rule_runs_off_tape(a, fn, node) ? CUT_HERE : CUT_NONE;
    if (!flow_is_graph_op(a, &a->tu->fns[fn]->nodes[node]))
        return CUT_NONE;
    struct rec_state s = rec_at(a, fn, node, entry);
    if (s.state != TRI_OFF)
        return CUT_NONE;
    return s.from_entry ? CUT_BY_ENTRY : CUT_HERE;
}

const struct flow_spec rule_recording_spec = {FLOW_SPEC_RECORDING, recording_off};

static bool names_a_cut_value(const struct ir_fn *fn, const struct ir_node *n)
{
    const struct model_call *op = n->op;
    for (uint32_t k = 0; k < n->nops; k++) {
        const struct ir_node *arg = &fn->nodes[n->ops[k]];
        if ((arg->kind != IR_GLOBAL && arg->kind != IR_LITERAL) || !arg->name)
            continue;
        for (size_t i = 0; i < op->n_nondiff_when_given; i++)
            if (strcmp(arg->name, op->nondiff_when_given[i]) == 0)
                return true;
    }
    return false;
}

static enum cut_kind gradient_cut(struct analysis *a, uint32_t fn, ir_id node, enum ir_tristate entry)
{
    const struct ir_fn *f = a->tu->fns[fn];
    const struct ir_node *n = &f->nodes[node];
    /* An in-place update with recording off (`w.sub_(lr * g)` under
     * no_grad) adds nothing to the graph of the tensor it updates. */
    if ((n->flags & IRF_INPLACE) && rec_at(a, fn, node, entry).state == TRI_OFF)
        return CUT_DROP;
    if (!n->op)
        return CUT_NONE;
    if (op_class_has(n->op->cls, OPF_CUTS))
        return CUT_HERE;
    if (n->op->cls == OP_GRADIENT)
        return graph_gradient_may_create_graph(f, n) ? CUT_NONE : CUT_HERE;
    return names_a_cut_value(f, n) ? CUT_HERE : CUT_NONE;
}

const struct flow_spec rule_gradient_spec = {FLOW_SPEC_GRADIENT, gradient_cut};

struct diag_note rule_note(const struct analysis *a, struct node_ref at, const char *message)
{
    const struct ir_node *n = analysis_node(a, at);
    struct diag_note note = {a->tu->fns[at.fn]->file, n->loc, message};
    return note;
}

const char *rule_line_of(const struct analysis *a, struct node_ref at, const char *here)
{
    const char *file = a->tu->fns[at.fn]->file;
    uint32_t line = analysis_node(a, at)->loc.line;
    if (!file || !here || strcmp(file, here) == 0)
        return arena_printf(a->arena, "line %u", line);
    const char *base = strrchr(file, '/');
    return arena_printf(a->arena, "line %u of %s", line, base ? base + 1 : file);
}

/* Inputs are judged by what the file's callers pass (analysis/trained.h). */
static enum trust input_trust(struct analysis *a, uint32_t fn, int input)
{
    return trained_input_trust(a, &rule_gradient_spec, fn, input);
}

static enum trust origin_trust(struct analysis *a, uint32_t fn, const struct cut_rec *r)
{
    return r->origin_param >= 0 ? input_trust(a, fn, r->origin_param) : (enum trust)r->origin_trust;
}

/* Best trust among the sources that reach the value on an uncut path. */
static enum trust clean_trust(struct analysis *a, uint32_t fn, const struct flow_fact *f)
{
    enum trust best = (enum trust)f->clean_trust;
    const struct ir_fn *ir = a->tu->fns[fn];
    for (uint32_t i = 0; i < ir->ninputs && i < FLOW_MAX_INPUTS; i++)
        if ((f->clean_params & (1ULL << i)) && input_trust(a, fn, (int)i) > best)
            best = input_trust(a, fn, (int)i);
    return best;
}

/* Does a value flow from node `from` into node `to` (same function)? */
static bool flows_into(struct analysis *a, struct node_ref from, struct node_ref to)
{
    const struct ir_fn *fn = a->tu->fns[to.fn];
    if (from.fn != to.fn || from.node == to.node)
        return false;
    uint8_t *seen = arena_alloc(a->arena, fn->nnodes);
    ir_id *stack = arena_alloc(a->arena, fn->nnodes * sizeof *stack);
    size_t n = 0;
    stack[n++] = to.node;
    seen[to.node] = 1;
    while (n) {
        const struct ir_node *node = &fn->nodes[stack[--n]];
        for (uint32_t k = 0; k < node->nops; k++) {
            ir_id o = node->ops[k];
            /* A module is not made of what its methods returned (weak updates
             * by `net->forward(x)`), as in the flow facts. */
            if (node->role == ROLE_MODULE && fn->nodes[o].role != ROLE_MODULE)
                continue;
            if (o == from.node)
                return true;
            if (!seen[o]) {
                seen[o] = 1;
                stack[n++] = o;
            }
        }
    }
    return false;
}

/* A factory given a tensor (`ones_like(out)`) only reads its shape: it is
 * not on the path of the values it was given. */
static bool only_reads_shape(const struct ir_node *n)
{
    return n->op && n->op->cls == OP_FACTORY;
}

size_t rule_drop_upstream_cuts(struct analysis *a, struct node_ref *cuts, uint32_t *tags, size_t n)
{
    bool drop[FLOW_MAX_CUTS] = {false};
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n && !drop[i]; j++)
            drop[i] = !drop[j] && !(cuts[i].fn == cuts[j].fn && cuts[i].node == cuts[j].node) &&
                      !only_reads_shape(analysis_node(a, cuts[j])) && flows_into(a, cuts[i], cuts[j]);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (!drop[i]) {
            if (tags)
                tags[kept] = tags[i];
            cuts[kept++] = cuts[i];
        }
    return kept;
}

size_t rule_reportable_cuts(struct analysis *a, uint32_t fn, const struct flow_fact *f, struct node_ref call,
                            struct node_ref *out)
{
    enum trust clean = clean_trust(a, fn, f);
    if (clean == TRUST_DEFINITE || f->lost)
        return 0;
    enum trust want = TRUST_DEFINITE;
    bool any_definite = false;
    for (uint8_t i = 0; i < f->ncuts; i++)
        any_definite |= origin_trust(a, fn, &f->cuts[i]) == TRUST_DEFINITE;
    if (!any_definite) {
        if (clean != TRUST_NONE)
            return 0;
        want = TRUST_MAYBE;
    }
    size_t n = 0;
    for (uint8_t i = 0; i < f->ncuts; i++)
        if (origin_trust(a, fn, &f->cuts[i]) >= want)
            out[n++] = f->cuts[i].from_entry ? call : f->cuts[i].cut;
    return rule_drop_upstream_cuts(a, out, NULL, n);
}
