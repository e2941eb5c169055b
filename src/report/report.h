/* report: formats a finished list of diagnostics and file statuses.
 * One file per format; reporters never decide anything, they only print. */
#ifndef TFG_REPORT_REPORT_H
#define TFG_REPORT_REPORT_H
#include "../diag/diag.h"
#include <stdbool.h>
#include <stdio.h>

struct file_status {
    const char *path;
    bool ok;               /* analysed (possibly with parse errors) */
    const char *error;     /* why it could not be (fully) analysed, or NULL */
    unsigned parse_errors;
    bool model_headers;    /* parsed with the built-in API model headers */
    const char *pch;       /* "none", "reused", "built" or "failed" */
    const char *db;        /* compilation database of its flags, or NULL */
    double pch_seconds, parse_seconds;
    double ir_seconds;       /* AST to IR */
    double analysis_seconds; /* analyses and rules */
};

struct report_input {
    const struct file_status *files;
    size_t nfiles;
    const struct diag *diags;
    size_t ndiags;
};

void report_text(FILE *out, const struct report_input *in, bool color);
void report_json(FILE *out, const struct report_input *in);

/* Counts for summaries and the exit status. */
size_t report_count(const struct report_input *in, enum severity sev);
/* Writes `s` with control characters replaced, so source text cannot send
 * escape sequences to a terminal. */
void report_put_safe(FILE *out, const char *s, size_t n);

#endif
