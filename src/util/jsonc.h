/* jsonc: JSON with // and block comments (as in .tfgradlint.json), made
 * parseable by cJSON without losing positions: comments are blanked to
 * spaces and line breaks are kept, so an offset into the stripped text is
 * the same line and column as in the file. */
#ifndef TFG_UTIL_JSONC_H
#define TFG_UTIL_JSONC_H
#include <stdbool.h>
#include <stddef.h>

/* Blanks the comments of `text` in place (string literals are left
 * alone). False for a block comment that is not closed, with its start
 * offset in *bad. */
bool jsonc_strip(char *text, size_t *bad);
/* The 1-based line of byte `offset` of `text`. */
unsigned jsonc_line_of(const char *text, size_t offset);

#endif
