/* strbuf: growable NUL-terminated text buffer owned by its user. */
#ifndef TFG_UTIL_STRBUF_H
#define TFG_UTIL_STRBUF_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct strbuf {
    char *s;
    size_t len, cap;
};

void sb_init(struct strbuf *b);
void sb_free(struct strbuf *b);
void sb_addn(struct strbuf *b, const char *s, size_t n);
void sb_add(struct strbuf *b, const char *s);
void sb_addc(struct strbuf *b, char c);
void sb_printf(struct strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The text so far; never NULL. */
const char *sb_str(const struct strbuf *b);
/* Appends everything `f` still has to give; false on a read error. */
bool sb_read_stream(struct strbuf *b, FILE *f);
/* The same, but appends at most `max` bytes and leaves the rest unread. */
bool sb_read_stream_max(struct strbuf *b, FILE *f, size_t max);
/* The whole of file `path` (caller frees), or NULL with "PATH: cannot read
 * WHAT: reason" appended to `err`. */
char *sb_read_file(const char *path, const char *what, struct strbuf *err);
/* Gives the buffer to the caller (free() it) and empties `b`. */
char *sb_detach(struct strbuf *b);

#endif
