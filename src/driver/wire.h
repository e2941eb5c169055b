/* driver/wire: one file's results as bytes, to cross a pipe.
 *
 * Each file is analysed in a child process (pool.c); the child encodes
 * what it produced (the file's status, its diagnostics and any --dump-ir
 * text, or in a multi-file run its serialised IR, ir/serial.h) and the
 * parent decodes it. The format is private to one run of
 * one binary: fields in a fixed order, numbers in host byte order,
 * strings with a length prefix. A child that dies half-way leaves a
 * truncated message, which decoding detects. */
#ifndef TFG_DRIVER_WIRE_H
#define TFG_DRIVER_WIRE_H
#include "../diag/diag.h"
#include "../report/report.h"
#include "../util/strbuf.h"
#include <stdbool.h>
#include <stddef.h>

/* `*dst` becomes `*src` with its strings copied into `a`, so it outlives
 * the sink or message they were read from. */
void file_status_copy(struct file_status *dst, const struct file_status *src, struct arena *a);

/* Appends the encoding of `st`, the diagnostics of `sink` and `ir` (NULL
 * or `irlen` bytes) to `out`. */
void wire_encode(struct strbuf *out, const struct file_status *st, const struct diag_sink *sink, const char *ir,
                 size_t irlen);

/* Decodes `len` bytes into `st` (strings in `sink`'s arena), `sink`
 * (through diag_report, so its policy applies) and `*ir` (malloc'd, or
 * NULL; caller frees). False when the bytes are not one whole message;
 * then nothing is left to free. */
bool wire_decode(const char *buf, size_t len, struct file_status *st, struct diag_sink *sink, char **ir,
                 size_t *irlen);

#endif
