/* driver/vendored: framework header copies inside projects (vendored.h). */
#include "vendored.h"
#include "../util/fs.h"
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#define MODEL_OWN_DIR "tfgradlint_model"
#define MAX_MODEL_DEPTH 8

static void add_top(struct vendored *v, const char *rel, struct arena *a)
{
    size_t n = strcspn(rel, "/");
    for (size_t i = 0; i < v->tops.n; i++)
        if (strlen(v->tops.v[i]) == n && strncmp(v->tops.v[i], rel, n) == 0)
            return;
    char *top = arena_alloc(a, n + 1);
    memcpy(top, rel, n);
    top[n] = '\0';
    VEC_PUSH(v->tops, top);
}

/* Adds the files below `root`/`rel` (rel "" for the root itself). */
static void read_model_dir(struct vendored *v, const char *root, const char *rel, int depth, struct arena *a)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s%s%s", root, *rel ? "/" : "", rel);
    DIR *d = depth <= MAX_MODEL_DEPTH ? opendir(dir) : NULL;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || (!*rel && strcmp(e->d_name, MODEL_OWN_DIR) == 0))
            continue;
        char *child = arena_printf(a, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", root, child);
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            read_model_dir(v, root, child, depth + 1, a);
        else if (S_ISREG(st.st_mode) && *rel) {
            VEC_PUSH(v->headers, child);
            add_top(v, child, a);
        }
    }
    if (d)
        closedir(d);
}

void vendored_init(struct vendored *v, const char *model_dir, struct arena *a)
{
    memset(v, 0, sizeof *v);
    if (model_dir)
        read_model_dir(v, model_dir, "", 0, a);
}

bool vendored_framework_dir(const char *dir, void *ctx)
{
    const struct vendored *v = ctx;
    size_t matches = 0;
    for (size_t t = 0; t < v->tops.n && matches < VENDORED_MIN_MATCHES; t++) {
        const char *top = v->tops.v[t];
        if (!fs_exists_in(dir, top))
            continue; /* one stat per framework directory name, for most directories */
        size_t n = strlen(top);
        for (size_t i = 0; i < v->headers.n && matches < VENDORED_MIN_MATCHES; i++)
            if (strncmp(v->headers.v[i], top, n) == 0 && v->headers.v[i][n] == '/' &&
                fs_exists_in(dir, v->headers.v[i]))
                matches++;
    }
    return matches >= VENDORED_MIN_MATCHES;
}

void vendored_free(struct vendored *v)
{
    VEC_FREE(v->headers);
    VEC_FREE(v->tops);
}
