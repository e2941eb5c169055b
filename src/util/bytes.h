/* util/bytes: fixed-width values appended to a strbuf, and read back
 * through a bounded cursor that fails (and stays failed) at the first read
 * past the end. The one byte codec of the worker wire (driver/wire.c) and
 * the IR serialiser (ir/serial.c). Values are in host byte order: both
 * ends of a message are the same binary. */
#ifndef TFG_UTIL_BYTES_H
#define TFG_UTIL_BYTES_H

#include "strbuf.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

void bytes_put(struct strbuf *b, const void *p, size_t n); /* n == 0: p may be NULL */
void bytes_put_u32(struct strbuf *b, uint32_t v);
void bytes_put_u64(struct strbuf *b, uint64_t v);
void bytes_put_f64(struct strbuf *b, double v);

struct byte_reader {
    const char *p, *end;
    bool ok; /* false from the first read past the end on */
};

struct byte_reader bytes_reader(const void *data, size_t len);
/* Bytes left to read (0 once a read has failed). */
size_t bytes_left(const struct byte_reader *r);
/* Copies n bytes into dst, or zeroes dst and fails the reader. */
void bytes_get(struct byte_reader *r, void *dst, size_t n);
uint32_t bytes_get_u32(struct byte_reader *r);
uint64_t bytes_get_u64(struct byte_reader *r);
double bytes_get_f64(struct byte_reader *r);
/* The next n bytes, in place, or NULL (and the reader fails). */
const char *bytes_take(struct byte_reader *r, size_t n);

#endif
