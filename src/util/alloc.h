/* alloc: the one allocation wrapper of tfgradlint.
 *
 * Every heap allocation goes through these functions, which never return
 * NULL: on exhaustion they print one line and abort, since a linter that
 * cannot allocate a few kilobytes has no useful way to continue. Callers
 * therefore never check. A test can make the N-th allocation fail
 * (tfg_alloc_fail_after) to see that abort happen. */
#ifndef TFG_UTIL_ALLOC_H
#define TFG_UTIL_ALLOC_H
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Test hook: after `n` more successful allocations, the next one fails
 * (and aborts). -1 disables the hook. */
void tfg_alloc_fail_after(long n);

#endif
