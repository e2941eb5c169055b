/* fixture_runner: checks every fixture's inline expectations against the
 * analyzer's JSON output, strictly both ways.
 *
 *   // expect: GL001 GL003        an error of each rule on this line
 *   // expect-warning: GL002      a warning on this line
 *   // fixture-args: --model X    extra command-line arguments (paths
 *                                 relative to the repository root)
 *   // fixture-partial            the file has parse errors on purpose
 *
 * A fixture with no expectation must produce no diagnostic. Every fixture
 * must parse without errors, except a partial one, which must have them
 * (it tests that what clang could not resolve stays unknown). A directory
 * holding CMakeLists.txt is one project fixture: it is run as a whole
 * (`tfgradlint DIR`), its expectations may be in any of its files (headers
 * too), and every file the run lists must be analysed. Prints one line per
 * failure and ends with "N passed, M failed".
 *
 * The inline comments say which rule fires on which line; the snapshot
 * says what the user reads. Every fixture that reports something has one,
 * `snapshots/<fixture name>.txt` in the fixture's directory: each finding
 * as `file:line:col: severity: message [ID name]` with its notes indented
 * below, file names relative to the fixture's directory (the project's,
 * for a project), in the tool's order. A fixture that reports nothing has
 * no snapshot. A difference is printed as a line diff (`-` expected,
 * `+` reported); `--update` (make fixtures-update) rewrites the snapshots
 * from what is reported, removes those of silent or deleted fixtures, and
 * still checks the inline expectations.
 *
 *   // clean-for: GL002           a clean fixture guarding GL002: it must
 *                                 expect no GL002 finding and run with every
 *                                 rule on (no --select/--ignore in its args)
 *
 * usage: fixture_runner [--update] TFGRADLINT FIXTURE-DIR-OR-FILE... */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_EXPECT 256

static bool update; /* --update: write snapshots instead of comparing */

struct expect {
    char file[PATH_MAX]; /* real path of the file holding it */
    unsigned line;
    char rule[16];
    bool warning;
    bool matched;
};

struct fixture {
    struct expect ex[MAX_EXPECT];
    int nex;
    char args[1024];
    bool partial;
    struct {
        char file[PATH_MAX]; /* real path of the file saying it */
        char rule[16];
    } clean_for[8]; /* rules a clean fixture guards */
    int nclean_for;
};

static char *slurp(FILE *f)
{
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len < 4096) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
    }
    if (buf)
        buf[len] = '\0';
    return buf;
}

static void parse_expect_list(struct fixture *fx, const char *file, const char *p, unsigned line, bool warning)
{
    while (*p && *p != '\n') {
        while (*p == ' ' || *p == '\t' || *p == ',')
            p++;
        if (strncmp(p, "GL", 2) != 0)
            break;
        size_t n = strspn(p, "GL0123456789");
        if (fx->nex < MAX_EXPECT && n < sizeof fx->ex[0].rule) {
            struct expect *e = &fx->ex[fx->nex++];
            memset(e, 0, sizeof *e);
            snprintf(e->file, sizeof e->file, "%s", file);
            e->line = line;
            memcpy(e->rule, p, n);
            e->warning = warning;
        }
        p += n;
    }
}

static void parse_clean_for(struct fixture *fx, const char *file, const char *p)
{
    while (*p && *p != '\n') {
        p += strspn(p, " \t,");
        size_t n = strspn(p, "GL0123456789");
        if (n == 0)
            break;
        if (fx->nclean_for < 8 && n < sizeof fx->clean_for[0].rule) {
            snprintf(fx->clean_for[fx->nclean_for].file, sizeof fx->clean_for[0].file, "%s", file);
            memcpy(fx->clean_for[fx->nclean_for++].rule, p, n);
        }
        p += n;
    }
}

/* Adds the expectations of the file at `path` to `fx`. */
static bool read_fixture(const char *path, struct fixture *fx)
{
    FILE *f = fopen(path, "r");
    char file[PATH_MAX];
    if (!f || !realpath(path, file)) {
        if (f)
            fclose(f);
        return false;
    }
    char line[8192];
    unsigned no = 0;
    while (fgets(line, sizeof line, f)) {
        no++;
        const char *p;
        if ((p = strstr(line, "// expect: ")))
            parse_expect_list(fx, file, p + 11, no, false);
        if ((p = strstr(line, "// expect-warning: ")))
            parse_expect_list(fx, file, p + 19, no, true);
        if ((p = strstr(line, "// clean-for: ")))
            parse_clean_for(fx, file, p + 14);
        if (strstr(line, "// fixture-partial"))
            fx->partial = true;
        if ((p = strstr(line, "// fixture-args: "))) {
            snprintf(fx->args, sizeof fx->args, "%s", p + 17);
            fx->args[strcspn(fx->args, "\r\n")] = '\0';
        }
    }
    fclose(f);
    return true;
}

/* ---- snapshots ---- */

struct buf {
    char *s;
    size_t len, cap;
};

static void buf_add(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void buf_add(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if (b->len + (size_t)n + 1 > b->cap) {
        b->cap = (b->len + (size_t)n + 1) * 2;
        b->s = realloc(b->s, b->cap);
        if (!b->s)
            abort();
    }
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* `file` as the snapshot names it: relative to `base` (a real path), so
 * snapshots do not depend on where the repository is checked out. */
static void snap_path(const char *base, const char *file, char *out, size_t n)
{
    char real[PATH_MAX];
    size_t bl = strlen(base);
    if (realpath(file, real) && strncmp(real, base, bl) == 0 && real[bl] == '/') {
        snprintf(out, n, "%s", real + bl + 1);
        return;
    }
    const char *slash = strrchr(file, '/');
    snprintf(out, n, "<outside>/%s", slash ? slash + 1 : file);
}

static const char *jstr(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItem(o, key);
    return cJSON_IsString(v) ? v->valuestring : "?";
}

static int jint(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItem(o, key);
    return cJSON_IsNumber(v) ? v->valueint : 0;
}

/* What the user reads of the findings in `root`, one line per finding and
 * one per note. */
static char *snapshot_of(const cJSON *root, const char *base)
{
    struct buf b = {0};
    char path[PATH_MAX];
    const cJSON *d, *note;
    buf_add(&b, "%s", "");
    cJSON_ArrayForEach(d, cJSON_GetObjectItem(root, "diagnostics"))
    {
        snap_path(base, jstr(d, "file"), path, sizeof path);
        buf_add(&b, "%s:%d:%d: %s: %s [%s %s]\n", path, jint(d, "line"), jint(d, "column"), jstr(d, "severity"),
                jstr(d, "message"), jstr(d, "rule"), jstr(d, "name"));
        cJSON_ArrayForEach(note, cJSON_GetObjectItem(d, "notes"))
        {
            snap_path(base, jstr(note, "file"), path, sizeof path);
            buf_add(&b, "  %s:%d:%d: note: %s\n", path, jint(note, "line"), jint(note, "column"),
                    jstr(note, "message"));
        }
    }
    return b.s;
}

/* Splits `text` in place into at most `max` lines. */
static int split_lines(char *text, char **lines, int max)
{
    int n = 0;
    for (char *p = text; p && *p && n < max; n++) {
        lines[n] = p;
        p = strchr(p, '\n');
        if (p)
            *p++ = '\0';
    }
    return n;
}

/* Prints the line diff from `want` to `got` (longest common subsequence;
 * snapshots are a few lines long): ` ` both, `-` expected only, `+`
 * reported only. */
static void print_diff(const char *want, const char *got)
{
    enum { MAX_LINES = 512 };
    char *w = strdup(want), *g = strdup(got);
    static char *wl[MAX_LINES], *gl[MAX_LINES];
    int n = split_lines(w, wl, MAX_LINES), m = split_lines(g, gl, MAX_LINES);
    int *lcs = calloc((size_t)(n + 1) * (size_t)(m + 1), sizeof *lcs);
    if (!w || !g || !lcs)
        abort();
#define LCS(i, j) lcs[(size_t)(i) * (size_t)(m + 1) + (size_t)(j)]
    for (int i = n - 1; i >= 0; i--)
        for (int j = m - 1; j >= 0; j--)
            LCS(i, j) = strcmp(wl[i], gl[j]) == 0 ? LCS(i + 1, j + 1) + 1
                        : LCS(i + 1, j) >= LCS(i, j + 1) ? LCS(i + 1, j)
                                                         : LCS(i, j + 1);
    int i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && strcmp(wl[i], gl[j]) == 0) {
            printf("     %s\n", wl[i++]);
            j++;
        } else if (i < n && (j == m || LCS(i + 1, j) >= LCS(i, j + 1)))
            printf("   - %s\n", wl[i++]);
        else
            printf("   + %s\n", gl[j++]);
    }
#undef LCS
    free(lcs);
    free(w);
    free(g);
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    char *text = slurp(f);
    fclose(f);
    return text;
}

/* `snapshots/<name>.txt` beside the fixture or project at `path` (caller
 * frees). */
static char *snapshot_file(const char *path)
{
    size_t len = strlen(path);
    while (len > 1 && path[len - 1] == '/')
        len--;
    size_t base = len;
    while (base > 0 && path[base - 1] != '/')
        base--;
    struct buf b = {0};
    buf_add(&b, "%.*ssnapshots/%.*s.txt", (int)base, path, (int)(len - base), path + base);
    return b.s;
}

/* Writes `text` to `file`, or removes `file` when `text` is empty. */
static void write_snapshot(const char *file, const char *text)
{
    if (!*text) {
        unlink(file);
        return;
    }
    char *dir = strdup(file);
    if (!dir)
        abort();
    *strrchr(dir, '/') = '\0';
    mkdir(dir, 0777);
    free(dir);
    FILE *f = fopen(file, "w");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0)
        printf("FAIL %s: cannot write\n", file);
}

/* Compares (or, with --update, writes) the snapshot of the run of `path`. */
static int check_snapshot(const char *path, const cJSON *root)
{
    char base[PATH_MAX];
    struct stat st;
    if (!realpath(path, base))
        return 0;
    if (stat(base, &st) == 0 && !S_ISDIR(st.st_mode))
        *strrchr(base, '/') = '\0';
    char *file = snapshot_file(path);
    char *got = snapshot_of(root, base);
    char *want = read_file(file);
    int fails = 0;
    if (update) {
        if (!want || strcmp(want, got) != 0)
            write_snapshot(file, got);
    } else if (!want && *got) {
        printf("FAIL %s: no snapshot %s (make fixtures-update writes it):\n", path, file);
        print_diff("", got);
        fails++;
    } else if (want && strcmp(want, got) != 0) {
        printf("FAIL %s: output differs from %s (make fixtures-update if the change is intended):\n", path, file);
        print_diff(want, got);
        fails++;
    }
    free(got);
    free(want);
    free(file);
    return fails;
}

/* A snapshot whose fixture is gone fails (with --update it is removed). */
static int check_orphans(const char *dir)
{
    char snaps[PATH_MAX];
    snprintf(snaps, sizeof snaps, "%s/snapshots", dir);
    DIR *d = opendir(snaps);
    struct dirent *e;
    int fails = 0;
    while (d && (e = readdir(d))) {
        size_t len = strlen(e->d_name);
        char fixture[PATH_MAX], file[PATH_MAX + 256];
        struct stat st;
        if (e->d_name[0] == '.' || len < 5 || strcmp(e->d_name + len - 4, ".txt") != 0)
            continue;
        snprintf(fixture, sizeof fixture, "%s/%.*s", dir, (int)(len - 4), e->d_name);
        snprintf(file, sizeof file, "%s/%s", snaps, e->d_name);
        if (stat(fixture, &st) == 0)
            continue;
        if (update)
            unlink(file);
        else {
            printf("FAIL %s: snapshot of a fixture that does not exist (make fixtures-update removes it)\n", file);
            fails++;
        }
    }
    if (d)
        closedir(d);
    return fails;
}

/* A clean file that guards a rule must run it and not expect it. */
static int check_clean_for(const struct fixture *fx)
{
    int fails = 0;
    for (int c = 0; c < fx->nclean_for; c++) {
        const char *file = fx->clean_for[c].file, *rule = fx->clean_for[c].rule;
        for (int i = 0; i < fx->nex; i++)
            if (strcmp(fx->ex[i].rule, rule) == 0 && strcmp(fx->ex[i].file, file) == 0) {
                printf("FAIL %s: clean-for %s but expects %s at line %u\n", file, rule, rule, fx->ex[i].line);
                fails++;
            }
        if (strstr(fx->args, "--select") || strstr(fx->args, "--ignore")) {
            printf("FAIL %s: clean-for %s must run with every rule on, not `%s`\n", file, rule, fx->args);
            fails++;
        }
    }
    return fails;
}

/* Runs the tool on `path` (a file or a project directory) and checks what
 * it reports against `fx`. */
static int check_run(const char *bin, const char *path, struct fixture *fx)
{
    /* FIXTURE_TIMEOUT=N passes --timeout N to the tool: under memcheck
     * (make valgrind) a file takes far longer than its default limit. */
    const char *timeout = getenv("FIXTURE_TIMEOUT");
    char tflag[64] = "";
    if (timeout && *timeout)
        snprintf(tflag, sizeof tflag, "--timeout '%.40s' ", timeout);
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "'%s' --format json %s%s '%s' 2>/dev/null", bin, tflag, fx->args, path);
    FILE *p = popen(cmd, "r");
    char *out = p ? slurp(p) : NULL;
    if (p)
        pclose(p);
    cJSON *root = out ? cJSON_Parse(out) : NULL;
    free(out);
    if (!root) {
        printf("FAIL %s: no JSON output from %s\n", path, bin);
        return 1;
    }
    int fails = 0;
    const cJSON *file;
    if (cJSON_GetArraySize(cJSON_GetObjectItem(root, "files")) == 0) {
        printf("FAIL %s: no file analysed\n", path);
        fails++;
    }
    bool any_partial = false;
    cJSON_ArrayForEach(file, cJSON_GetObjectItem(root, "files"))
    {
        const cJSON *status = cJSON_GetObjectItem(file, "status");
        const cJSON *fpath = cJSON_GetObjectItem(file, "path");
        const char *shown = cJSON_IsString(fpath) ? fpath->valuestring : path;
        if (!cJSON_IsString(status) || strcmp(status->valuestring, "analyzed") != 0) {
            const cJSON *err = cJSON_GetObjectItem(file, "error");
            printf("FAIL %s: not analysed cleanly: %s\n", shown, cJSON_IsString(err) ? err->valuestring : "?");
            fails++;
        }
        bool partial = cJSON_IsTrue(cJSON_GetObjectItem(file, "partial"));
        any_partial |= partial;
        if (partial && !fx->partial) {
            const cJSON *first = cJSON_GetObjectItem(file, "first_parse_error");
            printf("FAIL %s: %s\n", shown, cJSON_IsString(first) ? first->valuestring : "parse errors");
            fails++;
        }
    }
    if (fx->partial && !any_partial) {
        printf("FAIL %s: marked fixture-partial but parsed without errors\n", path);
        fails++;
    }
    const cJSON *d;
    cJSON_ArrayForEach(d, cJSON_GetObjectItem(root, "diagnostics"))
    {
        unsigned line = (unsigned)cJSON_GetObjectItem(d, "line")->valueint;
        const char *rule = cJSON_GetObjectItem(d, "rule")->valuestring;
        bool warning = strcmp(cJSON_GetObjectItem(d, "severity")->valuestring, "warning") == 0;
        const char *dfile = cJSON_GetObjectItem(d, "file")->valuestring;
        char real[PATH_MAX];
        if (!realpath(dfile, real))
            snprintf(real, sizeof real, "%s", dfile);
        bool found = false;
        for (int i = 0; i < fx->nex && !found; i++) {
            struct expect *e = &fx->ex[i];
            if (!e->matched && e->line == line && strcmp(e->rule, rule) == 0 && e->warning == warning &&
                strcmp(real, e->file) == 0)
                e->matched = found = true;
        }
        if (!found) {
            printf("FAIL %s:%u: unexpected %s %s: %s\n", dfile, line, warning ? "warning" : "error", rule,
                   cJSON_GetObjectItem(d, "message")->valuestring);
            fails++;
        }
    }
    for (int i = 0; i < fx->nex; i++)
        if (!fx->ex[i].matched) {
            printf("FAIL %s:%u: expected %s %s, not reported\n", fx->ex[i].file, fx->ex[i].line,
                   fx->ex[i].warning ? "warning" : "error", fx->ex[i].rule);
            fails++;
        }
    fails += check_clean_for(fx);
    fails += check_snapshot(path, root);
    cJSON_Delete(root);
    return fails;
}

static int failures_in(const char *bin, const char *path)
{
    static struct fixture fx;
    memset(&fx, 0, sizeof fx);
    if (!read_fixture(path, &fx)) {
        printf("FAIL %s: cannot read\n", path);
        return 1;
    }
    return check_run(bin, path, &fx);
}

static bool is_project(const char *dir)
{
    char marker[PATH_MAX];
    struct stat st;
    snprintf(marker, sizeof marker, "%s/CMakeLists.txt", dir);
    return stat(marker, &st) == 0;
}

static bool is_source_or_header(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && (strcmp(dot, ".h") == 0 || strcmp(dot, ".hpp") == 0 || strcmp(dot, ".c") == 0 ||
                   strcmp(dot, ".cc") == 0 || strcmp(dot, ".cpp") == 0);
}

/* Adds the expectations of every source and header under `dir`. */
static void read_project(const char *dir, struct fixture *fx)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        char path[PATH_MAX];
        struct stat st;
        if (e->d_name[0] == '.' || snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path)
            continue;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
            read_project(path, fx);
        else if (is_source_or_header(e->d_name))
            read_fixture(path, fx);
    }
    if (d)
        closedir(d);
}

static int failures_in_project(const char *bin, const char *dir)
{
    static struct fixture fx;
    memset(&fx, 0, sizeof fx);
    read_project(dir, &fx);
    return check_run(bin, dir, &fx);
}

static bool is_fixture(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && (strcmp(dot, ".c") == 0 || strcmp(dot, ".cc") == 0 || strcmp(dot, ".cpp") == 0);
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void run_dir(const char *bin, const char *dir, int *passed, int *failed)
{
    DIR *d = opendir(dir);
    if (!d) {
        printf("FAIL %s: cannot open directory\n", dir);
        (*failed)++;
        return;
    }
    char *names[4096];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 4096)
        if (e->d_name[0] != '.') {
            size_t len = strlen(dir) + strlen(e->d_name) + 2;
            names[n] = malloc(len);
            snprintf(names[n++], len, "%s/%s", dir, e->d_name);
        }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, cmp);
    for (int i = 0; i < n; i++) {
        struct stat st;
        const char *slash = strrchr(names[i], '/');
        if (strcmp(slash ? slash + 1 : names[i], "snapshots") == 0)
            (check_orphans(dir) ? (*failed)++ : 0);
        else if (stat(names[i], &st) == 0 && S_ISDIR(st.st_mode) && is_project(names[i]))
            (failures_in_project(bin, names[i]) ? (*failed)++ : (*passed)++);
        else if (stat(names[i], &st) == 0 && S_ISDIR(st.st_mode))
            run_dir(bin, names[i], passed, failed);
        else if (is_fixture(names[i]))
            (failures_in(bin, names[i]) ? (*failed)++ : (*passed)++);
        free(names[i]);
    }
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--update") == 0) {
        update = true;
        argv++;
        argc--;
    }
    if (argc < 3) {
        fputs("usage: fixture_runner [--update] TFGRADLINT FIXTURE-DIR-OR-FILE...\n", stderr);
        return 2;
    }
    int passed = 0, failed = 0;
    for (int i = 2; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) == 0 && S_ISREG(st.st_mode)) /* one fixture (make valgrind's subset) */
            (failures_in(argv[1], argv[i]) ? failed++ : passed++);
        else if (is_project(argv[i])) /* one project (make valgrind's subset) */
            (failures_in_project(argv[1], argv[i]) ? failed++ : passed++);
        else
            run_dir(argv[1], argv[i], &passed, &failed);
    }
    printf("fixtures: %d passed, %d failed\n", passed, failed);
    return failed || passed == 0 ? 1 : 0;
}
