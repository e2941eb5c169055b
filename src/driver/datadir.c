/* driver/datadir: locating the data directory. */
#include "datadir.h"
#include "../util/alloc.h"
#include <dirent.h>
#include <stdbool.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A data directory holds at least one model file. */
static bool has_model(const char *dir)
{
    str_vec models = {0};
    datadir_models(dir, &models);
    bool found = models.n > 0;
    for (size_t i = 0; i < models.n; i++)
        free(models.v[i]);
    VEC_FREE(models);
    return found;
}

char *datadir_find(void)
{
    const char *env = getenv("TFGRADLINT_DATADIR");
    if (env && *env)
        return xstrdup(env);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    static const char *const rel[] = {"../share/tfgradlint", "../rules"};
    for (size_t i = 0; i < 2; i++) {
        char cand[PATH_MAX + 32];
        snprintf(cand, sizeof cand, "%s/%s", exe, rel[i]);
        char *real = realpath(cand, NULL);
        if (real && has_model(real))
            return real;
        free(real);
    }
    return NULL;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

void datadir_models(const char *dir, str_vec *out)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    size_t first = out->n;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len > 5 && strcmp(e->d_name + len - 5, ".json") == 0) {
            size_t n = strlen(dir) + len + 2;
            char *p = xmalloc(n);
            snprintf(p, n, "%s/%s", dir, e->d_name);
            VEC_PUSH(*out, p);
        }
    }
    closedir(d);
    qsort(out->v + first, out->n - first, sizeof *out->v, cmp_str);
}
