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
    const char *error;     /* why it could not be analysed (or, with --strict, why it was
                            * only partially), or NULL */
    unsigned parse_errors;
    /* Analysed although clang reported errors: values that depend on what
     * it could not resolve are unknown, and no finding rests on them. */
    bool partial;
    const char *parse_error;   /* a partial file's first parse error, or NULL */
    unsigned unresolved_names; /* unknown values clang could not resolve (IRF_UNRESOLVED roots) */
    unsigned missing_headers;  /* includes served by an empty stand-in */
    bool model_headers;    /* parsed with the built-in API model headers */
    const char *pch;       /* "none", "reused", "built" or "failed" */
    const char *db;        /* compilation database of its flags, or NULL */
    double pch_seconds, parse_seconds;
    double ir_seconds;       /* AST to IR */
    double analysis_seconds; /* analyses and rules */
    /* Multi-file runs (driver/xfile.h): calls of this file resolved to a
     * definition in another file, and the time spent keeping its IR and
     * analysing it again with those definitions linked in. */
    unsigned xcalls_resolved;
    double xfile_seconds;
    /* Gradient requests (backward, grad) in the file's own functions and
     * its project headers' (not in definitions linked from other files), and
     * how many differentiate a loss that a known trainable object (a
     * module, parameter or requires_grad tensor of the program) reaches,
     * cut or not: what "the training step is resolved" means in the
     * corpus results. */
    unsigned grad_requests, grad_requests_known;
};

struct report_input {
    const struct file_status *files;
    size_t nfiles;
    const struct diag *diags;
    size_t ndiags;
    /* Absolute path of the source root that SARIF, GitHub and GitLab paths
     * are relative to (the current directory unless --root says). */
    const char *root;
};

void report_text(FILE *out, const struct report_input *in, bool color);
void report_json(FILE *out, const struct report_input *in);
/* SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. */
void report_sarif(FILE *out, const struct report_input *in);
/* GitHub Actions workflow commands (::error file=...::message). */
void report_github(FILE *out, const struct report_input *in);
/* --statistics: the number of findings per rule, most frequent first. */
void report_statistics(FILE *out, const struct report_input *in);
/* GitLab Code Quality JSON (an array of issues). */
void report_gitlab(FILE *out, const struct report_input *in);

/* Counts for summaries and the exit status. */
size_t report_count(const struct report_input *in, enum severity sev);
struct cJSON;
/* Prints a JSON document followed by a newline and frees it (json.c; the
 * JSON-based formats share it). */
void report_emit_json(FILE *out, struct cJSON *root);
/* Writes `s` with control characters, bidirectional controls and invalid
 * UTF-8 replaced by '?', so source text cannot send escape sequences to a
 * terminal (safe.c). */
void report_put_safe(FILE *out, const char *s, size_t n);
/* Writes `s` with each byte that is not part of well-formed UTF-8
 * replaced by U+FFFD, so JSON built from it stays valid (safe.c). */
void report_put_valid_utf8(FILE *out, const char *s, size_t n);

/* The text of line `line` (1-based) of `path`, without its line break;
 * caller frees. NULL if the file or the line is missing. */
char *report_source_line(const char *path, unsigned line);
/* `path` relative to `root` when it lies under it, else its absolute form
 * (or `path` itself when it cannot be resolved); caller frees. */
char *report_relpath(const char *path, const char *root);
/* Appends `path` to `b` as a URI reference: '/' kept, unreserved
 * characters kept, everything else percent-encoded. */
struct strbuf;
void report_add_uri(struct strbuf *b, const char *path);

/* A diagnostic's fingerprint: 16 hex digits of a hash of the rule id, the
 * file's root-relative path, the primary line's text with white space
 * removed, and how many earlier diagnostics in the list share all three.
 * So it survives edits elsewhere in the file (lines shifting) and
 * re-indentation, and differs between identical lines. */
#define REPORT_FINGERPRINT_LEN 17
/* Fills fp[i] for every diagnostic of `in` (in->ndiags entries). */
void report_fingerprints(const struct report_input *in, char (*fp)[REPORT_FINGERPRINT_LEN]);

#endif
