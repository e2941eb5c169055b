/* report/github: GitHub Actions workflow commands, one line per finding
 * (`::error file=F,line=L,endLine=..,col=..,endColumn=..,title=T::MSG`),
 * which the runner turns into annotations on the pull request. Notes are
 * appended to the message as "note:" lines. */
#include "report.h"
#include "../rules/registry.h"
#include "../util/strbuf.h"
#include <stdlib.h>
#include <string.h>

/* The runner's escaping: '%', CR and LF in a message; in a property value
 * also ':' and ','. Other control characters and invalid UTF-8 from the
 * source become '?', as in text output. */
static void put_escaped(FILE *out, const char *s, bool property)
{
    for (; *s; s++) {
        size_t plain = strcspn(s, "%\r\n:,");
        if (plain) {
            report_put_safe(out, s, plain);
            s += plain - 1;
            continue;
        }
        switch (*s) {
        case '%': fputs("%25", out); break;
        case '\r': fputs("%0D", out); break;
        case '\n': fputs("%0A", out); break;
        case ':': property ? fputs("%3A", out) : fputc(':', out); break;
        case ',': property ? fputs("%2C", out) : fputc(',', out); break;
        default: fputc(*s, out);
        }
    }
}

static void put_property(FILE *out, const char *key, const char *value)
{
    fprintf(out, "%s=", key);
    put_escaped(out, value, true);
}

static void put_diag(FILE *out, const struct report_input *in, const struct diag *d)
{
    char *rel = report_relpath(d->file, in->root);
    const struct rule_info *ri = rule_get(d->rule);
    fprintf(out, "::%s ", d->severity == SEV_ERROR ? "error" : "warning");
    put_property(out, "file", rel);
    unsigned end_line = d->end.line ? d->end.line : d->loc.line, end_col = d->end.line ? d->end.col : d->loc.col;
    fprintf(out, ",line=%u,endLine=%u,col=%u,endColumn=%u,", d->loc.line, end_line, d->loc.col, end_col);
    struct strbuf title, b;
    sb_init(&title);
    sb_printf(&title, "%s %s", ri->id, ri->name);
    put_property(out, "title", sb_str(&title));
    sb_free(&title);
    sb_init(&b);
    sb_add(&b, d->message);
    for (size_t k = 0; k < d->nnotes; k++) {
        char *nrel = report_relpath(d->notes[k].file, in->root);
        sb_printf(&b, "\nnote: %s:%u:%u: %s", nrel, d->notes[k].loc.line, d->notes[k].loc.col, d->notes[k].message);
        free(nrel);
    }
    fputs("::", out);
    put_escaped(out, sb_str(&b), false);
    fputc('\n', out);
    sb_free(&b);
    free(rel);
}

void report_github(FILE *out, const struct report_input *in)
{
    for (size_t i = 0; i < in->nfiles; i++) {
        const struct file_status *f = &in->files[i];
        if (!f->error)
            continue;
        char *rel = report_relpath(f->path, in->root);
        fputs(f->ok ? "::warning " : "::error ", out);
        put_property(out, "file", rel);
        fputc(',', out);
        put_property(out, "title", "tfgradlint could not analyse this file");
        fputs("::", out);
        put_escaped(out, f->error, false);
        fputc('\n', out);
        free(rel);
    }
    for (size_t i = 0; i < in->ndiags; i++)
        put_diag(out, in, &in->diags[i]);
}
