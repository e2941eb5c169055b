/* hashmap: open-addressing maps from strings or 64-bit keys to pointers.
 *
 * Keys of a string map are borrowed: the caller keeps them alive (they
 * normally live in the same arena as the map's user). The table itself is on
 * the heap and released by *_free. */
#ifndef TFG_UTIL_HASHMAP_H
#define TFG_UTIL_HASHMAP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct strmap_slot { const char *key; void *value; };
struct strmap { struct strmap_slot *slots; size_t cap, count; };

void strmap_init(struct strmap *m);
void strmap_free(struct strmap *m);
void *strmap_get(const struct strmap *m, const char *key);
void strmap_put(struct strmap *m, const char *key, void *value);

struct u64map_slot { uint64_t key; void *value; int used; };
struct u64map { struct u64map_slot *slots; size_t cap, count; };

void u64map_init(struct u64map *m);
void u64map_free(struct u64map *m);
/* Returns NULL when absent. */
void *u64map_get(const struct u64map *m, uint64_t key);
void u64map_put(struct u64map *m, uint64_t key, void *value);

/* The same maps holding indexes (or enum values), 0 included, instead of
 * pointers: the `index + 1` that tells a stored 0 from "absent" is
 * written here only. *_get_index returns false when the key is absent. */
void strmap_put_index(struct strmap *m, const char *key, size_t index);
bool strmap_get_index(const struct strmap *m, const char *key, size_t *index);
void u64map_put_index(struct u64map *m, uint64_t key, size_t index);
bool u64map_get_index(const struct u64map *m, uint64_t key, size_t *index);

uint64_t hash_str(const char *s);

#endif
