/* front/includes: project roots, header indexes and transitive include
 * scans (see includes.h). One cache per process, under one lock. */
#include "includes.h"
#include "../util/alloc.h"
#include "../util/fs.h"
#include "../util/hashmap.h"
#include "../util/str.h"
#include "../util/strbuf.h"
#include <dirent.h>
#include <glob.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A project's headers by base name: "losses.h" -> every path ending so. */
struct index {
    struct strmap by_base; /* base name -> const_str_vec* */
    size_t count;
    size_t visited; /* directory entries read, bounded by INC_MAX_VISITED */
};

static struct {
    pthread_mutex_t lock;
    bool ready;
    struct arena arena;
    struct strmap roots;   /* start directory -> root ("" when none) */
    struct strmap files;   /* absolute path -> inc_directive_vec* (NULL entry: unreadable) */
    struct strmap indexes; /* root -> struct index* */
    const_str_vec system_dirs;
    bool have_system_dirs;
} cache = {PTHREAD_MUTEX_INITIALIZER, false, {0}, {0}, {0}, {0}, {0}, false};

static void cache_ready(void)
{
    if (cache.ready)
        return;
    arena_init(&cache.arena);
    strmap_init(&cache.roots);
    strmap_init(&cache.files);
    strmap_init(&cache.indexes);
    cache.ready = true;
}

static void free_map_vecs(struct strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key && m->slots[i].value) {
            inc_directive_vec *v = m->slots[i].value;
            VEC_FREE(*v);
        }
}

void inc_cache_clear(void)
{
    pthread_mutex_lock(&cache.lock);
    if (cache.ready) {
        free_map_vecs(&cache.files);
        for (size_t i = 0; i < cache.indexes.cap; i++)
            if (cache.indexes.slots[i].key) {
                struct index *ix = cache.indexes.slots[i].value;
                for (size_t k = 0; k < ix->by_base.cap; k++)
                    if (ix->by_base.slots[k].key) {
                        const_str_vec *v = ix->by_base.slots[k].value;
                        VEC_FREE(*v);
                    }
                strmap_free(&ix->by_base);
            }
        strmap_free(&cache.roots);
        strmap_free(&cache.files);
        strmap_free(&cache.indexes);
        VEC_FREE(cache.system_dirs);
        cache.have_system_dirs = false;
        arena_free(&cache.arena);
        cache.ready = false;
    }
    pthread_mutex_unlock(&cache.lock);
}

/* ---- paths ---- */

static bool file_in(const char *dir, const char *name, char *buf, size_t len)
{
    return snprintf(buf, len, "%s/%s", dir, name) < (int)len && fs_is_file(buf);
}

/* The directory part of `path` ("." when it has none). */
static const char *dir_of(struct arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return ".";
    return slash == path ? "/" : arena_strndup(a, path, (size_t)(slash - path));
}

/* ---- project roots ---- */

static bool has_marker(const char *dir)
{
    static const char *const markers[] = {".git",     "CMakeLists.txt", "compile_commands.json",
                                          "meson.build", "BUILD",       "BUILD.bazel",
                                          "WORKSPACE", "WORKSPACE.bazel", "setup.py"};
    for (size_t i = 0; i < sizeof markers / sizeof *markers; i++)
        if (fs_exists_in(dir, markers[i]))
            return true;
    return false;
}

static const char *find_root(const char *file)
{
    char *abs = realpath(file, NULL);
    if (!abs)
        return NULL;
    if (!fs_is_dir(abs)) {
        char *slash = strrchr(abs, '/');
        if (slash)
            *(slash == abs ? slash + 1 : slash) = '\0';
    }
    const char *known = strmap_get(&cache.roots, abs);
    if (known) {
        free(abs);
        return *known ? known : NULL;
    }
    char *start = arena_strdup(&cache.arena, abs);
    const char *root = "";
    for (char *end = abs + strlen(abs);;) {
        if (has_marker(abs)) {
            root = arena_strdup(&cache.arena, abs);
            break;
        }
        end = strrchr(abs, '/');
        if (!end || end == abs)
            break;
        *end = '\0';
    }
    free(abs);
    strmap_put(&cache.roots, start, (void *)root);
    return *root ? root : NULL;
}

const char *inc_project_root(const char *file)
{
    pthread_mutex_lock(&cache.lock);
    cache_ready();
    const char *r = find_root(file);
    pthread_mutex_unlock(&cache.lock);
    return r;
}

/* ---- directives ---- */

static const char *skip_blank(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

/* Adds the include of the directive at `p` (just after '#'), if it is one. */
/* Adds the header name spelled at `p` (`<x>` or `"x"`, before `eol`). */
static void add_name(const char *p, const char *eol, bool probe, struct arena *a, inc_directive_vec *out)
{
    char close = *p == '<' ? '>' : *p == '"' ? '"' : 0;
    if (!close || p + 1 >= eol)
        return;
    const char *end = memchr(p + 1, close, (size_t)(eol - p - 1));
    if (!end || end == p + 1 || end - p > 512)
        return;
    struct inc_directive d = {arena_strndup(a, p + 1, (size_t)(end - p - 1)), close == '"', probe};
    VEC_PUSH(*out, d);
}

/* `#if __has_include(<x>)` (or `#elif`): x is probed. */
static void parse_probes(const char *p, const char *eol, struct arena *a, inc_directive_vec *out)
{
    static const char probe[] = "__has_include";
    for (const char *q = p; q + sizeof probe - 1 < eol; q++) {
        if (strncmp(q, probe, sizeof probe - 1) != 0)
            continue;
        q = skip_blank(q + sizeof probe - 1);
        if (q < eol && *q == '(')
            add_name(skip_blank(q + 1), eol, true, a, out);
    }
}

static void parse_include(const char *p, const char *eol, struct arena *a, inc_directive_vec *out)
{
    p = skip_blank(p);
    if (strncmp(p, "if", 2) == 0 || strncmp(p, "elif", 4) == 0) {
        parse_probes(p, eol, a, out);
        return;
    }
    if (strncmp(p, "include", 7) != 0 || p[7] == '_')
        return;
    add_name(skip_blank(p + 7), eol, false, a, out);
}

/* Whether a block comment opened on this line stays open at its end
 * (strings are not tracked: an approximation that only costs a missed or
 * extra include, never a wrong parse). */
static bool opens_comment(const char *p, const char *eol)
{
    bool open = false;
    for (; p + 1 < eol; p++) {
        if (!open && p[0] == '/' && p[1] == '/')
            return false;
        if (!open && p[0] == '/' && p[1] == '*')
            open = true, p++;
        else if (open && p[0] == '*' && p[1] == '/')
            open = false, p++;
    }
    return open;
}

void inc_parse_directives(const char *text, struct arena *a, inc_directive_vec *out)
{
    bool in_comment = false;
    for (const char *line = text; line && *line;) {
        const char *eol = strchr(line, '\n');
        if (!eol)
            eol = line + strlen(line);
        const char *p = line;
        if (in_comment) {
            const char *close = NULL;
            for (const char *q = p; q + 1 < eol && !close; q++)
                if (q[0] == '*' && q[1] == '/')
                    close = q + 2;
            if (close) {
                in_comment = false;
                p = close;
            }
        }
        if (!in_comment) {
            p = skip_blank(p);
            if (*p == '#')
                parse_include(p + 1, eol, a, out);
            else
                in_comment = opens_comment(p, eol);
        }
        line = *eol ? eol + 1 : NULL;
    }
}

/* A header this large is not read further for its include lines. */
#define INC_MAX_FILE_BYTES ((size_t)8 << 20)

/* The first INC_MAX_FILE_BYTES of the file at `path`, or NULL. */
static char *read_head(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct strbuf b;
    sb_init(&b);
    sb_read_stream_max(&b, f, INC_MAX_FILE_BYTES);
    fclose(f);
    return sb_detach(&b);
}

/* The directives of the file at absolute `path`: cached when read from
 * disk; from `text` (the file being analysed, read by the caller) into the
 * scan's arena `a`, where the caller's VEC_FREE of the scan does not reach,
 * so `scratch` collects it. */
static const inc_directive_vec *directives_of(const char *path, const char *text, struct arena *a,
                                              inc_directive_vec *scratch)
{
    if (text) {
        inc_parse_directives(text, a, scratch);
        return scratch;
    }
    inc_directive_vec *known = strmap_get(&cache.files, path);
    if (known)
        return known;
    inc_directive_vec *v = arena_alloc(&cache.arena, sizeof *v);
    char *own = read_head(path);
    if (!own)
        return NULL;
    inc_parse_directives(own, &cache.arena, v);
    free(own);
    strmap_put(&cache.files, arena_strdup(&cache.arena, path), v);
    return v;
}

/* ---- the system's own include directories ---- */

static void add_glob(const char *pattern)
{
    glob_t g;
    if (glob(pattern, GLOB_ONLYDIR, NULL, &g) == 0)
        for (size_t i = 0; i < g.gl_pathc; i++)
            VEC_PUSH(cache.system_dirs, arena_strdup(&cache.arena, g.gl_pathv[i]));
    globfree(&g);
}

/* Where the compiler finds standard and installed headers; generous (every
 * installed version), since what is found here is never given a stand-in
 * and the parse settles the rest. */
static const const_str_vec *system_dirs(void)
{
    if (!cache.have_system_dirs) {
        add_glob("/usr/local/include");
        add_glob("/usr/include/c++/*");
        add_glob("/usr/include/*-linux-gnu/c++/*");
        add_glob("/usr/include/c++/*/backward");
        add_glob("/usr/lib/llvm-*/lib/clang/*/include");
        add_glob("/usr/lib/clang/*/include");
        add_glob("/usr/include/*-linux-gnu");
        add_glob("/usr/include");
        cache.have_system_dirs = true;
    }
    return &cache.system_dirs;
}

/* ---- the header index ---- */

static bool is_header_name(const char *name)
{
    static const char *const exts[] = {".h", ".hh", ".hpp", ".hxx", ".h++", ".inl", ".ipp", ".tcc", ".cuh", ".inc"};
    const char *dot = strrchr(name, '.');
    for (size_t i = 0; dot && i < sizeof exts / sizeof *exts; i++)
        if (strcmp(dot, exts[i]) == 0)
            return true;
    return false;
}

static void index_dir(struct index *ix, const char *dir, int depth)
{
    DIR *d = depth <= 32 ? opendir(dir) : NULL;
    if (!d)
        return;
    struct dirent *e;
    char path[PATH_MAX];
    while ((e = readdir(d)) != NULL && ix->count < INC_MAX_INDEXED && ix->visited++ < INC_MAX_VISITED) {
        if (e->d_name[0] == '.' || snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path)
            continue;
        bool dir_entry = e->d_type == DT_DIR, file_entry = e->d_type == DT_REG;
        if (e->d_type == DT_UNKNOWN) {
            struct stat st;
            if (lstat(path, &st) != 0)
                continue;
            dir_entry = S_ISDIR(st.st_mode);
            file_entry = S_ISREG(st.st_mode);
        }
        if (dir_entry) {
            index_dir(ix, path, depth + 1);
        } else if (file_entry && is_header_name(e->d_name)) {
            const_str_vec *v = strmap_get(&ix->by_base, e->d_name);
            if (!v) {
                v = arena_alloc(&cache.arena, sizeof *v);
                strmap_put(&ix->by_base, arena_strdup(&cache.arena, e->d_name), v);
            }
            VEC_PUSH(*v, arena_strdup(&cache.arena, path));
            ix->count++;
        }
    }
    closedir(d);
}

static struct index *index_of(const char *root)
{
    struct index *ix = strmap_get(&cache.indexes, root);
    if (!ix) {
        ix = arena_alloc(&cache.arena, sizeof *ix);
        strmap_init(&ix->by_base);
        index_dir(ix, root, 0);
        strmap_put(&cache.indexes, arena_strdup(&cache.arena, root), ix);
    }
    return ix;
}

/* Directory components `a` and `b` share from the start. */
static size_t shared_components(const char *a, const char *b)
{
    size_t n = 0, i = 0;
    for (; a[i] && a[i] == b[i]; i++)
        if (a[i] == '/')
            n++;
    if ((a[i] == '\0' || a[i] == '/') && (b[i] == '\0' || b[i] == '/'))
        n++;
    return n;
}

static const char *lookup(const char *root, const char *name, const char *from)
{
    while (strncmp(name, "./", 2) == 0)
        name += 2;
    if (!*name || name[0] == '/' || strstr(name, "..") != NULL)
        return NULL;
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    const const_str_vec *v = strmap_get(&index_of(root)->by_base, base);
    const char *best = NULL;
    size_t best_shared = 0, nl = strlen(name);
    for (size_t i = 0; v && i < v->n; i++) {
        const char *p = v->v[i];
        size_t pl = strlen(p);
        if (pl <= nl || p[pl - nl - 1] != '/' || strcmp(p + pl - nl, name) != 0)
            continue;
        size_t shared = from ? shared_components(p, from) : 0;
        if (!best || shared > best_shared ||
            (shared == best_shared && (pl < strlen(best) || (pl == strlen(best) && strcmp(p, best) < 0)))) {
            best = p;
            best_shared = shared;
        }
    }
    return best;
}

const char *inc_index_lookup(const char *root, const char *name, const char *from)
{
    pthread_mutex_lock(&cache.lock);
    cache_ready();
    const char *r = lookup(root, name, from);
    pthread_mutex_unlock(&cache.lock);
    return r;
}

/* A project nested in a repository (`repo/examples/gan/CMakeLists.txt`)
 * reaches the repository's shared headers with `../../utils` in its build,
 * which the scan does not read: a header its own root lacks is looked up
 * in the roots of the projects around it, nearest first, then in the
 * directory the user named. */
#define INC_MAX_OUTER_ROOTS 4

static const char *outer_root_of(const char *root)
{
    char *parent = strdup(root);
    char *slash = parent ? strrchr(parent, '/') : NULL;
    const char *r = NULL;
    if (slash && slash != parent) {
        *slash = '\0';
        r = find_root(parent);
    }
    free(parent);
    return r;
}

static const char *lookup_around(const struct inc_config *c, const char *name, const char *from)
{
    const char *hit = lookup(c->root, name, from);
    const char *r = c->root;
    for (int k = 0; !hit && k < INC_MAX_OUTER_ROOTS && (r = outer_root_of(r)) != NULL; k++)
        hit = lookup(r, name, from);
    if (!hit && str_path_under(c->root, c->outer_root))
        hit = lookup(c->outer_root, name, from);
    return hit;
}

/* ---- the scan ---- */

enum flag_kind { FLAG_QUOTE, FLAG_DIR, FLAG_SYSTEM };

struct scan {
    const struct inc_config *cfg;
    struct arena *a;
    struct inc_scan *out;
    struct strmap seen;    /* absolute paths read (borrowed keys in `a`) */
    struct strmap missing; /* names already listed as missing */
    size_t files;
};

/* The directory of the user's flag `i` and its kind, or NULL. */
static const char *flag_dir(const struct inc_config *c, size_t *i, enum flag_kind *kind)
{
    static const struct {
        const char *flag;
        enum flag_kind kind;
    } flags[] = {{"-iquote", FLAG_QUOTE}, {"-isystem", FLAG_SYSTEM}, {"-idirafter", FLAG_SYSTEM}, {"-I", FLAG_DIR}};
    const char *arg = c->args[*i];
    for (size_t f = 0; f < sizeof flags / sizeof *flags; f++) {
        size_t fl = strlen(flags[f].flag);
        if (strncmp(arg, flags[f].flag, fl) != 0)
            continue;
        *kind = flags[f].kind;
        if (arg[fl])
            return arg + fl;
        if (*i + 1 < c->nargs)
            return c->args[++*i];
        return NULL;
    }
    return NULL;
}

/* The file `name` resolves to in the flags' directories; *descend says
 * whether it is the project's own (-I, -iquote) rather than a system one. */
static bool in_flag_dirs(const struct inc_config *c, const char *name, bool quoted, char *buf, size_t len,
                         bool *descend)
{
    for (size_t i = 0; i < c->nargs; i++) {
        enum flag_kind kind;
        const char *dir = flag_dir(c, &i, &kind);
        if (!dir || (kind == FLAG_QUOTE && !quoted))
            continue;
        if (file_in(dir, name, buf, len)) {
            *descend = kind != FLAG_SYSTEM;
            return true;
        }
    }
    return false;
}

static bool in_system_dirs(const char *name, char *buf, size_t len)
{
    const const_str_vec *sys = system_dirs();
    for (size_t i = 0; i < sys->n; i++)
        if (file_in(sys->v[i], name, buf, len))
            return true;
    return false;
}

/* Reachable without the model: through the flags, then the two directories
 * every compiler searches. With no flags at all (no database, nothing
 * after `--`), only the flags count: a framework installed in the system's
 * directories is rarely usable without its build's flags (Debian's
 * libtorch-dev has torch/script.h in /usr/include but the torch/torch.h it
 * needs under torch/csrc/api/include), and its real headers cost seconds
 * per file where the model's cost milliseconds. */
static bool reachable_without_model(const struct inc_config *c, const char *name)
{
    char buf[PATH_MAX];
    bool descend;
    if (in_flag_dirs(c, name, false, buf, sizeof buf, &descend))
        return true;
    return c->nargs > 0 && (file_in("/usr/local/include", name, buf, sizeof buf) ||
                            file_in("/usr/include", name, buf, sizeof buf));
}

/* Whether `name` lies under a top directory of the model (c10/util/X.h
 * when the model has c10/). */
static bool under_model_dir(const struct inc_config *c, const char *name)
{
    const char *slash = strchr(name, '/');
    if (!c->model_dir || !slash || slash == name || (size_t)(slash - name) >= 256)
        return false;
    char top[256], path[PATH_MAX];
    memcpy(top, name, (size_t)(slash - name));
    top[slash - name] = '\0';
    return snprintf(path, sizeof path, "%s/%s", c->model_dir, top) < (int)sizeof path && fs_is_dir(path);
}

static void add_unique(const_str_vec *v, struct arena *a, const char *s)
{
    for (size_t i = 0; i < v->n; i++)
        if (strcmp(v->v[i], s) == 0)
            return;
    VEC_PUSH(*v, arena_strdup(a, s));
}

static void scan_file(struct scan *s, const char *abs, const char *text, int depth);

/* Does the file test for header `name` with `__has_include`? */
static bool probed(const inc_directive_vec *ds, const char *name)
{
    for (size_t i = 0; i < ds->n; i++)
        if (ds->v[i].probe && strcmp(ds->v[i].name, name) == 0)
            return true;
    return false;
}

/* Resolves one include of the file in directory `dir`; descends into the
 * project's own headers. Returns whether it resolved to the project or
 * nowhere (a "local" include). A header found nowhere gets a stand-in,
 * unless the file tests for it with `__has_include` (`guarded`): then the
 * test fails, as on a machine without it, and the file's fallback is
 * parsed. */
static bool resolve(struct scan *s, const struct inc_directive *d, const char *dir, bool guarded, int depth)
{
    const struct inc_config *c = s->cfg;
    char buf[PATH_MAX];
    bool descend = false, local = false, found = false;
    if (d->quoted && file_in(dir, d->name, buf, sizeof buf))
        found = descend = local = true;
    else if (c->model_dir && file_in(c->model_dir, d->name, buf, sizeof buf)) {
        if (!c->model_forced && !s->out->framework && !reachable_without_model(c, d->name))
            s->out->framework = arena_strdup(s->a, d->name);
        return false;
    }
    if (!found)
        found = in_flag_dirs(c, d->name, d->quoted, buf, sizeof buf, &descend);
    if (!found && under_model_dir(c, d->name)) {
        add_unique(&s->out->shadowed, s->a, d->name);
        return true;
    }
    for (size_t i = 0; !found && i < s->out->inferred.n; i++)
        found = descend = local = file_in(s->out->inferred.v[i], d->name, buf, sizeof buf);
    if (!found && in_system_dirs(d->name, buf, sizeof buf))
        return false;
    if (!found && c->root) {
        const char *hit = lookup_around(c, d->name, dir);
        if (hit) {
            size_t dl = strlen(hit) - strlen(d->name) - 1;
            const char *inc_dir = arena_strndup(s->a, hit, dl ? dl : 1);
            add_unique(&s->out->inferred, s->a, inc_dir);
            snprintf(buf, sizeof buf, "%s", hit);
            found = descend = local = true;
        }
    }
    if (!found) {
        if (!guarded && !strmap_get(&s->missing, d->name)) {
            const char *name = arena_strdup(s->a, d->name);
            VEC_PUSH(s->out->missing, name);
            strmap_put(&s->missing, name, (void *)name);
        }
        return true;
    }
    if (descend && depth < INC_MAX_DEPTH) {
        char *abs = realpath(buf, NULL);
        if (abs)
            scan_file(s, abs, NULL, depth + 1);
        free(abs);
    } else if (descend)
        s->out->truncated = true;
    return local;
}

static void scan_file(struct scan *s, const char *abs, const char *text, int depth)
{
    if (strmap_get(&s->seen, abs))
        return;
    if (s->files >= INC_MAX_FILES) {
        s->out->truncated = true;
        return;
    }
    s->files++;
    const char *key = arena_strdup(s->a, abs);
    strmap_put(&s->seen, key, (void *)key);
    if (depth > 0)
        VEC_PUSH(s->out->reached, key);
    inc_directive_vec scratch = {0};
    const inc_directive_vec *ds = directives_of(abs, text, s->a, &scratch);
    const char *dir = dir_of(s->a, key);
    for (size_t i = 0; ds && i < ds->n; i++) {
        if (ds->v[i].probe)
            continue;
        bool local = resolve(s, &ds->v[i], dir, probed(ds, ds->v[i].name), depth);
        if (local && depth == 0)
            add_unique(&s->out->local, s->a, ds->v[i].name);
    }
    VEC_FREE(scratch);
}

void inc_scan_file(const char *path, const char *text, const struct inc_config *cfg, struct arena *a,
                   struct inc_scan *out)
{
    memset(out, 0, sizeof *out);
    char *abs = realpath(path, NULL);
    if (!abs)
        return;
    pthread_mutex_lock(&cache.lock);
    cache_ready();
    struct scan s = {cfg, a, out, {0}, {0}, 0};
    strmap_init(&s.seen);
    strmap_init(&s.missing);
    scan_file(&s, abs, text, 0);
    strmap_free(&s.seen);
    strmap_free(&s.missing);
    pthread_mutex_unlock(&cache.lock);
    free(abs);
}

void inc_scan_free(struct inc_scan *s)
{
    VEC_FREE(s->inferred);
    VEC_FREE(s->missing);
    VEC_FREE(s->shadowed);
    VEC_FREE(s->reached);
    VEC_FREE(s->local);
}
