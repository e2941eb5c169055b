/* driver/walk: directory expansion. */
#include "walk.h"
#include "../util/alloc.h"
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool is_source(const char *name)
{
    static const char *const exts[] = {".c", ".cc", ".cpp", ".cxx", ".h", ".hpp", ".hh", NULL};
    const char *dot = strrchr(name, '.');
    if (!dot)
        return false;
    for (int i = 0; exts[i]; i++)
        if (strcmp(dot, exts[i]) == 0)
            return true;
    return false;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = xmalloc(n);
    snprintf(p, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
    return p;
}

struct walk {
    walk_skip_fn skip;
    void *ctx;
    path_list *out, *skipped;
};

static void walk_dir(const struct walk *w, const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (!d || depth > 64) {
        if (d)
            closedir(d);
        return;
    }
    path_list entries = {0};
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue; /* ., .., and hidden directories such as .git */
        VEC_PUSH(entries, join(dir, e->d_name));
    }
    closedir(d);
    if (entries.n)
        qsort(entries.v, entries.n, sizeof *entries.v, cmp_str);
    for (size_t i = 0; i < entries.n; i++) {
        struct stat st;
        char *p = entries.v[i];
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
            if (w->skip && w->skip(p, w->ctx)) {
                VEC_PUSH(*w->skipped, p);
                continue;
            }
            walk_dir(w, p, depth + 1);
            free(p);
        } else if (is_source(p) && stat(p, &st) == 0 && S_ISREG(st.st_mode))
            VEC_PUSH(*w->out, p);
        else
            free(p);
    }
    VEC_FREE(entries);
}

void walk_paths(const char *const *args, size_t nargs, walk_skip_fn skip, void *ctx, path_list *out,
                path_list *skipped)
{
    struct walk w = {skip, ctx, out, skipped};
    for (size_t i = 0; i < nargs; i++) {
        struct stat st;
        if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode))
            walk_dir(&w, args[i], 0);
        else
            VEC_PUSH(*out, xstrdup(args[i]));
    }
}

void walk_free(path_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    VEC_FREE(*l);
}
