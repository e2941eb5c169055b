/* alloc: allocation that aborts on exhaustion, with a failure-injection
 * hook for tests. */
#include "alloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long fail_countdown = -1;

void tfg_alloc_fail_after(long n) { fail_countdown = n; }

static int injected_failure(void)
{
    if (fail_countdown < 0)
        return 0;
    if (fail_countdown == 0)
        return 1;
    fail_countdown--;
    return 0;
}

static void *checked(void *p)
{
    if (p)
        return p;
    fputs("tfgradlint: out of memory\n", stderr);
    abort();
}

void *xmalloc(size_t n)
{
    return checked(injected_failure() ? NULL : malloc(n ? n : 1));
}

void *xcalloc(size_t count, size_t size)
{
    return checked(injected_failure() ? NULL : calloc(count ? count : 1, size ? size : 1));
}

void *xrealloc(void *p, size_t n)
{
    return checked(injected_failure() ? NULL : realloc(p, n ? n : 1));
}

char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }
