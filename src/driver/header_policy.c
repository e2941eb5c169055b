/* driver/header_policy: see header_policy.h. */
#include "header_policy.h"
#include "../util/strbuf.h"
#include <string.h>

static bool is_analysed_file(const char *file, const struct file_status *files, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (files[i].path && strcmp(files[i].path, file) == 0)
            return true;
    return false;
}

/* Whether the header's policy keeps `d`, adjusting its severity. A header
 * whose configuration cannot be loaded gets the command line's selection:
 * its problem is reported for the files under it, not here. */
static bool keep(struct settings *st, struct diag *d)
{
    if (d->rule < 0 || d->rule >= RULE_COUNT)
        return true; /* not a rule's finding (NOLINT misuse) */
    struct strbuf err;
    sb_init(&err);
    const struct file_settings *fs = settings_for(st, d->file, &err);
    sb_free(&err);
    if (!fs) {
        bool enabled[RULE_COUNT];
        settings_rule_mask(st->o, NULL, enabled);
        return enabled[d->rule];
    }
    if (fs->has_config && config_excludes(&fs->cfg, d->file))
        return false;
    if (!fs->enabled[d->rule])
        return false;
    if (fs->severity[d->rule])
        d->severity = fs->severity[d->rule];
    return true;
}

void header_policy_apply(struct settings *st, struct diag_sink *sink, const struct file_status *files, size_t n)
{
    size_t kept = 0;
    for (size_t i = 0; i < sink->diags.n; i++) {
        struct diag *d = &sink->diags.v[i];
        if (is_analysed_file(d->file, files, n) || keep(st, d))
            sink->diags.v[kept++] = *d;
    }
    sink->diags.n = kept;
}
