/* arena: bump allocator owning all memory of one translation unit's analysis.
 *
 * The IR, names, facts and diagnostics texts of a file live in one arena that
 * is freed at once when the file is done, so no IR node has an owner of its
 * own and nothing is freed piecemeal. */
#ifndef TFG_UTIL_ARENA_H
#define TFG_UTIL_ARENA_H
#include <stddef.h>

struct arena_block;
struct arena {
    struct arena_block *head;
    size_t used_total;
};

void arena_init(struct arena *a);
void arena_free(struct arena *a); /* releases every block */
void *arena_alloc(struct arena *a, size_t n);  /* zeroed, 16-byte aligned */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Copies `n` elements of `size` bytes; returns NULL when n == 0. */
void *arena_memdup(struct arena *a, const void *p, size_t n, size_t size);

#endif
