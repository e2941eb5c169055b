/* strbuf: growable text buffer. */
#include "strbuf.h"
#include "alloc.h"
#include <errno.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sb_init(struct strbuf *b) { memset(b, 0, sizeof *b); }

void sb_free(struct strbuf *b)
{
    free(b->s);
    sb_init(b);
}

static void sb_grow(struct strbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->s = xrealloc(b->s, cap);
    b->cap = cap;
}

void sb_addn(struct strbuf *b, const char *s, size_t n)
{
    sb_grow(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sb_add(struct strbuf *b, const char *s) { sb_addn(b, s, strlen(s)); }
void sb_addc(struct strbuf *b, char c) { sb_addn(b, &c, 1); }

void sb_printf(struct strbuf *b, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n > 0) {
        sb_grow(b, (size_t)n);
        vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

const char *sb_str(const struct strbuf *b) { return b->s ? b->s : ""; }

char *sb_detach(struct strbuf *b)
{
    char *s = b->s ? b->s : xstrdup("");
    sb_init(b);
    return s;
}

bool sb_read_stream_max(struct strbuf *b, FILE *f, size_t max)
{
    char chunk[65536];
    size_t got;
    while (max > 0 && (got = fread(chunk, 1, max < sizeof chunk ? max : sizeof chunk, f)) > 0) {
        sb_addn(b, chunk, got);
        max -= got;
    }
    return !ferror(f);
}

bool sb_read_stream(struct strbuf *b, FILE *f) { return sb_read_stream_max(b, f, SIZE_MAX); }

char *sb_read_file(const char *path, const char *what, struct strbuf *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        sb_printf(err, "%s: cannot read %s: %s", path, what, strerror(errno));
        return NULL;
    }
    struct strbuf b;
    sb_init(&b);
    bool ok = sb_read_stream(&b, f);
    fclose(f);
    if (!ok) {
        sb_printf(err, "%s: cannot read %s: read error", path, what);
        sb_free(&b);
        return NULL;
    }
    return sb_detach(&b);
}
