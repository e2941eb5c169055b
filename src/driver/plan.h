/* driver/plan: which files a run analyses and with which compiler flags.
 *
 * Files come from the command line (directories walked) or, with
 * --files-from-db, from a compilation database. Each file's flags are its
 * database entry's (from -p, or from the compile_commands.json found
 * upward from the file, as clang-tidy does), followed by the flags given
 * after `--`, then the C++ standard the project declares when none of them
 * names one (project_std.h). The plan owns everything in it (its arena and databases). */
#ifndef TFG_DRIVER_PLAN_H
#define TFG_DRIVER_PLAN_H
#include "compdb.h"
#include "options.h"
#include "project_std.h"
#include <stdio.h>

struct job {
    const char *path;          /* as reported */
    const char *const *args;   /* parser flags */
    size_t nargs;
    const char *db;            /* the database the flags came from, or NULL */
    bool db_exact;             /* the database lists this file (not borrowed flags) */
    const char *error;         /* the file cannot be analysed (its database is broken) */
    const char *root;          /* its project's root (front/includes.h), or NULL */
    const char *outer;         /* the directory named on the command line holding it, or NULL */
};

struct plan {
    struct arena arena;
    VEC(struct job) jobs;
    VEC(struct compdb *) dbs;
    struct strmap db_by_path;  /* discovered path -> database, or the error text */
    const_str_vec named_dirs;  /* the directories named on the command line, resolved */
    struct project_std stds;   /* the C++ standards the projects' build files declare */
};

/* Fills `p`. Returns false with the reason in `err` when the run cannot
 * start (a -p database that cannot be read, no database for
 * --files-from-db). Warnings (dropped plugin flags) go to `warn`. */
bool plan_build(struct plan *p, const struct options *o, FILE *warn, struct strbuf *err);
void plan_free(struct plan *p);

#endif
