/* driver/plan: files and per-file flags from arguments and databases. */
#include "plan.h"
#include "walk.h"
#include <limits.h>
#include <stdlib.h>
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

static void add_job(struct plan *p, const struct options *o, const char *path, struct db_slot *slot)
{
    struct job j = {arena_strdup(&p->arena, path), NULL, 0, NULL, false, NULL};
    const struct compdb_entry *e = NULL;
    if (slot && slot->error)
        j.error = slot->error;
    else if (slot)
        e = compdb_lookup(slot->db, path, &j.db_exact);
    if (e)
        j.db = slot->db->path;
    size_t ne = e ? e->nargs : 0;
    j.nargs = ne + o->compiler_args.n;
    const char **args = arena_alloc(&p->arena, (j.nargs ? j.nargs : 1) * sizeof *args);
    for (size_t i = 0; i < ne; i++)
        args[i] = e->args[i];
    for (size_t i = 0; i < o->compiler_args.n; i++)
        args[ne + i] = o->compiler_args.v[i];
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

bool plan_build(struct plan *p, const struct options *o, FILE *warn, struct strbuf *err)
{
    memset(p, 0, sizeof *p);
    arena_init(&p->arena);
    strmap_init(&p->db_by_path);
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
    path_list files = {0};
    walk_paths(o->paths.v, o->paths.n, &files);
    for (size_t i = 0; i < files.n; i++)
        add_job(p, o, files.v[i], given ? given : discovered_db(p, files.v[i], warn));
    walk_free(&files);
    return true;
}

void plan_free(struct plan *p)
{
    for (size_t i = 0; i < p->dbs.n; i++)
        compdb_free(p->dbs.v[i]);
    VEC_FREE(p->dbs);
    VEC_FREE(p->jobs);
    strmap_free(&p->db_by_path);
    arena_free(&p->arena);
}
