/* report/sarif: SARIF 2.1.0 as GitHub code scanning accepts it. Rule
 * metadata comes from the rule docs; paths are relative to the source root
 * (uriBaseId SRCROOT); files that could not be analysed become tool
 * execution notifications. */
#include "report.h"
#include "../rules/docinfo.h"
#include "../rules/docs.h"
#include "../rules/registry.h"
#include "../util/alloc.h"
#include "../util/strbuf.h"
#include "../version.h"
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define FINGERPRINT_KEY "tfgradlint/v1"

static const char *level(enum severity s) { return s == SEV_ERROR ? "error" : "warning"; }

static void add_text(cJSON *o, const char *key, const char *text)
{
    cJSON_AddStringToObject(cJSON_AddObjectToObject(o, key), "text", text);
}

static cJSON *rule_object(int r)
{
    const struct rule_info *ri = rule_get(r);
    const char *doc = rule_doc(ri->id);
    char *summary = doc ? rule_doc_summary(doc) : NULL, *full = doc ? rule_doc_description(doc) : NULL;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", ri->id);
    cJSON_AddStringToObject(o, "name", ri->name);
    add_text(o, "shortDescription", summary ? summary : ri->summary);
    add_text(o, "fullDescription", full ? full : ri->summary);
    if (doc) {
        cJSON *help = cJSON_AddObjectToObject(o, "help");
        cJSON_AddStringToObject(help, "text", doc);
        cJSON_AddStringToObject(help, "markdown", doc);
    }
    cJSON_AddStringToObject(cJSON_AddObjectToObject(o, "defaultConfiguration"), "level", level(ri->severity));
    free(summary);
    free(full);
    return o;
}

static cJSON *tool_object(void)
{
    cJSON *tool = cJSON_CreateObject();
    cJSON *driver = cJSON_AddObjectToObject(tool, "driver");
    cJSON_AddStringToObject(driver, "name", "tfgradlint");
    cJSON_AddStringToObject(driver, "version", TFGRADLINT_VERSION);
    cJSON_AddStringToObject(driver, "semanticVersion", TFGRADLINT_VERSION);
    cJSON_AddStringToObject(driver, "informationUri", TFGRADLINT_HOME);
    cJSON *rules = cJSON_AddArrayToObject(driver, "rules");
    for (int r = 0; r <= RULE_NOLINT; r++) /* index == ruleIndex */
        cJSON_AddItemToArray(rules, rule_object(r));
    return tool;
}

/* A physical location; `end` may be {0,0} for a point. */
static cJSON *location(const struct report_input *in, const char *file, struct ir_loc loc, struct ir_loc end)
{
    char *rel = report_relpath(file, in->root);
    struct strbuf uri;
    sb_init(&uri);
    bool absolute = rel[0] == '/';
    if (absolute)
        sb_add(&uri, "file://");
    report_add_uri(&uri, rel);
    cJSON *o = cJSON_CreateObject();
    cJSON *phys = cJSON_AddObjectToObject(o, "physicalLocation");
    cJSON *art = cJSON_AddObjectToObject(phys, "artifactLocation");
    cJSON_AddStringToObject(art, "uri", sb_str(&uri));
    if (!absolute)
        cJSON_AddStringToObject(art, "uriBaseId", "SRCROOT");
    cJSON *region = cJSON_AddObjectToObject(phys, "region");
    bool ranged = end.line > loc.line || (end.line == loc.line && end.col > loc.col);
    cJSON_AddNumberToObject(region, "startLine", loc.line);
    cJSON_AddNumberToObject(region, "startColumn", loc.col ? loc.col : 1);
    cJSON_AddNumberToObject(region, "endLine", ranged ? end.line : loc.line);
    cJSON_AddNumberToObject(region, "endColumn", ranged ? end.col : (loc.col ? loc.col : 1) + 1);
    sb_free(&uri);
    free(rel);
    return o;
}

static cJSON *result_object(const struct report_input *in, const struct diag *d, const char *fingerprint)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "ruleId", rule_get(d->rule)->id);
    cJSON_AddNumberToObject(o, "ruleIndex", d->rule);
    cJSON_AddStringToObject(o, "level", level(d->severity));
    add_text(o, "message", d->message);
    cJSON_AddItemToArray(cJSON_AddArrayToObject(o, "locations"), location(in, d->file, d->loc, d->end));
    if (d->nnotes) {
        cJSON *related = cJSON_AddArrayToObject(o, "relatedLocations");
        for (size_t k = 0; k < d->nnotes; k++) {
            cJSON *l = location(in, d->notes[k].file, d->notes[k].loc, (struct ir_loc){0, 0});
            cJSON_AddNumberToObject(l, "id", (double)k + 1);
            add_text(l, "message", d->notes[k].message);
            cJSON_AddItemToArray(related, l);
        }
    }
    cJSON_AddStringToObject(cJSON_AddObjectToObject(o, "partialFingerprints"), FINGERPRINT_KEY, fingerprint);
    return o;
}

/* Whether every file was analysed, and a notification for each that was not
 * or was only partially. */
static cJSON *invocation(const struct report_input *in)
{
    cJSON *inv = cJSON_CreateObject();
    cJSON *notes = cJSON_CreateArray();
    bool ok = true;
    for (size_t i = 0; i < in->nfiles; i++) {
        const struct file_status *f = &in->files[i];
        if (!f->error && !f->partial)
            continue;
        ok = ok && f->ok;
        cJSON *n = cJSON_CreateObject();
        cJSON_AddStringToObject(n, "level", f->ok ? "warning" : "error");
        struct strbuf msg;
        sb_init(&msg);
        if (f->error)
            sb_printf(&msg, "%s: %s", f->path, f->error);
        else /* analysed; what clang could not resolve is unknown */
            sb_printf(&msg, "%s: partially analysed (%u parse errors): %s", f->path, f->parse_errors,
                      f->parse_error ? f->parse_error : "?");
        add_text(n, "message", sb_str(&msg));
        sb_free(&msg);
        cJSON_AddItemToArray(notes, n);
    }
    cJSON_AddBoolToObject(inv, "executionSuccessful", ok);
    if (cJSON_GetArraySize(notes))
        cJSON_AddItemToObject(inv, "toolExecutionNotifications", notes);
    else
        cJSON_Delete(notes);
    return inv;
}

static cJSON *run_object(const struct report_input *in)
{
    cJSON *run = cJSON_CreateObject();
    cJSON_AddItemToObject(run, "tool", tool_object());
    struct strbuf root;
    sb_init(&root);
    sb_add(&root, "file://");
    report_add_uri(&root, in->root ? in->root : "/");
    if (root.s[root.len - 1] != '/')
        sb_addc(&root, '/');
    cJSON *base = cJSON_AddObjectToObject(cJSON_AddObjectToObject(run, "originalUriBaseIds"), "SRCROOT");
    cJSON_AddStringToObject(base, "uri", sb_str(&root));
    sb_free(&root);
    cJSON_AddItemToArray(cJSON_AddArrayToObject(run, "invocations"), invocation(in));
    char(*fp)[REPORT_FINGERPRINT_LEN] = xmalloc((in->ndiags ? in->ndiags : 1) * sizeof *fp);
    report_fingerprints(in, fp);
    cJSON *results = cJSON_AddArrayToObject(run, "results");
    for (size_t i = 0; i < in->ndiags; i++)
        cJSON_AddItemToArray(results, result_object(in, &in->diags[i], fp[i]));
    free(fp);
    return run;
}

void report_sarif(FILE *out, const struct report_input *in)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "$schema", SARIF_SCHEMA);
    cJSON_AddStringToObject(root, "version", "2.1.0");
    cJSON_AddItemToArray(cJSON_AddArrayToObject(root, "runs"), run_object(in));
    report_emit_json(out, root);
}
