/* rules/registry: the rule table and the pass runner. */
#include "registry.h"
#include <string.h>

const struct rule_info rule_table[RULE_COUNT] = {
#define RULE(id, name, sev, fn, summary) {#id, name, summary, sev, fn},
#include "rules.def"
#undef RULE
};

static const struct rule_info nolint_info = {
    "tfgradlint-nolint", "unmatched-nolint", "a NOLINTBEGIN comment without its NOLINTEND, or the reverse",
    SEV_ERROR, NULL};

const struct rule_info *rule_get(int i) { return i == RULE_NOLINT ? &nolint_info : &rule_table[i]; }

int rule_find_any(const char *s)
{
    int r = rule_find(s);
    if (r < 0 && (strcmp(s, nolint_info.id) == 0 || strcmp(s, nolint_info.name) == 0))
        r = RULE_NOLINT;
    return r;
}

int rule_find(const char *s)
{
    for (int i = 0; i < RULE_COUNT; i++)
        if (strcmp(rule_table[i].id, s) == 0 || strcmp(rule_table[i].name, s) == 0)
            return i;
    return -1;
}

/* Does the TU hold bodies from files the sink's policy is not for (project
 * headers)? Their findings get their own file's policy later, so a rule
 * the analysed file disables must still run for them. */
static bool has_foreign_bodies(const struct analysis *a, const struct diag_sink *sink)
{
    for (uint32_t i = 0; sink->policy_file && i < a->tu->nfns; i++)
        if (strcmp(a->tu->fns[i]->file, sink->policy_file) != 0)
            return true;
    return false;
}

void rules_run_all(struct analysis *a, struct diag_sink *sink)
{
    size_t before = sink->diags.n;
    bool all = has_foreign_bodies(a, sink);
    for (int i = 0; i < RULE_COUNT; i++) {
        if (!all && sink->enabled && !sink->enabled[i])
            continue;
        struct rule_ctx ctx = {a, sink, i};
        rule_table[i].run(&ctx);
    }
    /* A fixpoint stopped at its safety cap: what the rules concluded from
     * it is not known to hold, so the file's findings are dropped. */
    if (a->capped)
        sink->diags.n = before;
}
