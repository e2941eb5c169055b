/* report/gitlab: GitLab Code Quality JSON (a subset of the Code Climate
 * issue format): an array of issues with description, check_name,
 * fingerprint, severity and location.path / location.lines.begin, which
 * merge request widgets show. Paths are relative to the source root. */
#include "report.h"
#include "../rules/registry.h"
#include "../util/alloc.h"
#include <cjson/cJSON.h>
#include <stdlib.h>

static cJSON *issue(const struct report_input *in, const struct diag *d, const char *fingerprint)
{
    const struct rule_info *ri = rule_get(d->rule);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "type", "issue");
    cJSON_AddStringToObject(o, "description", d->message);
    cJSON_AddStringToObject(o, "check_name", ri->id);
    cJSON_AddStringToObject(o, "fingerprint", fingerprint);
    /* Code Quality knows info, minor, major, critical, blocker. */
    cJSON_AddStringToObject(o, "severity", d->severity == SEV_ERROR ? "major" : "minor");
    cJSON_AddItemToArray(cJSON_AddArrayToObject(o, "categories"), cJSON_CreateString("Bug Risk"));
    cJSON *loc = cJSON_AddObjectToObject(o, "location");
    char *rel = report_relpath(d->file, in->root);
    cJSON_AddStringToObject(loc, "path", rel);
    free(rel);
    cJSON *lines = cJSON_AddObjectToObject(loc, "lines");
    cJSON_AddNumberToObject(lines, "begin", d->loc.line);
    cJSON_AddNumberToObject(lines, "end", d->end.line ? d->end.line : d->loc.line);
    return o;
}

void report_gitlab(FILE *out, const struct report_input *in)
{
    char(*fp)[REPORT_FINGERPRINT_LEN] = xmalloc((in->ndiags ? in->ndiags : 1) * sizeof *fp);
    report_fingerprints(in, fp);
    cJSON *root = cJSON_CreateArray();
    for (size_t i = 0; i < in->ndiags; i++)
        cJSON_AddItemToArray(root, issue(in, &in->diags[i], fp[i]));
    free(fp);
    report_emit_json(out, root);
}
