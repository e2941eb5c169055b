/* diag: the diagnostics sink rules report into.
 *
 * A rule never prints: it adds a diagnostic (rule, location, message,
 * notes). The sink owns severity, selection and de-duplication, and hands
 * reporters a finished, sorted list. Strings are copied into the sink's
 * arena. */
#ifndef TFG_DIAG_DIAG_H
#define TFG_DIAG_DIAG_H
#include "../ir/ir.h"
#include "../util/arena.h"
#include "../util/vec.h"
#include <stdbool.h>
#include <stddef.h>

enum severity { SEV_WARNING = 1, SEV_ERROR = 2 };

struct diag_note {
    const char *file;
    struct ir_loc loc;
    const char *message;
};

struct diag {
    int rule;                /* index in the rule registry */
    enum severity severity;
    const char *file;
    struct ir_loc loc, end;
    const char *message;
    struct diag_note *notes;
    size_t nnotes;
};

struct diag_sink {
    struct arena arena;
    VEC(struct diag) diags;
    /* Policy for the file being analysed, indexed by rule (the driver sets
     * them per file from the options and the file's config). */
    const bool *enabled;            /* NULL: all */
    const enum severity *severity;  /* NULL or 0: the rule's own */
    /* The file the policy is for: findings elsewhere (in the project
     * headers it includes) are added as reported, and get their own
     * file's policy in the driver (header_policy). NULL: all files. */
    const char *policy_file;
};

void diag_sink_init(struct diag_sink *s);
void diag_sink_free(struct diag_sink *s);
/* Adds a diagnostic of a rule; notes are copied. Duplicates (same rule and
 * place) and diagnostics of disabled rules are dropped, and the policy's
 * severity replaces `sev`. */
void diag_report(struct diag_sink *s, int rule, enum severity sev, const char *file, struct ir_loc loc,
                 struct ir_loc end, const char *message, const struct diag_note *notes, size_t nnotes);
/* The same without the policy, for the driver's own pseudo-rules (which
 * have no slot in `enabled`). */
void diag_add(struct diag_sink *s, int rule, enum severity sev, const char *file, struct ir_loc loc,
              struct ir_loc end, const char *message, const struct diag_note *notes, size_t nnotes);
/* Sorts by file, line, column, rule. */
void diag_sort(struct diag_sink *s);

#endif
