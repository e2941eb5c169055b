/* GL003 host-branch-cuts-graph: on some host-decided path, the value that
 * reaches the gradient call does not depend on any trainable value.
 *
 * The loss is connected overall, but a join on its way (an if/else, `?:`,
 * switch) or a call to a function of the file with several returns has an
 * alternative that is a constant: a loss initialised with `zeros({})` and
 * only assigned inside an `if`, a warm-up branch choosing a constant, a
 * helper that returns early with a constant. For each such choice the rule
 * asks whether the loss would still reach a trainable value if the choice
 * took the constant; if not, that path calls backward() on a constant
 * (which throws) or steps with no gradient. Loop joins are not choices: a
 * loop accumulating `total = total + term` from zero is connected whenever
 * it runs. Values of unknown provenance count as connected. */
#include "../analysis/flow.h"
#include "../analysis/trained.h"
#include "common.h"
#include "terms.h"
#include "../util/str.h"
#include "../util/strbuf.h"
#include <stdio.h>
#include <string.h>

static bool carries(struct analysis *a, uint32_t f, const struct flow_fact *fact)
{
    if (fact->clean_trust || fact->norigins || fact->ncuts || fact->unidentified || fact->unknown)
        return true; /* an unknown value may carry one: never taken as a constant */
    for (int i = 0; i < FLOW_MAX_INPUTS; i++)
        if ((fact->clean_params & (1ULL << i)) && trained_input_trust(a, &rule_gradient_spec, f, i) != TRUST_NONE)
            return true;
    return false;
}

static bool definitely_trainable(struct analysis *a, uint32_t f, const struct flow_fact *fact)
{
    struct origin_set s = {0};
    trained_collect(a, &rule_gradient_spec, f, fact, &s);
    return s.best == TRUST_DEFINITE;
}

/* ---- naming the path ---- */

/* How deep a condition is spelled out in a message; deeper parts print as
 * "..." (text only: no finding depends on it). */
#define MAX_RENDER_DEPTH 2

/* Appends the condition `id` as the source spells it, so far as the IR
 * keeps it. */
static void render(const struct ir_fn *fn, ir_id id, struct strbuf *out, int depth)
{
    const struct ir_node *n = &fn->nodes[id];
    if (depth > MAX_RENDER_DEPTH || (!n->name && n->kind != IR_PHI)) {
        sb_add(out, "...");
        return;
    }
    const char *op_name = n->kind == IR_OP ? n->name : NULL;
    if (n->kind == IR_CALL && strncmp(rule_short_name(n->name), "operator", 8) == 0 && n->nops == 2)
        op_name = rule_short_name(n->name) + 8; /* `a == b` on a class type */
    if (op_name && n->nops == 2) {
        render(fn, n->ops[0], out, depth + 1);
        sb_printf(out, " %s ", op_name);
        render(fn, n->ops[1], out, depth + 1);
    } else if (n->kind == IR_OP && n->nops == 1) {
        sb_add(out, n->name);
        render(fn, n->ops[0], out, depth + 1);
    } else if ((n->kind == IR_VAR || n->kind == IR_PHI) && n->var > 0 && (uint32_t)n->var < fn->nvars) {
        sb_add(out, fn->vars[n->var].name);
    } else if (n->kind == IR_CALL) {
        sb_printf(out, "%s(...)", rule_short_name(n->name));
    } else {
        sb_add(out, n->name);
    }
}

/* The arm context directly under the join at `join_ctrl` that `ctrl` lies
 * in, or 0 when `ctrl` is outside every arm of it. */
static uint32_t arm_under(const struct ir_fn *fn, uint32_t ctrl, uint32_t join_ctrl)
{
    for (uint32_t c = ctrl, i = 0; c && i <= fn->nctrls; c = fn->ctrls[c].parent, i++)
        if (fn->ctrls[c].parent == join_ctrl && fn->ctrls[c].arm != ARM_LOOP)
            return c;
    return 0;
}

/* "when `step > 10` is false": the path on which the join takes operand k
 * (text in `ar`). */
static const char *describe_phi_path(struct arena *ar, const struct ir_fn *fn, ir_id phi, uint32_t k)
{
    const struct ir_node *p = &fn->nodes[phi];
    uint32_t arm = arm_under(fn, fn->nodes[p->ops[k]].ctrl, p->ctrl);
    bool negate = false;
    if (!arm) { /* the value from before the branch: the path through no assigning arm */
        for (uint32_t j = 0; j < p->nops && !arm; j++)
            arm = j == k ? 0 : arm_under(fn, fn->nodes[p->ops[j]].ctrl, p->ctrl);
        negate = true;
    }
    if (!arm)
        return arena_printf(ar, "on one of the paths joining at line %u", p->loc.line);
    const struct ir_ctrl *c = &fn->ctrls[arm];
    struct strbuf cond;
    sb_init(&cond);
    render(fn, c->cond, &cond, 0);
    const char *text;
    if (c->arm == ARM_THEN || c->arm == ARM_ELSE)
        text = arena_printf(ar, "when `%s` is %s", sb_str(&cond), (c->arm == ARM_THEN) != negate ? "true" : "false");
    else if (c->arm == ARM_CASE)
        text = arena_printf(ar, "%s the `switch (%s)` at line %u",
                            negate ? "when no case assigning it runs in" : "on a case of", sb_str(&cond), c->loc.line);
    else
        text = arena_printf(ar, "on one of the paths of the branch at line %u", c->loc.line);
    sb_free(&cond);
    return text;
}

/* A path on which a value is a constant: where it is decided, what it is. */
struct bad_path {
    uint32_t fn;        /* the function where the path is decided */
    uint32_t constant_fn;
    ir_id constant;     /* the node that made the constant, in constant_fn */
    struct ir_loc at, end;
    const char *text;   /* in the analysis arena */
    bool leaf;          /* the constant is a new leaf the optimizer does not train */
};

/* The node that made a constant value (through at most MAX_NOTE_STEPS
 * variable copies; it only places a note). */
#define MAX_NOTE_STEPS 16

static ir_id constant_origin(const struct ir_fn *fn, ir_id v)
{
    for (int i = 0; i < MAX_NOTE_STEPS && (fn->nodes[v].kind == IR_VAR || fn->nodes[v].kind == IR_PHI) && fn->nodes[v].nops == 1; i++)
        v = fn->nodes[v].ops[0];
    return v;
}

static void phi_witness(struct arena *ar, const struct ir_fn *fn, uint32_t f, ir_id phi, uint32_t k,
                        struct bad_path *out)
{
    const struct ir_node *p = &fn->nodes[phi];
    out->text = describe_phi_path(ar, fn, phi, k);
    uint32_t arm = arm_under(fn, fn->nodes[p->ops[k]].ctrl, p->ctrl);
    for (uint32_t j = 0; j < p->nops && !arm; j++)
        arm = arm_under(fn, fn->nodes[p->ops[j]].ctrl, p->ctrl);
    out->fn = out->constant_fn = f;
    out->constant = constant_origin(fn, p->ops[k]);
    out->at = out->end = p->loc;
    if (arm) {
        /* Point at the condition where it is written; a plain variable's node
         * sits at its declaration, so use the branch statement. */
        const struct ir_node *cond = &fn->nodes[fn->ctrls[arm].cond];
        bool in_place = cond->kind == IR_OP || cond->kind == IR_CALL;
        out->at = in_place ? cond->loc : fn->ctrls[arm].loc;
        out->end = in_place ? cond->end : out->at;
    }
}

static void prefix_text(struct arena *ar, struct bad_path *out, const char *callee)
{
    out->text = arena_printf(ar, "in `%s`, %s", callee, out->text ? out->text : "");
}

/* Memoised search, per function, for a combination of host choices on which
 * a value is a constant. Choices at different joins are taken as
 * independent (correlated conditions are not tracked). The recursion is
 * capped; past the cap a value counts as connected. */
struct search {
    struct analysis *a;
    uint8_t **memo; /* memo[fn][node]: 0 unknown, 1 busy, 2 connected, 3 can be constant */
    struct bad_path *witness;
    bool have_witness;
    int depth;
    uint32_t fn;                   /* the function of the gradient request */
    const struct origin_set *trained; /* what the optimizer stepping after it trains, or NULL */
    bool stepped;                  /* an optimizer steps after the request */
};

static bool is_node(void *ctx, const struct ir_fn *fn, ir_id node)
{
    (void)fn;
    return node == *(const ir_id *)ctx;
}

/* Does a call on an optimizer in `fn` (or the construction of one) take
 * the value made at `leaf`, or one built from it (`add_param_group`)? */
static bool given_to_an_optimizer(struct analysis *a, const struct ir_fn *fn, ir_id leaf)
{
    ir_id *roots = arena_alloc(a->arena, (fn->nnodes ? fn->nnodes : 1) * sizeof *roots);
    size_t n = 0;
    for (ir_id i = 0; i < fn->nnodes; i++) {
        const struct ir_node *c = &fn->nodes[i];
        ir_id recv = ir_call_receiver(c);
        if (c->kind == IR_CALL && (c->role == ROLE_OPTIMIZER || (recv != IR_NONE && fn->nodes[recv].role == ROLE_OPTIMIZER)))
            roots[n++] = i;
    }
    return ir_walk_finds(fn, roots, n, a->arena, is_node, NULL, &leaf);
}

/* A tensor made trainable right there (`torch::full({}, cap,
 * torch::requires_grad())`) that the optimizer stepping after the request
 * does not train: a path to it alone gives that optimizer nothing. Only
 * in the request's own function, with every trained object named or the
 * leaf given to no optimizer there; a zero made trainable
 * (`torch::zeros({}, requires_grad())` for an empty batch) skips the step
 * on purpose. */
static bool untrained_leaf(const struct search *s, uint32_t f, ir_id id)
{
    const struct ir_node *n = &s->a->tu->fns[f]->nodes[id];
    const struct flow_fact *fact = &flow_facts(s->a, &rule_gradient_spec, f, TRI_ON)[id];
    if (!s->stepped || f != s->fn || n->kind != IR_CALL || !n->op || !op_class_has(n->op->cls, OPF_TRAINABLE_BY_OPTION) ||
        n->op->fills_zero ||
        fact->norigins != 1 || fact->ncuts || fact->clean_params || fact->unknown || fact->unidentified)
        return false;
    /* Without every trained object named, a leaf made here is still none
     * of them unless this function hands it to an optimizer. */
    if (!s->trained)
        return !given_to_an_optimizer(s->a, s->a->tu->fns[f], id);
    for (uint32_t i = 0; i < s->trained->n; i++)
        if (s->trained->ids[i] == fact->origins[0])
            return false;
    return true;
}

/* A value that is a constant for the request: nothing trainable reaches
 * it, or only a new leaf the optimizer does not train. */
static bool constant_here(const struct search *s, uint32_t f, ir_id id)
{
    return !carries(s->a, f, &flow_facts(s->a, &rule_gradient_spec, f, TRI_ON)[id]) || untrained_leaf(s, f, id);
}

#define MAX_SEARCH_DEPTH 200

static bool can_be_constant(struct search *s, uint32_t f, ir_id id);

/* `return std::nullopt;` (or an optional made with nothing): a caller
 * that reads the value (`*fit`) cannot be on that path, since reading an
 * empty optional is undefined; it takes its own branch for the empty case. */
static bool empty_optional(const struct ir_fn *fn, ir_id v)
{
    const struct ir_node *n = &fn->nodes[v];
    if (n->kind != IR_CALL || !(n->flags & IRF_CTOR) || !n->name || !str_has_suffix(n->name, "::optional"))
        return false;
    if (n->nops == 0)
        return true;
    const struct ir_node *arg = &fn->nodes[n->ops[0]];
    return n->nops == 1 && arg->name && (arg->kind == IR_GLOBAL || arg->kind == IR_LITERAL) &&
           str_has_suffix(arg->name, "nullopt");
}

static bool call_can_be_constant(struct search *s, uint32_t f, ir_id call)
{
    const struct ir_node *c = &s->a->tu->fns[f]->nodes[call];
    uint32_t g = (uint32_t)c->callee;
    const struct ir_fn *callee = s->a->tu->fns[g];
    const struct flow_fact *cf = flow_facts(s->a, &rule_gradient_spec, g, TRI_ON);
    for (ir_id r = 0; r < callee->nnodes; r++) {
        const struct ir_node *ret = &callee->nodes[r];
        if (ret->kind != IR_RETURN || ret->nops == 0 || empty_optional(callee, ret->ops[0]))
            continue;
        bool plain = !carries(s->a, g, &cf[r]);
        if (!plain && !can_be_constant(s, g, r))
            continue;
        if (plain && !s->have_witness) {
            s->witness->text = arena_printf(s->a->arena, "when `%s` returns at %s", rule_short_name(callee->name),
                     rule_line_of(s->a, (struct node_ref){g, r}, s->a->tu->fns[f]->file));
            s->witness->fn = f, s->witness->constant_fn = g;
            s->witness->constant = constant_origin(callee, ret->ops[0]);
            s->witness->at = c->loc, s->witness->end = c->end;
            s->have_witness = true;
        } else if (!plain) {
            prefix_text(s->a->arena, s->witness, rule_short_name(callee->name));
        }
        return true;
    }
    return false;
}

static bool node_can_be_constant(struct search *s, uint32_t f, ir_id id)
{
    const struct ir_fn *fn = s->a->tu->fns[f];
    const struct flow_fact *facts = flow_facts(s->a, &rule_gradient_spec, f, TRI_ON);
    const struct ir_node *n = &fn->nodes[id];
    if (constant_here(s, f, id))
        return true;
    if (n->kind == IR_PHI && (n->flags & IRF_LOOP_PHI))
        return false;
    bool had_witness = s->have_witness;
    if (n->kind == IR_PHI) {
        for (uint32_t k = 0; k < n->nops; k++, s->have_witness = had_witness)
            if (can_be_constant(s, f, n->ops[k])) {
                if (!s->have_witness && constant_here(s, f, constant_origin(fn, n->ops[k]))) {
                    phi_witness(s->a->arena, fn, f, id, k, s->witness);
                    s->witness->leaf = untrained_leaf(s, f, constant_origin(fn, n->ops[k]));
                    s->have_witness = true;
                }
                return true;
            }
        return false;
    }
    /* A helper call classed by the op type passed to it is that op, not
     * its body's paths (which depend on the type it is given). */
    if (n->kind == IR_CALL && n->callee >= 0 && !(n->flags & IRF_CTOR) && !n->op_type)
        return call_can_be_constant(s, f, id);
    /* Any other value is a constant when everything flowing into it is. */
    bool any = false;
    for (uint32_t k = 0; k < n->nops; k++) {
        ir_id o = n->ops[k];
        if (o >= id || !carries(s->a, f, &facts[o]))
            continue;
        any = true;
        if (!can_be_constant(s, f, o)) {
            s->have_witness = had_witness; /* that witness was for a path that stays connected */
            return false;
        }
    }
    return any; /* carrying with nothing carrying in: it is a source */
}

static bool can_be_constant(struct search *s, uint32_t f, ir_id id)
{
    uint8_t *memo = s->memo[f];
    if (!memo)
        memo = s->memo[f] = arena_alloc(s->a->arena, s->a->tu->fns[f]->nnodes);
    if (memo[id] >= 2)
        return memo[id] == 3;
    if (memo[id] == 1 || s->depth >= MAX_SEARCH_DEPTH)
        return false;
    memo[id] = 1;
    s->depth++;
    bool r = node_can_be_constant(s, f, id);
    s->depth--;
    memo[id] = r ? 3 : 2;
    return r;
}

static void report(struct rule_ctx *ctx, uint32_t f, ir_id grad, const struct bad_path *path)
{
    struct analysis *a = ctx->a;
    const struct ir_node *g = &a->tu->fns[f]->nodes[grad];
    const char *where = rule_line_of(a, (struct node_ref){f, grad}, a->tu->fns[path->fn]->file);
    const char *msg = path->leaf
        ? arena_printf(a->arena,
                 "%s, the loss passed to `%s` at %s depends only on a new tensor made with requires_grad, which the optimizer "
                 "does not train: on that path the step leaves its variables unchanged",
                 path->text, rule_short_name(g->name), where)
        : arena_printf(a->arena,
                 "%s, the loss passed to `%s` at %s does not depend on any trainable value: the gradient "
                 "request fails on that path, or the step trains nothing",
                 path->text, rule_short_name(g->name), where);
    struct diag_note notes[2];
    size_t nn = 0;
    if (path->constant != IR_NONE)
        notes[nn++] = rule_note(a, (struct node_ref){path->constant_fn, path->constant}, "the constant on that path comes from here");
    notes[nn++] = rule_note(a, (struct node_ref){f, grad}, "gradients of the loss are requested here");
    diag_report(ctx->sink, ctx->rule, rule_table[ctx->rule].severity, a->tu->fns[path->fn]->file, path->at, path->end,
                msg, notes, nn);
}

static void check_gradient_call(struct rule_ctx *ctx, uint32_t f, ir_id grad, ir_id target)
{
    struct analysis *a = ctx->a;
    if (!definitely_trainable(a, f, &flow_facts(a, &rule_gradient_spec, f, TRI_ON)[target]))
        return; /* nothing trainable on any path: GL004's business */
    struct bad_path path = {0};
    struct origin_set trained = {0};
    bool stepped = terms_step_after(a->tu->fns[f], grad) != IR_NONE;
    bool named = stepped && terms_trained_after(a, f, grad, &trained) && !trained.unknown;
    struct search s = {a, arena_alloc(a->arena, a->tu->nfns * sizeof(uint8_t *)), &path, false, 0, f,
                       named ? &trained : NULL, stepped};
    if (can_be_constant(&s, f, target) && s.have_witness)
        report(ctx, f, grad, &path);
}

void rule_gl003(struct rule_ctx *ctx)
{
    const struct ir_tu *tu = ctx->a->tu;
    for (uint32_t f = 0; f < tu->nfns; f++)
        for (ir_id i = 0; i < tu->fns[f]->nnodes; i++) {
            ir_id target = rule_gradient_target(&tu->fns[f]->nodes[i]);
            if (target != IR_NONE)
                check_gradient_call(ctx, f, i, target);
        }
}
