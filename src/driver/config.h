/* driver/config: .tfgradlint.json, the per-project configuration.
 *
 * JSON with comments, every key optional:
 *   "select":   ["GL001", ...]        only these rules (ids or names)
 *   "ignore":   ["GL002", ...]        not these rules
 *   "severity": {"GL002": "warning"}  per-rule severity (error, warning)
 *   "models":   ["tools/grad.json"]   extra framework models
 *   "exclude":  ["third_party", "*_pb.cc"]  files not to analyse
 * Paths and globs are relative to the directory holding the file. Unknown
 * keys are errors, so a typo does not silently do nothing. */
#ifndef TFG_DRIVER_CONFIG_H
#define TFG_DRIVER_CONFIG_H
#include "../diag/diag.h"
#include "../rules/registry.h"
#include "../util/strbuf.h"
#include "../util/vec.h"
#include <stdbool.h>

#define CONFIG_NAME ".tfgradlint.json"

/* Everything is heap-owned by the config (config_free). */
struct config {
    char *path, *dir;                  /* the file and its directory (absolute) */
    bool has_select;
    int select[RULE_COUNT], ignore[RULE_COUNT]; /* rule indices */
    int nselect, nignore;
    enum severity severity[RULE_COUNT]; /* 0: the rule's own */
    str_vec models;                    /* absolute paths */
    str_vec exclude;                   /* globs as written */
};

/* Reads `path`. On failure returns false with "PATH:LINE: problem" in err. */
bool config_load(const char *path, struct config *out, struct strbuf *err);
void config_free(struct config *c);
/* The nearest CONFIG_NAME in the directory of `file` or above it (heap),
 * or NULL. */
char *config_find(const char *file);
/* Whether `file` matches an exclude glob of `c`: a glob without '/' is
 * matched against every path component; one with '/' against the path
 * relative to the config's directory and each of its parent directories,
 * with '*' matching across '/'. */
bool config_excludes(const struct config *c, const char *file);

#endif
