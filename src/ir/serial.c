/* ir/serial: encoding and decoding a TU's IR (see serial.h). */
#include "serial.h"
#include "../util/bytes.h"
#include "../util/hashmap.h"
#include "../util/vec.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SERIAL_MAGIC 0x74666972u /* "tfir" */
#define STR_NULL 0u              /* string tags: absent, new text, earlier text */
#define STR_NEW 1u
#define STR_REF 2u

struct writer {
    struct strbuf *b;
    struct strmap seen; /* text -> index + 1 */
    uint32_t nstr;
};

static void put(struct writer *w, const void *p, size_t n) { bytes_put(w->b, p, n); } /* n == 0: p may be NULL */
static void put_u32(struct writer *w, uint32_t v) { bytes_put_u32(w->b, v); }
static void put_u64(struct writer *w, uint64_t v) { bytes_put_u64(w->b, v); }
static void put_loc(struct writer *w, struct ir_loc l)
{
    put_u32(w, l.line);
    put_u32(w, l.col);
}

static void put_str(struct writer *w, const char *s)
{
    if (!s) {
        put_u32(w, STR_NULL);
        return;
    }
    uintptr_t idx = (uintptr_t)strmap_get(&w->seen, s);
    if (idx) {
        put_u32(w, STR_REF);
        put_u32(w, (uint32_t)(idx - 1));
        return;
    }
    strmap_put(&w->seen, s, (void *)(uintptr_t)(++w->nstr));
    size_t n = strlen(s);
    put_u32(w, STR_NEW);
    put_u32(w, (uint32_t)n);
    put(w, s, n);
}

static void put_op(struct writer *w, const struct model_call *op)
{
    put_u32(w, op != NULL);
    if (op)
        put(w, op, sizeof *op);
}

static void put_node(struct writer *w, const struct ir_node *n)
{
    put_u32(w, (uint32_t)n->kind | (uint32_t)n->sub << 8 | (uint32_t)n->role << 16 |
                   (uint32_t)n->type_is_scalar << 24);
    put_u32(w, n->flags);
    put_u32(w, n->nargs);
    put_u32(w, n->nops);
    put(w, n->ops, n->nops * sizeof *n->ops);
    put_str(w, n->name);
    put_str(w, n->owner);
    put_u32(w, n->mode);
    put_u32(w, n->ctrl);
    put_u32(w, (uint32_t)n->var);
    put_u32(w, (uint32_t)n->aux);
    put_u32(w, (uint32_t)n->callee);
    put_u32(w, (uint32_t)n->forward);
    put_op(w, n->op);
    put_str(w, n->op_type);
    put_loc(w, n->loc);
    put_loc(w, n->end);
}

static void put_fn(struct writer *w, const struct ir_fn *fn)
{
    put_str(w, fn->name);
    put_str(w, fn->file);
    put_loc(w, fn->loc);
    put_u32(w, (uint32_t)fn->is_method | (uint32_t)fn->is_lambda << 1 | (uint32_t)fn->partial << 2);
    put_u32(w, (uint32_t)fn->parent);
    put_u64(w, fn->key);
    put_str(w, fn->usr);
    put_str(w, fn->class_name);
    put_u32(w, fn->nnodes);
    for (uint32_t i = 0; i < fn->nnodes; i++)
        put_node(w, &fn->nodes[i]);
    put_u32(w, fn->nctrls);
    for (uint32_t i = 0; i < fn->nctrls; i++) {
        put_u32(w, fn->ctrls[i].cond);
        put_u32(w, fn->ctrls[i].parent);
        put_u32(w, fn->ctrls[i].arm);
        put_loc(w, fn->ctrls[i].loc);
    }
    put_u32(w, fn->nvars);
    for (uint32_t i = 0; i < fn->nvars; i++) {
        put_str(w, fn->vars[i].name);
        put_loc(w, fn->vars[i].decl);
    }
    put_u32(w, fn->ninputs);
    put_u32(w, fn->nparams);
    for (uint32_t i = 0; i < fn->ninputs; i++) {
        put_str(w, fn->inputs[i].name);
        put_u32(w, fn->inputs[i].node);
        put_u64(w, fn->inputs[i].capture_key);
    }
    put_u32(w, fn->entry_mode);
    put_u32(w, fn->exit_mode);
    put_u32(w, fn->nxcalls);
    for (uint32_t i = 0; i < fn->nxcalls; i++) {
        put_u32(w, fn->xcalls[i].node);
        put_str(w, fn->xcalls[i].usr);
    }
}

void ir_serialize(struct strbuf *out, const struct ir_tu *tu)
{
    struct writer w = {out, {0}, 0};
    strmap_init(&w.seen);
    put_u32(&w, SERIAL_MAGIC);
    put_str(&w, tu->path);
    put_u32(&w, tu->nfns);
    for (uint32_t f = 0; f < tu->nfns; f++)
        put_fn(&w, tu->fns[f]);
    put_u32(&w, SERIAL_MAGIC);
    strmap_free(&w.seen);
}

/* ---- decoding: a cursor whose reads all fail once one has ---- */

struct reader {
    struct byte_reader in;
    struct arena *a;
    VEC(const char *) strs;
};

static void get(struct reader *r, void *dst, size_t n) { bytes_get(&r->in, dst, n); }
static uint32_t get_u32(struct reader *r) { return bytes_get_u32(&r->in); }
static uint64_t get_u64(struct reader *r) { return bytes_get_u64(&r->in); }

static struct ir_loc get_loc(struct reader *r)
{
    struct ir_loc l;
    l.line = get_u32(r);
    l.col = get_u32(r);
    return l;
}

/* An array of `n` elements of `size` bytes, refused when the message
 * cannot hold that many (a count is never trusted for an allocation). */
static void *get_array(struct reader *r, uint32_t n, size_t size, size_t min_bytes_each)
{
    if (!r->in.ok || !n)
        return NULL;
    if (bytes_left(&r->in) / (min_bytes_each ? min_bytes_each : 1) < n) {
        r->in.ok = false;
        return NULL;
    }
    return arena_alloc(r->a, (size_t)n * size);
}

static const char *get_str(struct reader *r)
{
    uint32_t tag = get_u32(r);
    if (!r->in.ok || tag == STR_NULL)
        return NULL;
    if (tag == STR_REF) {
        uint32_t i = get_u32(r);
        if (i >= r->strs.n)
            r->in.ok = false;
        return r->in.ok ? r->strs.v[i] : NULL;
    }
    uint32_t n = get_u32(r);
    const char *at = tag == STR_NEW ? bytes_take(&r->in, n) : NULL;
    if (!at) {
        r->in.ok = false;
        return NULL;
    }
    const char *s = arena_strndup(r->a, at, n);
    VEC_PUSH(r->strs, s);
    return s;
}

static const struct model_call *get_op(struct reader *r)
{
    if (!get_u32(r))
        return NULL;
    struct model_call *m = get_array(r, 1, sizeof *m, sizeof *m);
    if (m)
        get(r, m, sizeof *m);
    return r->in.ok ? m : NULL;
}

static void get_node(struct reader *r, struct ir_node *n)
{
    uint32_t k = get_u32(r), fl = get_u32(r), nargs = get_u32(r);
    n->kind = (uint8_t)k;
    n->sub = (uint8_t)(k >> 8);
    n->role = (uint8_t)(k >> 16);
    n->type_is_scalar = (uint8_t)(k >> 24);
    n->flags = fl;
    n->nargs = (uint16_t)nargs;
    n->nops = get_u32(r);
    n->ops = get_array(r, n->nops, sizeof *n->ops, sizeof *n->ops);
    for (uint32_t i = 0; r->in.ok && i < n->nops; i++)
        n->ops[i] = get_u32(r);
    n->name = get_str(r);
    n->owner = get_str(r);
    n->mode = get_u32(r);
    n->ctrl = get_u32(r);
    n->var = (int32_t)get_u32(r);
    n->aux = (int32_t)get_u32(r);
    n->callee = (int32_t)get_u32(r);
    n->forward = (int32_t)get_u32(r);
    n->op = get_op(r);
    n->op_type = get_str(r);
    n->loc = get_loc(r);
    n->end = get_loc(r);
}

static void get_fn(struct reader *r, struct ir_fn *fn)
{
    fn->name = get_str(r);
    fn->file = get_str(r);
    fn->loc = get_loc(r);
    uint32_t bits = get_u32(r);
    fn->is_method = bits & 1;
    fn->is_lambda = bits >> 1 & 1;
    fn->partial = bits >> 2 & 1;
    fn->parent = (int32_t)get_u32(r);
    fn->key = get_u64(r);
    fn->usr = get_str(r);
    fn->class_name = get_str(r);
    fn->nnodes = get_u32(r);
    fn->nodes = get_array(r, fn->nnodes, sizeof *fn->nodes, 64);
    for (uint32_t i = 0; r->in.ok && i < fn->nnodes; i++)
        get_node(r, &fn->nodes[i]);
    fn->nctrls = get_u32(r);
    fn->ctrls = get_array(r, fn->nctrls, sizeof *fn->ctrls, 20);
    for (uint32_t i = 0; r->in.ok && i < fn->nctrls; i++) {
        fn->ctrls[i].cond = get_u32(r);
        fn->ctrls[i].parent = get_u32(r);
        fn->ctrls[i].arm = (uint8_t)get_u32(r);
        fn->ctrls[i].loc = get_loc(r);
    }
    fn->nvars = get_u32(r);
    fn->vars = get_array(r, fn->nvars, sizeof *fn->vars, 12);
    for (uint32_t i = 0; r->in.ok && i < fn->nvars; i++) {
        fn->vars[i].name = get_str(r);
        fn->vars[i].decl = get_loc(r);
    }
    fn->ninputs = get_u32(r);
    fn->nparams = get_u32(r);
    fn->inputs = get_array(r, fn->ninputs, sizeof *fn->inputs, 16);
    for (uint32_t i = 0; r->in.ok && i < fn->ninputs; i++) {
        fn->inputs[i].name = get_str(r);
        fn->inputs[i].node = get_u32(r);
        fn->inputs[i].capture_key = get_u64(r);
    }
    fn->entry_mode = get_u32(r);
    fn->exit_mode = get_u32(r);
    fn->nxcalls = get_u32(r);
    fn->xcalls = get_array(r, fn->nxcalls, sizeof *fn->xcalls, 8);
    for (uint32_t i = 0; r->in.ok && i < fn->nxcalls; i++) {
        fn->xcalls[i].node = get_u32(r);
        fn->xcalls[i].usr = get_str(r);
    }
}

static bool in_fn(uint32_t id, const struct ir_fn *fn) { return id < fn->nnodes; }
static bool node_or_none(uint32_t id, const struct ir_fn *fn) { return id == IR_NONE || id < fn->nnodes; }

/* Every index the analyses follow lands inside its array. */
static bool indices_hold(const struct ir_tu *tu, const struct ir_fn *fn)
{
    if ((fn->parent >= 0 && (uint32_t)fn->parent >= tu->nfns) || fn->nparams > fn->ninputs || !fn->nctrls ||
        !node_or_none(fn->entry_mode, fn) || !node_or_none(fn->exit_mode, fn))
        return false;
    for (uint32_t i = 0; i < fn->nnodes; i++) {
        const struct ir_node *n = &fn->nodes[i];
        for (uint32_t k = 0; k < n->nops; k++)
            if (!node_or_none(n->ops[k], fn))
                return false;
        if (!node_or_none(n->mode, fn) || n->ctrl >= fn->nctrls || (n->callee >= 0 && (uint32_t)n->callee >= tu->nfns) ||
            (n->forward >= 0 && (uint32_t)n->forward >= tu->nfns))
            return false;
        /* A phi of no variable (var -1) joins values, not versions. */
        if ((n->kind == IR_VAR || n->kind == IR_PHI) && n->var >= 0 && (uint32_t)n->var >= fn->nvars)
            return false;
        if ((n->kind == IR_LAMBDA || (n->flags & IRF_FNREF)) && n->aux >= 0 && (uint32_t)n->aux >= tu->nfns)
            return false;
        if (n->kind == IR_MODE && n->sub == MODE_AFTER_CALL && (n->aux < 0 || !in_fn((uint32_t)n->aux, fn)))
            return false;
    }
    for (uint32_t i = 0; i < fn->nctrls; i++)
        if (!node_or_none(fn->ctrls[i].cond, fn) || fn->ctrls[i].parent >= fn->nctrls)
            return false;
    for (uint32_t i = 0; i < fn->ninputs; i++)
        if (!node_or_none(fn->inputs[i].node, fn))
            return false;
    for (uint32_t i = 0; i < fn->nxcalls; i++)
        if (!in_fn(fn->xcalls[i].node, fn) || !fn->xcalls[i].usr)
            return false;
    return true;
}

bool ir_deserialize(const char *buf, size_t len, struct arena *a, struct ir_tu *out)
{
    struct reader r = {bytes_reader(buf, len), a, {0}};
    memset(out, 0, sizeof *out);
    bool ok = get_u32(&r) == SERIAL_MAGIC;
    const char *path = get_str(&r);
    uint32_t nfns = get_u32(&r);
    struct ir_fn **fns = get_array(&r, nfns, sizeof *fns, 64);
    for (uint32_t f = 0; r.in.ok && f < nfns; f++) {
        fns[f] = arena_alloc(a, sizeof *fns[f]);
        fns[f]->index = f;
        get_fn(&r, fns[f]);
    }
    ok = ok && get_u32(&r) == SERIAL_MAGIC && r.in.ok && bytes_left(&r.in) == 0;
    struct ir_tu tu = {path, fns, nfns};
    for (uint32_t f = 0; ok && f < nfns; f++)
        ok = fns[f]->name && fns[f]->file && indices_hold(&tu, fns[f]);
    VEC_FREE(r.strs);
    if (ok)
        *out = tu;
    return ok;
}
