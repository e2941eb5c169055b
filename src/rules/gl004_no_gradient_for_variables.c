/* GL004 no-gradient-for-variables: the variables gradients are requested
 * for are not reached from the loss at all. Three shapes:
 *  - an optimizer steps after a gradient call, but no loss differentiated
 *    before the step in that function reaches any of the objects the
 *    optimizer was built with (it trains one module, the loss uses another);
 *  - an input of `torch::autograd::grad` that the output does not use
 *    (the call throws unless `allow_unused` is true);
 *  - a loss that no trainable value reaches on any path, cut or not
 *    (weights made without requires_grad, here or in a caller), unless the
 *    model says any value upstream of the loss may be a source
 *    (`sources_any_upstream`, graph-mode gradients): then only a listed
 *    source the loss does not reach through ops with a gradient counts.
 * Objects are compared by identity across call sites (analysis/trained.h);
 * a set that cannot be closed (an input nobody in the file passes) is never
 * called disjoint. Losses that GL001-GL003 explain still reach their
 * variables through a cut, so they are not reported here. */
#include "../analysis/elements.h"
#include "../analysis/flow.h"
#include "../analysis/graph.h"
#include "../analysis/objects.h"
#include "../analysis/watches.h"
#include "../analysis/trained.h"
#include "common.h"
#include <stdio.h>
#include <string.h>

static const char *value_name(const struct ir_fn *fn, ir_id id)
{
    const struct ir_node *n = &fn->nodes[id];
    bool named = n->kind == IR_VAR || n->kind == IR_PHI || n->kind == IR_PARAM || n->kind == IR_CAPTURE;
    return named && n->name ? n->name : NULL;
}

static void collect_value(struct analysis *a, uint32_t f, ir_id v, struct origin_set *out)
{
    const struct flow_fact *facts = flow_facts(a, &rule_gradient_spec, f, TRI_ON);
    trained_collect(a, &rule_gradient_spec, f, &facts[v], out);
}

/* Everything reached from the losses differentiated before `before` in `f`;
 * returns the last such gradient call, or IR_NONE. */
static ir_id losses_before(struct analysis *a, uint32_t f, ir_id before, struct origin_set *out)
{
    const struct ir_fn *fn = a->tu->fns[f];
    ir_id last = IR_NONE;
    for (ir_id i = 0; i < before; i++) {
        ir_id target = rule_gradient_target(&fn->nodes[i]);
        if (target == IR_NONE)
            continue;
        collect_value(a, f, target, out);
        last = i;
    }
    return last;
}

static void report_step(struct rule_ctx *ctx, uint32_t f, ir_id grad, ir_id step, const struct origin_set *trained)
{
    struct analysis *a = ctx->a;
    const struct ir_fn *fn = a->tu->fns[f];
    const struct ir_node *g = &fn->nodes[grad], *s = &fn->nodes[step];
    const char *opt = value_name(fn, ir_call_receiver(s));
    const char *first = flow_origin_name(a, trained->ids[0]);
    const char *msg = arena_printf(a->arena,
             "the loss differentiated by `%s` does not depend on `%s`%s, the variables %s%s%s updates at "
             "line %u; they get no gradient and the step leaves them unchanged",
             rule_short_name(g->name), first, trained->n > 1 ? " (or the others it trains)" : "",
             opt ? "`" : "the optimizer", opt ? opt : "", opt ? "`" : "", s->loc.line);
    struct diag_note notes[2] = {
        rule_note(a, (struct node_ref){f, step}, "the optimizer applies the gradients here"),
        rule_note(a, flow_origin_at(a, trained->ids[0]),
                  arena_printf(a->arena, "`%s` is the trained object the loss never reaches", first)),
    };
    diag_report(ctx->sink, ctx->rule, rule_table[ctx->rule].severity, fn->file, g->loc, g->end, msg, notes, 2);
}

static void check_step(struct rule_ctx *ctx, uint32_t f, ir_id step)
{
    struct analysis *a = ctx->a;
    ir_id recv = ir_call_receiver(&a->tu->fns[f]->nodes[step]);
    if (recv == IR_NONE)
        return;
    struct origin_set trained = {0}, reached = {0};
    collect_value(a, f, recv, &trained);
    ir_id grad = losses_before(a, f, step, &reached);
    if (grad == IR_NONE || trained.n == 0 || trained.open || reached.open || trained.unknown || reached.unknown)
        return;
    if (reached.n == 0 && reached.best == TRUST_NONE)
        return; /* the loss reaches nothing at all: reported at the gradient call */
    if (!origin_sets_meet(&trained, &reached))
        report_step(ctx, f, grad, step, &trained);
}

static bool literal_true(const struct ir_fn *fn, ir_id v)
{
    return v != IR_NONE && fn->nodes[v].kind == IR_LITERAL && (fn->nodes[v].flags & IRF_BOOL_TRUE);
}

/* Why an input gets no gradient: not used by the outputs (and trainable),
 * never watched or made trainable, not used whatever it is, or (any value
 * upstream may be a source) not reached through ops with a gradient. */
enum unused_kind { UNUSED_TRAINABLE, UNWATCHED, UNUSED_ANY, UNREACHED, NO_GRAD_NEEDED };

static void report_unused_input(struct rule_ctx *ctx, uint32_t f, ir_id call, ir_id input, enum unused_kind kind,
                                const struct watch_list *watches)
{
    bool unwatched = kind == UNWATCHED;
    const struct ir_fn *fn = ctx->a->tu->fns[f];
    const struct ir_node *c = &fn->nodes[call];
    const char *name = rule_value_name(fn, &fn->nodes[input]);
    if (strcmp(name, "...") == 0)
        name = NULL;
    const char *error = unwatched ? c->op->untrainable_source_error : c->op->unused_source_error;
    /* The framework's words for the failure come from its model; without
     * them the message says what happens in neutral terms. */
    if (!error)
        error = "it gets no gradient";
    if (kind == UNUSED_ANY)
        error = c->op->unused_any_source_error ? c->op->unused_any_source_error
                                               : "it gets no gradient, whether it is trainable or not";
    if (kind == NO_GRAD_NEEDED)
        error = c->op->untrainable_source_error;
    const char *why = unwatched                ? "was never watched or made trainable"
                      : kind == UNREACHED      ? "is not upstream of the outputs through ops with a gradient"
                      : kind == NO_GRAD_NEEDED ? "does not require grad: no trainable value reaches it through "
                                                 "ops that were recorded and have a gradient"
                                               : "is not used by the outputs";
    /* The walk also stops at ops with no gradient: say what happens then. */
    const char *cut = kind == UNREACHED && c->op->unused_source_error
                          ? " when it is not upstream at all; through ops with no gradient it gets a null gradient "
                            "or the call fails"
                          : "";
    const char *msg = arena_printf(ctx->a->arena, "input %s%s%s of `%s` %s: %s%s", name ? "`" : "", name ? name : "",
             name ? "`" : "", rule_short_name(c->name), why, error, cut);
    struct diag_note notes[1 + WATCHES_MAX_NOTES];
    size_t nn = 0;
    notes[nn++] = rule_note(ctx->a, (struct node_ref){f, input}, "the unused input is defined here");
    for (int i = 0; watches && i < watches->n; i++)
        notes[nn++] = rule_note(ctx->a, watches->at[i], "the tape watches this value instead");
    diag_report(ctx->sink, ctx->rule, rule_table[ctx->rule].severity, fn->file, c->loc, c->end, msg, notes, nn);
}

/* The gradient request uses a tape made in `f`: only this function can
 * have watched anything on it, so an input of `f` that `f` did not watch
 * was not watched, whatever the callers pass. */
static bool tape_made_here(struct analysis *a, uint32_t f, const struct ir_node *c)
{
    if (c->op->tape_arg == ARG_NONE)
        return false;
    struct object_ref t = objects_trace(a, f, ir_call_operand(c, c->op->tape_arg), ROLE_TAPE, ROLE_NONE);
    return t.answer == OBJ_FOUND && t.constructed && t.at.fn == f;
}

/* A watch in a helper of the file (`WatchAll(&tape, w)`) does not make the
 * caller's value trainable in the flow facts; ask the tape's watch calls. */
static bool watched_elsewhere(struct analysis *a, uint32_t f, const struct ir_node *c, ir_id input,
                              struct watch_list *watches)
{
    if (c->op->tape_arg == ARG_NONE)
        return false;
    return watches_of(a, f, ir_call_operand(c, c->op->tape_arg), input, watches) != WATCH_NO;
}

/* The one value a braced initialiser wraps when every other operand is a
 * literal (a `TF_Output` written `{op, 0}`), or IR_NONE. */
static ir_id braced_single_value(const struct ir_fn *fn, const struct ir_node *p)
{
    if (p->kind != IR_UNKNOWN || !(p->flags & IRF_BRACED))
        return IR_NONE;
    ir_id value = IR_NONE;
    for (uint32_t k = 0; k < p->nops; k++) {
        if (fn->nodes[p->ops[k]].kind == IR_LITERAL)
            continue;
        if (value != IR_NONE)
            return IR_NONE;
        value = p->ops[k];
    }
    return value;
}

/* Does the graph behind `target` use the value `input` (any version of its
 * variable, or the same function input)? The walk is autograd's (graph.h):
 * it stops where the graph stops (detach, no_grad updates, the gradient
 * call itself). An expression the IR does not model that may be a tensor
 * could use anything, so it counts as a use. */
/* Parts and braced handles followed from a listed input to its object;
 * past the cap the input counts as used (no claim is made). */
#define MAX_PART_STEPS 16

/* The object a library accessor reads `n` from (`net->parameters()[i]`,
 * `params.at(0)`, a variable holding one), or IR_NONE: a call on a
 * receiver that the model does not class and the file does not define is
 * an access into that object, not a new value. */
static ir_id accessed_object(const struct ir_fn *fn, const struct ir_node *n)
{
    if (n->kind == IR_VAR && n->nops == 1)
        n = &fn->nodes[n->ops[0]];
    bool accessor = n->kind == IR_CALL && (n->flags & IRF_RECEIVER) && !n->op && n->callee < 0 &&
                    !(n->flags & IRF_CTOR) && n->nops > 0;
    return accessor ? n->ops[0] : IR_NONE;
}

/* The object `n` is a part of, or IR_NONE: what a library accessor reads
 * it from, the object of a member or element (`layer->weight`,
 * `heads.cls`), the holder behind a module's `operator->`. */
static ir_id containing_object(const struct ir_fn *fn, const struct ir_node *n)
{
    ir_id accessed = accessed_object(fn, n);
    if (accessed != IR_NONE)
        return accessed;
    bool part = n->kind == IR_MEMBER || (n->flags & IRF_ELEMENT) ||
                (n->kind == IR_CALL && (n->flags & IRF_RECEIVER) && n->role == ROLE_MODULE);
    return part && n->nops > 0 ? n->ops[0] : IR_NONE;
}

/* The input itself and the values it was made from, through the versions
 * before it (a loop's phi, a weak update after a module call, back to the
 * parameter it started as) and the objects it is a part of
 * (`net->parameters()[i]` is part of `net`): the outputs may have read the
 * input through any of them. */
static bool *earlier_versions(struct analysis *a, const struct ir_fn *fn, ir_id from)
{
    bool *mark = arena_alloc(a->arena, fn->nnodes ? fn->nnodes : 1);
    ir_id *stack = arena_alloc(a->arena, (fn->nnodes ? fn->nnodes : 1) * sizeof *stack);
    size_t n = 0;
    stack[n++] = from;
    mark[from] = true;
    while (n) {
        const struct ir_node *v = &fn->nodes[stack[--n]];
        ir_id object = containing_object(fn, v);
        if (object != IR_NONE && !mark[object]) {
            mark[object] = true;
            stack[n++] = object;
        }
        if (v->kind != IR_VAR && v->kind != IR_PHI)
            continue;
        for (uint32_t k = 0; k < v->nops; k++)
            if (!mark[v->ops[k]]) {
                mark[v->ops[k]] = true;
                stack[n++] = v->ops[k];
            }
    }
    return mark;
}

/* Is call `n` made on one of the versions `earlier` marks (through the
 * holder's `operator->`)? A module called on the outputs' path may use any
 * of its parameters, whatever the summary of its `forward` kept. */
static bool called_on(const struct ir_fn *fn, const struct ir_node *n, const bool *earlier)
{
    if (n->kind != IR_CALL || !(n->flags & IRF_RECEIVER) || n->nops == 0)
        return false;
    ir_id r = n->ops[0];
    for (int hops = 0; hops < MAX_PART_STEPS && fn->nodes[r].kind == IR_CALL && (fn->nodes[r].flags & IRF_RECEIVER) &&
                       fn->nodes[r].role == ROLE_MODULE && fn->nodes[r].nops > 0;
         hops++)
        r = fn->nodes[r].ops[0];
    return earlier[r];
}

static bool reads_value(struct analysis *a, uint32_t f, ir_id target, ir_id input)
{
    const struct ir_fn *fn = a->tu->fns[f];
    /* A part of an object (`layer->weight`, `net->parameters()[i]`) is used
     * wherever the object is; a braced handle to one value (`{op, 0}`)
     * wherever that value is. */
    for (int step = 0;; step++) {
        if (step >= MAX_PART_STEPS)
            return true;
        const struct ir_node *p = &fn->nodes[input];
        ir_id whole = braced_single_value(fn, p);
        if (whole == IR_NONE)
            whole = containing_object(fn, p);
        if (whole == IR_NONE)
            break;
        input = whole;
    }
    const struct ir_node *in = &fn->nodes[input];
    int32_t var = (in->kind == IR_VAR || in->kind == IR_PHI) && in->var > 0 ? in->var : -1;
    bool is_input = in->kind == IR_PARAM || in->kind == IR_CAPTURE;
    if (var < 0 && !is_input)
        return true; /* not a named value: do not claim it is unused */
    struct graph_walk w;
    graph_walk(&w, a, &rule_gradient_spec, f, target, 0);
    bool *earlier = earlier_versions(a, fn, input);
    for (ir_id id = 0; id < fn->nnodes; id++) {
        if (!w.seen[id])
            continue;
        const struct ir_node *node = &fn->nodes[id];
        bool same_var = var > 0 && node->var == var && (node->kind == IR_VAR || node->kind == IR_PHI);
        if (earlier[id] || called_on(fn, node, earlier) || same_var ||
            (is_input && node->kind == in->kind && node->aux == in->aux) ||
            (node->kind == IR_UNKNOWN && node->nops == 0 && node->role == ROLE_TENSOR))
            return true;
        /* An output that came in from the caller has a history this
         * function does not see: it may have read the input there. So may
         * one of a type the model does not class (a template's `const
         * Logits&`), unless it is a number. */
        if ((node->kind == IR_PARAM || node->kind == IR_CAPTURE) &&
            (node->role == ROLE_TENSOR || (node->role == ROLE_NONE && !node->type_is_scalar)))
            return true;
    }
    return false;
}

/* Inputs listed in braces that the outputs never read: a request that
 * frees its graph (LibTorch's grad()) throws for them whether they are
 * trainable or not, and a request whose sources may be any upstream value
 * fails or returns nothing for them, so nothing needs to be known about
 * them. (Not for tape sources, nor for graph-mode requests that keep the
 * graph.) Marks them in `done`. */
static void check_unread_inputs(struct rule_ctx *ctx, uint32_t f, ir_id call, ir_id target,
                                const struct element_list *list, bool *done)
{
    const struct ir_fn *fn = ctx->a->tu->fns[f];
    const struct ir_node *c = &fn->nodes[call];
    bool any = c->op->sources_any_upstream;
    if (!any && (!c->op->frees_graph || c->op->sources_must_be_trainable))
        return;
    for (uint32_t k = 0; k < list->n; k++) {
        struct origin_set wanted = {0};
        collect_value(ctx->a, f, list->v[k], &wanted);
        /* A trainable source of such a request is left to the comparison of
         * origins in check_grad_inputs, and a cut before it to GL002. */
        if (any && (wanted.n || wanted.open || wanted.best != TRUST_NONE))
            continue;
        if (!reads_value(ctx->a, f, target, list->v[k])) {
            bool trainable = wanted.best == TRUST_DEFINITE && !wanted.open;
            enum unused_kind kind = any ? UNREACHED : trainable ? UNUSED_TRAINABLE : UNUSED_ANY;
            report_unused_input(ctx, f, call, list->v[k], kind, NULL);
            done[k] = true;
        }
    }
}

/* Callers followed up from a function whose input may require grad. */
#define MAX_CALLER_DEPTH 3

static bool input_may_require_grad(struct analysis *a, const struct flow_spec *spec, uint32_t f, uint32_t input,
                                   int depth);

/* May a trainable value reach the value whose facts are `fact` (in `f`,
 * under `spec`) on an uncut path? Unknown is yes. */
static bool may_require_grad(struct analysis *a, const struct flow_spec *spec, uint32_t f,
                             const struct flow_fact *fact, int depth)
{
    if (fact->unknown || fact->unidentified || fact->lost || fact->clean_trust || fact->norigins)
        return true;
    for (uint32_t i = 0; i < FLOW_MAX_INPUTS; i++)
        if ((fact->clean_params & (1ULL << i)) && input_may_require_grad(a, spec, f, i, depth + 1))
            return true;
    return false;
}

struct caller_arg_ctx {
    struct analysis *a;
    const struct flow_spec *spec;
    uint32_t f, input;
    int depth;
};

/* One call passes input `input` a value nothing trainable reaches. */
static bool arg_cannot_require_grad(void *ctx, uint32_t g, const struct ir_node *call)
{
    struct caller_arg_ctx *c = ctx;
    ir_id arg = flow_call_operand_for_input(c->a, call, c->f, c->input);
    return arg != IR_NONE && !may_require_grad(c->a, c->spec, g, &flow_facts(c->a, c->spec, g, TRI_ON)[arg], c->depth);
}

/* Input `input` of `f`, as every call of it in the file passes it. A
 * function whose callers are out of sight (flow_every_call): yes. */
static bool input_may_require_grad(struct analysis *a, const struct flow_spec *spec, uint32_t f, uint32_t input,
                                   int depth)
{
    if (depth > MAX_CALLER_DEPTH || input >= a->tu->fns[f]->nparams)
        return true;
    struct caller_arg_ctx ctx = {a, spec, f, input, depth};
    return !flow_every_call(a, f, arg_cannot_require_grad, &ctx);
}

static bool call_effect(void *ctx, const struct ir_fn *fn, ir_id node)
{
    (void)ctx;
    return fn->nodes[node].kind == IR_OP && (fn->nodes[node].flags & IRF_CALL_EFFECT);
}

/* Did a call write into `v` or a value it is made from, through a
 * reference (an effect op)? A helper that calls `x.requires_grad_()` on
 * its argument changes what x requires. */
static bool written_by_a_call(const struct ir_fn *fn, ir_id v, struct arena *ar)
{
    return ir_walk_finds(fn, &v, 1, ar, call_effect, NULL, NULL);
}

/* Is it known that `v` does not require grad where the call runs: under
 * one of the specs (recording off, no gradient) nothing trainable reaches
 * it on an uncut path, with every input of it known? */
static bool known_not_to_require_grad(struct analysis *a, uint32_t f, ir_id v)
{
    if (written_by_a_call(a->tu->fns[f], v, a->arena))
        return false;
    const struct flow_spec *specs[2] = {&rule_recording_spec, &rule_gradient_spec};
    for (int s = 0; s < 2; s++) {
        const struct flow_fact *fact = &flow_facts(a, specs[s], f, TRI_ON)[v];
        if (fact->unknown || fact->unidentified || fact->lost)
            return false;
    }
    for (int s = 0; s < 2; s++)
        if (!may_require_grad(a, specs[s], f, &flow_facts(a, specs[s], f, TRI_ON)[v], 0))
            return true;
    return false;
}

/* `grad(outputs, inputs)`: every input must be reached from the outputs. */
static void check_grad_inputs(struct rule_ctx *ctx, uint32_t f, ir_id call, ir_id target)
{
    struct analysis *a = ctx->a;
    const struct ir_fn *fn = a->tu->fns[f];
    const struct ir_node *c = &fn->nodes[call];
    ir_id sources = ir_call_operand(c, c->op->sources_arg);
    if (sources == IR_NONE || literal_true(fn, ir_call_operand(c, c->op->allow_unused_arg)))
        return;
    bool done[ELEMENTS_MAX] = {false};
    /* A list built here (`{w1, w2}`, a vector made from one or filled in
     * a loop) is checked element by element. */
    struct element_list list;
    bool braced = elements_of(fn, sources, &list) && !list.open && list.n > 0;
    if (braced)
        check_unread_inputs(ctx, f, call, target, &list, done);
    struct origin_set reached = {0};
    collect_value(a, f, target, &reached);
    bool local_tape = tape_made_here(a, f, c);
    if ((reached.open && !local_tape) || reached.unknown)
        return;
    for (uint32_t k = 0; k < (braced ? list.n : 1); k++) {
        if (braced && done[k])
            continue;
        ir_id input = braced ? list.v[k] : sources;
        struct origin_set wanted = {0};
        collect_value(a, f, input, &wanted);
        if (wanted.unknown)
            continue;
        struct watch_list watches = {0};
        if (wanted.n > 0 && !wanted.open && !reached.open && !origin_sets_meet(&wanted, &reached))
            report_unused_input(ctx, f, call, input, UNUSED_TRAINABLE, NULL);
        else if (c->op->sources_must_be_trainable && braced && wanted.n == 0 && (!wanted.open || local_tape) &&
                 wanted.best != TRUST_DEFINITE && !watched_elsewhere(a, f, c, input, &watches))
            report_unused_input(ctx, f, call, input, UNWATCHED, &watches);
        else if (c->op->sources_must_require_grad && braced && c->op->untrainable_source_error &&
                 known_not_to_require_grad(a, f, input))
            report_unused_input(ctx, f, call, input, NO_GRAD_NEEDED, NULL);
    }
}

/* A loss that nothing trainable reaches, on any path: backward() throws.
 * Every claim of this rule is one of absence, so none is made about a value
 * with an unknown input (trained.h). Not a finding either when any
 * upstream value may be a source (a gradient with respect to an input is
 * fine): check_grad_inputs checks the sources. */
static void check_reaches_nothing(struct rule_ctx *ctx, uint32_t f, ir_id call, ir_id target)
{
    if (ctx->a->tu->fns[f]->nodes[call].op->sources_any_upstream)
        return;
    struct origin_set reached = {0};
    collect_value(ctx->a, f, target, &reached);
    if (reached.n || reached.open || reached.unknown || reached.best != TRUST_NONE)
        return;
    const struct ir_fn *fn = ctx->a->tu->fns[f];
    const struct ir_node *c = &fn->nodes[call];
    const char *error = c->op->no_trainable_error
                            ? c->op->no_trainable_error
                            : "nothing it is computed from is trainable, so it has no gradient to give";
    const char *msg = arena_printf(ctx->a->arena, "no trainable value reaches the loss passed to `%s`: %s",
                                   rule_short_name(c->name), error);
    diag_report(ctx->sink, ctx->rule, rule_table[ctx->rule].severity, fn->file, c->loc, c->end, msg, NULL, 0);
}

void rule_gl004(struct rule_ctx *ctx)
{
    const struct ir_tu *tu = ctx->a->tu;
    for (uint32_t f = 0; f < tu->nfns; f++)
        for (ir_id i = 0; i < tu->fns[f]->nnodes; i++) {
            const struct ir_node *n = &tu->fns[f]->nodes[i];
            if (n->kind == IR_CALL && n->op && n->op->cls == OP_OPTIMIZER_STEP)
                check_step(ctx, f, i);
            ir_id target = rule_gradient_target(n);
            if (target == IR_NONE)
                continue;
            check_reaches_nothing(ctx, f, i, target);
            check_grad_inputs(ctx, f, i, target);
        }
}
