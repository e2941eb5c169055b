/* diag/nolint: NOLINT comments, with clang-tidy's syntax and meaning.
 *
 *   code;  // NOLINT                  every rule, on this line
 *   code;  // NOLINT(GL002, GL003)    these rules, on this line
 *   // NOLINTNEXTLINE(GL002)          these rules, on the next line
 *   // NOLINTBEGIN(GL001)             these rules, from this line ...
 *   // NOLINTEND(GL001)               ... to this one (same list)
 *
 * A rule is named by its id or name, either may have a "tfgradlint-"
 * prefix, and globs (GL00*, tfgradlint-*) work. A BEGIN without its END,
 * or an END closing no BEGIN with the same list, suppresses nothing and is
 * listed as unmatched. The directive may be in a // or a block comment. */
#ifndef TFG_DIAG_NOLINT_H
#define TFG_DIAG_NOLINT_H
#include "../util/vec.h"
#include <stdbool.h>

struct nolint_span {
    unsigned first, last; /* lines covered */
    char *rules;          /* the list as written, white space removed; NULL: every rule */
};

struct nolint_unmatched {
    unsigned line, col, len; /* the directive's position and length */
    bool is_begin;
    char *directive;         /* "NOLINTBEGIN(GL001)" */
};

/* All the NOLINT directives of one file; owns its strings. */
struct nolint_set {
    VEC(struct nolint_span) spans;
    VEC(struct nolint_unmatched) unmatched;
};

/* Scans source text for directives. */
void nolint_scan(const char *text, struct nolint_set *out);
void nolint_free(struct nolint_set *s);
/* Whether a diagnostic of the rule with this id and name on `line` is
 * suppressed. */
bool nolint_covers(const struct nolint_set *s, const char *rule_id, const char *rule_name, unsigned line);

#endif
