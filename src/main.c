/* main: options -> models -> pipeline per file -> reporter -> exit status. */
#include "driver/datadir.h"
#include "driver/header_policy.h"
#include "driver/options.h"
#include "driver/plan.h"
#include "driver/pool.h"
#include "driver/settings.h"
#include "driver/suppress.h"
#include "front/pch_evict.h"
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

/* --cache-dir, else $XDG_CACHE_HOME/tfgradlint, else ~/.cache/tfgradlint;
 * false when there is none. */
static bool cache_dir(const struct options *o, struct strbuf *dir)
{
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    if (o->cache_dir)
        sb_add(dir, o->cache_dir);
    else if (xdg && *xdg)
        sb_printf(dir, "%s/tfgradlint", xdg);
    else if (home && *home)
        sb_printf(dir, "%s/.cache/tfgradlint", home);
    else
        return false;
    return true;
}

static struct pch_cache *open_cache(const struct options *o)
{
    struct strbuf dir, err;
    sb_init(&dir);
    sb_init(&err);
    struct pch_cache *c = NULL;
    if (!o->no_cache && cache_dir(o, &dir)) {
        c = pch_cache_new(sb_str(&dir), &err);
        if (!c)
            fprintf(stderr, "tfgradlint: warning: %s; parsing without precompiled headers\n", sb_str(&err));
        pch_cache_set_max(c, o->cache_max);
    }
    sb_free(&err);
    sb_free(&dir);
    return c;
}

/* --clear-cache: every cache file but those of PCHs other runs are reading
 * or building. */
static int clear_cache(const struct options *o)
{
    struct strbuf dir;
    sb_init(&dir);
    struct pch_evict_stats st;
    int rc = EXIT_CLEAN;
    if (!cache_dir(o, &dir)) {
        fputs("tfgradlint: error: no cache directory (give --cache-dir)\n", stderr);
        rc = EXIT_TROUBLE;
    } else if (!pch_evict(sb_str(&dir), 0, NULL, 0, &st) && access(sb_str(&dir), F_OK) == 0) {
        fprintf(stderr, "tfgradlint: error: %s: cannot read the cache directory\n", sb_str(&dir));
        rc = EXIT_TROUBLE;
    } else if (!o->quiet) {
        fprintf(stderr, "tfgradlint: %s: removed %u file%s (%.1f MB)%s\n", sb_str(&dir), st.files_removed,
                st.files_removed == 1 ? "" : "s", (double)(st.bytes_before - st.bytes_after) / 1e6,
                st.keys_busy ? "; kept the precompiled headers other runs are using" : "");
    }
    sb_free(&dir);
    return rc;
}

static void print_verbose(const struct file_status *st, const struct file_settings *fs)
{
    if (!st->ok)
        return;
    fprintf(stderr,
            "%s: parsed with %s headers, PCH %s, flags from %s, configuration: %s; cpu: pch %.3f s, parse %.3f s, "
            "ir %.3f s, analysis %.3f s, cross-file %.3f s (%u call%s resolved)\n",
            st->path, st->model_headers ? "built-in model" : "real", st->pch, st->db ? st->db : "the command line",
            fs && fs->has_config ? fs->cfg.path : "none", st->pch_seconds, st->parse_seconds, st->ir_seconds,
            st->analysis_seconds, st->xfile_seconds, st->xcalls_resolved, st->xcalls_resolved == 1 ? "" : "s");
}

/* Finds the settings of every planned file and drops the excluded ones,
 * before anything is analysed. A --config that cannot be read is a usage
 * error that stops the run; a configuration found upward that cannot be
 * becomes an error of the files under it, and the others are analysed. */
static bool settle(struct settings *st, struct plan *p, const struct file_settings **per)
{
    struct strbuf err;
    sb_init(&err);
    size_t kept = 0;
    for (size_t i = 0; i < p->jobs.n; i++) {
        struct job j = p->jobs.v[i];
        sb_free(&err);
        const struct file_settings *fs = j.error ? NULL : settings_for(st, j.path, &err);
        if (!fs && !j.error && st->o->config) {
            fprintf(stderr, "tfgradlint: error: %s\n", sb_str(&err));
            sb_free(&err);
            return false;
        }
        if (!fs && !j.error)
            j.error = arena_strdup(&p->arena, sb_str(&err));
        if (fs && fs->has_config && config_excludes(&fs->cfg, j.path)) {
            if (st->o->verbose)
                fprintf(stderr, "%s: excluded by %s\n", j.path, fs->cfg.path);
            continue;
        }
        per[kept] = fs;
        p->jobs.v[kept++] = j;
    }
    p->jobs.n = kept;
    sb_free(&err);
    return true;
}

/* One line for a file analysed with parse errors: how much is unknown. */
static void print_partial(const struct file_status *st)
{
    report_put_safe(stderr, st->path, strlen(st->path));
    fprintf(stderr, ": partially analysed: %u parse error%s, %u unresolved name%s, %u missing header%s; first: ",
            st->parse_errors, st->parse_errors == 1 ? "" : "s", st->unresolved_names,
            st->unresolved_names == 1 ? "" : "s", st->missing_headers, st->missing_headers == 1 ? "" : "s");
    const char *first = st->parse_error ? st->parse_error : "?";
    report_put_safe(stderr, first, strlen(first));
    fputc('\n', stderr);
}

/* With --strict, a partially parsed file fails as it did before partial
 * analysis existed: its findings are kept, the run exits 2. */
static void apply_strict(struct file_status *status, size_t n, struct arena *a)
{
    for (size_t i = 0; i < n; i++) {
        struct file_status *st = &status[i];
        if (!st->partial || st->error)
            continue;
        const char *first = st->parse_error ? st->parse_error : "?";
        st->error = st->parse_errors == 1
                        ? arena_printf(a, "1 error while parsing (results may be incomplete): %s", first)
                        : arena_printf(a, "%u errors while parsing (results may be incomplete); first: %s",
                                       st->parse_errors, first);
    }
}

/* Reports the files that could not be analysed; true if there were none. */
static bool file_errors(const struct options *o, const struct file_status *status, const struct file_settings **per,
                        size_t n)
{
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        if (status[i].partial && !status[i].error && (o->verbose || o->show_partial) && !o->quiet)
            print_partial(&status[i]);
        if (status[i].error) {
            ok = false;
            report_put_safe(stderr, status[i].path, strlen(status[i].path));
            fputs(": error: ", stderr);
            report_put_safe(stderr, status[i].error, strlen(status[i].error));
            fputc('\n', stderr);
        }
        if (o->verbose)
            print_verbose(&status[i], per[i]);
    }
    return ok;
}

static int report_run(const struct options *o, struct diag_sink *sink, struct file_status *status, size_t n,
                      bool ok)
{
    size_t suppressed = suppress_apply(sink, status, n);
    diag_sort(sink);
    char *root = realpath(o->root ? o->root : ".", NULL);
    struct report_input in = {status, n, sink->diags.v, sink->diags.n, root};
    if (o->action != ACT_DUMP_IR)
        report(o, &in);
    if (suppressed && !o->quiet && o->format == FORMAT_TEXT)
        fprintf(stderr, "tfgradlint: %zu finding%s suppressed by NOLINT comments\n", suppressed,
                suppressed == 1 ? "" : "s");
    free(root);
    return !ok ? EXIT_TROUBLE : (sink->diags.n && !o->exit_zero) ? EXIT_FINDINGS : EXIT_CLEAN;
}

static int run_plan(const struct options *o, const char *datadir, struct plan *p, struct settings *st)
{
    const struct file_settings **per = xcalloc(p->jobs.n ? p->jobs.n : 1, sizeof *per);
    if (!settle(st, p, per)) {
        free(per);
        return EXIT_TROUBLE;
    }
    struct strbuf include_dir;
    sb_init(&include_dir);
    sb_printf(&include_dir, "%s/include", datadir ? datadir : ".");
    struct pch_cache *cache = open_cache(o);
    struct front_options fo = {NULL, 0, datadir ? sb_str(&include_dir) : NULL, o->headers, cache, NULL, NULL};
    struct diag_sink sink;
    diag_sink_init(&sink);
    size_t n = p->jobs.n;
    struct file_status *status = xcalloc(n ? n : 1, sizeof *status);
    struct pool_stats ps;
    pool_run(p, &fo, per, o->jobs ? o->jobs : pool_default_jobs(), o->timeout, &sink, status,
             o->action == ACT_DUMP_IR ? stdout : NULL, !o->no_cross_file, &ps);
    header_policy_apply(st, &sink, status, n);
    if (o->strict)
        apply_strict(status, n, &sink.arena);
    bool ok = file_errors(o, status, per, n);
    if (o->verbose) {
        unsigned training = 0, known = 0;
        for (size_t i = 0; i < n; i++) {
            training += status[i].grad_requests > 0;
            known += status[i].grad_requests_known > 0;
        }
        fprintf(stderr, "tfgradlint: %u training file%s (with a gradient request), %u with one resolved to a known "
                        "trainable object\n", training, training == 1 ? "" : "s", known);
    }
    if (o->verbose && ps.cross_file)
        fprintf(stderr,
                "tfgradlint: cross-file: %u call%s resolved to definitions in other files, %u file%s analysed "
                "again with them (%u kept single-file results, %u IR not decoded); wall: phase 1 %.3f s, phase 2 "
                "%.3f s\n",
                ps.xcalls_resolved, ps.xcalls_resolved == 1 ? "" : "s", ps.files_linked,
                ps.files_linked == 1 ? "" : "s", ps.link_failed, ps.undecoded, ps.phase1_seconds, ps.phase2_seconds);
    int rc = report_run(o, &sink, status, n, ok);
    free(status);
    diag_sink_free(&sink);
    pch_cache_free(cache);
    sb_free(&include_dir);
    free(per);
    return rc;
}

static int analyze(const struct options *o, const char *datadir)
{
    bool enabled[RULE_COUNT];
    struct strbuf perr;
    sb_init(&perr);
    if (!options_rule_mask(o, enabled, &perr)) {
        fprintf(stderr, "tfgradlint: error: %s\n", sb_str(&perr));
        sb_free(&perr);
        return EXIT_TROUBLE;
    }
    struct plan plan;
    if (!plan_build(&plan, o, stderr, &perr)) {
        fprintf(stderr, "tfgradlint: error: %s\n", sb_str(&perr));
        sb_free(&perr);
        plan_free(&plan);
        return EXIT_TROUBLE;
    }
    sb_free(&perr);
    struct settings st;
    settings_init(&st, o, datadir);
    int rc = run_plan(o, datadir, &plan, &st);
    settings_free(&st);
    plan_free(&plan);
    return rc;
}

/* Files after `--` are compiler flags: say so, naming them, and how to put
 * them first when a pipe made the command line. */
static void warn_files_after_dashdash(const struct options *o)
{
    struct strbuf names;
    sb_init(&names);
    size_t n = options_files_after_dashdash(o, &names);
    if (n)
        fprintf(stderr,
                "tfgradlint: warning: %s %s after '--', so %s passed to the compiler as %s and not analysed;"
                " name files before '--' (from a pipe: ... | xargs sh -c 'tfgradlint \"$@\" -- FLAGS' sh)\n",
                sb_str(&names), n == 1 ? "comes" : "come", n == 1 ? "it is" : "they are", n == 1 ? "a flag" : "flags");
    sb_free(&names);
}

int main(int argc, char **argv)
{
    struct options o;
    struct strbuf err;
    sb_init(&err);
    bool parsed = options_parse(argc, argv, &o, &err);
    if (!parsed || !o.quiet)
        warn_files_after_dashdash(&o);
    if (!parsed) {
        fprintf(stderr, "tfgradlint: error: %s\n", sb_str(&err));
        sb_free(&err);
        options_free(&o);
        return EXIT_TROUBLE;
    }
    sb_free(&err);
    int rc = EXIT_CLEAN;
    switch (o.action) {
    case ACT_HELP: options_usage(stdout); break;
    case ACT_VERSION: printf("tfgradlint %s\n", TFGRADLINT_VERSION); break;
    case ACT_LIST_RULES: rc = list_rules(); break;
    case ACT_EXPLAIN: rc = explain(o.explain); break;
    case ACT_CLEAR_CACHE: rc = clear_cache(&o); break;
    default: {
        /* libclang parses on a thread of its own unless told not to; on the
         * analysis thread instead, the parse's CPU time is measurable per
         * file (-v) and that thread's large stack serves it. A crash in
         * libclang is contained by the child process (driver/pool.c). */
        setenv("LIBCLANG_NOTHREADS", "1", 1);
        char *datadir = datadir_find();
        rc = analyze(&o, datadir);
        free(datadir);
    }
    }
    options_free(&o);
    pool_exit(rc);
}
