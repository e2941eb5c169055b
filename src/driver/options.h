/* driver/options: the command line, parsed into struct options. */
#ifndef TFG_DRIVER_OPTIONS_H
#define TFG_DRIVER_OPTIONS_H
#include "../front/front.h"
#include "../util/strbuf.h"
#include "../util/vec.h"
#include <stdbool.h>

enum output_format { FORMAT_TEXT, FORMAT_JSON, FORMAT_SARIF, FORMAT_GITHUB, FORMAT_GITLAB };
enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };
enum action { ACT_ANALYZE, ACT_HELP, ACT_VERSION, ACT_LIST_RULES, ACT_EXPLAIN, ACT_DUMP_IR, ACT_CLEAR_CACHE };

/* Generous: the slowest real file measured parses in about 10 s. */
#define OPTIONS_DEFAULT_TIMEOUT 300.0

struct options {
    enum action action;
    enum output_format format;
    enum color_mode color;
    enum header_mode headers;
    bool exit_zero, verbose, statistics, quiet;
    bool strict;                   /* --strict: a file with parse errors is a failure (exit 2) */
    bool show_partial;             /* --show-partial: a summary line per partially parsed file */
    const char *config;            /* --config FILE instead of discovery */
    const char *explain;           /* rule for --explain */
    const char *select, *ignore;   /* comma-separated rule ids or names */
    const char *root;              /* --root: CI paths are relative to it */
    const char *compdb;            /* -p: build directory or compile_commands.json */
    bool files_from_db;            /* analyse every file the database lists */
    int jobs;                      /* -j; 0: one per core */
    double timeout;                /* --timeout: seconds per file */
    const char *cache_dir;         /* --cache-dir; NULL: the default */
    bool no_cache;
    unsigned long long cache_max; /* --cache-max-size in bytes; 0: no bound */
    bool no_cross_file;            /* --no-cross-file: no second phase (driver/xfile.h) */
    VEC(const char *) paths;       /* files and directories */
    VEC(const char *) models;      /* extra model files */
    VEC(const char *) compiler_args; /* after `--` */
};

/* Parses argv. On a usage error returns false with the message appended
 * to `err`. */
bool options_parse(int argc, char **argv, struct options *o, struct strbuf *err);
void options_free(struct options *o);
/* Fills `enabled` (RULE_COUNT entries) from --select/--ignore. */
bool options_rule_mask(const struct options *o, bool *enabled, struct strbuf *err);
/* Sets in[r] for each rule named in the comma-separated `list` (in[] is
 * not cleared first). False for an unknown rule. */
bool options_rule_list(const char *list, bool *in, struct strbuf *err);
void options_usage(FILE *out);
/* Compiler flags after `--` that name existing C or C++ files, most likely
 * files meant to be analysed (`... | xargs tfgradlint -- -Iinclude` puts
 * every file there). Appends them to `names` ('a.cpp', 'b.cpp'); returns
 * how many. */
size_t options_files_after_dashdash(const struct options *o, struct strbuf *names);

#endif
