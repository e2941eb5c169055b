/* driver/wire: encoding and decoding one file's results (see wire.h). */
#include "wire.h"
#include "../rules/registry.h"
#include "../util/alloc.h"
#include "../util/bytes.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define WIRE_MAGIC 0x74666731u /* "tfg1": a message, not stray bytes */
#define NO_STRING UINT32_MAX

/* Absent strings and --dump-ir text are NULL with length 0. */

static void put_str(struct strbuf *b, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    bytes_put_u32(b, s ? (uint32_t)n : NO_STRING);
    bytes_put(b, s, n);
}

static void put_loc(struct strbuf *b, struct ir_loc l)
{
    bytes_put_u32(b, l.line);
    bytes_put_u32(b, l.col);
}

static void put_status(struct strbuf *b, const struct file_status *st)
{
    put_str(b, st->path);
    bytes_put_u32(b, st->ok);
    put_str(b, st->error);
    bytes_put_u32(b, st->parse_errors);
    bytes_put_u32(b, st->partial);
    put_str(b, st->parse_error);
    bytes_put_u32(b, st->unresolved_names);
    bytes_put_u32(b, st->missing_headers);
    bytes_put_u32(b, st->model_headers);
    put_str(b, st->pch);
    put_str(b, st->db);
    bytes_put_f64(b, st->pch_seconds);
    bytes_put_f64(b, st->parse_seconds);
    bytes_put_f64(b, st->ir_seconds);
    bytes_put_f64(b, st->analysis_seconds);
    bytes_put_u32(b, st->xcalls_resolved);
    bytes_put_f64(b, st->xfile_seconds);
    bytes_put_u32(b, st->grad_requests);
    bytes_put_u32(b, st->grad_requests_known);
}

static void put_diag(struct strbuf *b, const struct diag *d)
{
    bytes_put_u32(b, (uint32_t)d->rule);
    bytes_put_u32(b, d->severity);
    put_str(b, d->file);
    put_loc(b, d->loc);
    put_loc(b, d->end);
    put_str(b, d->message);
    bytes_put_u32(b, (uint32_t)d->nnotes);
    for (size_t i = 0; i < d->nnotes; i++) {
        put_str(b, d->notes[i].file);
        put_loc(b, d->notes[i].loc);
        put_str(b, d->notes[i].message);
    }
}

void wire_encode(struct strbuf *out, const struct file_status *st, const struct diag_sink *sink, const char *ir,
                 size_t irlen)
{
    bytes_put_u32(out, WIRE_MAGIC);
    put_status(out, st);
    bytes_put_u32(out, (uint32_t)sink->diags.n);
    for (size_t i = 0; i < sink->diags.n; i++)
        put_diag(out, &sink->diags.v[i]);
    bytes_put_u32(out, ir ? (uint32_t)irlen : NO_STRING);
    bytes_put(out, ir, ir ? irlen : 0);
    bytes_put_u32(out, WIRE_MAGIC);
}

static const char *get_str(struct byte_reader *r, struct arena *a)
{
    uint32_t n = bytes_get_u32(r);
    if (!r->ok || n == NO_STRING)
        return NULL;
    const char *at = bytes_take(r, n);
    return at ? arena_strndup(a, at, n) : NULL;
}

static struct ir_loc get_loc(struct byte_reader *r)
{
    struct ir_loc l;
    l.line = bytes_get_u32(r);
    l.col = bytes_get_u32(r);
    return l;
}

static void get_status(struct byte_reader *r, struct file_status *st, struct arena *a)
{
    st->path = get_str(r, a);
    st->ok = bytes_get_u32(r) != 0;
    st->error = get_str(r, a);
    st->parse_errors = bytes_get_u32(r);
    st->partial = bytes_get_u32(r) != 0;
    st->parse_error = get_str(r, a);
    st->unresolved_names = bytes_get_u32(r);
    st->missing_headers = bytes_get_u32(r);
    st->model_headers = bytes_get_u32(r) != 0;
    st->pch = get_str(r, a);
    st->db = get_str(r, a);
    st->pch_seconds = bytes_get_f64(r);
    st->parse_seconds = bytes_get_f64(r);
    st->ir_seconds = bytes_get_f64(r);
    st->analysis_seconds = bytes_get_f64(r);
    st->xcalls_resolved = bytes_get_u32(r);
    st->xfile_seconds = bytes_get_f64(r);
    st->grad_requests = bytes_get_u32(r);
    st->grad_requests_known = bytes_get_u32(r);
}

typedef VEC(struct diag) diag_vec;

/* Decodes diagnostics into a scratch arena first, so that a message cut
 * short adds nothing to `sink`. */
static void get_diags(struct byte_reader *r, struct arena *tmp, diag_vec *out)
{
    uint32_t n = bytes_get_u32(r);
    for (uint32_t i = 0; r->ok && i < n; i++) {
        struct diag d = {0};
        d.rule = (int)bytes_get_u32(r);
        d.severity = (enum severity)bytes_get_u32(r);
        d.file = get_str(r, tmp);
        d.loc = get_loc(r);
        d.end = get_loc(r);
        d.message = get_str(r, tmp);
        d.nnotes = bytes_get_u32(r);
        if (!r->ok || d.nnotes > bytes_left(r))
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

static char *get_bytes(struct byte_reader *r, size_t *len)
{
    uint32_t n = bytes_get_u32(r);
    *len = 0;
    const char *at = !r->ok || n == NO_STRING ? NULL : bytes_take(r, n);
    if (!at)
        return NULL;
    char *s = xmalloc(n + 1);
    memcpy(s, at, n);
    s[n] = '\0';
    *len = n;
    return s;
}

static const char *copy_or_null(struct arena *a, const char *s) { return s ? arena_strdup(a, s) : NULL; }

void file_status_copy(struct file_status *dst, const struct file_status *src, struct arena *a)
{
    *dst = *src;
    dst->path = copy_or_null(a, src->path);
    dst->error = copy_or_null(a, src->error);
    dst->pch = copy_or_null(a, src->pch);
    dst->db = copy_or_null(a, src->db);
    dst->parse_error = copy_or_null(a, src->parse_error);
}

bool wire_decode(const char *buf, size_t len, struct file_status *st, struct diag_sink *sink, char **ir,
                 size_t *irlen)
{
    struct byte_reader r = bytes_reader(buf, len);
    struct arena tmp;
    arena_init(&tmp);
    diag_vec diags = {0};
    struct file_status s = {0};
    bool ok = bytes_get_u32(&r) == WIRE_MAGIC;
    get_status(&r, &s, &tmp);
    get_diags(&r, &tmp, &diags);
    char *text = get_bytes(&r, irlen);
    ok = ok && bytes_get_u32(&r) == WIRE_MAGIC && r.ok && bytes_left(&r) == 0 && s.path;
    if (ok) {
        for (size_t i = 0; i < diags.n; i++) {
            const struct diag *d = &diags.v[i];
            diag_report(sink, d->rule, d->severity, d->file, d->loc, d->end, d->message, d->notes, d->nnotes);
        }
        file_status_copy(st, &s, &sink->arena);
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
