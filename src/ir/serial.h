/* ir/serial: a translation unit's IR as bytes and back.
 *
 * A multi-file run (driver/xfile.c) keeps each file's IR from its first
 * phase so that the second phase links definitions from other files into
 * a file's IR without parsing anything again. The bytes are private to
 * one run: numbers in host byte order, repeated strings sent once. A
 * model class (`struct model_call`) travels by value and its pointers
 * stay pointers into the model, so the bytes are valid only between
 * processes forked from the one that loaded the model. */
#ifndef TFG_IR_SERIAL_H
#define TFG_IR_SERIAL_H
#include "../util/arena.h"
#include "../util/strbuf.h"
#include "ir.h"
#include <stdbool.h>
#include <stddef.h>

/* Appends the encoding of `tu` to `out`. */
void ir_serialize(struct strbuf *out, const struct ir_tu *tu);

/* Decodes `len` bytes into `out`, everything in `a`. False when the bytes
 * are not one whole, consistent encoding (then `out` is empty). */
bool ir_deserialize(const char *buf, size_t len, struct arena *a, struct ir_tu *out);

#endif
