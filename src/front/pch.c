/* front/pch: building, validating and sharing precompiled headers. */
#include "pch.h"
#include "pch_evict.h"
#include "../util/alloc.h"
#include "../util/hashmap.h"
#include "../util/strbuf.h"
#include <clang-c/Index.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Seconds a failed build is remembered on disk. */
#define PCH_FAILURE_TTL (24 * 60 * 60)

struct pch_cache {
    char *dir;
    pthread_mutex_t lock;
    str_vec failed; /* keys whose build failed in this run */
    str_vec valid;  /* "key\tpath" of PCHs checked or built in this run */
    unsigned long long max_bytes; /* the size bound; 0: none */
    /* The keys whose PCH this process uses, each with a shared lock held
     * on its lock file until the cache is freed (or the process exits),
     * so that no other process evicts it meanwhile. */
    str_vec held_keys;
    VEC(int) held_fds;
};

/* ---- the cache object ---- */

static bool mkdir_p(const char *path)
{
    char buf[4096];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf)
        return false;
    for (char *p = buf + 1;; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (mkdir(buf, 0755) != 0 && errno != EEXIST)
                return false;
            if (c == '\0')
                break;
            *p = c;
        }
    }
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

struct pch_cache *pch_cache_new(const char *dir, struct strbuf *err)
{
    if (!mkdir_p(dir)) {
        sb_printf(err, "%s: cannot create cache directory: %s", dir, strerror(errno));
        return NULL;
    }
    struct pch_cache *c = xcalloc(1, sizeof *c);
    c->dir = xstrdup(dir);
    c->max_bytes = PCH_CACHE_DEFAULT_MAX;
    pthread_mutex_init(&c->lock, NULL);
    return c;
}

void pch_cache_set_max(struct pch_cache *c, unsigned long long max_bytes)
{
    if (c)
        c->max_bytes = max_bytes;
}

void pch_cache_free(struct pch_cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->failed.n; i++)
        free(c->failed.v[i]);
    VEC_FREE(c->failed);
    for (size_t i = 0; i < c->valid.n; i++)
        free(c->valid.v[i]);
    VEC_FREE(c->valid);
    for (size_t i = 0; i < c->held_fds.n; i++)
        close(c->held_fds.v[i]); /* releases the shared locks */
    VEC_FREE(c->held_fds);
    for (size_t i = 0; i < c->held_keys.n; i++)
        free(c->held_keys.v[i]);
    VEC_FREE(c->held_keys);
    pthread_mutex_destroy(&c->lock);
    free(c->dir);
    free(c);
}

static bool failed_before(struct pch_cache *c, const char *key)
{
    pthread_mutex_lock(&c->lock);
    bool found = false;
    for (size_t i = 0; i < c->failed.n && !found; i++)
        found = strcmp(c->failed.v[i], key) == 0;
    pthread_mutex_unlock(&c->lock);
    return found;
}

static void remember_failure(struct pch_cache *c, const char *key)
{
    pthread_mutex_lock(&c->lock);
    VEC_PUSH(c->failed, xstrdup(key));
    pthread_mutex_unlock(&c->lock);
}

/* Checking a manifest stats every header the PCH read (about 1,500 for
 * LibTorch); within one run a PCH found valid stays valid, so the other
 * files of the run skip the check. */
static const char *known_valid(struct pch_cache *c, const char *key, struct arena *a)
{
    size_t kl = strlen(key);
    const char *found = NULL;
    pthread_mutex_lock(&c->lock);
    for (size_t i = 0; i < c->valid.n && !found; i++)
        if (strncmp(c->valid.v[i], key, kl) == 0 && c->valid.v[i][kl] == '\t')
            found = arena_strdup(a, c->valid.v[i] + kl + 1);
    pthread_mutex_unlock(&c->lock);
    return found;
}

static void remember_valid(struct pch_cache *c, const char *key, const char *path)
{
    size_t n = strlen(key) + strlen(path) + 2;
    char *entry = xmalloc(n);
    snprintf(entry, n, "%s\t%s", key, path);
    pthread_mutex_lock(&c->lock);
    VEC_PUSH(c->valid, entry);
    pthread_mutex_unlock(&c->lock);
}

/* Keeps the shared lock `fd` on `key` until the cache is freed, and marks
 * the key as used now (its lock file's mtime orders the eviction). */
static void hold(struct pch_cache *c, const char *key, int fd)
{
    futimens(fd, NULL);
    pthread_mutex_lock(&c->lock);
    VEC_PUSH(c->held_fds, fd);
    VEC_PUSH(c->held_keys, xstrdup(key));
    pthread_mutex_unlock(&c->lock);
}

/* Brings the directory back under its bound, keeping the keys in use. */
static void evict(struct pch_cache *c)
{
    if (!c->max_bytes)
        return;
    pthread_mutex_lock(&c->lock);
    pch_evict(c->dir, c->max_bytes, (const char *const *)c->held_keys.v, c->held_keys.n, NULL);
    pthread_mutex_unlock(&c->lock);
}

/* ---- the preamble ---- */

static const char *skip_blank(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\f' || *p == '\v')
        p++;
    return p;
}

/* Skips blanks, newlines and comments; NULL on an unterminated comment. */
static const char *skip_space_and_comments(const char *p)
{
    for (;;) {
        p = skip_blank(p);
        if (*p == '\n')
            p++;
        else if (p[0] == '/' && p[1] == '/')
            p += strcspn(p, "\n");
        else if (p[0] == '/' && p[1] == '*') {
            const char *end = strstr(p + 2, "*/");
            if (!end)
                return NULL;
            p = end + 2;
        } else
            return p;
    }
}

void pch_preamble_includes(const char *text, struct arena *a, const_str_vec *out)
{
    const char *p = text;
    if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF)
        p += 3;
    while ((p = skip_space_and_comments(p)) && *p == '#') {
        const char *d = skip_blank(p + 1);
        size_t len = strcspn(d, " \t<\"\n");
        if (len == 6 && strncmp(d, "pragma", 6) == 0) {
            const char *arg = skip_blank(d + 6);
            if (strncmp(arg, "once", 4) != 0)
                return;
        } else if (len == 7 && strncmp(d, "include", 7) == 0) {
            const char *arg = skip_blank(d + 7);
            const char *end = *arg == '<' ? strchr(arg, '>') : *arg == '"' ? strchr(arg + 1, '"') : NULL;
            if (!end || memchr(arg, '\n', (size_t)(end - arg)))
                return;
            if (*arg == '<')
                VEC_PUSH(*out, arena_strndup(a, arg + 1, (size_t)(end - arg - 1)));
        } else {
            return;
        }
        p += strcspn(p, "\n");
    }
}

/* ---- keys and manifests ---- */

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

/* Everything the PCH's contents depend on besides the files on disk. */
static void key_material(struct strbuf *m, const char *const *args, size_t nargs, const char *header)
{
    CXString v = clang_getClangVersion();
    sb_printf(m, "tfgradlint-pch 2\n%s\n", clang_getCString(v));
    clang_disposeString(v);
    for (size_t i = 0; i < nargs; i++) {
        sb_add(m, args[i]);
        sb_addc(m, '\0');
    }
    sb_addc(m, '\n');
    sb_add(m, header);
}

struct dep {
    const char *path;
    long long size, sec, nsec;
};

static bool stat_dep(const char *path, struct dep *d)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return false;
    d->path = path;
    d->size = (long long)st.st_size;
    d->sec = (long long)st.st_mtim.tv_sec;
    d->nsec = (long long)st.st_mtim.tv_nsec;
    return true;
}

/* Manifest: "<material length>\n<material>\n" then one line per file the
 * PCH read: "<size> <sec> <nsec> <path>". */
static void write_manifest_text(struct strbuf *out, const struct strbuf *material, const struct dep *deps,
                                size_t n)
{
    sb_printf(out, "%zu\n", material->len);
    sb_addn(out, material->s, material->len);
    sb_addc(out, '\n');
    for (size_t i = 0; i < n; i++)
        sb_printf(out, "%lld %lld %lld %s\n", deps[i].size, deps[i].sec, deps[i].nsec, deps[i].path);
}

/* True when `text` was written for `material` and every file it lists is
 * unchanged on disk. */
static bool manifest_valid(const char *text, size_t len, const struct strbuf *material)
{
    char *end;
    unsigned long long mlen = strtoull(text, &end, 10);
    if (end == text || *end != '\n' || mlen != material->len || (size_t)(end + 1 - text) + mlen >= len ||
        memcmp(end + 1, material->s, material->len) != 0)
        return false;
    for (const char *p = end + 1 + mlen + 1; p < text + len && *p;) {
        long long size, sec, nsec;
        int used = 0;
        if (sscanf(p, "%lld %lld %lld %n", &size, &sec, &nsec, &used) != 3)
            return false;
        const char *path = p + used, *eol = strchr(path, '\n');
        if (!eol)
            return false;
        char file[4096];
        if ((size_t)(eol - path) >= sizeof file)
            return false;
        memcpy(file, path, (size_t)(eol - path));
        file[eol - path] = '\0';
        struct dep now;
        if (!stat_dep(file, &now) || now.size != size || now.sec != sec || now.nsec != nsec)
            return false;
        p = eol + 1;
    }
    return true;
}

static char *read_small(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct strbuf b;
    sb_init(&b);
    bool ok = sb_read_stream(&b, f);
    fclose(f);
    *len = b.len;
    if (!ok) {
        sb_free(&b);
        return NULL;
    }
    return sb_detach(&b);
}

/* Writes `data` to `path` through a temporary file and rename(), so that
 * readers never see a partial file. */
static bool write_atomic(const char *path, const char *data, size_t len)
{
    char tmp[4200];
    int n = snprintf(tmp, sizeof tmp, "%s.tmp.XXXXXX", path);
    if (n < 0 || (size_t)n >= sizeof tmp)
        return false;
    int fd = mkstemp(tmp);
    if (fd < 0)
        return false;
    bool ok = write(fd, data, len) == (ssize_t)len;
    ok = close(fd) == 0 && ok;
    if (ok)
        ok = rename(tmp, path) == 0;
    if (!ok)
        unlink(tmp);
    return ok;
}

/* ---- per-key paths ---- */

/* The cache directory is under 4096 bytes (mkdir_p checks), so each path
 * holds it, the key and a suffix whole. */
struct slot {
    char key[17];
    char manifest[4200], lock[4200], header[4200], failed[4200];
};

static void slot_init(struct slot *s, const struct pch_cache *c, const struct strbuf *material)
{
    snprintf(s->key, sizeof s->key, "%016llx", (unsigned long long)fnv(1469598103934665603ULL, material->s,
                                                                        material->len));
    snprintf(s->manifest, sizeof s->manifest, "%s/%s.manifest", c->dir, s->key);
    snprintf(s->lock, sizeof s->lock, "%s/%s.lock", c->dir, s->key);
    snprintf(s->header, sizeof s->header, "%s/%s.h", c->dir, s->key);
    snprintf(s->failed, sizeof s->failed, "%s/%s.failed", c->dir, s->key);
}

/* A build of this slot failed in an earlier run and nothing it read has
 * changed since: building again would fail again (about 0.5 s for
 * LibTorch's headers, paid by every file of every run). */
static bool failed_on_disk(const struct slot *s, const struct strbuf *material)
{
    /* A header that was missing is not among the files the build read, so
     * installing it would go unnoticed: a failure is retried after a day. */
    struct stat st;
    if (stat(s->failed, &st) != 0 || time(NULL) - st.st_mtime > PCH_FAILURE_TTL)
        return false;
    size_t len = 0;
    char *text = read_small(s->failed, &len);
    bool failed = text && manifest_valid(text, len, material);
    free(text);
    return failed;
}

/* The PCH a manifest names: its key and a hash of the manifest, so a new
 * manifest never points at an old PCH file. */
static char *pch_path(struct arena *a, const struct pch_cache *c, const struct slot *s, const char *manifest,
                      size_t len)
{
    return arena_printf(a, "%s/%s-%016llx.pch", c->dir, s->key,
                        (unsigned long long)fnv(1469598103934665603ULL, manifest, len));
}

/* The valid PCH of a slot, or NULL. */
static const char *lookup(struct arena *a, const struct pch_cache *c, const struct slot *s,
                          const struct strbuf *material)
{
    size_t len = 0;
    char *text = read_small(s->manifest, &len);
    const char *found = NULL;
    if (text && manifest_valid(text, len, material)) {
        char *path = pch_path(a, c, s, text, len);
        if (access(path, R_OK) == 0)
            found = path;
    }
    free(text);
    return found;
}

/* ---- building ---- */

struct dep_collector {
    struct arena *a;
    CXTranslationUnit tu;
    VEC(struct dep) deps;
    bool ok;
};

static void collect_inclusion(CXFile f, CXSourceLocation *stack, unsigned depth, CXClientData data)
{
    (void)stack;
    struct dep_collector *dc = data;
    /* The file will #include these headers again after the PCH; a header
     * without an include guard or #pragma once would then be defined
     * twice, so such an include list gets no PCH. System headers may be
     * included twice by definition (<cctype> keeps its guard after an
     * #include, so clang does not see it as guarded). */
    if (depth == 1 && !clang_isFileMultipleIncludeGuarded(dc->tu, f) &&
        !clang_Location_isInSystemHeader(clang_getLocationForOffset(dc->tu, f, 0)))
        dc->ok = false;
    CXString name = clang_getFileName(f);
    struct dep d;
    const char *path = clang_getCString(name);
    if (path && stat_dep(arena_strdup(dc->a, path), &d))
        VEC_PUSH(dc->deps, d);
    else
        dc->ok = false;
    clang_disposeString(name);
}

static bool has_errors(CXTranslationUnit tu)
{
    unsigned n = clang_getNumDiagnostics(tu);
    bool errors = false;
    for (unsigned i = 0; i < n && !errors; i++) {
        CXDiagnostic d = clang_getDiagnostic(tu, i);
        errors = clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error;
        clang_disposeDiagnostic(d);
    }
    return errors;
}

/* Header-build flags: the file's flags with the language switched to its
 * header form, and template instantiations done once in the PCH rather
 * than in every file that uses it. */
static void header_args(const char *const *args, size_t nargs, const_str_vec *out)
{
    for (size_t i = 0; i < nargs; i++) {
        const char *a = args[i];
        if (i > 0 && strcmp(args[i - 1], "-x") == 0)
            a = strcmp(a, "c") == 0 ? "c-header" : "c++-header";
        VEC_PUSH(*out, a);
    }
    if (nargs >= 2 && strcmp(args[1], "c++") == 0)
        VEC_PUSH(*out, "-fpch-instantiate-templates");
}

/* Writes the parsed header as the slot's PCH, then its manifest (so a
 * manifest never names a PCH that is not complete). */
static const char *save(struct arena *a, const struct pch_cache *c, const struct slot *s,
                        const struct strbuf *material, CXTranslationUnit tu)
{
    struct dep_collector dc = {a, tu, {0}, true};
    clang_getInclusions(tu, collect_inclusion, &dc);
    struct strbuf manifest;
    sb_init(&manifest);
    write_manifest_text(&manifest, material, dc.deps.v, dc.deps.n);
    char *path = pch_path(a, c, s, manifest.s, manifest.len);
    char tmp[4300];
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld.%lx", path, (long)getpid(), (unsigned long)pthread_self());
    bool ok = dc.ok && clang_saveTranslationUnit(tu, tmp, 0) == CXSaveError_None && rename(tmp, path) == 0 &&
              write_atomic(s->manifest, manifest.s, manifest.len);
    if (!ok)
        unlink(tmp);
    sb_free(&manifest);
    VEC_FREE(dc.deps);
    return ok ? path : NULL;
}

/* Records a failed build with the files it read, so later runs skip it
 * until one of them changes (an error on disk is not retried per run). */
static void save_failure(struct arena *a, const struct slot *s, const struct strbuf *material, CXTranslationUnit tu)
{
    struct dep_collector dc = {a, tu, {0}, true};
    if (tu)
        clang_getInclusions(tu, collect_inclusion, &dc);
    struct strbuf text;
    sb_init(&text);
    write_manifest_text(&text, material, dc.deps.v, dc.deps.n);
    write_atomic(s->failed, text.s, text.len);
    sb_free(&text);
    VEC_FREE(dc.deps);
}

/* Parses the generated header and saves it as the slot's PCH with its
 * manifest. Called with the slot's lock held. */
static const char *build(struct arena *a, const struct pch_cache *c, const struct slot *s,
                         const struct strbuf *material, const char *header, const char *const *args, size_t nargs)
{
    size_t old_len = 0;
    char *old = read_small(s->header, &old_len);
    bool same = old && old_len == strlen(header) && memcmp(old, header, old_len) == 0;
    free(old);
    /* Rewriting an unchanged header would change its mtime and so make
     * the PCHs built from it look stale. */
    if (!same && !write_atomic(s->header, header, strlen(header)))
        return NULL;
    const_str_vec hargs = {0};
    header_args(args, nargs, &hargs);
    CXIndex idx = clang_createIndex(0, 0);
    CXTranslationUnit tu = NULL;
    /* Header function bodies are skipped: the analysis reads only the
     * main file's bodies, and a body that is not there is neither parsed
     * now nor instantiated in every file that uses the PCH (that was most
     * of a LibTorch file's parse). Clang still keeps the bodies it needs
     * for the declarations: constexpr functions and deduced return types. */
    unsigned flags =
        CXTranslationUnit_ForSerialization | CXTranslationUnit_Incomplete | CXTranslationUnit_SkipFunctionBodies;
    enum CXErrorCode ec = clang_parseTranslationUnit2(idx, s->header, hargs.v, (int)hargs.n, NULL, 0, flags, &tu);
    VEC_FREE(hargs);
    const char *result = ec == CXError_Success && tu && !has_errors(tu) ? save(a, c, s, material, tu) : NULL;
    if (!result)
        save_failure(a, s, material, tu);
    if (tu)
        clang_disposeTranslationUnit(tu);
    clang_disposeIndex(idx);
    return result;
}

/* Removes the PCH files of this key other than `keep` (left by older
 * manifests). */
static void remove_stale(const struct pch_cache *c, const struct slot *s, const char *keep)
{
    char pattern[32];
    snprintf(pattern, sizeof pattern, "%s-", s->key);
    const char *keep_base = strrchr(keep, '/') + 1;
    DIR *d = opendir(c->dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (strncmp(e->d_name, pattern, strlen(pattern)) == 0 && n > 4 && strcmp(e->d_name + n - 4, ".pch") == 0 &&
            strcmp(e->d_name, keep_base) != 0) {
            char path[4400];
            snprintf(path, sizeof path, "%s/%s", c->dir, e->d_name);
            unlink(path);
        }
    }
    closedir(d);
}

static bool has_file(const char *dir, const char *rel)
{
    char path[4200];
    struct stat st;
    return snprintf(path, sizeof path, "%s/%s", dir, rel) < (int)sizeof path && stat(path, &st) == 0 &&
           S_ISREG(st.st_mode);
}

/* Ends the list after its last framework header, so files that add a
 * different standard header after <torch/torch.h> share one PCH (the
 * framework header has usually included that standard header already). */
static void cut_after_framework(const_str_vec *incs, const char *framework_dir)
{
    for (size_t i = incs->n; framework_dir && i-- > 0;)
        if (has_file(framework_dir, incs->v[i])) {
            incs->n = i + 1;
            return;
        }
}

/* Finds the slot's PCH or builds it, under the slot's lock: one builder
 * per key across threads and processes, and whoever waited finds the PCH
 * the other built. */
static const char *build_locked(struct pch_cache *c, const struct slot *s, const struct strbuf *material,
                                const char *header, const char *const *args, size_t nargs, struct arena *a,
                                enum pch_outcome *outcome)
{
    int fd = pch_lock_key(s->lock, LOCK_EX);
    const char *path = lookup(a, c, s, material);
    *outcome = PCH_HIT;
    if (!path && failed_on_disk(s, material)) {
        *outcome = PCH_FAILED;
        remember_failure(c, s->key);
    } else if (!path) {
        path = build(a, c, s, material, header, args, nargs);
        *outcome = path ? PCH_BUILT : PCH_FAILED;
        if (path) {
            remove_stale(c, s, path);
            unlink(s->failed);
        }
        else
            remember_failure(c, s->key);
    }
    if (path)
        remember_valid(c, s->key, path);
    if (fd >= 0 && path) {
        /* Others may read it now; this process reads it too. */
        flock(fd, LOCK_SH);
        hold(c, s->key, fd);
        /* The cache grows only here: the one place to bound it. */
        if (*outcome == PCH_BUILT)
            evict(c);
    } else if (fd >= 0)
        close(fd); /* releases the lock */
    return path;
}

/* `path`, found valid, with the key's shared lock now held so that no
 * other process evicts it while this one reads it; NULL when it was
 * removed before the lock was taken. */
static const char *take(struct pch_cache *c, const struct slot *s, const char *path)
{
    int fd = pch_lock_key(s->lock, LOCK_SH);
    if (fd < 0)
        return path; /* no locking on this file system: used unprotected, as clang falls back without it */
    if (access(path, R_OK) != 0) {
        close(fd);
        return NULL;
    }
    hold(c, s->key, fd);
    return path;
}

/* Drops the names of `exclude` from `incs`, keeping the order. */
static void drop_excluded(const_str_vec *incs, const char *const *exclude, size_t nexclude)
{
    size_t kept = 0;
    for (size_t i = 0; i < incs->n; i++) {
        bool drop = false;
        for (size_t k = 0; k < nexclude && !drop; k++)
            drop = strcmp(incs->v[i], exclude[k]) == 0;
        if (!drop)
            incs->v[kept++] = incs->v[i];
    }
    incs->n = kept;
}

/* Keeps only the framework's headers: the standard headers a file adds
 * before them (in any order) would otherwise make a key per file, and the
 * framework's headers include most of them already; the file includes
 * them again after the PCH (they are guarded). */
static void keep_framework_only(const_str_vec *incs, const char *framework_dir)
{
    size_t kept = 0;
    for (size_t i = 0; framework_dir && i < incs->n; i++)
        if (has_file(framework_dir, incs->v[i]))
            incs->v[kept++] = incs->v[i];
    if (framework_dir)
        incs->n = kept;
}

const char *pch_prepare(struct pch_cache *c, const char *text, const char *framework_dir, const char *const *args,
                        size_t nargs, struct arena *a, enum pch_outcome *outcome)
{
    return pch_prepare_excluding(c, text, framework_dir, args, nargs, NULL, 0, NULL, a, outcome);
}

/* Whether the list names a header of `framework_dir`. */
static bool names_framework(const const_str_vec *incs, const char *framework_dir)
{
    for (size_t i = 0; framework_dir && i < incs->n; i++)
        if (has_file(framework_dir, incs->v[i]))
            return true;
    return false;
}

const char *pch_prepare_excluding(struct pch_cache *c, const char *text, const char *framework_dir,
                                  const char *const *args, size_t nargs, const char *const *exclude, size_t nexclude,
                                  const char *reached, struct arena *a, enum pch_outcome *outcome)
{
    *outcome = PCH_NONE;
    const_str_vec incs = {0};
    pch_preamble_includes(text, a, &incs);
    cut_after_framework(&incs, framework_dir);
    drop_excluded(&incs, exclude, nexclude);
    if (reached || names_framework(&incs, framework_dir))
        keep_framework_only(&incs, framework_dir);
    if (reached && incs.n == 0)
        VEC_PUSH(incs, reached);
    if (!c || incs.n == 0) {
        VEC_FREE(incs);
        return NULL;
    }
    struct strbuf header, material;
    sb_init(&header);
    sb_init(&material);
    for (size_t i = 0; i < incs.n; i++)
        sb_printf(&header, "#include <%s>\n", incs.v[i]);
    VEC_FREE(incs);
    key_material(&material, args, nargs, sb_str(&header));
    struct slot s;
    slot_init(&s, c, &material);
    const char *path = known_valid(c, s.key, a);
    if (!path && (path = lookup(a, c, &s, &material)) && (path = take(c, &s, path)))
        remember_valid(c, s.key, path);
    if (path)
        *outcome = PCH_HIT;
    else if (failed_before(c, s.key))
        *outcome = PCH_FAILED;
    else if (failed_on_disk(&s, &material)) {
        *outcome = PCH_FAILED;
        remember_failure(c, s.key);
    }
    else
        path = build_locked(c, &s, &material, sb_str(&header), args, nargs, a, outcome);
    sb_free(&header);
    sb_free(&material);
    return path;
}
