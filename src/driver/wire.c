/* driver/wire: encoding and decoding one file's results (see wire.h). */
#include "wire.h"
#include "../rules/registry.h"
#include "../util/alloc.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define WIRE_MAGIC 0x74666731u /* "tfg1": a message, not stray bytes */
#define NO_STRING UINT32_MAX

/* Absent strings and --dump-ir text are NULL with length 0. */
static void put(struct strbuf *b, const void *p, size_t n)
{
    if (n)
        sb_addn(b, p, n);
}
static void put_u32(struct strbuf *b, uint32_t v) { put(b, &v, sizeof v); }
static void put_f64(struct strbuf *b, double v) { put(b, &v, sizeof v); }

static void put_str(struct strbuf *b, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    put_u32(b, s ? (uint32_t)n : NO_STRING);
    put(b, s, n);
}

static void put_loc(struct strbuf *b, struct ir_loc l)
{
    put_u32(b, l.line);
    put_u32(b, l.col);
}

static void put_status(struct strbuf *b, const struct file_status *st)
{
    put_str(b, st->path);
    put_u32(b, st->ok);
    put_str(b, st->error);
    put_u32(b, st->parse_errors);
    put_u32(b, st->partial);
    put_str(b, st->parse_error);
    put_u32(b, st->unresolved_names);
    put_u32(b, st->missing_headers);
    put_u32(b, st->model_headers);
    put_str(b, st->pch);
    put_str(b, st->db);
    put_f64(b, st->pch_seconds);
    put_f64(b, st->parse_seconds);
    put_f64(b, st->ir_seconds);
    put_f64(b, st->analysis_seconds);
    put_u32(b, st->xcalls_resolved);
    put_f64(b, st->xfile_seconds);
    put_u32(b, st->grad_requests);
    put_u32(b, st->grad_requests_known);
}

static void put_diag(struct strbuf *b, const struct diag *d)
{
    put_u32(b, (uint32_t)d->rule);
    put_u32(b, d->severity);
    put_str(b, d->file);
    put_loc(b, d->loc);
    put_loc(b, d->end);
    put_str(b, d->message);
    put_u32(b, (uint32_t)d->nnotes);
    for (size_t i = 0; i < d->nnotes; i++) {
        put_str(b, d->notes[i].file);
        put_loc(b, d->notes[i].loc);
        put_str(b, d->notes[i].message);
    }
}

void wire_encode(struct strbuf *out, const struct file_status *st, const struct diag_sink *sink, const char *ir,
                 size_t irlen)
{
    put_u32(out, WIRE_MAGIC);
    put_status(out, st);
    put_u32(out, (uint32_t)sink->diags.n);
    for (size_t i = 0; i < sink->diags.n; i++)
        put_diag(out, &sink->diags.v[i]);
    put_u32(out, ir ? (uint32_t)irlen : NO_STRING);
    put(out, ir, ir ? irlen : 0);
    put_u32(out, WIRE_MAGIC);
}

/* A cursor over the message; every read fails once one has. */
struct reader {
    const char *p, *end;
    bool ok;
};

static void get(struct reader *r, void *dst, size_t n)
{
    if (!r->ok || (size_t)(r->end - r->p) < n) {
        r->ok = false;
        memset(dst, 0, n);
        return;
    }
    memcpy(dst, r->p, n);
    r->p += n;
}

static uint32_t get_u32(struct reader *r)
{
    uint32_t v;
    get(r, &v, sizeof v);
    return v;
}

static double get_f64(struct reader *r)
{
    double v;
    get(r, &v, sizeof v);
    return v;
}

/* A string copied into `a`, or NULL (also on a short message). */
static const char *get_str(struct reader *r, struct arena *a)
{
    uint32_t n = get_u32(r);
    if (!r->ok || n == NO_STRING)
        return NULL;
    if ((size_t)(r->end - r->p) < n) {
        r->ok = false;
        return NULL;
    }
    const char *s = arena_strndup(a, r->p, n);
    r->p += n;
    return s;
}

static struct ir_loc get_loc(struct reader *r)
{
    struct ir_loc l;
    l.line = get_u32(r);
    l.col = get_u32(r);
    return l;
}

static void get_status(struct reader *r, struct file_status *st, struct arena *a)
{
    st->path = get_str(r, a);
    st->ok = get_u32(r) != 0;
    st->error = get_str(r, a);
    st->parse_errors = get_u32(r);
    st->partial = get_u32(r) != 0;
    st->parse_error = get_str(r, a);
    st->unresolved_names = get_u32(r);
    st->missing_headers = get_u32(r);
    st->model_headers = get_u32(r) != 0;
    st->pch = get_str(r, a);
    st->db = get_str(r, a);
    st->pch_seconds = get_f64(r);
    st->parse_seconds = get_f64(r);
    st->ir_seconds = get_f64(r);
    st->analysis_seconds = get_f64(r);
    st->xcalls_resolved = get_u32(r);
    st->xfile_seconds = get_f64(r);
    st->grad_requests = get_u32(r);
    st->grad_requests_known = get_u32(r);
}

typedef VEC(struct diag) diag_vec;

/* Decodes diagnostics into a scratch arena first, so that a message cut
 * short adds nothing to `sink`. */
static void get_diags(struct reader *r, struct arena *tmp, diag_vec *out)
{
    uint32_t n = get_u32(r);
    for (uint32_t i = 0; r->ok && i < n; i++) {
        struct diag d = {0};
        d.rule = (int)get_u32(r);
        d.severity = (enum severity)get_u32(r);
        d.file = get_str(r, tmp);
        d.loc = get_loc(r);
        d.end = get_loc(r);
        d.message = get_str(r, tmp);
        d.nnotes = get_u32(r);
        if (!r->ok || d.nnotes > (size_t)(r->end - r->p))
            r->ok = false;
        else if (d.nnotes)
            d.notes = arena_alloc(tmp, d.nnotes * sizeof *d.notes);
        for (size_t k = 0; r->ok && k < d.nnotes; k++) {
            d.notes[k].file = get_str(r, tmp);
            d.notes[k].loc = get_loc(r);
            d.notes[k].message = get_str(r, tmp);
        }
        if (r->ok && (!d.file || !d.message || d.rule < 0 || d.rule > RULE_COUNT ||
                      (d.severity != SEV_WARNING && d.severity != SEV_ERROR)))
            r->ok = false;
        if (r->ok)
            VEC_PUSH(*out, d);
    }
}

static char *get_bytes(struct reader *r, size_t *len)
{
    uint32_t n = get_u32(r);
    *len = 0;
    if (!r->ok || n == NO_STRING)
        return NULL;
    if ((size_t)(r->end - r->p) < n) {
        r->ok = false;
        return NULL;
    }
    char *s = xmalloc(n + 1);
    memcpy(s, r->p, n);
    s[n] = '\0';
    r->p += n;
    *len = n;
    return s;
}

bool wire_decode(const char *buf, size_t len, struct file_status *st, struct diag_sink *sink, char **ir,
                 size_t *irlen)
{
    struct reader r = {buf, buf + len, true};
    struct arena tmp;
    arena_init(&tmp);
    diag_vec diags = {0};
    struct file_status s = {0};
    bool ok = get_u32(&r) == WIRE_MAGIC;
    get_status(&r, &s, &tmp);
    get_diags(&r, &tmp, &diags);
    char *text = get_bytes(&r, irlen);
    ok = ok && get_u32(&r) == WIRE_MAGIC && r.ok && r.p == r.end && s.path;
    if (ok) {
        for (size_t i = 0; i < diags.n; i++) {
            const struct diag *d = &diags.v[i];
            diag_report(sink, d->rule, d->severity, d->file, d->loc, d->end, d->message, d->notes, d->nnotes);
        }
        *st = s;
        st->path = arena_strdup(&sink->arena, s.path);
        st->error = s.error ? arena_strdup(&sink->arena, s.error) : NULL;
        st->pch = s.pch ? arena_strdup(&sink->arena, s.pch) : NULL;
        st->db = s.db ? arena_strdup(&sink->arena, s.db) : NULL;
        st->parse_error = s.parse_error ? arena_strdup(&sink->arena, s.parse_error) : NULL;
        *ir = text;
    } else {
        free(text);
        *ir = NULL;
        *irlen = 0;
    }
    VEC_FREE(diags);
    arena_free(&tmp);
    return ok;
}
