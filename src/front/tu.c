/* front/tu.c: reading a file, choosing flags and include paths, parsing it
 * with libclang, and collecting the parse errors that make results
 * incomplete. */
#include "front.h"
#include "includes.h"
#include "internal.h"
#include "../util/clock.h"
#include "../util/str.h"
#include "../util/strbuf.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool is_c_file(const char *path) { return str_has_suffix(path, ".c"); }

/* TFGRADLINT_DUMP_PARSE_ERRORS=1 prints every parse error to stderr, one
 * line each: "tfgradlint: parse error: MAIN-FILE: DIAGNOSTIC". A developer measurement
 * (tools/api_errors.sh counts the framework-API errors of a corpus with
 * it); reports show only the first error. */
static void dump_error(CXTranslationUnit tu, CXDiagnostic d)
{
    static int dump = -1;
    if (dump < 0) {
        const char *env = getenv("TFGRADLINT_DUMP_PARSE_ERRORS");
        dump = env && *env && strcmp(env, "0") != 0;
    }
    if (!dump)
        return;
    CXString main = clang_getTranslationUnitSpelling(tu);
    CXString s = clang_formatDiagnostic(d, CXDiagnostic_DisplaySourceLocation | CXDiagnostic_DisplayColumn);
    fprintf(stderr, "tfgradlint: parse error: %s: %s\n", clang_getCString(main), clang_getCString(s));
    clang_disposeString(s);
    clang_disposeString(main);
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
            dump_error(tu, d);
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

/* The flags a shared PCH is keyed by: the language, the standard (C++17,
 * LibTorch's, unless the flags name one; driver/project_std.h),
 * no error limit (a partial file is still analysed), the model headers,
 * then the user's flags. */
static void build_args(const char *path, const struct front_options *o, bool model_headers,
                       const_str_vec *args)
{
    bool c = is_c_file(path);
    VEC_PUSH(*args, "-x");
    VEC_PUSH(*args, c ? "c" : "c++");
    if (!str_args_name_std(o->compiler_args, o->ncompiler_args))
        VEC_PUSH(*args, c ? "-std=c11" : "-std=c++17");
    VEC_PUSH(*args, "-w");
    VEC_PUSH(*args, "-ferror-limit=0");
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

/* Stand-ins for the includes found nowhere live in this directory, which
 * exists only in libclang's unsaved files; it is searched last. */
#define STANDIN_DIR "/tfgradlint-missing-header"

/* Stand-ins for framework headers the model lacks (c10/util/X.h) live in
 * this one, searched before the system's directories, so the model is
 * never mixed with a real copy installed there. */
#define MODEL_GAP_DIR "/tfgradlint-model-gap"

/* The file's own flags: inferred project directories (after every user
 * flag, so explicit flags win), then the stand-ins' directories. */
static void add_file_args(const struct inc_scan *scan, bool model_headers, const_str_vec *args)
{
    for (size_t i = 0; i < scan->inferred.n; i++) {
        VEC_PUSH(*args, "-I");
        VEC_PUSH(*args, scan->inferred.v[i]);
    }
    if (model_headers) {
        VEC_PUSH(*args, "-isystem");
        VEC_PUSH(*args, MODEL_GAP_DIR);
    }
    VEC_PUSH(*args, "-idirafter");
    VEC_PUSH(*args, STANDIN_DIR);
}

typedef VEC(struct CXUnsavedFile) unsaved_vec;

static void add_standin_in(unsaved_vec *files, const char *dir, const char *name, struct arena *a)
{
    /* Only names that stay inside the stand-ins' directory. */
    if (name[0] == '/' || strstr(name, ".."))
        return;
    const char *path = arena_printf(a, "%s/%s", dir, name);
    for (size_t i = 0; i < files->n; i++)
        if (strcmp(files->v[i].Filename, path) == 0)
            return;
    struct CXUnsavedFile f = {path, "", 0};
    VEC_PUSH(*files, f);
}

static void add_standin(unsaved_vec *files, const char *name, struct arena *a)
{
    add_standin_in(files, STANDIN_DIR, name, a);
}

/* Adds a stand-in for every include clang could not find (a name the
 * textual scan resolved but clang did not, e.g. under a different
 * standard library); false when there was none. */
static bool add_unfound(CXTranslationUnit tu, unsaved_vec *files, struct arena *a)
{
    size_t before = files->n;
    unsigned n = clang_getNumDiagnostics(tu);
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic d = clang_getDiagnostic(tu, i);
        CXString sp = clang_getDiagnosticSpelling(d);
        const char *text = clang_getCString(sp);
        const char *tail = text ? strstr(text, "' file not found") : NULL;
        if (tail && text[0] == '\'' && tail > text + 1 && tail[16] == '\0') {
            add_standin(files, arena_strndup(a, text + 1, (size_t)(tail - text - 1)), a);
        }
        clang_disposeString(sp);
        clang_disposeDiagnostic(d);
    }
    return files->n > before;
}

static void count_standin(CXFile f, CXSourceLocation *stack, unsigned depth, CXClientData data)
{
    (void)stack;
    (void)depth;
    CXString name = clang_getFileName(f);
    const char *s = clang_getCString(name);
    if (s && (strncmp(s, STANDIN_DIR "/", sizeof STANDIN_DIR) == 0 ||
              strncmp(s, MODEL_GAP_DIR "/", sizeof MODEL_GAP_DIR) == 0))
        (*(unsigned *)data)++;
    clang_disposeString(name);
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
                               const unsaved_vec *files, enum CXErrorCode *ec, enum pch_outcome *outcome)
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
    *ec = clang_parseTranslationUnit2(*idx, path, args->v, (int)args->n, files->v, (unsigned)files->n,
                                      CXTranslationUnit_KeepGoing, &tu);
    if (pch && (*ec != CXError_Success || !tu || pch_failed_to_load(tu))) {
        if (tu)
            clang_disposeTranslationUnit(tu);
        clang_disposeIndex(*idx);
        args->n = base;
        *outcome = PCH_FAILED;
        return parse(idx, path, args, NULL, files, ec, outcome);
    }
    args->n = base;
    return tu;
}

/* `path` resolved, or its directory with `dir`; NULL when it does not exist. */
static const char *resolved(const char *path, bool dir, struct arena *arena)
{
    char *abs = path ? realpath(path, NULL) : NULL;
    if (!abs)
        return NULL;
    char *slash = dir ? strrchr(abs, '/') : NULL;
    if (slash)
        *(slash == abs ? slash + 1 : slash) = '\0';
    const char *r = arena_strdup(arena, abs);
    free(abs);
    return r;
}

static void build_ir(CXTranslationUnit tu, const char *path, const struct front_options *opts,
                     const struct model *model, const const_str_vec *user_dirs, struct arena *arena,
                     struct ir_tu *out)
{
    struct tu_builder tb;
    memset(&tb, 0, sizeof tb);
    tb.arena = arena;
    tb.model = model;
    tb.tu = tu;
    tb.path = out->path;
    tb.main_file = clang_getFile(tu, path);
    /* Bodies under the project root are the user's code; without a root,
     * those beside the main file are. */
    tb.root = opts->project_root ? opts->project_root : resolved(path, true, arena);
    tb.user_dirs = user_dirs->v;
    tb.nuser_dirs = user_dirs->n;
    tb.model_dir = resolved(opts->model_include_dir, false, arena);
    front_build_tu(&tb, out);
    VEC_FREE(tb.fns);
    VEC_FREE(tb.pending);
    VEC_FREE(tb.xpending);
    VEC_FREE(tb.captured);
    u64map_free(&tb.captured_by_key);
    u64map_free(&tb.fn_by_key);
    u64map_free(&tb.file_ids);
    u64map_free(&tb.role_cache);
    u64map_free(&tb.user_files);
}

/* Which headers the file gets; false (with the reason) when --headers real
 * cannot be honoured. `scan` says which framework header the file reaches
 * (directly or through its project's headers) that no flag reaches. */
static bool choose_headers(const struct inc_scan *scan, const struct front_options *opts, struct arena *arena,
                           struct front_result *res)
{
    if (opts->headers == HEADERS_MODEL && !opts->model_include_dir) {
        res->error = arena_strdup(arena, "--headers model: the built-in model headers were not found "
                                         "(set TFGRADLINT_DATADIR to the directory holding include/)");
        return false;
    }
    const char *missing = opts->headers == HEADERS_MODEL ? NULL : scan->framework;
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

static void scan_includes(const char *path, const char *text, const struct front_options *opts,
                          struct arena *arena, struct inc_scan *scan)
{
    struct inc_config cfg = {opts->compiler_args, opts->ncompiler_args, opts->model_include_dir,
                             opts->headers == HEADERS_MODEL,
                             opts->project_root ? opts->project_root : inc_project_root(path), opts->outer_root};
    inc_scan_file(path, text, &cfg, arena, scan);
}

/* Parses, and once more when clang met includes the scan thought it
 * would find (each then gets a stand-in too). */
static CXTranslationUnit parse_with_standins(CXIndex *idx, const char *path, const_str_vec *args, const char *pch,
                                             unsaved_vec *files, struct arena *arena, enum CXErrorCode *ec,
                                             enum pch_outcome *outcome)
{
    CXTranslationUnit tu = parse(idx, path, args, pch, files, ec, outcome);
    for (int round = 0; round < 4 && *ec == CXError_Success && tu && add_unfound(tu, files, arena); round++) {
        clang_disposeTranslationUnit(tu);
        clang_disposeIndex(*idx);
        tu = parse(idx, path, args, *outcome == PCH_FAILED ? NULL : pch, files, ec, outcome);
    }
    return tu;
}

void front_analyze_file(const char *path, const struct front_options *opts, const struct model *model,
                        struct arena *arena, struct ir_tu *out, struct front_result *res)
{
    memset(res, 0, sizeof *res);
    memset(out, 0, sizeof *out);
    out->path = arena_strdup(arena, path);
    char *text = read_text(path, arena, res);
    if (!text)
        return;
    struct inc_scan scan;
    scan_includes(path, text, opts, arena, &scan);
    if (!choose_headers(&scan, opts, arena, res)) {
        inc_scan_free(&scan);
        return;
    }
    const_str_vec args = {0};
    build_args(path, opts, res->used_model_headers, &args);
    double t0 = clock_thread_seconds();
    const char *pch = pch_prepare_excluding(opts->pch, text, opts->model_include_dir, args.v, args.n, scan.local.v,
                                            scan.local.n, res->used_model_headers ? scan.framework : NULL, arena,
                                            &res->pch);
    double t1 = clock_thread_seconds();
    add_file_args(&scan, res->used_model_headers, &args);
    const_str_vec user_dirs = scan.inferred; /* arena strings: outlive the scan */
    scan.inferred = (const_str_vec){0};
    unsaved_vec files = {0};
    for (size_t i = 0; i < scan.missing.n; i++)
        add_standin(&files, scan.missing.v[i], arena);
    for (size_t i = 0; res->used_model_headers && i < scan.shadowed.n; i++)
        add_standin_in(&files, MODEL_GAP_DIR, scan.shadowed.v[i], arena);
    inc_scan_free(&scan);
    CXIndex idx;
    enum CXErrorCode ec;
    CXTranslationUnit tu = parse_with_standins(&idx, path, &args, pch, &files, arena, &ec, &res->pch);
    double t2 = clock_thread_seconds();
    VEC_FREE(args);
    VEC_FREE(files);
    res->pch_seconds = t1 - t0;
    res->parse_seconds = t2 - t1;
    if (ec != CXError_Success || !tu) {
        res->error = arena_printf(arena, "libclang could not parse the file (error %d)", (int)ec);
        clang_disposeIndex(idx);
        VEC_FREE(user_dirs);
        return;
    }
    clang_getInclusions(tu, count_standin, &res->missing_headers);
    collect_errors(tu, arena, res);
    build_ir(tu, path, opts, model, &user_dirs, arena, out);
    VEC_FREE(user_dirs);
    res->build_seconds = clock_thread_seconds() - t2;
    clang_disposeTranslationUnit(tu);
    clang_disposeIndex(idx);
    res->ok = true;
}
