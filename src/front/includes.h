/* front/includes: the include graph of a file, read textually before any
 * parse, for zero-config runs.
 *
 * A real project reaches its framework through its own headers
 * (train.cpp -> "model.h" -> <torch/torch.h>), keeps headers in
 * directories only its build names (-Iinclude), and includes third-party
 * libraries that are not installed where the tool runs. This module finds
 * the project root, indexes the project's headers, follows `#include`
 * lines transitively (bounded), and says for one file:
 *   - the first framework header it reaches that the model provides and
 *     the flags cannot reach (so the model headers are used);
 *   - the directories to add with -I for includes that no flag reaches but
 *     a project header matches (the one nearest the including file);
 *   - the includes found nowhere (served as empty stand-ins by the parse).
 * Every file's directives are read once per process, and each project's
 * header index is built once per process: the driver scans in the parent
 * before the per-file children fork, so they inherit it. No libclang here,
 * so this can be unit-tested and fuzzed on its own. */
#ifndef TFG_FRONT_INCLUDES_H
#define TFG_FRONT_INCLUDES_H
#include "../util/arena.h"
#include "../util/vec.h"
#include <stdbool.h>
#include <stddef.h>

/* Bounds of one scan: how deep includes are followed and how many project
 * files are read. Past them the scan stops quietly (what it found stays). */
#define INC_MAX_DEPTH 24
#define INC_MAX_FILES 3000
/* Bounds of one project's header index: headers kept, and directory
 * entries read (a root found high up, such as a home directory under git,
 * must not cost a walk of the whole disk). */
#define INC_MAX_INDEXED 50000
#define INC_MAX_VISITED 400000

/* The nearest ancestor directory of `file` (itself included when it is a
 * directory) holding .git, CMakeLists.txt, compile_commands.json,
 * meson.build, BUILD, BUILD.bazel, WORKSPACE or setup.py; an absolute path
 * owned by the module's cache, or NULL when there is none. */
const char *inc_project_root(const char *file);

/* One `#include` line: the name between the delimiters, and whether it was
 * quoted ("...") rather than angled (<...>). */
struct inc_directive {
    const char *name;
    bool quoted;
    bool probe; /* named in `#if __has_include(...)`, not included */
};
typedef VEC(struct inc_directive) inc_directive_vec;

/* The `#include` lines of `text`, in order (any `#if` around them is
 * ignored: a scan that sees too much only adds stand-ins that are never
 * read), and the names `#if`/`#elif` lines test with `__has_include`
 * (probe). Names are arena strings. */
void inc_parse_directives(const char *text, struct arena *a, inc_directive_vec *out);

/* Where one file's includes are looked for. */
struct inc_config {
    const char *const *args; /* the file's compiler flags (-I, -iquote, -isystem, -idirafter) */
    size_t nargs;
    const char *model_dir;   /* the model headers' directory, or NULL */
    bool model_forced;       /* --headers model: model names always resolve there */
    const char *root;        /* project root (inc_project_root), or NULL: nothing inferred */
    const char *outer_root;  /* the directory named on the command line that holds the
                              * file (a repository of several projects), searched after
                              * the roots of the projects around `root`, or NULL */
};

/* What a scan found. Strings are arena strings; vectors are the caller's to
 * VEC_FREE (inc_scan_free). */
struct inc_scan {
    const char *framework; /* first model header reached that no flag reaches, or NULL */
    const_str_vec inferred; /* directories to add with -I, in the order found */
    const_str_vec missing;  /* include names found nowhere, each once */
    const_str_vec reached;  /* project files the scan read, besides the file itself */
    const_str_vec shadowed; /* names under a directory of the model (c10/...) that the model
                             * lacks and no flag reaches: with the model headers, an empty
                             * stand-in, never the system's real copy mixed with the model */
    const_str_vec local;    /* includes of the file itself that resolved to its project
                             * (relative, inferred) or nowhere: not for a shared PCH */
    bool truncated;         /* a bound was reached */
};

/* Scans `path` (whose text is `text`; NULL: read it) and what it reaches. */
void inc_scan_file(const char *path, const char *text, const struct inc_config *cfg, struct arena *a,
                   struct inc_scan *out);
void inc_scan_free(struct inc_scan *s);

/* The header of the project under `root` whose path ends with `/name`
 * nearest to the directory `from` (the longest shared directory prefix;
 * then the shortest path), or NULL. Absolute, owned by the cache. */
const char *inc_index_lookup(const char *root, const char *name, const char *from);

/* Drops every cached directive list and index (tests; files changed). */
void inc_cache_clear(void);

#endif
