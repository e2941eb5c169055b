/* front/tu.c: reading a file, choosing flags and include paths, parsing it
 * with libclang, and collecting the parse errors that make results
 * incomplete. */
#include "front.h"
#include "internal.h"
#include "../util/clock.h"
#include "../util/strbuf.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

void front_build_tu(struct tu_builder *tb, struct ir_tu *out);

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static bool is_c_file(const char *path) { return has_suffix(path, ".c"); }

static bool file_exists(const char *dir, const char *rel)
{
    char buf[4096];
    struct stat st;
    if (snprintf(buf, sizeof buf, "%s/%s", dir, rel) >= (int)sizeof buf)
        return false;
    return stat(buf, &st) == 0 && S_ISREG(st.st_mode);
}

/* Include directories named by the user's flags, then the usual system ones. */
static bool reachable(const char *header, const struct front_options *o)
{
    static const char *const prefixes[] = {"-I", "-isystem", "-iquote", "-idirafter"};
    for (size_t i = 0; i < o->ncompiler_args; i++) {
        const char *a = o->compiler_args[i];
        for (size_t p = 0; p < 4; p++) {
            size_t pl = strlen(prefixes[p]);
            if (strncmp(a, prefixes[p], pl) != 0)
                continue;
            const char *dir = a[pl] ? a + pl : (i + 1 < o->ncompiler_args ? o->compiler_args[i + 1] : "");
            if (*dir && file_exists(dir, header))
                return true;
        }
    }
    return file_exists("/usr/local/include", header) || file_exists("/usr/include", header);
}

/* Zero-config: the first framework header the file includes that the model
 * provides and the flags cannot reach, or NULL. Scans #include lines
 * textually, before any parse. */
static const char *unreachable_model_header(const char *text, const struct front_options *o, struct arena *a)
{
    if (!o->model_include_dir)
        return NULL;
    for (const char *p = text; p && *p;) {
        const char *line = p;
        p = strchr(p, '\n');
        p = p ? p + 1 : NULL;
        while (*line == ' ' || *line == '\t')
            line++;
        if (*line != '#')
            continue;
        line++;
        while (*line == ' ' || *line == '\t')
            line++;
        if (strncmp(line, "include", 7) != 0)
            continue;
        line += 7;
        while (*line == ' ' || *line == '\t')
            line++;
        char close = *line == '<' ? '>' : *line == '"' ? '"' : 0;
        if (!close)
            continue;
        const char *end = strchr(line + 1, close);
        if (!end || end - line > 512)
            continue;
        char name[520];
        memcpy(name, line + 1, (size_t)(end - line - 1));
        name[end - line - 1] = '\0';
        if (file_exists(o->model_include_dir, name) && !reachable(name, o))
            return arena_strdup(a, name);
    }
    return NULL;
}

static void collect_errors(CXTranslationUnit tu, struct arena *a, struct front_result *res)
{
    unsigned n = clang_getNumDiagnostics(tu);
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic d = clang_getDiagnostic(tu, i);
        if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
            if (!res->parse_errors) {
                CXString s = clang_formatDiagnostic(d, CXDiagnostic_DisplaySourceLocation |
                                                           CXDiagnostic_DisplayColumn);
                res->error = front_cx_string(a, s);
            }
            res->parse_errors++;
        }
        clang_disposeDiagnostic(d);
    }
}

static char *read_text(const char *path, struct arena *a, struct front_result *res)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        res->error = arena_printf(a, "cannot open: %s", strerror(errno));
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        res->error = arena_strdup(a, "is a directory");
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        res->error = arena_printf(a, "cannot open: %s", strerror(errno));
        return NULL;
    }
    struct strbuf b;
    sb_init(&b);
    bool failed = !sb_read_stream(&b, f);
    fclose(f);
    if (failed) {
        res->error = arena_strdup(a, "read error");
        sb_free(&b);
        return NULL;
    }
    if (memchr(sb_str(&b), '\0', b.len)) {
        res->error = arena_strdup(a, "binary file (contains NUL bytes), not analysed");
        sb_free(&b);
        return NULL;
    }
    char *text = arena_strndup(a, sb_str(&b), b.len);
    sb_free(&b);
    return text;
}

static void build_args(const char *path, const struct front_options *o, bool model_headers,
                       const_str_vec *args)
{
    bool c = is_c_file(path);
    VEC_PUSH(*args, "-x");
    VEC_PUSH(*args, c ? "c" : "c++");
    VEC_PUSH(*args, c ? "-std=c11" : "-std=c++17");
    VEC_PUSH(*args, "-w");
    if (model_headers) {
        /* Forced model mode must also win over -I flags that reach the
         * real headers; -I directories are searched before -isystem. */
        VEC_PUSH(*args, o->headers == HEADERS_MODEL ? "-I" : "-isystem");
        VEC_PUSH(*args, o->model_include_dir);
    }
    for (size_t i = 0; i < o->ncompiler_args; i++)
        VEC_PUSH(*args, o->compiler_args[i]);
}

/* Whether `d` is clang's "too many errors emitted": fatal and with no
 * place either, but about the file, not the PCH. */
static bool is_error_limit(CXDiagnostic d)
{
    CXString opt = clang_getDiagnosticOption(d, NULL);
    const char *s = clang_getCString(opt);
    bool limit = s && strcmp(s, "-ferror-limit=") == 0;
    clang_disposeString(opt);
    return limit;
}

/* A fatal error with no place in any file is the PCH failing to load (it
 * was removed or replaced after it was checked); the caller retries
 * without it. A file with many errors is not retried: without the PCH it
 * would have the same errors, parsed a hundred times slower. */
static bool pch_failed_to_load(CXTranslationUnit tu)
{
    unsigned n = clang_getNumDiagnostics(tu);
    bool failed = false;
    for (unsigned i = 0; i < n && !failed; i++) {
        CXDiagnostic d = clang_getDiagnostic(tu, i);
        CXFile f = NULL;
        clang_getSpellingLocation(clang_getDiagnosticLocation(d), &f, NULL, NULL, NULL);
        failed = clang_getDiagnosticSeverity(d) == CXDiagnostic_Fatal && !f && !is_error_limit(d);
        clang_disposeDiagnostic(d);
    }
    return failed;
}

/* Parses with the PCH when there is one, and without it when it fails. */
static CXTranslationUnit parse(CXIndex *idx, const char *path, const_str_vec *args, const char *pch,
                               enum CXErrorCode *ec, enum pch_outcome *outcome)
{
    size_t base = args->n;
    if (pch) {
        VEC_PUSH(*args, "-include-pch");
        VEC_PUSH(*args, pch);
    }
    /* Declarations from the PCH are not walked as top-level cursors: the
     * front end only builds functions of the main file, and walking the
     * framework's namespaces would deserialise all of them. */
    *idx = clang_createIndex(pch != NULL, 0);
    CXTranslationUnit tu = NULL;
    *ec = clang_parseTranslationUnit2(*idx, path, args->v, (int)args->n, NULL, 0, CXTranslationUnit_KeepGoing, &tu);
    if (pch && (*ec != CXError_Success || !tu || pch_failed_to_load(tu))) {
        if (tu)
            clang_disposeTranslationUnit(tu);
        clang_disposeIndex(*idx);
        args->n = base;
        *outcome = PCH_FAILED;
        return parse(idx, path, args, NULL, ec, outcome);
    }
    return tu;
}

static void build_ir(CXTranslationUnit tu, const char *path, const struct model *model, struct arena *arena,
                     struct ir_tu *out)
{
    struct tu_builder tb;
    memset(&tb, 0, sizeof tb);
    tb.arena = arena;
    tb.model = model;
    tb.tu = tu;
    tb.path = out->path;
    tb.main_file = clang_getFile(tu, path);
    front_build_tu(&tb, out);
    VEC_FREE(tb.fns);
    VEC_FREE(tb.pending);
    u64map_free(&tb.fn_by_key);
    u64map_free(&tb.file_ids);
    u64map_free(&tb.role_cache);
}

/* Which headers the file gets; false (with the reason) when --headers real
 * cannot be honoured. */
static bool choose_headers(const char *text, const struct front_options *opts, struct arena *arena,
                           struct front_result *res)
{
    if (opts->headers == HEADERS_MODEL && !opts->model_include_dir) {
        res->error = arena_strdup(arena, "--headers model: the built-in model headers were not found "
                                         "(set TFGRADLINT_DATADIR to the directory holding include/)");
        return false;
    }
    const char *missing = opts->headers == HEADERS_MODEL ? NULL : unreachable_model_header(text, opts, arena);
    if (opts->headers == HEADERS_REAL && missing) {
        res->error = arena_printf(arena,
                                  "--headers real: the real framework header <%s> is not reachable with this "
                                  "file's flags (give a compilation database with -p, or -I after --)",
                                  missing);
        return false;
    }
    res->used_model_headers = opts->headers == HEADERS_MODEL || missing != NULL;
    return true;
}

void front_analyze_file(const char *path, const struct front_options *opts, const struct model *model,
                        struct arena *arena, struct ir_tu *out, struct front_result *res)
{
    memset(res, 0, sizeof *res);
    memset(out, 0, sizeof *out);
    out->path = arena_strdup(arena, path);
    char *text = read_text(path, arena, res);
    if (!text || !choose_headers(text, opts, arena, res))
        return;
    const_str_vec args = {0};
    build_args(path, opts, res->used_model_headers, &args);
    double t0 = clock_thread_seconds();
    const char *pch = pch_prepare(opts->pch, text, opts->model_include_dir, args.v, args.n, arena, &res->pch);
    double t1 = clock_thread_seconds();
    CXIndex idx;
    enum CXErrorCode ec;
    CXTranslationUnit tu = parse(&idx, path, &args, pch, &ec, &res->pch);
    double t2 = clock_thread_seconds();
    VEC_FREE(args);
    res->pch_seconds = t1 - t0;
    res->parse_seconds = t2 - t1;
    if (ec != CXError_Success || !tu) {
        res->error = arena_printf(arena, "libclang could not parse the file (error %d)", (int)ec);
        clang_disposeIndex(idx);
        return;
    }
    collect_errors(tu, arena, res);
    build_ir(tu, path, model, arena, out);
    res->build_seconds = clock_thread_seconds() - t2;
    clang_disposeTranslationUnit(tu);
    clang_disposeIndex(idx);
    res->ok = true;
}
