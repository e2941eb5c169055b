/* front/pch_evict: the size bound of the PCH cache (see pch_evict.h). */
#include "pch_evict.h"
#include "../util/vec.h"
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define KEY_LEN 16

int pch_lock_key(const char *lock_path, int op)
{
    for (int attempt = 0; attempt < 8; attempt++) {
        int fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0)
            return -1;
        int rc;
        while ((rc = flock(fd, op)) != 0 && errno == EINTR)
            ;
        struct stat held, now;
        if (rc == 0 && fstat(fd, &held) == 0 && stat(lock_path, &now) == 0 && held.st_dev == now.st_dev &&
            held.st_ino == now.st_ino)
            return fd;
        close(fd);
        if (rc != 0)
            return -1; /* busy (LOCK_NB) or no locking here */
        /* The file was removed (a key evicted) while we waited: lock the new one. */
    }
    return -1;
}

bool pch_parse_size(const char *text, unsigned long long *bytes)
{
    if (!text || !isdigit((unsigned char)*text))
        return false;
    errno = 0;
    char *end;
    unsigned long long n = strtoull(text, &end, 10);
    if (errno)
        return false;
    unsigned shift = 0;
    const char *units = "KMGT";
    const char *u = *end ? strchr(units, toupper((unsigned char)*end)) : NULL;
    if (u) {
        shift = 10 * (unsigned)(u - units + 1);
        end++;
        if (*end == 'i' && end[1] == 'B')
            end += 2;
        else if (*end == 'B')
            end++;
    } else if (*end == 'B')
        end++;
    if (*end || (shift && n > (~0ull >> shift)))
        return false;
    *bytes = n << shift;
    return true;
}

/* ---- the directory's files, by key ---- */

struct entry {
    char key[KEY_LEN + 1];
    char name[256];
    char kind; /* see classify() */
    bool tmp;
    unsigned long long size;
    long long mtime;
};

struct key_group {
    char key[KEY_LEN + 1];
    size_t first, n;      /* its entries (sorted by key) */
    unsigned long long size;
    long long used;       /* last use: the lock file's mtime, else the newest file's */
    bool has_pch, has_failed, has_lock, has_tmp;
};

static bool is_key(const char *s)
{
    for (int i = 0; i < KEY_LEN; i++)
        if (!isxdigit((unsigned char)s[i]) || isupper((unsigned char)s[i]))
            return false;
    return true;
}

/* The kind of a cache file name ('p' PCH, 'f' failure record, 'l' lock,
 * 'o' other file of the key), with `tmp` set for a build's temporary
 * file; 0 for a name that is not the cache's. */
static char classify(const char *name, bool *tmp)
{
    if (strlen(name) <= KEY_LEN || !is_key(name))
        return 0;
    const char *rest = name + KEY_LEN;
    const char *t = strstr(rest, ".tmp.");
    size_t len = t ? (size_t)(t - rest) : strlen(rest);
    *tmp = t != NULL;
    if (len == 1 + KEY_LEN + 4 && rest[0] == '-' && is_key(rest + 1) && strncmp(rest + 1 + KEY_LEN, ".pch", 4) == 0)
        return 'p';
    static const struct {
        const char *suffix;
        char kind;
    } kinds[] = {{".h", 'o'}, {".manifest", 'o'}, {".lock", 'l'}, {".failed", 'f'}};
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (len == strlen(kinds[i].suffix) && strncmp(rest, kinds[i].suffix, len) == 0)
            return kinds[i].kind;
    return 0;
}

typedef VEC(struct entry) entry_vec;
typedef VEC(struct key_group) group_vec;

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const struct entry *)a)->key, ((const struct entry *)b)->key);
}

/* Least recently used first; ties by key, so the order is reproducible. */
static int cmp_group(const void *a, const void *b)
{
    const struct key_group *x = a, *y = b;
    if (x->used != y->used)
        return x->used < y->used ? -1 : 1;
    return strcmp(x->key, y->key);
}

/* The cache files of `dir`, sorted by key, and their keys. */
static bool scan(const char *dir, entry_vec *entries, group_vec *groups)
{
    DIR *d = opendir(dir);
    if (!d)
        return false;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        struct entry en = {0};
        struct stat st;
        en.kind = classify(e->d_name, &en.tmp);
        if (!en.kind || strlen(e->d_name) >= sizeof en.name ||
            fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
            continue;
        memcpy(en.key, e->d_name, KEY_LEN);
        strcpy(en.name, e->d_name);
        en.size = (unsigned long long)st.st_size;
        en.mtime = (long long)st.st_mtime;
        VEC_PUSH(*entries, en);
    }
    closedir(d);
    if (entries->n)
        qsort(entries->v, entries->n, sizeof *entries->v, cmp_entry);
    for (size_t i = 0; i < entries->n; i++) {
        const struct entry *en = &entries->v[i];
        struct key_group *g = groups->n ? &groups->v[groups->n - 1] : NULL;
        if (!g || strcmp(g->key, en->key) != 0) {
            struct key_group ng = {.first = i};
            memcpy(ng.key, en->key, KEY_LEN + 1);
            VEC_PUSH(*groups, ng);
            g = &groups->v[groups->n - 1];
        }
        g->n++;
        g->size += en->size;
        g->has_tmp |= en->tmp;
        g->has_pch |= en->kind == 'p' && !en->tmp;
        g->has_failed |= en->kind == 'f' && !en->tmp;
        if (en->kind == 'l' && !en->tmp) {
            g->has_lock = true;
            g->used = en->mtime;
        } else if (!g->has_lock && en->mtime > g->used)
            g->used = en->mtime;
    }
    return true;
}

/* ---- removal ---- */

static bool kept(const char *key, const char *const *keep, size_t nkeep)
{
    for (size_t i = 0; i < nkeep; i++)
        if (keep[i] && strncmp(keep[i], key, KEY_LEN) == 0)
            return true;
    return false;
}

static bool remove_file(const char *dir, const char *name)
{
    char path[4400];
    return snprintf(path, sizeof path, "%s/%s", dir, name) < (int)sizeof path && unlink(path) == 0;
}

/* Removes the key's files (all, or only the temporary ones), its lock file
 * last; returns the bytes freed. Called with the key's lock held. */
static unsigned long long remove_key(const char *dir, const struct key_group *g, const entry_vec *entries,
                                     bool all, struct pch_evict_stats *st)
{
    unsigned long long freed = 0;
    const char *lock_name = NULL;
    for (size_t i = g->first; i < g->first + g->n; i++) {
        const struct entry *e = &entries->v[i];
        if (e->kind == 'l' && !e->tmp) {
            lock_name = e->name;
            continue;
        }
        if ((all || e->tmp) && remove_file(dir, e->name)) {
            freed += e->size;
            st->files_removed++;
        }
    }
    if (all) {
        char name[KEY_LEN + 8];
        snprintf(name, sizeof name, "%s.lock", g->key);
        if (remove_file(dir, lock_name ? lock_name : name) && lock_name)
            st->files_removed++;
    }
    return freed;
}

bool pch_evict(const char *dir, unsigned long long max_bytes, const char *const *keep, size_t nkeep,
               struct pch_evict_stats *stats)
{
    struct pch_evict_stats st = {0};
    entry_vec entries = {0};
    group_vec groups = {0};
    if (!scan(dir, &entries, &groups)) {
        if (stats)
            *stats = st;
        return false;
    }
    for (size_t i = 0; i < groups.n; i++)
        st.bytes_before += groups.v[i].size;
    unsigned long long total = st.bytes_before;
    qsort(groups.v, groups.n, sizeof *groups.v, cmp_group);
    for (size_t i = 0; i < groups.n; i++) {
        const struct key_group *g = &groups.v[i];
        bool over = total > max_bytes, orphan = !g->has_pch && !g->has_failed;
        if (kept(g->key, keep, nkeep) || (!over && !orphan && !g->has_tmp))
            continue;
        char lock[4400];
        snprintf(lock, sizeof lock, "%s/%s.lock", dir, g->key);
        int fd = pch_lock_key(lock, LOCK_EX | LOCK_NB);
        if (fd < 0) {
            st.keys_busy++;
            continue;
        }
        bool all = over || orphan;
        total -= remove_key(dir, g, &entries, all, &st);
        st.keys_removed += over;
        close(fd);
    }
    st.bytes_after = total;
    VEC_FREE(entries);
    VEC_FREE(groups);
    if (stats)
        *stats = st;
    return true;
}
