/* GL005 tape-reused: a gradient request through recorded ops whose graph an
 * earlier request already freed. backward() and autograd::grad() free the
 * graph they traverse unless retain_graph is true (or create_graph is true
 * and retain_graph is left at its default), so a second traversal throws
 * "Trying to backward through the graph a second time". Two shapes:
 *  - two gradient calls in a function whose losses share an op recorded
 *    before the first call, which did not retain the graph;
 *  - a gradient call in a loop whose loss depends on an op recorded before
 *    the loop or in an earlier iteration (a hidden state carried across
 *    iterations without detach).
 * Only ops whose backward saves tensors count (the model's saves_tensors):
 * a node that keeps nothing can be traversed any number of times.
 * Rebuilding the graph (a new forward pass) makes new IR values, so it is
 * never confused with reuse; calls on exclusive branches, or separated by a
 * return, never both run.
 *
 * Frameworks whose gradient requests go through a tape object (the model's
 * `tape` argument) are checked by the tape instead: a second request on a
 * non-persistent tape, or a request in a loop on a non-persistent tape made
 * before the loop. Gradient calls the model marks as not freeing a graph
 * (graph-mode TensorFlow) are never reused. */
#include "../analysis/flow.h"
#include "../analysis/graph.h"
#include "../analysis/objects.h"
#include "../analysis/recording.h"
#include "../analysis/trained.h"
#include "common.h"
#include <stdio.h>
#include <string.h>

enum retention { FREES, RETAINS, UNKNOWN_RETENTION };

static bool is_literal(const struct ir_node *n, uint32_t flag) { return n->kind == IR_LITERAL && (n->flags & flag); }

/* Left at its default: omitted, or a value the model says stands for an
 * omitted argument (`c10::nullopt`). */
static bool defaulted(const struct model *m, const struct ir_node *n)
{
    return (n->kind == IR_UNKNOWN && n->nops == 0) ||
           ((n->kind == IR_GLOBAL || n->kind == IR_CALL) && model_omitted_value(m, n->name));
}

static enum retention retention(const struct model *m, const struct ir_fn *fn, const struct ir_node *g)
{
    ir_id retain = ir_call_operand(g, g->op->retain_graph_arg);
    ir_id create = ir_call_operand(g, g->op->create_graph_arg);
    if (retain != IR_NONE && !defaulted(m, &fn->nodes[retain])) {
        if (is_literal(&fn->nodes[retain], IRF_BOOL_TRUE))
            return RETAINS;
        return is_literal(&fn->nodes[retain], IRF_BOOL_FALSE) ? FREES : UNKNOWN_RETENTION;
    }
    if (create == IR_NONE || defaulted(m, &fn->nodes[create]) || is_literal(&fn->nodes[create], IRF_BOOL_FALSE))
        return FREES;
    return is_literal(&fn->nodes[create], IRF_BOOL_TRUE) ? RETAINS : UNKNOWN_RETENTION;
}

static bool trainable_flows_in(struct analysis *a, const struct flow_spec *spec, uint32_t f, ir_id id)
{
    const struct flow_fact *fact = &flow_facts(a, spec, f, TRI_ON)[id];
    if (fact->clean_trust == TRUST_DEFINITE || fact->norigins)
        return true;
    for (int i = 0; i < FLOW_MAX_INPUTS; i++)
        if ((fact->clean_params & (1ULL << i)) && trained_input_trust(a, spec, f, i) == TRUST_DEFINITE)
            return true;
    return false;
}

/* Is this op in the graph: run with recording on (or undecided), with a
 * trainable value flowing into it on a path that is differentiable and
 * recorded? */
static bool records_trainable(struct analysis *a, uint32_t f, ir_id id)
{
    return rec_at(a, f, id, TRI_ON).state != TRI_OFF && trainable_flows_in(a, &rule_gradient_spec, f, id) &&
           trainable_flows_in(a, &rule_recording_spec, f, id);
}

/* A second traversal fails only at a node whose saved tensors the first one
 * freed: ops the model knows to save nothing (.to(), views, additions) can
 * be traversed again; unknown ops may save. */
static bool may_save_tensors(const struct ir_fn *fn, const struct ir_node *n)
{
    if (n->kind != IR_CALL || !n->op)
        return true;
    if (n->op->saves == SAVES_NOTHING)
        return false;
    for (int i = 0; i < 32; i++)
        if (((n->op->number_args_save_nothing >> i) & 1u) && rule_is_number(fn, ir_call_arg(n, i)))
            return false;
    return true;
}

/* Functions of the file followed through the parameters they write
 * (`step(x, h)` writing `h`, inside a helper that writes its own). */
#define MAX_WRITE_DEPTH 3

static bool reused_op_within(struct analysis *a, uint32_t f, ir_id id, int depth);

/* Does the function of the file that `call` runs put a value with a
 * recorded op behind it (one that saves tensors and has trainable inputs)
 * in the tensor it takes as explicit argument `arg` by reference? Only the
 * values the parameter may hold on return count: `h = cell(x, h);
 * h = h.detach();` leaves none. */
static bool writes_recorded_value(struct analysis *a, const struct ir_node *call, uint32_t arg, int depth)
{
    const struct ir_fn *callee = a->tu->fns[call->callee];
    int input = flow_call_input_of_arg(a, call, arg);
    ir_id finals[8];
    size_t nfinal = input < 0 || callee->partial ? 0 : graph_final_versions(callee, ir_param_var(callee, (uint32_t)input), finals, 8);
    for (size_t i = 0; i < nfinal && i < 8; i++) {
        struct graph_walk w;
        graph_walk(&w, a, &rule_gradient_spec, (uint32_t)call->callee, finals[i], 0);
        for (ir_id k = 0; k < callee->nnodes; k++)
            if (graph_seen_now(&w, k) && reused_op_within(a, (uint32_t)call->callee, k, depth + 1))
                return true;
    }
    return false;
}

/* The value a call of the file leaves in a tensor argument it writes: a
 * recorded op of the caller's graph when the callee's written value is
 * one (the hidden state a `step(x, h)` method advances). */
static bool recorded_write(struct analysis *a, uint32_t f, ir_id id, int depth)
{
    const struct ir_fn *fn = a->tu->fns[f];
    ir_id c = ir_effect_call(fn, id);
    if (c == IR_NONE || fn->nodes[id].sub == 0 || fn->nodes[id].role != ROLE_TENSOR || depth >= MAX_WRITE_DEPTH)
        return false;
    const struct ir_node *call = &fn->nodes[c];
    if (call->kind != IR_CALL || call->callee < 0 || (call->flags & IRF_CTOR))
        return false;
    return writes_recorded_value(a, call, fn->nodes[id].sub - 1u, depth) && records_trainable(a, f, id);
}

/* An op of `f` itself that a second traversal may fail at. */
static bool reused_own_op(struct analysis *a, uint32_t f, ir_id id)
{
    const struct ir_node *n = &a->tu->fns[f]->nodes[id];
    return graph_is_recorded_op(n) && may_save_tensors(a->tu->fns[f], n) && records_trainable(a, f, id);
}

static bool reused_op_within(struct analysis *a, uint32_t f, ir_id id, int depth)
{
    return reused_own_op(a, f, id) || recorded_write(a, f, id, depth);
}

/* The ops a second traversal may fail at. A value a call wrote to an
 * argument counts only in the second pass (`writes`): an op of the
 * caller's own, when there is one, is named in its place because it is
 * where the failure is known to be. */
static bool reused_op(struct analysis *a, uint32_t f, ir_id id, bool writes)
{
    return writes ? recorded_write(a, f, id, 0) : reused_own_op(a, f, id);
}

static bool exclusive(const struct ir_fn *fn, uint32_t c1, uint32_t c2)
{
    for (uint32_t x = c1, i = 0; x && i <= fn->nctrls; x = fn->ctrls[x].parent, i++)
        for (uint32_t y = c2, j = 0; y && j <= fn->nctrls; y = fn->ctrls[y].parent, j++)
            if (x != y && fn->ctrls[x].cond == fn->ctrls[y].cond && fn->ctrls[x].cond != IR_NONE &&
                fn->ctrls[x].arm != ARM_LOOP && fn->ctrls[y].arm != ARM_LOOP)
                return true;
    return false;
}

/* A return that every path from `first` takes before reaching `second`. */
static bool returns_between(const struct ir_fn *fn, ir_id first, ir_id second)
{
    for (ir_id r = first + 1; r < second; r++)
        if (fn->nodes[r].kind == IR_RETURN && graph_ctrl_within(fn, fn->nodes[first].ctrl, fn->nodes[r].ctrl) &&
            !graph_ctrl_within(fn, fn->nodes[second].ctrl, fn->nodes[r].ctrl))
            return true;
    return false;
}

/* The variable the value of node `id` was first stored in, or NULL. */
static const char *stored_in(const struct ir_fn *fn, ir_id id)
{
    for (ir_id k = id + 1; k < fn->nnodes && k < id + 8; k++)
        if (fn->nodes[k].kind == IR_VAR && fn->nodes[k].nops >= 1 && fn->nodes[k].ops[0] == id &&
            fn->nodes[k].var > 0 && (uint32_t)fn->nodes[k].var < fn->nvars)
            return fn->vars[fn->nodes[k].var].name;
    return NULL;
}

/* The variable a call's write through an argument (effect op `id`) made a
 * version of, or NULL. */
static const char *written_var(const struct ir_fn *fn, ir_id id)
{
    for (ir_id k = id + 1; k < fn->nnodes && k < id + 8; k++)
        if (fn->nodes[k].kind == IR_VAR && fn->nodes[k].nops == 2 && fn->nodes[k].ops[1] == id &&
            fn->nodes[k].var > 0 && (uint32_t)fn->nodes[k].var < fn->nvars)
            return fn->vars[fn->nodes[k].var].name;
    return NULL;
}

/* How the message names the reused op: its call, or the value a call of
 * the file wrote to an argument (`the value `step` writes to `h``). */
static const char *reused_name(struct analysis *a, const struct ir_fn *fn, ir_id id)
{
    const char *name = rule_short_name(fn->nodes[id].name);
    const char *var = ir_effect_call(fn, id) != IR_NONE ? written_var(fn, id) : NULL;
    return var ? arena_printf(a->arena, "the value `%s` writes to `%s`", name, var)
               : arena_printf(a->arena, "`%s`", name);
}

static void report(struct rule_ctx *ctx, uint32_t f, ir_id second, ir_id shared, ir_id first, uint32_t loop)
{
    struct analysis *a = ctx->a;
    const struct ir_fn *fn = a->tu->fns[f];
    const struct ir_node *g = &fn->nodes[second], *op = &fn->nodes[shared];
    const char *held = "", *fails = "fails, since that graph was freed", *msg;
    const char *var = stored_in(fn, shared);
    if (var)
        held = arena_printf(a->arena, ", held in `%s`", var);
    /* The framework's own words for the failure, when its model has them. */
    if (g->op->graph_freed_error)
        fails = arena_printf(a->arena, "throws \"%s\"", g->op->graph_freed_error);
    if (first != IR_NONE)
        msg = arena_printf(a->arena,
                 "`%s` goes back through %s (line %u%s), whose graph the `%s` at line %u already freed without "
                 "retain_graph = true; this %s",
                 rule_short_name(g->name), reused_name(a, fn, shared), op->loc.line, held,
                 rule_short_name(fn->nodes[first].name), fn->nodes[first].loc.line, fails);
    else
        msg = arena_printf(a->arena,
                 "`%s` runs on every iteration of the loop at line %u, but the loss goes back through %s "
                 "(line %u%s), recorded %s, whose saved tensors the first iteration freed; the second iteration "
                 "%s (detach the carried value or recompute it inside the loop)",
                 rule_short_name(g->name), fn->ctrls[loop].loc.line, reused_name(a, fn, shared), op->loc.line, held,
                 graph_ctrl_within(fn, op->ctrl, loop) ? "in an earlier iteration" : "once before the loop", fails);
    struct diag_note notes[2] = {rule_note(a, (struct node_ref){f, shared}, "the reused op was recorded here")};
    size_t nnotes = 1;
    if (first != IR_NONE)
        notes[nnotes++] = rule_note(a, (struct node_ref){f, first}, "the first gradient computation frees the graph here");
    diag_report(ctx->sink, ctx->rule, rule_table[ctx->rule].severity, fn->file, g->loc, g->end, msg, notes, nnotes);
}

/* The op, recorded with trainable inputs and saving tensors, behind both
 * walks (and before `limit`) that the second traversal reaches first: the
 * one recorded last (autograd runs later nodes first), whose freed saved
 * tensors make it throw. IR_NONE when there is none. */
static ir_id shared_recorded_op(struct analysis *a, uint32_t f, const struct graph_walk *x,
                                const struct graph_walk *y, ir_id limit)
{
    for (int writes = 0; writes < 2; writes++)
        for (ir_id i = limit; i-- > 0;)
            if ((x->seen[i] && y->seen[i]) && graph_parts_shared(x, y, i) && reused_op(a, f, i, writes))
                return i;
    return IR_NONE;
}

static bool check_loop(struct rule_ctx *ctx, uint32_t f, ir_id g, const struct graph_walk *w, uint32_t loop)
{
    const struct ir_fn *fn = ctx->a->tu->fns[f];
    if (!loop)
        return false;
    /* The carried op recorded last is the one the second iteration's
     * backward reaches first (see shared_recorded_op). */
    for (int writes = 0; writes < 2; writes++)
        for (ir_id i = fn->nnodes; i-- > 0;) {
            bool carried = graph_seen_before(w, i) || (graph_seen_now(w, i) && !graph_ctrl_within(fn, fn->nodes[i].ctrl, loop));
            if (carried && reused_op(ctx->a, f, i, writes)) {
                report(ctx, f, g, i, IR_NONE, loop);
                return true;
            }
        }
    return false;
}

static void check_call(struct rule_ctx *ctx, uint32_t f, ir_id g)
{
    struct analysis *a = ctx->a;
    const struct ir_fn *fn = a->tu->fns[f];
    uint32_t loop = graph_innermost_loop(fn, fn->nodes[g].ctrl);
    struct graph_walk now;
    graph_walk(&now, a, &rule_gradient_spec, f, rule_gradient_target(&fn->nodes[g]), loop);
    /* Across iterations this call is the one that freed the graph. */
    if (retention(ctx->a->model, fn, &fn->nodes[g]) == FREES && check_loop(ctx, f, g, &now, loop))
        return;
    for (ir_id first = 0; first < g; first++) {
        ir_id target = rule_gradient_target(&fn->nodes[first]);
        if (target == IR_NONE || !fn->nodes[first].op->frees_graph || retention(ctx->a->model, fn, &fn->nodes[first]) != FREES ||
            exclusive(fn, fn->nodes[first].ctrl, fn->nodes[g].ctrl) || returns_between(fn, first, g))
            continue;
        struct graph_walk before;
        graph_walk(&before, a, &rule_gradient_spec, f, target, 0);
        ir_id shared = shared_recorded_op(a, f, &before, &now, first);
        if (shared != IR_NONE) {
            report(ctx, f, g, shared, first, loop);
            return;
        }
    }
}

/* ---- tapes ---- */

/* The construction of the non-persistent tape gradient request `g` uses
 * (made in `f`), or IR_NONE. */
static ir_id nonpersistent_tape(struct analysis *a, uint32_t f, ir_id g)
{
    const struct ir_node *n = &a->tu->fns[f]->nodes[g];
    struct object_ref t = objects_trace(a, f, ir_call_operand(n, n->op->tape_arg), ROLE_TAPE, ROLE_NONE);
    if (t.answer != OBJ_FOUND || !t.constructed || t.at.fn != f)
        return IR_NONE;
    const struct ir_node *ctor = &a->tu->fns[f]->nodes[t.at.node];
    const struct model_tape *mt = model_tape(a->model, ctor->name);
    if (!mt)
        return IR_NONE;
    ir_id arg = ir_call_arg(ctor, mt->persistent_arg);
    bool persistent = mt->persistent_default;
    if (arg != IR_NONE) {
        const struct ir_node *v = &a->tu->fns[f]->nodes[arg];
        if (!is_literal(v, IRF_BOOL_TRUE) && !is_literal(v, IRF_BOOL_FALSE))
            return IR_NONE; /* decided at run time */
        persistent = is_literal(v, IRF_BOOL_TRUE);
    }
    return persistent ? IR_NONE : t.at.node;
}

static void report_tape(struct rule_ctx *ctx, uint32_t f, ir_id g, ir_id tape, ir_id first, uint32_t loop)
{
    const struct ir_fn *fn = ctx->a->tu->fns[f];
    const struct ir_node *n = &fn->nodes[g];
    const char *msg;
    if (first != IR_NONE)
        msg = arena_printf(ctx->a->arena,
                 "`%s` is a second gradient computation on the non-persistent tape made at line %u (the first is at "
                 "line %u): the first one consumed the tape, so this one returns null gradients without an error",
                 rule_short_name(n->name), fn->nodes[tape].loc.line, fn->nodes[first].loc.line);
    else
        msg = arena_printf(ctx->a->arena,
                 "`%s` runs on every iteration of the loop at line %u, but its non-persistent tape is made once "
                 "before the loop (line %u): from the second iteration on it returns null gradients without an error",
                 rule_short_name(n->name), fn->ctrls[loop].loc.line, fn->nodes[tape].loc.line);
    struct diag_note notes[2] = {rule_note(ctx->a, (struct node_ref){f, tape}, "the tape is made here, not persistent")};
    size_t nn = 1;
    if (first != IR_NONE)
        notes[nn++] = rule_note(ctx->a, (struct node_ref){f, first}, "the first gradient computation consumes the tape here");
    diag_report(ctx->sink, ctx->rule, rule_table[ctx->rule].severity, fn->file, n->loc, n->end, msg, notes, nn);
}

static void check_tape(struct rule_ctx *ctx, uint32_t f, ir_id g)
{
    const struct ir_fn *fn = ctx->a->tu->fns[f];
    ir_id tape = nonpersistent_tape(ctx->a, f, g);
    if (tape == IR_NONE)
        return;
    for (ir_id first = 0; first < g; first++) {
        const struct ir_node *n = &fn->nodes[first];
        if (rule_gradient_target(n) == IR_NONE || n->op->tape_arg == ARG_NONE ||
            exclusive(fn, n->ctrl, fn->nodes[g].ctrl) || returns_between(fn, first, g) ||
            nonpersistent_tape(ctx->a, f, first) != tape)
            continue;
        report_tape(ctx, f, g, tape, first, 0);
        return;
    }
    uint32_t loop = graph_innermost_loop(fn, fn->nodes[g].ctrl);
    if (loop && !graph_ctrl_within(fn, fn->nodes[tape].ctrl, loop))
        report_tape(ctx, f, g, tape, IR_NONE, loop);
}

void rule_gl005(struct rule_ctx *ctx)
{
    const struct ir_tu *tu = ctx->a->tu;
    /* Reuse is claimed only when nothing between the two traversals can
     * rebuild the graph: a body that lost statements to a parse error
     * (ir_fn.partial) may have lost exactly that. */
    for (uint32_t f = 0; f < tu->nfns; f++)
        for (ir_id i = 0; i < tu->fns[f]->nnodes && !tu->fns[f]->partial; i++)
            if (rule_gradient_target(&tu->fns[f]->nodes[i]) == IR_NONE)
                continue;
            else if (tu->fns[f]->nodes[i].op->tape_arg != ARG_NONE)
                check_tape(ctx, f, i);
            else if (tu->fns[f]->nodes[i].op->frees_graph)
                check_call(ctx, f, i);
}
