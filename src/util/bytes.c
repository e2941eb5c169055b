/* util/bytes: the byte codec of the wire and the IR serialiser (see bytes.h). */
#include "bytes.h"
#include <string.h>

void bytes_put(struct strbuf *b, const void *p, size_t n)
{
    if (n)
        sb_addn(b, p, n);
}

void bytes_put_u32(struct strbuf *b, uint32_t v) { bytes_put(b, &v, sizeof v); }
void bytes_put_u64(struct strbuf *b, uint64_t v) { bytes_put(b, &v, sizeof v); }
void bytes_put_f64(struct strbuf *b, double v) { bytes_put(b, &v, sizeof v); }

struct byte_reader bytes_reader(const void *data, size_t len)
{
    const char *p = data;
    return (struct byte_reader){p, p + len, true};
}

size_t bytes_left(const struct byte_reader *r) { return r->ok ? (size_t)(r->end - r->p) : 0; }

const char *bytes_take(struct byte_reader *r, size_t n)
{
    if (!r->ok || bytes_left(r) < n) {
        r->ok = false;
        return NULL;
    }
    const char *at = r->p;
    r->p += n;
    return at;
}

void bytes_get(struct byte_reader *r, void *dst, size_t n)
{
    const char *at = bytes_take(r, n);
    if (at)
        memcpy(dst, at, n);
    else
        memset(dst, 0, n);
}

uint32_t bytes_get_u32(struct byte_reader *r)
{
    uint32_t v;
    bytes_get(r, &v, sizeof v);
    return v;
}

uint64_t bytes_get_u64(struct byte_reader *r)
{
    uint64_t v;
    bytes_get(r, &v, sizeof v);
    return v;
}

double bytes_get_f64(struct byte_reader *r)
{
    double v;
    bytes_get(r, &v, sizeof v);
    return v;
}
