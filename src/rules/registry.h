/* rules/registry: the table of rules, built from rules.def.
 *
 * Adding a rule is one row in rules.def, one source file with its entry
 * function, one doc under rules/docs/, and fixtures. */
#ifndef TFG_RULES_REGISTRY_H
#define TFG_RULES_REGISTRY_H
#include "../analysis/analysis.h"
#include "../diag/diag.h"

struct rule_ctx {
    struct analysis *a;
    struct diag_sink *sink;
    int rule; /* this rule's index, for diag_report */
};

enum rule_index {
#define RULE(id, name, sev, fn, summary) RULE_##id,
#include "rules.def"
#undef RULE
    RULE_COUNT
};

#define RULE(id, name, sev, fn, summary) void fn(struct rule_ctx *ctx);
#include "rules.def"
#undef RULE

struct rule_info {
    const char *id, *name, *summary;
    enum severity severity;
    void (*run)(struct rule_ctx *ctx);
};

extern const struct rule_info rule_table[RULE_COUNT];

/* The pseudo-rule under which unmatched NOLINTBEGIN/NOLINTEND comments are
 * reported (clang-tidy calls its own "clang-tidy-nolint"). It has a doc but
 * no pass, cannot be selected or ignored, and is not in rule_table. */
#define RULE_NOLINT RULE_COUNT
/* The info of rule index `i` (0 <= i <= RULE_NOLINT). */
const struct rule_info *rule_get(int i);

/* Index of a rule by id ("GL001") or name ("loss-outside-tape"), or -1. */
int rule_find(const char *id_or_name);
/* Like rule_find, also finding RULE_NOLINT. */
int rule_find_any(const char *id_or_name);
/* Runs every enabled rule over an analysed TU. */
void rules_run_all(struct analysis *a, struct diag_sink *sink);

#endif
