/* driver/options: command-line parsing. */
#include "options.h"
#include "../front/pch_evict.h"
#include "../rules/registry.h"
#include "../util/str.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void options_usage(FILE *out)
{
    fputs("usage: tfgradlint [options] <file-or-dir>... [-- <compiler flags>]\n"
          "\n"
          "Finds the bugs that leave a training loop without gradients in C and C++\n"
          "training code (LibTorch, TensorFlow, models described in JSON).\n"
          "\n"
          "options:\n"
          "  --format FORMAT         text (default), json, sarif (SARIF 2.1.0), github (Actions\n"
          "                          annotations) or gitlab (Code Quality report)\n"
          "  --root DIR              paths in sarif, github and gitlab output are relative\n"
          "                          to DIR (default: the current directory)\n"
          "  --color auto|always|never  colour in text output (default: auto; NO_COLOR disables)\n"
          "  --select RULES          only these rules (comma-separated ids or names)\n"
          "  --ignore RULES          skip these rules\n"
          "  --config FILE           use this configuration instead of the nearest\n"
          "                          .tfgradlint.json above each file\n"
          "  --exit-zero             exit 0 even when there are findings\n"
          "  --strict                a file clang parsed with errors fails the run (exit 2);\n"
          "                          by default it is analysed partially: what clang could not\n"
          "                          resolve is unknown, and no finding rests on it\n"
          "  --show-partial          print a summary line for each partially parsed file\n"
          "  --statistics            print the number of findings per rule instead of them\n"
          "  -q, --quiet             print the findings and nothing else\n"
          "  --model FILE            load an extra framework model (JSON); repeatable\n"
          "  --headers auto|model|real  framework headers: built-in API models when the real\n"
          "                          ones are not reachable (auto), always (model), never (real)\n"
          "  -p DIR|FILE             compilation database: a build directory or its\n"
          "                          compile_commands.json (default: searched upward from each file)\n"
          "  --files-from-db         analyse every file the database lists (the default when\n"
          "                          -p is given without files)\n"
          "  -j N, --jobs N          analyse N files at a time (default: one per core)\n"
          "  --timeout SECONDS       give up on a file after SECONDS (default: 300); it is reported as an error\n"
          "  --cache-dir DIR         where precompiled headers are kept\n"
          "                          (default: $XDG_CACHE_HOME/tfgradlint or ~/.cache/tfgradlint)\n"
          "  --no-cache              parse every header of every file (no precompiled headers)\n"
          "  --cache-max-size SIZE   bound on the cache directory: least recently used\n"
          "                          precompiled headers go first (default: 1G; K, M, G suffixes; 0: none)\n"
          "  --clear-cache           remove the cache's files (but those other runs are using) and exit\n"
          "  --no-cross-file         analyse each file alone: calls into functions other files\n"
          "                          of the run define stay unknown (docs/cross-file.md)\n"
          "  --list-rules            list the rules and exit\n"
          "  --explain RULE          print a rule's documentation and exit\n"
          "  --dump-ir               print the dataflow IR of each file instead of findings\n"
          "  -v, --verbose           say how each file was parsed (headers, flags, PCH, times)\n"
          "  --version               print the version and exit\n"
          "  -h, --help              print this help and exit\n"
          "\n"
          "exit status: 0 no findings, 1 findings, 2 usage error or a file that could not be analysed\n"
          "(with --strict, also a file with parse errors)\n",
          out);
}

static bool pick(const char *v, const char *const *names, int *out)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(v, names[i]) == 0) {
            *out = i;
            return true;
        }
    return false;
}

/* Handles an option taking a value, as `--opt value` or `--opt=value`. */
static const char *value_of(const char *name, int argc, char **argv, int *i)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) != 0)
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (argv[*i][n] == '\0' && *i + 1 < argc)
        return argv[++*i];
    return NULL;
}

static bool needs_value(const char *arg)
{
    static const char *const with_value[] = {"--format", "--color", "--select", "--ignore", "--model",
                                             "--headers", "--explain", "--root", "--config", "-p", "-j", "--jobs",
                                             "--cache-dir", "--cache-max-size", "--timeout", NULL};
    for (int i = 0; with_value[i]; i++)
        if (strcmp(arg, with_value[i]) == 0)
            return true;
    return false;
}

static bool parse_jobs(const char *v, int *jobs)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (end == v || *end || n < 1 || n > 256)
        return false;
    *jobs = (int)n;
    return true;
}

/* Seconds, a positive number up to a day. */
static bool parse_timeout(const char *v, double *seconds)
{
    char *end;
    double t = strtod(v, &end);
    if (end == v || *end || !(t > 0) || t > 86400)
        return false;
    *seconds = t;
    return true;
}

bool options_parse(int argc, char **argv, struct options *o, struct strbuf *err)
{
    static const char *const formats[] = {"text", "json", "sarif", "github", "gitlab", NULL};
    static const char *const colors[] = {"auto", "always", "never", NULL};
    static const char *const headers[] = {"auto", "model", "real", NULL};
    memset(o, 0, sizeof *o);
    o->timeout = OPTIONS_DEFAULT_TIMEOUT;
    o->cache_max = PCH_CACHE_DEFAULT_MAX;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        int choice;
        if (strcmp(a, "--") == 0) {
            for (i++; i < argc; i++)
                VEC_PUSH(o->compiler_args, argv[i]);
            break;
        }
        if (needs_value(a) && i + 1 >= argc) {
            sb_printf(err, "option %s needs a value", a);
            return false;
        }
        if ((v = value_of("--format", argc, argv, &i))) {
            if (!pick(v, formats, &choice))
                return sb_printf(err, "unknown format '%s' (expected text, json, sarif, github or gitlab)", v), false;
            o->format = (enum output_format)choice;
        } else if ((v = value_of("--color", argc, argv, &i))) {
            if (!pick(v, colors, &choice))
                return sb_printf(err, "unknown colour mode '%s'", v), false;
            o->color = (enum color_mode)choice;
        } else if ((v = value_of("--headers", argc, argv, &i))) {
            if (!pick(v, headers, &choice))
                return sb_printf(err, "unknown header mode '%s' (expected auto, model or real)", v), false;
            o->headers = (enum header_mode)choice;
        } else if ((v = value_of("--select", argc, argv, &i)))
            o->select = v;
        else if ((v = value_of("--ignore", argc, argv, &i)))
            o->ignore = v;
        else if ((v = value_of("--config", argc, argv, &i)))
            o->config = v;
        else if ((v = value_of("--root", argc, argv, &i)))
            o->root = v;
        else if ((v = value_of("--model", argc, argv, &i)))
            VEC_PUSH(o->models, v);
        else if ((v = value_of("--explain", argc, argv, &i))) {
            o->action = ACT_EXPLAIN;
            o->explain = v;
        } else if ((v = value_of("-p", argc, argv, &i)))
            o->compdb = v;
        else if ((v = value_of("--cache-dir", argc, argv, &i)))
            o->cache_dir = v;
        else if ((v = value_of("--cache-max-size", argc, argv, &i))) {
            if (!pch_parse_size(v, &o->cache_max))
                return sb_printf(err, "--cache-max-size needs a size such as 500M or 2G, not '%s'", v), false;
        } else if (strcmp(a, "--clear-cache") == 0)
            o->action = ACT_CLEAR_CACHE;
        else if ((v = value_of("--jobs", argc, argv, &i)) || (v = value_of("-j", argc, argv, &i)) ||
                 (strncmp(a, "-j", 2) == 0 && a[2] >= '0' && a[2] <= '9' && (v = a + 2))) {
            if (!parse_jobs(v, &o->jobs))
                return sb_printf(err, "-j needs a number of jobs from 1 to 256, not '%s'", v), false;
        } else if ((v = value_of("--timeout", argc, argv, &i))) {
            if (!parse_timeout(v, &o->timeout))
                return sb_printf(err, "--timeout needs a number of seconds from 0 to 86400, not '%s'", v), false;
        } else if (strcmp(a, "--files-from-db") == 0)
            o->files_from_db = true;
        else if (strcmp(a, "--no-cache") == 0)
            o->no_cache = true;
        else if (strcmp(a, "--no-cross-file") == 0)
            o->no_cross_file = true;
        else if (strcmp(a, "--exit-zero") == 0)
            o->exit_zero = true;
        else if (strcmp(a, "--strict") == 0)
            o->strict = true;
        else if (strcmp(a, "--show-partial") == 0)
            o->show_partial = true;
        else if (strcmp(a, "--statistics") == 0)
            o->statistics = true;
        else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0)
            o->quiet = true;
        else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0)
            o->verbose = true;
        else if (strcmp(a, "--list-rules") == 0)
            o->action = ACT_LIST_RULES;
        else if (strcmp(a, "--dump-ir") == 0)
            o->action = ACT_DUMP_IR;
        else if (strcmp(a, "--version") == 0)
            o->action = ACT_VERSION;
        else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
            o->action = ACT_HELP;
        else if (a[0] == '-' && a[1] != '\0')
            return sb_printf(err, "unknown option '%s' (see --help)", a), false;
        else
            VEC_PUSH(o->paths, a);
    }
    if (o->statistics && o->format != FORMAT_TEXT)
        return sb_add(err, "--statistics prints text; it cannot be combined with --format"), false;
    bool analyzing = o->action == ACT_ANALYZE || o->action == ACT_DUMP_IR;
    if (analyzing && o->files_from_db && o->paths.n)
        return sb_add(err, "--files-from-db takes no file arguments"), false;
    if (analyzing && o->paths.n == 0 && !o->compdb && !o->files_from_db)
        return sb_add(err, "no input files (see --help)"), false;
    if (o->paths.n == 0)
        o->files_from_db = analyzing; /* only -p given: the database's files */
    return true;
}

/* Compiler options whose value is the next argument, so that a file name
 * after them is their value, not a misplaced input. */
static bool takes_separate_value(const char *flag)
{
    static const char *const flags[] = {"-include", "-imacros", "-o", "-x", "-MF", "-MT", "-MQ", "-Xclang",
                                        "-I", "-isystem", "-iquote", "-idirafter", "-D", "-U", NULL};
    for (int i = 0; flags[i]; i++)
        if (strcmp(flag, flags[i]) == 0)
            return true;
    return false;
}

static bool names_source_file(const char *arg)
{
    static const char *const exts[] = {".c", ".cc", ".cpp", ".cxx", ".h", ".hh", ".hpp", NULL};
    struct stat st;
    for (int i = 0; exts[i]; i++)
        if (str_has_suffix(arg, exts[i]))
            return stat(arg, &st) == 0 && S_ISREG(st.st_mode);
    return false;
}

size_t options_files_after_dashdash(const struct options *o, struct strbuf *names)
{
    size_t n = 0;
    for (size_t i = 0; i < o->compiler_args.n; i++) {
        const char *a = o->compiler_args.v[i];
        if (a[0] == '-' || (i > 0 && takes_separate_value(o->compiler_args.v[i - 1])) || !names_source_file(a))
            continue;
        sb_printf(names, "%s'%s'", n++ ? ", " : "", a);
    }
    return n;
}

void options_free(struct options *o)
{
    VEC_FREE(o->paths);
    VEC_FREE(o->models);
    VEC_FREE(o->compiler_args);
}

bool options_rule_list(const char *list, bool *in, struct strbuf *err)
{
    struct strbuf name;
    sb_init(&name);
    bool ok = true;
    for (const char *p = list; *p && ok;) {
        size_t n = strcspn(p, ",");
        name.len = 0;
        sb_addn(&name, p, n);
        int r = rule_find(sb_str(&name));
        if (r < 0 && n > 0) {
            sb_printf(err, "unknown rule '%s' (see --list-rules)", sb_str(&name));
            ok = false;
        }
        if (r >= 0)
            in[r] = true;
        p += n;
        if (*p == ',')
            p++;
    }
    sb_free(&name);
    return ok;
}

bool options_rule_mask(const struct options *o, bool *enabled, struct strbuf *err)
{
    bool sel[RULE_COUNT] = {false}, ign[RULE_COUNT] = {false};
    if (o->select && !options_rule_list(o->select, sel, err))
        return false;
    if (o->ignore && !options_rule_list(o->ignore, ign, err))
        return false;
    for (int i = 0; i < RULE_COUNT; i++)
        enabled[i] = (o->select == NULL || sel[i]) && !ign[i];
    return true;
}
