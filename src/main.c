/* main: options -> models -> pipeline per file -> reporter -> exit status. */
#include "driver/datadir.h"
#include "driver/options.h"
#include "driver/pipeline.h"
#include "driver/suppress.h"
#include "driver/walk.h"
#include "report/report.h"
#include "rules/docs.h"
#include "rules/docinfo.h"
#include "rules/registry.h"
#include "util/strbuf.h"
#include "version.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_TROUBLE = 2 };

/* One line per rule; the summary is the first sentence of the rule's doc. */
static int list_rules(void)
{
    for (int i = 0; i < RULE_COUNT; i++) {
        const char *doc = rule_doc(rule_table[i].id);
        char *summary = doc ? rule_doc_summary(doc) : NULL;
        printf("%s  %-26s %-7s %s\n", rule_table[i].id, rule_table[i].name,
               rule_table[i].severity == SEV_ERROR ? "error" : "warning", summary ? summary : "(no doc)");
        free(summary);
    }
    return EXIT_CLEAN;
}

static int explain(const char *which)
{
    int r = rule_find_any(which);
    const char *doc = r >= 0 ? rule_doc(rule_get(r)->id) : NULL;
    if (!doc) {
        fprintf(stderr, "tfgradlint: unknown rule '%s' (see --list-rules)\n", which);
        return EXIT_TROUBLE;
    }
    fputs(doc, stdout);
    return EXIT_CLEAN;
}

static struct model *load_models(const struct options *o, const char *datadir)
{
    str_vec files = {0};
    if (datadir)
        datadir_models(datadir, &files);
    for (size_t i = 0; i < o->models.n; i++)
        VEC_PUSH(files, xstrdup(o->models.v[i]));
    struct strbuf err;
    sb_init(&err);
    struct model *m = model_load((const char *const *)files.v, files.n, &err);
    if (!m)
        fprintf(stderr, "tfgradlint: error: %s\n", sb_str(&err));
    else if (files.n == 0)
        fputs("tfgradlint: warning: no framework model found; set TFGRADLINT_DATADIR\n", stderr);
    sb_free(&err);
    for (size_t i = 0; i < files.n; i++)
        free(files.v[i]);
    VEC_FREE(files);
    return m;
}

static bool use_color(const struct options *o)
{
    if (o->color == COLOR_ALWAYS)
        return true;
    if (o->color == COLOR_NEVER || getenv("NO_COLOR"))
        return false;
    return isatty(STDOUT_FILENO);
}

static void report(const struct options *o, const struct report_input *in)
{
    switch (o->format) {
    case FORMAT_TEXT: report_text(stdout, in, use_color(o)); break;
    case FORMAT_JSON: report_json(stdout, in); break;
    case FORMAT_SARIF: report_sarif(stdout, in); break;
    case FORMAT_GITHUB: report_github(stdout, in); break;
    case FORMAT_GITLAB: report_gitlab(stdout, in); break;
    }
}

static int analyze(const struct options *o, const struct model *model, const char *datadir)
{
    bool enabled[RULE_COUNT];
    char err[256];
    if (!options_rule_mask(o, enabled, err, sizeof err)) {
        fprintf(stderr, "tfgradlint: error: %s\n", err);
        return EXIT_TROUBLE;
    }
    char include_dir[4096];
    snprintf(include_dir, sizeof include_dir, "%s/include", datadir ? datadir : ".");
    struct front_options fo = {o->compiler_args.v, o->compiler_args.n, datadir ? include_dir : NULL, o->headers};
    path_list files = {0};
    walk_paths(o->paths.v, o->paths.n, &files);
    struct diag_sink sink;
    diag_sink_init(&sink);
    sink.enabled = enabled;
    struct file_status *status = xcalloc(files.n ? files.n : 1, sizeof *status);
    bool trouble = false;
    for (size_t i = 0; i < files.n; i++) {
        pipeline_run_file(files.v[i], &fo, model, &sink, &status[i], o->action == ACT_DUMP_IR ? stdout : NULL);
        if (status[i].error) {
            trouble = true;
            fprintf(stderr, "%s: error: %s\n", status[i].path, status[i].error);
        }
        if (o->verbose)
            fprintf(stderr, "%s: parsed with %s headers\n", status[i].path,
                    status[i].model_headers ? "built-in model" : "real");
    }
    suppress_apply(&sink, status, files.n);
    diag_sort(&sink);
    char *root = realpath(o->root ? o->root : ".", NULL);
    struct report_input in = {status, files.n, sink.diags.v, sink.diags.n, root};
    if (o->action != ACT_DUMP_IR)
        report(o, &in);
    free(root);
    int rc = trouble ? EXIT_TROUBLE : (sink.diags.n && !o->exit_zero) ? EXIT_FINDINGS : EXIT_CLEAN;
    free(status);
    diag_sink_free(&sink);
    walk_free(&files);
    return rc;
}

int main(int argc, char **argv)
{
    struct options o;
    char err[512];
    if (!options_parse(argc, argv, &o, err, sizeof err)) {
        fprintf(stderr, "tfgradlint: error: %s\n", err);
        options_free(&o);
        return EXIT_TROUBLE;
    }
    int rc = EXIT_CLEAN;
    switch (o.action) {
    case ACT_HELP: options_usage(stdout); break;
    case ACT_VERSION: printf("tfgradlint %s\n", TFGRADLINT_VERSION); break;
    case ACT_LIST_RULES: rc = list_rules(); break;
    case ACT_EXPLAIN: rc = explain(o.explain); break;
    default: {
        char *datadir = datadir_find();
        struct model *model = load_models(&o, datadir);
        rc = model ? analyze(&o, model, datadir) : EXIT_TROUBLE;
        model_free(model);
        free(datadir);
    }
    }
    options_free(&o);
    return rc;
}
