/* driver/suppress: NOLINT comments applied to the diagnostics. */
#include "suppress.h"
#include "../diag/nolint.h"
#include "../rules/registry.h"
#include "../util/strbuf.h"
#include <stdio.h>
#include <string.h>

/* The directives of each file met, read once. */
struct nolint_cache {
    VEC(const char *) paths;
    VEC(struct nolint_set) sets;
};

static const struct nolint_set *directives_of(struct nolint_cache *c, const char *path)
{
    for (size_t i = 0; i < c->paths.n; i++)
        if (strcmp(c->paths.v[i], path) == 0)
            return &c->sets.v[i];
    struct strbuf text;
    sb_init(&text);
    FILE *f = fopen(path, "rb");
    if (f) {
        sb_read_stream(&text, f);
        fclose(f);
    }
    struct nolint_set set;
    nolint_scan(sb_str(&text), &set);
    sb_free(&text);
    VEC_PUSH(c->paths, path);
    VEC_PUSH(c->sets, set);
    return &c->sets.v[c->sets.n - 1];
}

static void report_unmatched(struct diag_sink *sink, const char *file, const struct nolint_unmatched *u)
{
    struct strbuf msg; /* the directive is the user's text, of any length */
    sb_init(&msg);
    if (u->is_begin)
        sb_printf(&msg, "unmatched '%s' comment without a subsequent 'NOLINTEND' comment with the same rules",
                  u->directive);
    else
        sb_printf(&msg, "unmatched '%s' comment without a previous 'NOLINTBEGIN' comment with the same rules",
                  u->directive);
    diag_add(sink, RULE_NOLINT, rule_get(RULE_NOLINT)->severity, file, (struct ir_loc){u->line, u->col},
             (struct ir_loc){u->line, u->col + u->len}, sb_str(&msg), NULL, 0);
    sb_free(&msg);
}

size_t suppress_apply(struct diag_sink *sink, const struct file_status *files, size_t nfiles)
{
    struct nolint_cache cache = {0};
    size_t kept = 0, dropped = 0;
    for (size_t i = 0; i < sink->diags.n; i++) {
        struct diag *d = &sink->diags.v[i];
        const struct rule_info *ri = rule_get(d->rule);
        if (d->rule != RULE_NOLINT && nolint_covers(directives_of(&cache, d->file), ri->id, ri->name, d->loc.line))
            dropped++;
        else
            sink->diags.v[kept++] = *d;
    }
    sink->diags.n = kept;
    for (size_t i = 0; i < nfiles; i++) {
        if (!files[i].ok)
            continue;
        const struct nolint_set *set = directives_of(&cache, files[i].path);
        for (size_t k = 0; k < set->unmatched.n; k++)
            report_unmatched(sink, files[i].path, &set->unmatched.v[k]);
    }
    for (size_t i = 0; i < cache.sets.n; i++)
        nolint_free(&cache.sets.v[i]);
    VEC_FREE(cache.paths);
    VEC_FREE(cache.sets);
    return dropped;
}
