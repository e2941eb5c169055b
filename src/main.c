/* main: options -> models -> pipeline per file -> reporter -> exit status. */
#include "driver/datadir.h"
#include "driver/options.h"
#include "driver/pipeline.h"
#include "driver/settings.h"
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
    if (o->statistics) {
        report_statistics(stdout, in);
        return;
    }
    switch (o->format) {
    case FORMAT_TEXT: report_text(stdout, in, use_color(o)); break;
    case FORMAT_JSON: report_json(stdout, in); break;
    case FORMAT_SARIF: report_sarif(stdout, in); break;
    case FORMAT_GITHUB: report_github(stdout, in); break;
    case FORMAT_GITLAB: report_gitlab(stdout, in); break;
    }
}

/* Finds the settings of every file and drops the excluded ones, before
 * anything is analysed, so a bad configuration stops the run at once. */
static bool plan(struct settings *st, path_list *files, const struct file_settings **per)
{
    struct strbuf err;
    sb_init(&err);
    size_t kept = 0;
    for (size_t i = 0; i < files->n; i++) {
        const struct file_settings *fs = settings_for(st, files->v[i], &err);
        if (!fs) {
            fprintf(stderr, "tfgradlint: error: %s\n", sb_str(&err));
            sb_free(&err);
            return false;
        }
        if (fs->has_config && config_excludes(&fs->cfg, files->v[i])) {
            if (st->o->verbose)
                fprintf(stderr, "%s: excluded by %s\n", files->v[i], fs->cfg.path);
            free(files->v[i]);
            continue;
        }
        per[kept] = fs;
        files->v[kept++] = files->v[i];
    }
    files->n = kept;
    sb_free(&err);
    return true;
}

/* Runs the pipeline on every file under its settings; true if all could
 * be analysed. */
static bool run_files(const struct options *o, const char *datadir, const path_list *files,
                      const struct file_settings **per, struct diag_sink *sink, struct file_status *status)
{
    char include_dir[4096];
    snprintf(include_dir, sizeof include_dir, "%s/include", datadir ? datadir : ".");
    struct front_options fo = {o->compiler_args.v, o->compiler_args.n, datadir ? include_dir : NULL, o->headers};
    bool ok = true;
    for (size_t i = 0; i < files->n; i++) {
        sink->enabled = per[i]->enabled;
        sink->severity = per[i]->severity;
        pipeline_run_file(files->v[i], &fo, per[i]->model, sink, &status[i],
                          o->action == ACT_DUMP_IR ? stdout : NULL);
        if (status[i].error) {
            ok = false;
            fprintf(stderr, "%s: error: %s\n", status[i].path, status[i].error);
        }
        if (o->verbose)
            fprintf(stderr, "%s: parsed with %s headers; configuration: %s\n", status[i].path,
                    status[i].model_headers ? "built-in model" : "real",
                    per[i]->has_config ? per[i]->cfg.path : "none");
    }
    return ok;
}

static int analyze(const struct options *o, const char *datadir)
{
    bool enabled[RULE_COUNT];
    char err[256];
    if (!options_rule_mask(o, enabled, err, sizeof err)) {
        fprintf(stderr, "tfgradlint: error: %s\n", err);
        return EXIT_TROUBLE;
    }
    struct settings st;
    settings_init(&st, o, datadir);
    path_list files = {0};
    walk_paths(o->paths.v, o->paths.n, &files);
    const struct file_settings **per = xcalloc(files.n ? files.n : 1, sizeof *per);
    int rc = EXIT_TROUBLE;
    if (plan(&st, &files, per)) {
        struct diag_sink sink;
        diag_sink_init(&sink);
        struct file_status *status = xcalloc(files.n ? files.n : 1, sizeof *status);
        bool ok = run_files(o, datadir, &files, per, &sink, status);
        size_t suppressed = suppress_apply(&sink, status, files.n);
        diag_sort(&sink);
        char *root = realpath(o->root ? o->root : ".", NULL);
        struct report_input in = {status, files.n, sink.diags.v, sink.diags.n, root};
        if (o->action != ACT_DUMP_IR)
            report(o, &in);
        if (suppressed && !o->quiet && o->format == FORMAT_TEXT)
            fprintf(stderr, "tfgradlint: %zu finding%s suppressed by NOLINT comments\n", suppressed,
                    suppressed == 1 ? "" : "s");
        free(root);
        rc = !ok ? EXIT_TROUBLE : (sink.diags.n && !o->exit_zero) ? EXIT_FINDINGS : EXIT_CLEAN;
        free(status);
        diag_sink_free(&sink);
    }
    free(per);
    walk_free(&files);
    settings_free(&st);
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
        rc = analyze(&o, datadir);
        free(datadir);
    }
    }
    options_free(&o);
    return rc;
}
