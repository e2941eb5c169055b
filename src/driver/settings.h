/* driver/settings: what applies to each analysed file, the command line
 * combined with the file's configuration (the nearest .tfgradlint.json
 * above it, or --config): the enabled rules, their severities, the
 * framework model, and whether the file is excluded.
 *
 * Command-line options win: --select replaces the config's select and
 * overrides its ignore for the rules it names; --ignore always applies. */
#ifndef TFG_DRIVER_SETTINGS_H
#define TFG_DRIVER_SETTINGS_H
#include "config.h"
#include "options.h"
#include "../model/model.h"

struct file_settings {
    bool has_config;
    struct config cfg;
    bool enabled[RULE_COUNT];
    enum severity severity[RULE_COUNT];
    struct model *model;
};

/* Owns one file_settings per configuration met (and one for files with
 * none); each is loaded on first use. */
struct settings {
    const struct options *o;
    const char *datadir;
    VEC(struct file_settings *) all;
};

void settings_init(struct settings *s, const struct options *o, const char *datadir);
void settings_free(struct settings *s);
/* The settings of `file` (owned by `s`), or NULL with "problem" in err for
 * a configuration or model that cannot be loaded. */
const struct file_settings *settings_for(struct settings *s, const char *file, struct strbuf *err);
/* Combines the command line's --select/--ignore with a config's (see
 * above); `c` may be NULL. The command-line lists must be valid. */
void settings_rule_mask(const struct options *o, const struct config *c, bool *enabled);

#endif
