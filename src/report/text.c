/* report/text: clang-style diagnostics with the source line and a caret. */
#include "report.h"
#include "../rules/registry.h"
#include "../util/strbuf.h"
#include <string.h>

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_RED "\033[1;31m"
#define C_MAGENTA "\033[1;35m"
#define C_CYAN "\033[1;36m"
#define C_GREEN "\033[1;32m"

size_t report_count(const struct report_input *in, enum severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < in->ndiags; i++)
        n += in->diags[i].severity == sev;
    return n;
}

static void print_snippet(FILE *out, const char *file, struct ir_loc loc, struct ir_loc end, bool color)
{
    char *text = report_source_line(file, loc.line);
    if (!text)
        return;
    size_t len = strlen(text);
    fputc(' ', out);
    report_put_safe(out, text, len);
    fputs("\n ", out);
    unsigned last = end.line == loc.line && end.col > loc.col ? end.col - 1 : loc.col;
    if (last > len)
        last = (unsigned)len;
    for (unsigned i = 1; i < loc.col && i <= len; i++)
        fputc(text[i - 1] == '\t' ? '\t' : ' ', out);
    if (color)
        fputs(C_GREEN, out);
    fputc('^', out);
    for (unsigned i = loc.col + 1; i <= last; i++)
        fputc('~', out);
    if (color)
        fputs(C_RESET, out);
    fputc('\n', out);
    free(text);
}

static void print_head(FILE *out, const char *file, struct ir_loc loc, const char *kind, const char *kcolor,
                       bool color)
{
    if (color)
        fputs(C_BOLD, out);
    report_put_safe(out, file, strlen(file));
    fprintf(out, ":%u:%u: ", loc.line, loc.col);
    if (color)
        fprintf(out, "%s%s:" C_RESET C_BOLD " ", kcolor, kind);
    else
        fprintf(out, "%s: ", kind);
}

void report_text(FILE *out, const struct report_input *in, bool color)
{
    for (size_t i = 0; i < in->ndiags; i++) {
        const struct diag *d = &in->diags[i];
        bool err = d->severity == SEV_ERROR;
        print_head(out, d->file, d->loc, err ? "error" : "warning", err ? C_RED : C_MAGENTA, color);
        report_put_safe(out, d->message, strlen(d->message));
        fprintf(out, " [%s %s]%s\n", rule_get(d->rule)->id, rule_get(d->rule)->name, color ? C_RESET : "");
        print_snippet(out, d->file, d->loc, d->end, color);
        for (size_t k = 0; k < d->nnotes; k++) {
            const struct diag_note *n = &d->notes[k];
            print_head(out, n->file, n->loc, "note", C_CYAN, color);
            report_put_safe(out, n->message, strlen(n->message));
            fputs(color ? C_RESET "\n" : "\n", out);
            print_snippet(out, n->file, n->loc, n->loc, color);
        }
    }
}
