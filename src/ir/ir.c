/* ir: accessors, the deterministic dump and the structural validator. */
#include "ir.h"
#include "../util/arena.h"
#include "../util/str.h"
#include <inttypes.h>
#include <string.h>

static const char *const kind_names[] = {
    [IR_PARAM] = "param", [IR_CAPTURE] = "capture", [IR_GLOBAL] = "global",
    [IR_LITERAL] = "literal", [IR_CALL] = "call", [IR_OP] = "op",
    [IR_MEMBER] = "member", [IR_VAR] = "var", [IR_PHI] = "phi",
    [IR_LAMBDA] = "lambda", [IR_UNKNOWN] = "unknown", [IR_MODE] = "mode",
    [IR_RETURN] = "return",
};

const char *ir_kind_name(enum ir_kind k) { return kind_names[k]; }

ir_id ir_call_receiver(const struct ir_node *call)
{
    return (call->flags & IRF_RECEIVER) && call->nops > 0 ? call->ops[0] : IR_NONE;
}

ir_id ir_call_arg(const struct ir_node *call, int i)
{
    uint32_t first = (call->flags & IRF_RECEIVER) ? 1 : 0;
    if (i < 0 || (uint32_t)i >= call->nargs || first + (uint32_t)i >= call->nops)
        return IR_NONE;
    return call->ops[first + (uint32_t)i];
}

ir_id ir_call_operand(const struct ir_node *call, int arg)
{
    return arg == ARG_RECEIVER ? ir_call_receiver(call) : ir_call_arg(call, arg);
}

ir_id ir_effect_call(const struct ir_fn *fn, ir_id effect)
{
    const struct ir_node *e = &fn->nodes[effect];
    if (e->kind != IR_OP || !(e->flags & IRF_CALL_EFFECT) || e->aux < 0 || (uint32_t)e->aux >= fn->nnodes)
        return IR_NONE;
    return (ir_id)e->aux;
}

bool ir_walk_finds(const struct ir_fn *fn, const ir_id *roots, size_t nroots, struct arena *a,
                   bool (*found)(void *ctx, const struct ir_fn *fn, ir_id node),
                   bool (*follow)(void *ctx, const struct ir_fn *fn, ir_id node, uint32_t k), void *ctx)
{
    uint8_t *seen = arena_alloc(a, fn->nnodes ? fn->nnodes : 1);
    ir_id *stack = arena_alloc(a, (fn->nnodes ? fn->nnodes : 1) * sizeof *stack);
    size_t n = 0;
    for (size_t i = 0; i < nroots; i++)
        if (roots[i] < fn->nnodes && !seen[roots[i]]) {
            seen[roots[i]] = 1;
            stack[n++] = roots[i];
        }
    while (n) {
        ir_id id = stack[--n];
        if (found(ctx, fn, id))
            return true;
        for (uint32_t k = 0; k < fn->nodes[id].nops; k++) {
            ir_id o = fn->nodes[id].ops[k];
            if (!seen[o] && (!follow || follow(ctx, fn, id, k))) {
                seen[o] = 1;
                stack[n++] = o;
            }
        }
    }
    return false;
}

bool ir_empties_container(const struct ir_node *n)
{
    return n->name && strncmp(n->name, "std::", 5) == 0 && str_has_suffix(n->name, "::clear");
}

int32_t ir_param_var(const struct ir_fn *fn, uint32_t input)
{
    if (input >= fn->nparams)
        return -1;
    /* The front end makes the parameters' variables before any in the
     * body, so a local that shadows one comes later. */
    for (uint32_t v = 0; v < fn->nvars; v++)
        if (fn->vars[v].name && strcmp(fn->vars[v].name, fn->inputs[input].name) == 0)
            return (int32_t)v;
    return -1;
}

static const char *role_name(uint8_t role)
{
    switch (role) {
    case ROLE_TENSOR: return " tensor";
    case ROLE_MODULE: return " module";
    case ROLE_OPTIMIZER: return " optimizer";
    case ROLE_RECORDING_GUARD: return " guard";
    case ROLE_CONTEXT: return " context";
    case ROLE_RECORDING_CONTEXT: return " recording-context";
    case ROLE_TAPE: return " tape";
    case ROLE_OUTPUT_VIEW: return " output-view";
    case ROLE_OPAQUE: return " opaque";
    case ROLE_OPTIONS: return " options";
    default: return "";
    }
}

static void dump_node(FILE *out, const struct ir_fn *fn, ir_id id)
{
    const struct ir_node *n = &fn->nodes[id];
    fprintf(out, "  %%%u = %s", id, ir_kind_name(n->kind));
    if (n->kind == IR_MODE) {
        static const char *const subs[] = {"entry", "set", "after-call"};
        static const char *const tri[] = {"off", "on", "unknown"};
        fprintf(out, " %s", subs[n->sub]);
        if (n->sub == MODE_SET)
            fprintf(out, " %s%s", tri[n->aux], (n->flags & IRF_GUARD) ? " guard" : "");
        if (n->sub == MODE_AFTER_CALL)
            fprintf(out, " %%%d", n->aux);
    }
    if (n->name)
        fprintf(out, " '%s'", n->name);
    if (n->kind == IR_VAR || n->kind == IR_PHI)
        fprintf(out, " v%d", n->var);
    if (n->kind == IR_PARAM || n->kind == IR_CAPTURE)
        fprintf(out, " #%d", n->aux);
    if (n->kind == IR_LAMBDA || ((n->flags & IRF_FNREF) && n->aux >= 0))
        fprintf(out, " fn%d", n->aux);
    if (n->kind == IR_CALL && n->callee >= 0)
        fprintf(out, " -> fn%d", n->callee);
    if (n->kind == IR_CALL && n->forward >= 0)
        fprintf(out, " forward=fn%d", n->forward);
    fputs(" (", out);
    for (uint32_t i = 0; i < n->nops; i++)
        fprintf(out, i ? ", %%%u" : "%%%u", n->ops[i]);
    fputc(')', out);
    if (n->flags & IRF_RECEIVER)
        fputs(" recv", out);
    if (n->flags & IRF_INPLACE)
        fputs(" inplace", out);
    if (n->flags & IRF_CTOR)
        fputs(" ctor", out);
    fputs(role_name(n->role), out);
    if (n->op)
        fprintf(out, " [%s]", n->op->name);
    if (n->op_type)
        fprintf(out, " type=%s", n->op_type);
    if (n->flags & IRF_ELEMENT)
        fprintf(out, " element=%d", n->aux);
    if (n->flags & IRF_CALL_EFFECT)
        fprintf(out, " effect-of=%%%d", n->aux);
    if (n->flags & IRF_UNRESOLVED)
        fputs(n->flags & IRF_LOST ? " unresolved lost" : " unresolved", out);
    if (n->flags & IRF_VIRTUAL)
        fputs(" virtual", out);
    if (n->flags & IRF_DISPATCHED)
        fputs(" dispatched", out);
    if ((n->flags & IRF_PART_WRITE) && n->aux >= 0)
        fprintf(out, " writes-element=%d", n->aux);
    else if (n->flags & IRF_PART_WRITE)
        fputs(" writes-pointee", out);
    if (n->mode != IR_NONE)
        fprintf(out, " mode=%%%u", n->mode);
    if (n->ctrl)
        fprintf(out, " ctrl=c%u", n->ctrl);
    fprintf(out, " @%u:%u\n", n->loc.line, n->loc.col);
}

void ir_dump_fn(FILE *out, const struct ir_fn *fn)
{
    fprintf(out, "fn%u %s%s @%u:%u inputs=%u%s\n", fn->index, fn->name,
            fn->is_lambda ? " (lambda)" : fn->is_method ? " (method)" : "", fn->loc.line,
            fn->loc.col, fn->ninputs, fn->partial ? " partial" : "");
    for (uint32_t c = 1; c < fn->nctrls; c++) {
        static const char *const arms[] = {"then", "else", "loop", "case", "catch"};
        fprintf(out, "  c%u: %s of %%%u parent=c%u @%u:%u\n", c, arms[fn->ctrls[c].arm],
                fn->ctrls[c].cond, fn->ctrls[c].parent, fn->ctrls[c].loc.line, fn->ctrls[c].loc.col);
    }
    for (ir_id i = 0; i < fn->nnodes; i++)
        dump_node(out, fn, i);
    fprintf(out, "  exit mode=%%%u\n", fn->exit_mode);
}

void ir_dump_tu(FILE *out, const struct ir_tu *tu)
{
    for (uint32_t i = 0; i < tu->nfns; i++)
        ir_dump_fn(out, tu->fns[i]);
}

bool ir_validate_fn(const struct ir_fn *fn, FILE *out)
{
    for (ir_id i = 0; i < fn->nnodes; i++) {
        const struct ir_node *n = &fn->nodes[i];
        for (uint32_t k = 0; k < n->nops; k++) {
            ir_id o = n->ops[k];
            bool back_edge = n->kind == IR_PHI && (n->flags & IRF_LOOP_PHI);
            if (o >= fn->nnodes || (o >= i && !back_edge)) {
                fprintf(out, "ir: %s: node %%%u operand %u refers to %%%u\n", fn->name, i, k, o);
                return false;
            }
        }
        if (n->mode != IR_NONE && (n->mode >= fn->nnodes ||
                                   (fn->nodes[n->mode].kind != IR_MODE && fn->nodes[n->mode].kind != IR_PHI))) {
            fprintf(out, "ir: %s: node %%%u has a mode that is not a mode version\n", fn->name, i);
            return false;
        }
        if (n->ctrl >= fn->nctrls) {
            fprintf(out, "ir: %s: node %%%u has control context c%u out of range\n", fn->name, i, n->ctrl);
            return false;
        }
        /* value phis of `?:` have no variable */
        bool value_phi = n->kind == IR_PHI && n->var == -1;
        if ((n->kind == IR_VAR || n->kind == IR_PHI) && !value_phi && (n->var < 0 || (uint32_t)n->var >= fn->nvars)) {
            fprintf(out, "ir: %s: node %%%u names variable %d out of range\n", fn->name, i, n->var);
            return false;
        }
    }
    return true;
}

ir_id ir_capture_binding(const struct ir_tu *tu, uint32_t fn, uint32_t input, uint32_t *parent)
{
    const struct ir_fn *f = tu->fns[fn];
    if (!f->is_lambda || f->parent < 0 || (uint32_t)f->parent >= tu->nfns || input < f->nparams ||
        input >= f->ninputs)
        return IR_NONE;
    const struct ir_fn *p = tu->fns[f->parent];
    for (ir_id i = 0; i < p->nnodes; i++) {
        const struct ir_node *n = &p->nodes[i];
        if (n->kind == IR_LAMBDA && n->aux == (int32_t)fn && input - f->nparams < n->nops) {
            *parent = (uint32_t)f->parent;
            return n->ops[input - f->nparams];
        }
    }
    return IR_NONE;
}

int ir_aggregate_first_element(const struct ir_node *n)
{
    if (n->kind == IR_UNKNOWN && (n->flags & IRF_BRACED))
        return 0;
    if (n->kind != IR_CALL || !n->name || strncmp(n->name, "std::", 5) != 0)
        return -1;
    const char *last = strrchr(n->name, ':');
    last = last ? last + 1 : n->name;
    static const char *const builders[] = {"make_tuple", "make_pair", "forward_as_tuple", "tie", "tuple", "pair"};
    for (size_t i = 0; i < sizeof builders / sizeof *builders; i++)
        if (strcmp(last, builders[i]) == 0)
            return (n->flags & IRF_RECEIVER) ? 1 : 0;
    return -1;
}

/* Phis followed at once while looking for an element's source. */
#define ELEMENT_MAX_PHIS 4

/* Where a search for an element ends: at the value put there (SOURCE), at
 * a value that is not built in sight (STOP: a call's result, a function
 * input), back at a join being followed (CYCLE: a loop's back edge that
 * leaves the element as it was), or nowhere definite (FAIL). */
enum element_end { ELEMENT_SOURCE, ELEMENT_STOP, ELEMENT_CYCLE, ELEMENT_FAIL };

struct element_result {
    enum element_end end;
    ir_id node;
};

static struct element_result element_join(struct element_result acc, struct element_result r)
{
    if (r.end == ELEMENT_CYCLE)
        return acc;
    if (acc.end == ELEMENT_CYCLE)
        return r;
    if (acc.end == ELEMENT_FAIL || r.end == ELEMENT_FAIL || acc.end != r.end || acc.node != r.node)
        return (struct element_result){ELEMENT_FAIL, IR_NONE};
    return acc;
}

static struct element_result element_at(const struct ir_fn *fn, ir_id v, uint32_t index, const struct ir_element_hook *hook,
                                        const ir_id *open, int nopen)
{
    for (int step = 0; step < 64 && v < fn->nnodes; step++) {
        const struct ir_node *n = &fn->nodes[v];
        if (n->kind == IR_VAR && n->nops == 1) {
            v = n->ops[0];
            continue;
        }
        if (n->kind == IR_VAR && (n->flags & IRF_PART_WRITE) && n->nops == 2) {
            if (n->aux >= 0 && (uint32_t)n->aux == index)
                return (struct element_result){ELEMENT_SOURCE, n->ops[1]};
            v = n->ops[0];
            continue;
        }
        if (n->kind == IR_VAR && n->nops == 2 && hook && hook->keeps_fields(hook->ctx, fn, v)) {
            v = n->ops[0];
            continue;
        }
        if (n->kind == IR_PHI) {
            /* The element is known at a join when every way in leads to
             * the same value. */
            for (int i = 0; i < nopen; i++)
                if (open[i] == v)
                    return (struct element_result){ELEMENT_CYCLE, IR_NONE};
            if (nopen >= ELEMENT_MAX_PHIS)
                return (struct element_result){ELEMENT_FAIL, IR_NONE};
            ir_id stack[ELEMENT_MAX_PHIS];
            for (int i = 0; i < nopen; i++)
                stack[i] = open[i];
            stack[nopen] = v;
            struct element_result acc = {ELEMENT_CYCLE, IR_NONE};
            for (uint32_t k = 0; k < n->nops && acc.end != ELEMENT_FAIL; k++)
                acc = element_join(acc, element_at(fn, n->ops[k], index, hook, stack, nopen + 1));
            return acc;
        }
        int first = ir_aggregate_first_element(n);
        if (first >= 0 && (uint32_t)first + index < n->nops)
            return (struct element_result){ELEMENT_SOURCE, n->ops[(uint32_t)first + index]};
        if (first >= 0 || n->kind == IR_VAR)
            return (struct element_result){ELEMENT_FAIL, IR_NONE};
        return (struct element_result){ELEMENT_STOP, v};
    }
    return (struct element_result){ELEMENT_FAIL, IR_NONE};
}

ir_id ir_element_trace(const struct ir_fn *fn, ir_id v, uint32_t index, const struct ir_element_hook *hook, ir_id *stop)
{
    struct element_result r = element_at(fn, v, index, hook, NULL, 0);
    if (stop)
        *stop = r.end == ELEMENT_STOP ? r.node : IR_NONE;
    return r.end == ELEMENT_SOURCE ? r.node : IR_NONE;
}

ir_id ir_element_source(const struct ir_fn *fn, ir_id v, uint32_t index)
{
    return ir_element_trace(fn, v, index, NULL, NULL);
}

static bool built_on_unresolved(const struct ir_fn *fn, const struct ir_node *n)
{
    for (uint32_t k = 0; k < n->nops; k++)
        if (fn->nodes[n->ops[k]].flags & IRF_UNRESOLVED)
            return true;
    return false;
}

unsigned ir_count_unresolved(const struct ir_tu *tu)
{
    unsigned count = 0;
    for (uint32_t f = 0; f < tu->nfns; f++)
        for (ir_id i = 0; i < tu->fns[f]->nnodes; i++) {
            const struct ir_node *n = &tu->fns[f]->nodes[i];
            if ((n->flags & IRF_UNRESOLVED) && !built_on_unresolved(tu->fns[f], n))
                count++;
        }
    return count;
}
