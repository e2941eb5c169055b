/* report/json: the machine-readable report. Its field names are a contract
 * (docs/output.md): add fields, never rename. */
#include "report.h"
#include "../rules/registry.h"
#include "../version.h"
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

void report_emit_json(FILE *out, struct cJSON *root)
{
    char *s = cJSON_Print(root);
    if (s) {
        /* cJSON escapes control characters but passes other bytes through;
         * file names and source text may not be UTF-8. */
        report_put_valid_utf8(out, s, strlen(s));
        fputc('\n', out);
        free(s);
    }
    cJSON_Delete(root);
}

static cJSON *loc_object(const char *file, struct ir_loc loc)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "file", file);
    cJSON_AddNumberToObject(o, "line", loc.line);
    cJSON_AddNumberToObject(o, "column", loc.col);
    return o;
}

static cJSON *diag_object(const struct diag *d)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "rule", rule_get(d->rule)->id);
    cJSON_AddStringToObject(o, "name", rule_get(d->rule)->name);
    cJSON_AddStringToObject(o, "severity", d->severity == SEV_ERROR ? "error" : "warning");
    cJSON_AddStringToObject(o, "file", d->file);
    cJSON_AddNumberToObject(o, "line", d->loc.line);
    cJSON_AddNumberToObject(o, "column", d->loc.col);
    cJSON_AddNumberToObject(o, "end_line", d->end.line ? d->end.line : d->loc.line);
    cJSON_AddNumberToObject(o, "end_column", d->end.line ? d->end.col : d->loc.col);
    cJSON_AddStringToObject(o, "message", d->message);
    cJSON *notes = cJSON_AddArrayToObject(o, "notes");
    for (size_t k = 0; k < d->nnotes; k++) {
        cJSON *n = loc_object(d->notes[k].file, d->notes[k].loc);
        cJSON_AddStringToObject(n, "message", d->notes[k].message);
        cJSON_AddItemToArray(notes, n);
    }
    return o;
}

static cJSON *file_object(const struct file_status *f)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "path", f->path);
    cJSON_AddStringToObject(o, "status", f->ok && !f->error ? "analyzed" : "error");
    if (f->error)
        cJSON_AddStringToObject(o, "error", f->error);
    if (f->ok) {
        cJSON_AddNumberToObject(o, "parse_errors", f->parse_errors);
        cJSON_AddBoolToObject(o, "partial", f->partial);
        cJSON_AddNumberToObject(o, "unresolved_names", f->unresolved_names);
        cJSON_AddNumberToObject(o, "missing_headers", f->missing_headers);
        if (f->parse_error)
            cJSON_AddStringToObject(o, "first_parse_error", f->parse_error);
        cJSON_AddStringToObject(o, "headers", f->model_headers ? "model" : "real");
        if (f->pch)
            cJSON_AddStringToObject(o, "pch", f->pch);
        cJSON_AddNumberToObject(o, "cross_file_calls", f->xcalls_resolved);
        cJSON_AddNumberToObject(o, "gradient_requests", f->grad_requests);
        cJSON_AddNumberToObject(o, "gradient_requests_known", f->grad_requests_known);
    }
    return o;
}

void report_json(FILE *out, const struct report_input *in)
{
    cJSON *root = cJSON_CreateObject();
    cJSON *tool = cJSON_AddObjectToObject(root, "tool");
    cJSON_AddStringToObject(tool, "name", "tfgradlint");
    cJSON_AddStringToObject(tool, "version", TFGRADLINT_VERSION);
    cJSON *files = cJSON_AddArrayToObject(root, "files");
    for (size_t i = 0; i < in->nfiles; i++)
        cJSON_AddItemToArray(files, file_object(&in->files[i]));
    cJSON *diags = cJSON_AddArrayToObject(root, "diagnostics");
    for (size_t i = 0; i < in->ndiags; i++)
        cJSON_AddItemToArray(diags, diag_object(&in->diags[i]));
    cJSON *summary = cJSON_AddObjectToObject(root, "summary");
    cJSON_AddNumberToObject(summary, "files", (double)in->nfiles);
    cJSON_AddNumberToObject(summary, "errors", (double)report_count(in, SEV_ERROR));
    cJSON_AddNumberToObject(summary, "warnings", (double)report_count(in, SEV_WARNING));
    report_emit_json(out, root);
}
