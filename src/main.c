/* main: options -> models -> pipeline per file -> reporter -> exit status. */
#include "driver/datadir.h"
#include "driver/options.h"
#include "driver/plan.h"
#include "driver/pool.h"
#include "report/report.h"
#include "rules/docs.h"
#include "rules/registry.h"
#include "util/strbuf.h"
#include "version.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_TROUBLE = 2 };

static int list_rules(void)
{
    for (int i = 0; i < RULE_COUNT; i++)
        printf("%s  %-26s %-7s %s\n", rule_table[i].id, rule_table[i].name,
               rule_table[i].severity == SEV_ERROR ? "error" : "warning", rule_table[i].summary);
    return EXIT_CLEAN;
}

static int explain(const char *which)
{
    int r = rule_find(which);
    const char *doc = r >= 0 ? rule_doc(rule_table[r].id) : NULL;
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

/* --cache-dir, else $XDG_CACHE_HOME/tfgradlint, else ~/.cache/tfgradlint. */
static struct pch_cache *open_cache(const struct options *o)
{
    if (o->no_cache)
        return NULL;
    char dir[4096];
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    if (o->cache_dir)
        snprintf(dir, sizeof dir, "%s", o->cache_dir);
    else if (xdg && *xdg)
        snprintf(dir, sizeof dir, "%s/tfgradlint", xdg);
    else if (home && *home)
        snprintf(dir, sizeof dir, "%s/.cache/tfgradlint", home);
    else
        return NULL;
    char err[4200];
    struct pch_cache *c = pch_cache_new(dir, err, sizeof err);
    if (!c)
        fprintf(stderr, "tfgradlint: warning: %s; parsing without precompiled headers\n", err);
    return c;
}

static void print_verbose(const struct file_status *st)
{
    if (!st->ok)
        return;
    fprintf(stderr,
            "%s: parsed with %s headers, PCH %s, flags from %s; cpu: pch %.3f s, parse %.3f s, ir %.3f s, "
            "analysis %.3f s\n",
            st->path, st->model_headers ? "built-in model" : "real", st->pch, st->db ? st->db : "the command line",
            st->pch_seconds, st->parse_seconds, st->ir_seconds, st->analysis_seconds);
}

static int analyze(const struct options *o, const struct model *model, const char *datadir)
{
    bool enabled[RULE_COUNT];
    char err[256];
    if (!options_rule_mask(o, enabled, err, sizeof err)) {
        fprintf(stderr, "tfgradlint: error: %s\n", err);
        return EXIT_TROUBLE;
    }
    struct plan plan;
    struct strbuf perr;
    sb_init(&perr);
    bool planned = plan_build(&plan, o, stderr, &perr);
    if (!planned) {
        fprintf(stderr, "tfgradlint: error: %s\n", sb_str(&perr));
        sb_free(&perr);
        plan_free(&plan);
        return EXIT_TROUBLE;
    }
    sb_free(&perr);
    char include_dir[4096];
    snprintf(include_dir, sizeof include_dir, "%s/include", datadir ? datadir : ".");
    struct pch_cache *cache = open_cache(o);
    struct front_options fo = {NULL, 0, datadir ? include_dir : NULL, o->headers, cache};
    struct diag_sink sink;
    diag_sink_init(&sink);
    sink.enabled = enabled;
    size_t n = plan.jobs.n;
    struct file_status *status = xcalloc(n ? n : 1, sizeof *status);
    pool_run(&plan, &fo, model, o->jobs ? o->jobs : pool_default_jobs(), &sink, status,
             o->action == ACT_DUMP_IR ? stdout : NULL);
    bool trouble = false;
    for (size_t i = 0; i < n; i++) {
        if (status[i].error) {
            trouble = true;
            fprintf(stderr, "%s: error: %s\n", status[i].path, status[i].error);
        }
        if (o->verbose)
            print_verbose(&status[i]);
    }
    diag_sort(&sink);
    struct report_input in = {status, n, sink.diags.v, sink.diags.n};
    if (o->action != ACT_DUMP_IR) {
        if (o->format == FORMAT_JSON)
            report_json(stdout, &in);
        else
            report_text(stdout, &in, use_color(o));
    }
    int rc = trouble ? EXIT_TROUBLE : (sink.diags.n && !o->exit_zero) ? EXIT_FINDINGS : EXIT_CLEAN;
    free(status);
    diag_sink_free(&sink);
    pch_cache_free(cache);
    plan_free(&plan);
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
        /* libclang parses on a thread of its own unless told not to; on the
         * worker's thread instead, the parse's CPU time is measurable per
         * file (-v) and each worker's large stack serves it. */
        setenv("LIBCLANG_NOTHREADS", "1", 1);
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
