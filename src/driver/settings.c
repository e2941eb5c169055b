/* driver/settings: per-file settings, cached per configuration file. */
#include "settings.h"
#include "datadir.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool listed(const int *rules, int n, int r)
{
    for (int i = 0; i < n; i++)
        if (rules[i] == r)
            return true;
    return false;
}

void settings_rule_mask(const struct options *o, const struct config *c, bool *enabled)
{
    bool sel[RULE_COUNT] = {false}, ign[RULE_COUNT] = {false};
    struct strbuf err; /* unread: main() has already rejected unknown rules */
    sb_init(&err);
    if (o->select)
        options_rule_list(o->select, sel, &err);
    if (o->ignore)
        options_rule_list(o->ignore, ign, &err);
    sb_free(&err);
    for (int r = 0; r < RULE_COUNT; r++) {
        bool on = o->select ? sel[r] : c && c->has_select ? listed(c->select, c->nselect, r) : true;
        if (c && listed(c->ignore, c->nignore, r) && !(o->select && sel[r]))
            on = false;
        enabled[r] = on && !ign[r];
    }
}

/* The data directory's models, then the config's, then --model files. */
static struct model *load_model(const struct settings *s, const struct config *c, struct strbuf *err)
{
    str_vec files = {0};
    if (s->datadir)
        datadir_models(s->datadir, &files);
    for (size_t i = 0; c && i < c->models.n; i++)
        VEC_PUSH(files, xstrdup(c->models.v[i]));
    for (size_t i = 0; i < s->o->models.n; i++)
        VEC_PUSH(files, xstrdup(s->o->models.v[i]));
    struct model *m = model_load((const char *const *)files.v, files.n, err);
    if (m && files.n == 0 && !s->o->quiet)
        fputs("tfgradlint: warning: no framework model found; set TFGRADLINT_DATADIR\n", stderr);
    for (size_t i = 0; i < files.n; i++)
        free(files.v[i]);
    VEC_FREE(files);
    return m;
}

static void free_one(struct file_settings *fs)
{
    if (fs->has_config)
        config_free(&fs->cfg);
    model_free(fs->model);
    free(fs);
}

/* Builds the settings for config file `path` (NULL: none). */
static struct file_settings *make(struct settings *s, const char *path, struct strbuf *err)
{
    struct file_settings *fs = xcalloc(1, sizeof *fs);
    if (path && !config_load(path, &fs->cfg, err)) {
        free(fs);
        return NULL;
    }
    fs->has_config = path != NULL;
    settings_rule_mask(s->o, fs->has_config ? &fs->cfg : NULL, fs->enabled);
    memcpy(fs->severity, fs->cfg.severity, sizeof fs->severity);
    fs->model = load_model(s, fs->has_config ? &fs->cfg : NULL, err);
    if (!fs->model) {
        free_one(fs);
        return NULL;
    }
    return fs;
}

void settings_init(struct settings *s, const struct options *o, const char *datadir)
{
    memset(s, 0, sizeof *s);
    s->o = o;
    s->datadir = datadir;
}

void settings_free(struct settings *s)
{
    for (size_t i = 0; i < s->all.n; i++)
        free_one(s->all.v[i]);
    VEC_FREE(s->all);
}

const struct file_settings *settings_for(struct settings *s, const char *file, struct strbuf *err)
{
    char *path = s->o->config ? xstrdup(s->o->config) : config_find(file);
    char *abs = path ? realpath(path, NULL) : NULL;
    const char *key = abs ? abs : path;
    const struct file_settings *found = NULL;
    for (size_t i = 0; i < s->all.n && !found; i++) {
        const struct file_settings *fs = s->all.v[i];
        if (fs->has_config ? key && strcmp(fs->cfg.path, key) == 0 : !key)
            found = fs;
    }
    if (!found) {
        struct file_settings *fs = make(s, path, err);
        if (fs)
            VEC_PUSH(s->all, fs);
        found = fs;
    }
    free(abs);
    free(path);
    return found;
}
