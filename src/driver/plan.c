/* driver/plan: files and per-file flags from arguments and databases. */
#include "plan.h"
#include "datadir.h"
#include "project_std.h"
#include "vendored.h"
#include "walk.h"
#include "../front/includes.h"
#include "../util/str.h"
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

/* A discovered database that failed to load is remembered by its error, so
 * that every file under it reports the same problem once per file. */
struct db_slot {
    struct compdb *db;
    const char *error;
};

static void warn_dropped(const struct compdb *db, FILE *warn)
{
    if (!db->dropped.n)
        return;
    fprintf(warn, "tfgradlint: warning: %s: ignoring flags that would load code into the analyzer:", db->path);
    for (size_t i = 0; i < db->dropped.n; i++)
        fprintf(warn, "%s %s", i ? "," : "", db->dropped.v[i]);
    fputc('\n', warn);
}

static struct db_slot *load_db(struct plan *p, const char *path, FILE *warn)
{
    struct db_slot *slot = strmap_get(&p->db_by_path, path);
    if (slot)
        return slot;
    slot = arena_alloc(&p->arena, sizeof *slot);
    struct strbuf err;
    sb_init(&err);
    slot->db = compdb_load(path, &err);
    if (slot->db) {
        VEC_PUSH(p->dbs, slot->db);
        warn_dropped(slot->db, warn);
    } else
        slot->error = arena_strdup(&p->arena, sb_str(&err));
    sb_free(&err);
    strmap_put(&p->db_by_path, arena_strdup(&p->arena, path), slot);
    return slot;
}

/* Shortens an absolute path under the working directory to a relative one,
 * so database files are reported as the user would spell them. */
static const char *display_path(struct plan *p, const char *abs)
{
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return abs;
    size_t n = strlen(cwd);
    if (strncmp(abs, cwd, n) == 0 && abs[n] == '/')
        return arena_strdup(&p->arena, abs + n + 1);
    return abs;
}

/* Resolves the directories named on the command line once for the run
 * (not the file system root). */
static void resolve_named_dirs(struct plan *p, const struct options *o)
{
    for (size_t i = 0; i < o->paths.n; i++) {
        char *dir = realpath(o->paths.v[i], NULL);
        struct stat st;
        if (dir && strcmp(dir, "/") != 0 && stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
            const char *kept = arena_strdup(&p->arena, dir);
            VEC_PUSH(p->named_dirs, kept);
        }
        free(dir);
    }
}

/* The innermost directory named on the command line that holds the
 * resolved path `abs` (NULL: none), or
 * NULL. A file no project marker (.git, CMakeLists.txt, ...) sits above (a
 * downloaded archive, a copied folder) takes it as its project root, so its
 * headers are still found by name; for the others it is searched last. */
static const char *named_dir_root(const struct plan *p, const char *abs)
{
    const char *best = NULL;
    for (size_t i = 0; abs && i < p->named_dirs.n; i++) {
        const char *dir = p->named_dirs.v[i];
        if (str_path_under(abs, dir) && (!best || strlen(dir) > strlen(best)))
            best = dir;
    }
    return best;
}

static void add_job(struct plan *p, const struct options *o, const char *path, struct db_slot *slot)
{
    char *abs = realpath(path, NULL);
    const char *root = inc_project_root(path), *named = named_dir_root(p, abs);
    struct job j = {arena_strdup(&p->arena, path), NULL, 0, NULL, false, NULL, root ? root : named, named};
    const struct compdb_entry *e = NULL;
    if (slot && slot->error)
        j.error = slot->error;
    else if (slot)
        e = compdb_lookup(slot->db, path, &j.db_exact);
    if (e)
        j.db = slot->db->path;
    size_t ne = e ? e->nargs : 0;
    j.nargs = ne + o->compiler_args.n;
    const char **args = arena_alloc(&p->arena, (j.nargs + 1) * sizeof *args);
    for (size_t i = 0; i < ne; i++)
        args[i] = e->args[i];
    for (size_t i = 0; i < o->compiler_args.n; i++)
        args[ne + i] = o->compiler_args.v[i];
    const char *std = !abs || str_args_name_std(args, j.nargs) || str_has_suffix(path, ".c")
                          ? NULL
                          : project_std_flag(&p->stds, abs, j.root);
    free(abs);
    if (std)
        args[j.nargs++] = std;
    j.args = args;
    VEC_PUSH(p->jobs, j);
}

static struct db_slot *discovered_db(struct plan *p, const char *file, FILE *warn)
{
    char *found = compdb_discover(file);
    struct db_slot *slot = found ? load_db(p, found, warn) : NULL;
    free(found);
    return slot;
}

static bool is_header(const char *path)
{
    static const char *const exts[] = {".h", ".hh", ".hpp", ".hxx", ".cuh", NULL};
    const char *dot = strrchr(path, '.');
    for (int i = 0; dot && exts[i]; i++)
        if (strcmp(dot, exts[i]) == 0)
            return true;
    return false;
}

static bool named_on_command_line(const struct options *o, const char *path)
{
    for (size_t i = 0; i < o->paths.n; i++)
        if (strcmp(o->paths.v[i], path) == 0)
            return true;
    return false;
}

/* The headers met in a directory walk are analysed through the source
 * files of the run that include them (directly or through other headers):
 * parsed alone, a header that is not self-contained fails, and its bodies
 * would be analysed twice. A header no source of the run includes stays,
 * and gets the same inferred flags as any file. The scans also fill the
 * include cache the per-file children inherit; -v lists the inferred
 * directories. */
static void drop_included_headers(struct plan *p, const struct options *o, const char *model_dir, FILE *warn)
{
    struct strmap reached, inferred;
    strmap_init(&reached);
    strmap_init(&inferred);
    for (size_t i = 0; i < p->jobs.n; i++) {
        const struct job *j = &p->jobs.v[i];
        if (j->error || is_header(j->path))
            continue;
        struct inc_config cfg = {j->args, j->nargs, model_dir, o->headers == HEADERS_MODEL, j->root, j->outer};
        struct inc_scan scan;
        inc_scan_file(j->path, NULL, &cfg, &p->arena, &scan);
        for (size_t k = 0; k < scan.reached.n; k++)
            strmap_put(&reached, scan.reached.v[k], (void *)scan.reached.v[k]);
        for (size_t k = 0; o->verbose && k < scan.inferred.n; k++)
            if (!strmap_get(&inferred, scan.inferred.v[k])) {
                strmap_put(&inferred, scan.inferred.v[k], (void *)scan.inferred.v[k]);
                fprintf(warn, "tfgradlint: inferred include directory %s (project %s)\n", scan.inferred.v[k],
                        j->root ? j->root : "?");
            }
        inc_scan_free(&scan);
    }
    size_t kept = 0;
    for (size_t i = 0; i < p->jobs.n; i++) {
        struct job j = p->jobs.v[i];
        char *abs = is_header(j.path) && !named_on_command_line(o, j.path) ? realpath(j.path, NULL) : NULL;
        bool included = abs && strmap_get(&reached, abs);
        if (included && o->verbose)
            fprintf(warn, "%s: analysed through the files that include it\n", j.path);
        free(abs);
        if (!included)
            p->jobs.v[kept++] = j;
    }
    p->jobs.n = kept;
    strmap_free(&reached);
    strmap_free(&inferred);
}

bool plan_build(struct plan *p, const struct options *o, FILE *warn, struct strbuf *err)
{
    memset(p, 0, sizeof *p);
    arena_init(&p->arena);
    strmap_init(&p->db_by_path);
    project_std_init(&p->stds);
    resolve_named_dirs(p, o);
    struct db_slot *given = o->compdb ? load_db(p, o->compdb, warn) : NULL;
    if (given && given->error) {
        sb_add(err, given->error);
        return false;
    }
    if (o->files_from_db) {
        struct db_slot *db = given ? given : discovered_db(p, "./compile_commands.json", warn);
        if (!db) {
            sb_add(err, "--files-from-db: no compile_commands.json in the current directory or above (give -p)");
            return false;
        }
        if (db->error) {
            sb_add(err, db->error);
            return false;
        }
        for (size_t i = 0; i < db->db->entries.n; i++)
            add_job(p, o, display_path(p, db->db->entries.v[i].file), db);
        return true;
    }
    char *datadir = datadir_find();
    const char *model_dir = datadir ? arena_printf(&p->arena, "%s/include", datadir) : NULL;
    free(datadir);
    /* Only directories below a named one are tested: no listing of the
     * model's headers for a run on files. */
    struct vendored frameworks;
    vendored_init(&frameworks, p->named_dirs.n ? model_dir : NULL, &p->arena);
    path_list files = {0}, skipped = {0};
    walk_paths(o->paths.v, o->paths.n, vendored_framework_dir, &frameworks, &files, &skipped);
    for (size_t i = 0; o->verbose && i < skipped.n; i++)
        fprintf(warn, "tfgradlint: %s: not analysed: a copy of a framework's own headers (name it to analyse it)\n",
                skipped.v[i]);
    for (size_t i = 0; i < files.n; i++)
        add_job(p, o, files.v[i], given ? given : discovered_db(p, files.v[i], warn));
    walk_free(&files);
    walk_free(&skipped);
    vendored_free(&frameworks);
    drop_included_headers(p, o, model_dir, warn);
    return true;
}

void plan_free(struct plan *p)
{
    for (size_t i = 0; i < p->dbs.n; i++)
        compdb_free(p->dbs.v[i]);
    VEC_FREE(p->dbs);
    VEC_FREE(p->jobs);
    VEC_FREE(p->named_dirs);
    strmap_free(&p->db_by_path);
    project_std_free(&p->stds);
    arena_free(&p->arena);
}
