/* report/fingerprint: stable identities of diagnostics, so CI systems can
 * tell a new finding from one that only moved (see report.h). */
#include "report.h"
#include "../rules/registry.h"
#include "../util/alloc.h"
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The primary line without white space; "" when it cannot be read. */
static char *normalized_line(const struct diag *d)
{
    char *line = report_source_line(d->file, d->loc.line);
    if (!line)
        return xstrdup("");
    char *w = line;
    for (const char *r = line; *r; r++)
        if (!isspace((unsigned char)*r))
            *w++ = *r;
    *w = '\0';
    return line;
}

static uint64_t mix(uint64_t h, const char *s)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL; /* FNV-1a */
    return (h ^ 0xff) * 1099511628211ULL;                /* field separator */
}

void report_fingerprints(const struct report_input *in, char (*fp)[REPORT_FINGERPRINT_LEN])
{
    size_t n = in->ndiags;
    char **text = xcalloc(n ? n : 1, sizeof *text), **rel = xcalloc(n ? n : 1, sizeof *rel);
    for (size_t i = 0; i < n; i++) {
        const struct diag *d = &in->diags[i];
        text[i] = normalized_line(d);
        rel[i] = report_relpath(d->file, in->root);
        unsigned occurrence = 0;
        for (size_t j = 0; j < i; j++)
            occurrence += in->diags[j].rule == d->rule && strcmp(rel[j], rel[i]) == 0 &&
                          strcmp(text[j], text[i]) == 0;
        char occ[16];
        snprintf(occ, sizeof occ, "%u", occurrence);
        uint64_t h = mix(mix(mix(mix(1469598103934665603ULL, rule_get(d->rule)->id), rel[i]), text[i]), occ);
        snprintf(fp[i], REPORT_FINGERPRINT_LEN, "%016llx", (unsigned long long)h);
    }
    for (size_t i = 0; i < n; i++)
        free(text[i]), free(rel[i]);
    free(text);
    free(rel);
}
