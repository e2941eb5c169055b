/* driver/compdb: compilation databases (compile_commands.json).
 *
 * A database gives each source file the exact flags its build uses. Loading
 * one turns every entry into parser flags: the compiler, `-c`, `-o` and the
 * dependency-file options and the file itself are removed, include paths
 * relative to the entry's `directory` are made absolute, and flags that
 * would load code into the analyzer (plugins) are dropped and listed in
 * `dropped` so the caller can warn once. Everything a database owns lives
 * in its arena and is released by compdb_free. */
#ifndef TFG_DRIVER_COMPDB_H
#define TFG_DRIVER_COMPDB_H
#include "../util/arena.h"
#include "../util/hashmap.h"
#include "../util/strbuf.h"
#include "../util/vec.h"
#include <stdbool.h>
#include <stddef.h>

struct compdb_entry {
    const char *file;          /* absolute, normalised */
    const char *const *args;   /* parser flags, see above */
    size_t nargs;
};

struct compdb {
    struct arena arena;
    const char *path;          /* the compile_commands.json it was read from */
    VEC(struct compdb_entry) entries; /* in file order, one per distinct file */
    struct strmap by_file;
    const_str_vec dropped;     /* distinct plugin flags that were removed */
};

/* Reads `path_or_dir` (a compile_commands.json or a directory holding one).
 * On failure returns NULL with "FILE: problem" in `err`. */
struct compdb *compdb_load(const char *path_or_dir, struct strbuf *err);
void compdb_free(struct compdb *db);

/* The compile_commands.json in the directory of `file` or the nearest
 * ancestor, as clang-tidy finds it (heap string), or NULL. */
char *compdb_discover(const char *file);

/* Flags for `file` (any spelling): its own entry, or for a file the
 * database does not list (a header, a new file) the entry whose path shares
 * the longest directory prefix with it. NULL for an empty database. */
const struct compdb_entry *compdb_lookup(const struct compdb *db, const char *file, bool *exact);

/* Splits a shell command line as the `command` field spells it; words go
 * into `out` as arena strings. False on an unterminated quote. */
bool compdb_split_command(struct arena *a, const char *cmd, const_str_vec *out);

/* Turns a compiler command line (argv[0] is the compiler) into parser
 * flags for `file`, run from `directory`; plugin flags are appended to
 * `dropped` (arena strings). Exposed for the unit tests. */
void compdb_clean_args(struct arena *a, const char *const *argv, size_t argc, const char *directory,
                       const char *file, const_str_vec *out, const_str_vec *dropped);

/* Absolute, lexically normalised form of `path` relative to `dir` (arena). */
char *compdb_absolute(struct arena *a, const char *dir, const char *path);

#endif
