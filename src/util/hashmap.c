/* hashmap: linear probing, power-of-two capacity, load factor at most 1/2. */
#include "hashmap.h"
#include "alloc.h"
#include <stdlib.h>
#include <string.h>

uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static uint64_t hash_u64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x;
}

void strmap_init(struct strmap *m) { memset(m, 0, sizeof *m); }
void strmap_free(struct strmap *m) { free(m->slots); strmap_init(m); }

static void strmap_grow(struct strmap *m)
{
    struct strmap old = *m;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->slots = xcalloc(m->cap, sizeof *m->slots);
    m->count = 0;
    for (size_t i = 0; i < old.cap; i++)
        if (old.slots[i].key)
            strmap_put(m, old.slots[i].key, old.slots[i].value);
    free(old.slots);
}

void *strmap_get(const struct strmap *m, const char *key)
{
    if (!m->cap)
        return NULL;
    for (size_t i = hash_str(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->slots[i].key)
            return NULL;
        if (strcmp(m->slots[i].key, key) == 0)
            return m->slots[i].value;
    }
}

void strmap_put(struct strmap *m, const char *key, void *value)
{
    if ((m->count + 1) * 2 > m->cap)
        strmap_grow(m);
    for (size_t i = hash_str(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->slots[i].key) {
            m->slots[i].key = key;
            m->slots[i].value = value;
            m->count++;
            return;
        }
        if (strcmp(m->slots[i].key, key) == 0) {
            m->slots[i].value = value;
            return;
        }
    }
}

void u64map_init(struct u64map *m) { memset(m, 0, sizeof *m); }
void u64map_free(struct u64map *m) { free(m->slots); u64map_init(m); }

static void u64map_grow(struct u64map *m)
{
    struct u64map old = *m;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->slots = xcalloc(m->cap, sizeof *m->slots);
    m->count = 0;
    for (size_t i = 0; i < old.cap; i++)
        if (old.slots[i].used)
            u64map_put(m, old.slots[i].key, old.slots[i].value);
    free(old.slots);
}

void *u64map_get(const struct u64map *m, uint64_t key)
{
    if (!m->cap)
        return NULL;
    for (size_t i = hash_u64(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->slots[i].used)
            return NULL;
        if (m->slots[i].key == key)
            return m->slots[i].value;
    }
}

void u64map_put(struct u64map *m, uint64_t key, void *value)
{
    if ((m->count + 1) * 2 > m->cap)
        u64map_grow(m);
    for (size_t i = hash_u64(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->slots[i].used) {
            m->slots[i].used = 1;
            m->slots[i].key = key;
            m->slots[i].value = value;
            m->count++;
            return;
        }
        if (m->slots[i].key == key) {
            m->slots[i].value = value;
            return;
        }
    }
}

void strmap_put_index(struct strmap *m, const char *key, size_t index)
{
    strmap_put(m, key, (void *)(uintptr_t)(index + 1));
}

bool strmap_get_index(const struct strmap *m, const char *key, size_t *index)
{
    uintptr_t v = (uintptr_t)strmap_get(m, key);
    if (v)
        *index = (size_t)(v - 1);
    return v != 0;
}

void u64map_put_index(struct u64map *m, uint64_t key, size_t index)
{
    u64map_put(m, key, (void *)(uintptr_t)(index + 1));
}

bool u64map_get_index(const struct u64map *m, uint64_t key, size_t *index)
{
    uintptr_t v = (uintptr_t)u64map_get(m, key);
    if (v)
        *index = (size_t)(v - 1);
    return v != 0;
}
