/* report/statistics: --statistics, a count per rule instead of the
 * findings, to size up a code base before adopting the linter. */
#include "report.h"
#include "../rules/registry.h"
#include <stdlib.h>

struct count {
    int rule;
    size_t n;
};

static int by_count(const void *pa, const void *pb)
{
    const struct count *a = pa, *b = pb;
    if (a->n != b->n)
        return a->n > b->n ? -1 : 1;
    return a->rule - b->rule;
}

void report_statistics(FILE *out, const struct report_input *in)
{
    struct count counts[RULE_NOLINT + 1];
    for (int r = 0; r <= RULE_NOLINT; r++)
        counts[r] = (struct count){r, 0};
    for (size_t i = 0; i < in->ndiags; i++)
        counts[in->diags[i].rule].n++;
    qsort(counts, RULE_NOLINT + 1, sizeof *counts, by_count);
    for (int r = 0; r <= RULE_NOLINT && counts[r].n; r++) {
        const struct rule_info *ri = rule_get(counts[r].rule);
        fprintf(out, "%5zu  %-17s %s\n", counts[r].n, ri->id, ri->name);
    }
}
