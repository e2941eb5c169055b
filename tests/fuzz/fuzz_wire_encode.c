/* fuzz_wire_encode: libFuzzer target for the worker wire protocol, child
 * side.
 *
 * A child encodes what one file produced, and the file is hostile: its
 * path, the parse error messages and the diagnostics' text come from it.
 * The input is cut into such results (strings, numbers, any number of
 * diagnostics and notes, --dump-ir text with NUL bytes); each is encoded
 * and decoded again, and must come back exactly, or the pool would lose
 * or change a file's results. Built by `make fuzz-parsers`. */
#include "driver/wire.h"
#include "fuzz_util.h"
#include "rules/registry.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input, consumed from the front. */
struct input {
    const uint8_t *p;
    size_t n;
};

static uint32_t take_u32(struct input *in)
{
    uint32_t v = 0;
    for (int i = 0; i < 4 && in->n; i++, in->p++, in->n--)
        v = v << 8 | *in->p;
    return v;
}

/* A string up to the next NUL (NULL when the first byte is 0xff). */
static const char *take_str(struct input *in, struct arena *a)
{
    if (in->n && *in->p == 0xff) {
        in->p++, in->n--;
        return NULL;
    }
    size_t len = strnlen((const char *)in->p, in->n);
    const char *s = arena_strndup(a, (const char *)in->p, len);
    in->p += len < in->n ? len + 1 : len;
    in->n -= len < in->n ? len + 1 : len;
    return s;
}

static bool same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool same_loc(struct ir_loc a, struct ir_loc b) { return a.line == b.line && a.col == b.col; }

static bool same_diag(const struct diag *a, const struct diag *b)
{
    if (a->rule != b->rule || a->severity != b->severity || !same_str(a->file, b->file) ||
        !same_loc(a->loc, b->loc) || !same_loc(a->end, b->end) || !same_str(a->message, b->message) ||
        a->nnotes != b->nnotes)
        return false;
    for (size_t i = 0; i < a->nnotes; i++)
        if (!same_str(a->notes[i].file, b->notes[i].file) || !same_loc(a->notes[i].loc, b->notes[i].loc) ||
            !same_str(a->notes[i].message, b->notes[i].message))
            return false;
    return true;
}

static void check_round_trip(const struct file_status *st, const struct diag_sink *sink, const char *ir,
                             size_t irlen)
{
    struct strbuf b;
    sb_init(&b);
    wire_encode(&b, st, sink, ir, irlen);
    struct diag_sink back;
    struct file_status st2;
    diag_sink_init(&back);
    char *ir2 = NULL;
    size_t irlen2 = 0;
    if (!wire_decode(b.s, b.len, &st2, &back, &ir2, &irlen2))
        abort();
    if (!same_str(st->path, st2.path) || st->ok != st2.ok || !same_str(st->error, st2.error) ||
        st->parse_errors != st2.parse_errors || st->model_headers != st2.model_headers ||
        !same_str(st->pch, st2.pch) || !same_str(st->db, st2.db) || back.diags.n != sink->diags.n)
        abort();
    for (size_t i = 0; i < back.diags.n; i++)
        if (!same_diag(&back.diags.v[i], &sink->diags.v[i]))
            abort();
    if ((ir == NULL) != (ir2 == NULL) || irlen != irlen2 || (ir && memcmp(ir, ir2, irlen) != 0))
        abort();
    /* Any cut of the message is refused, as a child dying half-way. */
    size_t cut = (st->parse_errors ^ irlen) % b.len;
    char *ir3 = NULL;
    if (wire_decode(b.s, cut, &st2, &back, &ir3, &irlen2) || ir3)
        abort();
    free(ir2);
    diag_sink_free(&back);
    sb_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct input in = {data, size};
    struct arena a;
    arena_init(&a);
    struct file_status st = {0};
    st.path = take_str(&in, &a);
    if (!st.path)
        st.path = "a.cpp"; /* a child always names its file */
    uint32_t flags = take_u32(&in);
    st.ok = flags & 1;
    st.model_headers = flags & 2;
    st.parse_errors = take_u32(&in);
    st.error = take_str(&in, &a);
    st.pch = take_str(&in, &a);
    st.db = take_str(&in, &a);
    struct diag_sink sink;
    diag_sink_init(&sink);
    uint32_t nd = take_u32(&in) % 64;
    for (uint32_t i = 0; i < nd && in.n; i++) {
        int rule = (int)(take_u32(&in) % (RULE_COUNT + 1));
        enum severity sev = take_u32(&in) & 1 ? SEV_ERROR : SEV_WARNING;
        const char *file = take_str(&in, &a), *msg = take_str(&in, &a);
        struct ir_loc loc = {take_u32(&in), take_u32(&in)}, end = {take_u32(&in), take_u32(&in)};
        size_t nn = take_u32(&in) % 8;
        struct diag_note notes[8];
        for (size_t k = 0; k < nn; k++)
            notes[k] = (struct diag_note){take_str(&in, &a), {take_u32(&in), take_u32(&in)}, take_str(&in, &a)};
        for (size_t k = 0; k < nn; k++)
            if (!notes[k].file || !notes[k].message)
                nn = 0; /* rules always give both */
        diag_add(&sink, rule, sev, file ? file : "a.cpp", loc, end, msg ? msg : "", notes, nn);
    }
    /* The rest is --dump-ir text, NUL bytes and all. */
    bool has_ir = in.n && *in.p != 0xff;
    check_round_trip(&st, &sink, has_ir ? (const char *)in.p : NULL, has_ir ? in.n : 0);
    diag_sink_free(&sink);
    arena_free(&a);
    return 0;
}
