/* trained: resolves flow facts to sets of trainable objects across call
 * sites (see trained.h). */
#include "trained.h"

#define MAX_RESOLVE_DEPTH 6

static void add_id(struct origin_set *s, uint32_t id)
{
    for (uint32_t i = 0; i < s->n; i++)
        if (s->ids[i] == id)
            return;
    if (s->n < ORIGIN_SET_MAX)
        s->ids[s->n++] = id;
    else
        s->open = true;
}

static void raise_trust(struct origin_set *s, enum trust t)
{
    if (t > s->best)
        s->best = t;
}

static void collect(struct analysis *a, const struct flow_spec *spec, uint32_t fn, const struct flow_fact *f,
                    struct origin_set *out, int depth);

/* Input `input` of `fn` as seen by every caller in the TU. */
static void collect_input(struct analysis *a, const struct flow_spec *spec, uint32_t fn, int input,
                          struct origin_set *out, int depth)
{
    bool called = false;
    /* A capture is bound where the lambda is made; only calls from that
     * function can pass later versions of the variable. */
    uint32_t parent = 0;
    ir_id bound = depth < MAX_RESOLVE_DEPTH ? ir_capture_binding(a->tu, fn, (uint32_t)input, &parent) : IR_NONE;
    if (bound != IR_NONE) {
        called = true;
        collect(a, spec, parent, &flow_facts(a, spec, parent, TRI_ON)[bound], out, depth + 1);
    }
    if (depth < MAX_RESOLVE_DEPTH)
        for (uint32_t g = 0; g < a->tu->nfns; g++) {
            const struct ir_fn *caller = a->tu->fns[g];
            if (bound != IR_NONE && g != parent)
                continue;
            for (ir_id c = 0; c < caller->nnodes; c++) {
                const struct ir_node *n = &caller->nodes[c];
                if (n->kind != IR_CALL || n->callee != (int32_t)fn)
                    continue;
                ir_id arg = flow_call_operand_for_input(a, n, fn, (uint32_t)input);
                if (arg == IR_NONE)
                    continue;
                called = true;
                collect(a, spec, g, &flow_facts(a, spec, g, TRI_ON)[arg], out, depth + 1);
            }
        }
    if (!called) {
        out->open = true;
        raise_trust(out, flow_input_trust(a, fn, input));
    }
}

static void collect(struct analysis *a, const struct flow_spec *spec, uint32_t fn, const struct flow_fact *f,
                    struct origin_set *out, int depth)
{
    raise_trust(out, (enum trust)f->clean_trust);
    out->open |= f->unidentified;
    out->unknown |= f->unknown;
    for (uint8_t i = 0; i < f->norigins; i++)
        add_id(out, f->origins[i]);
    uint64_t inputs = f->clean_params;
    for (uint8_t i = 0; i < f->ncuts; i++) {
        const struct cut_rec *r = &f->cuts[i];
        if (r->origin_param >= 0 && r->origin_param < FLOW_MAX_INPUTS)
            inputs |= 1ULL << r->origin_param;
        else if (r->origin)
            add_id(out, r->origin), raise_trust(out, TRUST_DEFINITE);
        else
            raise_trust(out, (enum trust)r->origin_trust), out->open |= r->origin_trust == TRUST_DEFINITE;
    }
    for (int i = 0; i < FLOW_MAX_INPUTS; i++)
        if (inputs & (1ULL << i))
            collect_input(a, spec, fn, i, out, depth);
}

void trained_collect(struct analysis *a, const struct flow_spec *spec, uint32_t fn, const struct flow_fact *f,
                     struct origin_set *out)
{
    collect(a, spec, fn, f, out, 0);
}

bool origin_sets_meet(const struct origin_set *x, const struct origin_set *y)
{
    for (uint32_t i = 0; i < x->n; i++)
        for (uint32_t j = 0; j < y->n; j++)
            if (x->ids[i] == y->ids[j])
                return true;
    return false;
}

enum trust trained_input_trust(struct analysis *a, const struct flow_spec *spec, uint32_t fn, int input)
{
    struct origin_set s = {0};
    collect_input(a, spec, fn, input, &s, 0);
    return s.best;
}
