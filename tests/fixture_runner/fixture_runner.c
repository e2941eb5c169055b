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
 * usage: fixture_runner TFGRADLINT FIXTURE-DIR-OR-FILE... */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_EXPECT 256

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
        if (stat(names[i], &st) == 0 && S_ISDIR(st.st_mode) && is_project(names[i]))
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
    if (argc < 3) {
        fputs("usage: fixture_runner TFGRADLINT FIXTURE-DIR-OR-FILE...\n", stderr);
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
