/* driver/compdb: reading compile_commands.json into per-file parser flags. */
#include "compdb.h"
#include "../util/alloc.h"
#include <cjson/cJSON.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- paths ---- */

char *compdb_absolute(struct arena *a, const char *dir, const char *path)
{
    char *joined = path[0] == '/' ? arena_strdup(a, path) : arena_printf(a, "%s/%s", dir, path);
    /* Lexical clean-up: drop "." and empty components, fold "..". */
    char *out = arena_alloc(a, strlen(joined) + 2);
    size_t n = 0;
    for (char *p = joined; *p;) {
        while (*p == '/')
            p++;
        size_t len = strcspn(p, "/");
        if (len == 0)
            break;
        if (len == 1 && p[0] == '.') {
        } else if (len == 2 && p[0] == '.' && p[1] == '.') {
            while (n > 0 && out[n - 1] != '/')
                n--;
            if (n > 0)
                n--;
        } else {
            out[n++] = '/';
            memcpy(out + n, p, len);
            n += len;
        }
        p += len;
    }
    if (n == 0)
        out[n++] = '/';
    out[n] = '\0';
    return out;
}

/* The key a file is looked up by: its real path when it exists, so that
 * symlinked checkouts and different spellings meet. */
static char *file_key(struct arena *a, const char *dir, const char *path)
{
    char *abs = compdb_absolute(a, dir, path);
    char *real = realpath(abs, NULL);
    if (!real)
        return abs;
    char *k = arena_strdup(a, real);
    free(real);
    return k;
}

/* ---- command lines ---- */

bool compdb_split_command(struct arena *a, const char *cmd, const_str_vec *out)
{
    struct strbuf w;
    sb_init(&w);
    bool in_word = false, ok = true;
    for (const char *p = cmd;; p++) {
        char c = *p;
        if (c == '\0' || c == ' ' || c == '\t' || c == '\n') {
            if (in_word)
                VEC_PUSH(*out, arena_strndup(a, sb_str(&w), w.len));
            w.len = 0;
            in_word = false;
            if (c == '\0')
                break;
            continue;
        }
        in_word = true;
        if (c == '\\' && p[1]) {
            sb_addc(&w, *++p);
        } else if (c == '\'') {
            const char *end = strchr(p + 1, '\'');
            if (!end) {
                ok = false;
                break;
            }
            sb_addn(&w, p + 1, (size_t)(end - p - 1));
            p = end;
        } else if (c == '"') {
            for (p++; *p && *p != '"'; p++) {
                if (*p == '\\' && (p[1] == '"' || p[1] == '\\' || p[1] == '$' || p[1] == '`'))
                    p++;
                sb_addc(&w, *p);
            }
            if (!*p) {
                ok = false;
                break;
            }
        } else {
            sb_addc(&w, c);
        }
    }
    sb_free(&w);
    return ok;
}

static bool starts(const char *s, const char *prefix) { return strncmp(s, prefix, strlen(prefix)) == 0; }

/* Flags that make clang load a shared object or run a plugin: the analyzer
 * must never run code that a database (possibly from an untrusted
 * checkout) names. */
static bool loads_code(const char *arg)
{
    return starts(arg, "-fplugin=") || starts(arg, "-fpass-plugin=") || starts(arg, "-fplugin-arg-") ||
           strcmp(arg, "-load") == 0 || strcmp(arg, "-plugin") == 0 || strcmp(arg, "-add-plugin") == 0 ||
           starts(arg, "-plugin-arg-");
}

/* cc1 options after -Xclang whose value is a second -Xclang argument. */
static bool cc1_takes_value(const char *arg)
{
    return strcmp(arg, "-load") == 0 || strcmp(arg, "-plugin") == 0 || strcmp(arg, "-add-plugin") == 0 ||
           starts(arg, "-plugin-arg-");
}

/* Options whose value is a path, resolved against the entry's directory. */
static const char *const path_opts[] = {"-I", "-isystem", "-iquote", "-idirafter", "-include", "-imacros",
                                        "-isysroot", "-iframework", "-F", "-cxx-isystem", "-include-pch",
                                        "--sysroot", NULL};
/* The subset that may also be written joined to its value (-Idir). */
static const char *const joined_path_opts[] = {"-isystem", "-iquote", "-idirafter", "-isysroot", "-I", "-F",
                                               "--sysroot=", NULL};
/* Build outputs and dependency files: meaningless for a syntax-only parse. */
static const char *const output_opts[] = {"-o", "-MF", "-MT", "-MQ", "-MJ", NULL};
static const char *const output_flags[] = {"-c", "-S", "-E", "-M", "-MM", "-MD", "-MMD", "-MP", "-MG", NULL};

static int find_exact(const char *const *table, const char *arg)
{
    for (int i = 0; table[i]; i++)
        if (strcmp(table[i], arg) == 0)
            return i;
    return -1;
}

static void push_path_opt(struct arena *a, const char *opt, const char *value, const char *dir, bool joined,
                          const_str_vec *out)
{
    const char *abs = compdb_absolute(a, dir, value);
    if (joined) {
        VEC_PUSH(*out, arena_printf(a, "%s%s", opt, abs));
    } else {
        VEC_PUSH(*out, opt);
        VEC_PUSH(*out, abs);
    }
}

/* Handles argv[i] when it is an -Xclang plugin request; returns how many
 * arguments it consumed (0: not one). */
static size_t drop_xclang_plugin(struct arena *a, const char *const *argv, size_t argc, size_t i,
                                 const_str_vec *dropped)
{
    if (strcmp(argv[i], "-Xclang") != 0 || i + 1 >= argc || !loads_code(argv[i + 1]))
        return 0;
    size_t used = 2;
    if (cc1_takes_value(argv[i + 1]) && i + 3 < argc && strcmp(argv[i + 2], "-Xclang") == 0)
        used = 4;
    VEC_PUSH(*dropped, used == 4 ? arena_printf(a, "-Xclang %s -Xclang %s", argv[i + 1], argv[i + 3])
                                 : arena_printf(a, "-Xclang %s", argv[i + 1]));
    return used;
}

void compdb_clean_args(struct arena *a, const char *const *argv, size_t argc, const char *directory,
                       const char *file, const_str_vec *out, const_str_vec *dropped)
{
    const char *abs_file = compdb_absolute(a, directory, file);
    for (size_t i = 1; i < argc; i++) {
        const char *arg = argv[i];
        size_t skip = drop_xclang_plugin(a, argv, argc, i, dropped);
        if (skip) {
            i += skip - 1;
            continue;
        }
        if (loads_code(arg)) {
            VEC_PUSH(*dropped, arg);
            continue;
        }
        if (find_exact(output_flags, arg) >= 0 || strcmp(arg, "--") == 0)
            continue;
        if (find_exact(output_opts, arg) >= 0) {
            i++;
            continue;
        }
        if ((starts(arg, "-o") && arg[2]) || (starts(arg, "-MF") && arg[3]))
            continue; /* -ofile, -MFfile */
        int p = find_exact(path_opts, arg);
        if (p >= 0 && i + 1 < argc) {
            push_path_opt(a, arg, argv[++i], directory, false, out);
            continue;
        }
        bool done = false;
        for (int j = 0; joined_path_opts[j] && !done; j++)
            if (starts(arg, joined_path_opts[j]) && arg[strlen(joined_path_opts[j])] != '\0') {
                push_path_opt(a, joined_path_opts[j], arg + strlen(joined_path_opts[j]), directory, true, out);
                done = true;
            }
        if (done)
            continue;
        if (arg[0] != '-' && strcmp(compdb_absolute(a, directory, arg), abs_file) == 0)
            continue; /* the source file itself */
        VEC_PUSH(*out, arg);
    }
}

/* ---- loading ---- */

static char *read_all(const char *path, struct strbuf *err)
{
    return sb_read_file(path, "compilation database", err);
}

static const char *string_field(const cJSON *o, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* The raw command line of an entry, from "arguments" or "command". */
static bool entry_argv(struct compdb *db, const cJSON *o, size_t index, const_str_vec *argv, struct strbuf *err)
{
    const cJSON *args = cJSON_GetObjectItemCaseSensitive(o, "arguments");
    const char *cmd = string_field(o, "command");
    if (cJSON_IsArray(args)) {
        const cJSON *w;
        cJSON_ArrayForEach(w, args)
        {
            if (!cJSON_IsString(w)) {
                sb_printf(err, "%s: entry %zu: \"arguments\" must hold only strings", db->path, index);
                return false;
            }
            VEC_PUSH(*argv, arena_strdup(&db->arena, w->valuestring));
        }
    } else if (cmd) {
        if (!compdb_split_command(&db->arena, cmd, argv)) {
            sb_printf(err, "%s: entry %zu: unterminated quote in \"command\"", db->path, index);
            return false;
        }
    } else {
        sb_printf(err, "%s: entry %zu: needs \"arguments\" (a list of strings) or \"command\" (a string)",
                  db->path, index);
        return false;
    }
    if (argv->n == 0) {
        sb_printf(err, "%s: entry %zu: empty command", db->path, index);
        return false;
    }
    return true;
}

static void note_dropped(struct compdb *db, const_str_vec *dropped)
{
    for (size_t i = 0; i < dropped->n; i++) {
        bool seen = false;
        for (size_t j = 0; j < db->dropped.n && !seen; j++)
            seen = strcmp(db->dropped.v[j], dropped->v[i]) == 0;
        if (!seen)
            VEC_PUSH(db->dropped, dropped->v[i]);
    }
}

static bool add_entry(struct compdb *db, const cJSON *o, size_t index, struct strbuf *err)
{
    const char *dir = string_field(o, "directory"), *file = string_field(o, "file");
    if (!cJSON_IsObject(o) || !dir || !file) {
        sb_printf(err, "%s: entry %zu: needs string fields \"directory\" and \"file\"", db->path, index);
        return false;
    }
    const_str_vec argv = {0}, args = {0}, dropped = {0};
    bool ok = entry_argv(db, o, index, &argv, err);
    if (ok) {
        /* A relative "directory" is relative to the database's own. */
        char *dbdir = arena_strdup(&db->arena, db->path);
        *strrchr(dbdir, '/') = '\0';
        const char *absdir = compdb_absolute(&db->arena, dbdir, dir);
        compdb_clean_args(&db->arena, argv.v, argv.n, absdir, file, &args, &dropped);
        note_dropped(db, &dropped);
        const char *key = file_key(&db->arena, absdir, file);
        size_t known;
        if (!strmap_get_index(&db->by_file, key, &known)) { /* the first entry of a file wins, as in clang-tidy */
            struct compdb_entry e = {key, arena_memdup(&db->arena, args.v, args.n, sizeof *args.v), args.n};
            VEC_PUSH(db->entries, e);
            strmap_put_index(&db->by_file, key, db->entries.n - 1);
        }
    }
    VEC_FREE(argv);
    VEC_FREE(args);
    VEC_FREE(dropped);
    return ok;
}

static size_t line_of(const char *text, const char *at)
{
    size_t line = 1;
    for (const char *p = text; p < at && *p; p++)
        line += *p == '\n';
    return line;
}

static bool parse_entries(struct compdb *db, const char *text, struct strbuf *err)
{
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithOpts(text, &end, 1);
    if (!root) {
        sb_printf(err, "%s: line %zu: invalid JSON", db->path, line_of(text, end ? end : text));
        return false;
    }
    bool ok = cJSON_IsArray(root);
    if (!ok)
        sb_printf(err, "%s: a compilation database is a JSON array of entries", db->path);
    size_t index = 0;
    const cJSON *o;
    cJSON_ArrayForEach(o, root)
    {
        if (!ok)
            break;
        ok = add_entry(db, o, index++, err);
    }
    cJSON_Delete(root);
    return ok;
}

struct compdb *compdb_load(const char *path_or_dir, struct strbuf *err)
{
    struct compdb *db = xcalloc(1, sizeof *db);
    arena_init(&db->arena);
    strmap_init(&db->by_file);
    struct stat st;
    bool is_dir = stat(path_or_dir, &st) == 0 && S_ISDIR(st.st_mode);
    char cwd[PATH_MAX];
    const char *base = getcwd(cwd, sizeof cwd) ? cwd : "/";
    db->path = is_dir ? compdb_absolute(&db->arena, base, arena_printf(&db->arena, "%s/compile_commands.json",
                                                                        path_or_dir))
                      : compdb_absolute(&db->arena, base, path_or_dir);
    char *text = read_all(db->path, err);
    bool ok = text && parse_entries(db, text, err);
    free(text);
    if (!ok) {
        compdb_free(db);
        return NULL;
    }
    return db;
}

void compdb_free(struct compdb *db)
{
    if (!db)
        return;
    VEC_FREE(db->entries);
    VEC_FREE(db->dropped);
    strmap_free(&db->by_file);
    arena_free(&db->arena);
    free(db);
}

char *compdb_discover(const char *file)
{
    struct arena a;
    arena_init(&a);
    char cwd[PATH_MAX];
    char *dir = compdb_absolute(&a, getcwd(cwd, sizeof cwd) ? cwd : "/", file);
    char *found = NULL;
    for (char *slash = strrchr(dir, '/'); slash && !found; slash = strrchr(dir, '/')) {
        *slash = '\0';
        char *cand = arena_printf(&a, "%s/compile_commands.json", *dir ? dir : "");
        struct stat st;
        if (stat(cand, &st) == 0 && S_ISREG(st.st_mode))
            found = xstrdup(cand);
    }
    arena_free(&a);
    return found;
}

static size_t common_dir_prefix(const char *a, const char *b)
{
    size_t n = 0, last_slash = 0;
    while (a[n] && a[n] == b[n]) {
        if (a[n] == '/')
            last_slash = n + 1;
        n++;
    }
    return last_slash;
}

const struct compdb_entry *compdb_lookup(const struct compdb *db, const char *file, bool *exact)
{
    struct arena a;
    arena_init(&a);
    char cwd[PATH_MAX];
    const char *key = file_key(&a, getcwd(cwd, sizeof cwd) ? cwd : "/", file);
    size_t hit;
    *exact = strmap_get_index(&db->by_file, key, &hit);
    const struct compdb_entry *best = *exact ? &db->entries.v[hit] : NULL;
    /* Not listed: borrow the flags of the nearest file, as clang-tidy
     * infers a header's flags from the sources next to it. */
    size_t best_len = 0;
    for (size_t i = 0; !*exact && i < db->entries.n; i++) {
        size_t len = common_dir_prefix(key, db->entries.v[i].file);
        if (!best || len > best_len) {
            best = &db->entries.v[i];
            best_len = len;
        }
    }
    arena_free(&a);
    return best;
}
