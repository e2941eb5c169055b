/* driver/config: reading, finding and applying .tfgradlint.json. */
#include "config.h"
#include "../util/alloc.h"
#include "../util/jsonc.h"
#include <cjson/cJSON.h>
#include <fnmatch.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The stripped text and where to report problems found in it. */
struct reader {
    const char *path, *text;
    struct strbuf *err;
};

/* Reports a problem at the first occurrence of `"token"` in the text (cJSON
 * keeps no positions, and a key or value is what the user must fix). */
static bool problem(struct reader *r, const char *token, const char *fmt, const char *arg)
{
    struct strbuf quoted;
    sb_init(&quoted);
    sb_printf(&quoted, "\"%s\"", token);
    const char *at = strstr(r->text, sb_str(&quoted));
    sb_free(&quoted);
    sb_printf(r->err, "%s:%u: ", r->path, jsonc_line_of(r->text, at ? (size_t)(at - r->text) : 0));
    sb_printf(r->err, fmt, arg);
    return false;
}

static bool read_rules(struct reader *r, const cJSON *list, const char *key, int *out, int *n)
{
    if (!cJSON_IsArray(list))
        return problem(r, key, "'%s' must be an array of rule ids or names", key);
    *n = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, list) {
        if (!cJSON_IsString(e))
            return problem(r, key, "'%s' must be an array of rule ids or names", key);
        int rule = rule_find(e->valuestring);
        if (rule < 0)
            return problem(r, e->valuestring, "unknown rule '%s' (see --list-rules)", e->valuestring);
        if (*n < RULE_COUNT)
            out[(*n)++] = rule;
    }
    return true;
}

static bool read_severity(struct reader *r, const cJSON *map, struct config *c)
{
    if (!cJSON_IsObject(map))
        return problem(r, "severity", "'%s' must be an object mapping rules to error or warning", "severity");
    const cJSON *e;
    cJSON_ArrayForEach(e, map) {
        int rule = rule_find(e->string);
        if (rule < 0)
            return problem(r, e->string, "unknown rule '%s' (see --list-rules)", e->string);
        const char *v = cJSON_IsString(e) ? e->valuestring : "";
        if (strcmp(v, "error") && strcmp(v, "warning"))
            return problem(r, e->string, "the severity of '%s' must be \"error\" or \"warning\"", e->string);
        c->severity[rule] = strcmp(v, "error") == 0 ? SEV_ERROR : SEV_WARNING;
    }
    return true;
}

/* An array of strings; with `relative`, each made absolute against dir. */
static bool read_strings(struct reader *r, const cJSON *list, const char *key, const char *dir, str_vec *out)
{
    if (!cJSON_IsArray(list))
        return problem(r, key, "'%s' must be an array of strings", key);
    const cJSON *e;
    cJSON_ArrayForEach(e, list) {
        if (!cJSON_IsString(e))
            return problem(r, key, "'%s' must be an array of strings", key);
        if (!dir || e->valuestring[0] == '/') {
            VEC_PUSH(*out, xstrdup(e->valuestring));
            continue;
        }
        size_t n = strlen(dir) + strlen(e->valuestring) + 2;
        char *p = xmalloc(n);
        snprintf(p, n, "%s/%s", dir, e->valuestring);
        VEC_PUSH(*out, p);
    }
    return true;
}

static bool read_keys(struct reader *r, const cJSON *root, struct config *c)
{
    if (!cJSON_IsObject(root))
        return sb_printf(r->err, "%s:1: the configuration must be a JSON object", r->path), false;
    const cJSON *e;
    cJSON_ArrayForEach(e, root) {
        bool ok;
        if (strcmp(e->string, "select") == 0)
            ok = read_rules(r, e, "select", c->select, &c->nselect), c->has_select = true;
        else if (strcmp(e->string, "ignore") == 0)
            ok = read_rules(r, e, "ignore", c->ignore, &c->nignore);
        else if (strcmp(e->string, "severity") == 0)
            ok = read_severity(r, e, c);
        else if (strcmp(e->string, "models") == 0)
            ok = read_strings(r, e, "models", c->dir, &c->models);
        else if (strcmp(e->string, "exclude") == 0)
            ok = read_strings(r, e, "exclude", NULL, &c->exclude);
        else
            ok = problem(r, e->string,
                         "unknown key '%s' (expected select, ignore, severity, models or exclude)", e->string);
        if (!ok)
            return false;
    }
    return true;
}

static bool parse(struct reader *r, char *text, struct config *c)
{
    size_t bad;
    if (!jsonc_strip(text, &bad))
        return sb_printf(r->err, "%s:%u: comment not closed", r->path, jsonc_line_of(text, bad)), false;
    r->text = text;
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithOpts(text, &end, true);
    if (!root) {
        size_t at = end ? (size_t)(end - text) : 0;
        int shown = (int)strcspn(text + at, "\r\n");
        sb_printf(r->err, "%s:%u: invalid JSON near '%.*s'", r->path, jsonc_line_of(text, at), shown < 20 ? shown : 20,
                  text + at);
        return false;
    }
    bool ok = read_keys(r, root, c);
    cJSON_Delete(root);
    return ok;
}

bool config_load(const char *path, struct config *out, struct strbuf *err)
{
    memset(out, 0, sizeof *out);
    struct strbuf text;
    sb_init(&text);
    FILE *f = fopen(path, "rb");
    if (!f || !sb_read_stream(&text, f)) {
        sb_printf(err, "%s: cannot read configuration file", path);
        if (f)
            fclose(f);
        sb_free(&text);
        return false;
    }
    fclose(f);
    char *abs = realpath(path, NULL);
    out->path = abs ? abs : xstrdup(path);
    char *copy = xstrdup(out->path);
    out->dir = xstrdup(dirname(copy));
    free(copy);
    struct reader r = {path, NULL, err};
    char *body = sb_detach(&text);
    bool ok = parse(&r, body, out);
    free(body);
    if (!ok)
        config_free(out);
    return ok;
}

void config_free(struct config *c)
{
    for (size_t i = 0; i < c->models.n; i++)
        free(c->models.v[i]);
    for (size_t i = 0; i < c->exclude.n; i++)
        free(c->exclude.v[i]);
    VEC_FREE(c->models);
    VEC_FREE(c->exclude);
    free(c->path);
    free(c->dir);
    memset(c, 0, sizeof *c);
}

/* The absolute directory of `file`, even when the file itself is missing. */
static char *start_dir(const char *file)
{
    char *copy = xstrdup(file);
    char *dir = realpath(dirname(copy), NULL);
    free(copy);
    if (!dir)
        dir = getcwd(NULL, 0);
    return dir;
}

char *config_find(const char *file)
{
    char *dir = start_dir(file);
    if (!dir)
        return NULL;
    for (;;) {
        size_t n = strlen(dir) + sizeof CONFIG_NAME + 1;
        char *cand = xmalloc(n);
        snprintf(cand, n, "%s/%s", strcmp(dir, "/") == 0 ? "" : dir, CONFIG_NAME);
        if (access(cand, F_OK) == 0) {
            free(dir);
            return cand;
        }
        free(cand);
        char *slash = strrchr(dir, '/');
        if (!slash || strcmp(dir, "/") == 0)
            break;
        slash[slash == dir ? 1 : 0] = '\0';
    }
    free(dir);
    return NULL;
}

/* Whether `glob` matches `rel` (a path relative to the config directory). */
static bool glob_matches(const char *glob, const char *rel)
{
    if (strncmp(glob, "./", 2) == 0)
        glob += 2;
    bool whole = strchr(glob, '/') != NULL;
    char buf[PATH_MAX]; /* `rel` is part of a realpath() */
    snprintf(buf, sizeof buf, "%s", rel);
    /* Try the path and each parent directory (or each component). */
    for (char *end = buf + strlen(buf);;) {
        *end = '\0';
        const char *slash = strrchr(buf, '/');
        const char *subject = whole ? buf : (slash ? slash + 1 : buf);
        if (fnmatch(glob, subject, 0) == 0)
            return true;
        if (!slash)
            return false;
        end = (char *)slash;
    }
}

bool config_excludes(const struct config *c, const char *file)
{
    if (!c->exclude.n)
        return false;
    char *abs = realpath(file, NULL);
    size_t n = strlen(c->dir);
    bool under = abs && strncmp(abs, c->dir, n) == 0 && (abs[n] == '/' || strcmp(c->dir, "/") == 0);
    bool hit = false;
    for (size_t i = 0; under && !hit && i < c->exclude.n; i++)
        hit = glob_matches(c->exclude.v[i], abs + n + (c->dir[n - 1] != '/'));
    free(abs);
    return hit;
}
