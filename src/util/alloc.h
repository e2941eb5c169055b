/* alloc: the one allocation wrapper of tfgradlint.
 *
 * Every heap allocation goes through these functions so that tests can make
 * the N-th allocation fail (tfg_alloc_fail_after) and check that callers
 * degrade cleanly. On real exhaustion they print one line and abort: a linter
 * that cannot allocate a few kilobytes has no useful way to continue. */
#ifndef TFG_UTIL_ALLOC_H
#define TFG_UTIL_ALLOC_H
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Test hook: after `n` more successful allocations, the next one fails
 * (xmalloc then calls the failure handler). -1 disables the hook. */
void tfg_alloc_fail_after(long n);
/* Test hook: handler run instead of abort() when an allocation fails. */
void tfg_alloc_set_failure_handler(void (*handler)(void));

#endif
