/* driver/project_std: the C++ standard a project declares (project_std.h). */
#include "project_std.h"
#include "../util/fs.h"
#include "../util/str.h"
#include "../util/strbuf.h"
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Build files that can declare a standard, in the order they are read. */
static const char *const build_files[] = {"CMakeLists.txt", "Makefile",    "makefile",   "GNUmakefile",
                                           "meson.build",    ".bazelrc",    "BUILD",      "BUILD.bazel"};

/* A standard's two characters after "c++" or "gnu++" (or CMake's number):
 * "17", "1z", "2a", ... as a level, or 0. */
static int level_of_suffix(const char *s)
{
    static const struct {
        const char *spelling;
        int level;
    } levels[] = {{"98", 3}, {"03", 3}, {"0x", 11}, {"11", 11}, {"1y", 14}, {"14", 14}, {"1z", 17},
                  {"17", 17}, {"2a", 20}, {"20", 20}, {"2b", 23}, {"23", 23}, {"2c", 26}, {"26", 26}};
    for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++)
        if (strncmp(s, levels[i].spelling, 2) == 0 && !isalnum((unsigned char)s[2]))
            return levels[i].level;
    return 0;
}

/* After `key` in "CMAKE_CXX_STANDARD 20" or "CXX_STANDARD \"17\"": the
 * number, past blanks and one quote; 0 when something else follows (as in
 * CMAKE_CXX_STANDARD_REQUIRED). */
static int level_after_cmake_key(const char *s)
{
    if (*s != ' ' && *s != '\t')
        return 0;
    s += strspn(s, " \t");
    if (*s == '"')
        s++;
    return level_of_suffix(s);
}

/* The level one spelling at `s` names, or 0. */
static int level_at(const char *s)
{
    static const char *const prefixes[] = {"-std=c++", "-std=gnu++", "cpp_std=c++", "cpp_std=gnu++", "cxx_std_"};
    if (strncmp(s, "CXX_STANDARD", 12) == 0)
        return level_after_cmake_key(s + 12);
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        size_t n = strlen(prefixes[i]);
        if (strncmp(s, prefixes[i], n) == 0)
            return level_of_suffix(s + n);
    }
    return 0;
}

int project_std_level(const char *text)
{
    int best = 0;
    for (const char *s = text; *s; s++) {
        if (*s == '#') {
            s += strcspn(s, "\n");
            if (!*s)
                break;
            continue;
        }
        int level = level_at(s);
        if (level > best)
            best = level;
    }
    return best;
}

const char *project_std_flag_for(int level)
{
    if (level >= 23)
        return "-std=c++2b"; /* libclang 14's name for C++23 and the newest it has */
    if (level == 20)
        return "-std=c++20";
    return NULL;
}

void project_std_init(struct project_std *ps)
{
    arena_init(&ps->arena);
    strmap_init(&ps->facts_by_dir);
}

/* Files that mark the top of a repository or of a Bazel workspace: no
 * declaration is looked for above them. */
static const char *const top_markers[] = {".git", "WORKSPACE", "WORKSPACE.bazel", "MODULE.bazel"};

/* How many directories above the project root are read when no repository
 * top comes first: a Bazel package's BUILD file makes each package a
 * project root, while its workspace declares the standard. */
#define MAX_DIRS_ABOVE_ROOT 8

/* The newest level the build files of `dir` declare (0: none). */
static int read_dir_level(const char *dir)
{
    int level = 0;
    for (size_t i = 0; i < sizeof build_files / sizeof build_files[0]; i++) {
        char path[PATH_MAX];
        int len = snprintf(path, sizeof path, "%s/%s", dir, build_files[i]);
        if (len < 0 || (size_t)len >= sizeof path)
            continue;
        struct strbuf err;
        sb_init(&err);
        char *text = sb_read_file(path, "build file", &err);
        sb_free(&err);
        if (text) {
            int found = project_std_level(text);
            free(text);
            if (found > level)
                level = found;
        }
    }
    return level;
}

/* What `dir` says, read once: its declared level, and whether it is a
 * repository top. */
static void dir_facts(struct project_std *ps, const char *dir, int *level, bool *top)
{
    size_t cached;
    if (!strmap_get_index(&ps->facts_by_dir, dir, &cached)) {
        bool is_top = false;
        for (size_t i = 0; i < sizeof top_markers / sizeof top_markers[0] && !is_top; i++)
            is_top = fs_exists_in(dir, top_markers[i]);
        cached = (size_t)read_dir_level(dir) * 2 + is_top;
        strmap_put_index(&ps->facts_by_dir, arena_strdup(&ps->arena, dir), cached);
    }
    *level = (int)(cached / 2);
    *top = cached % 2;
}

const char *project_std_flag(struct project_std *ps, const char *abs, const char *root)
{
    char dir[PATH_MAX];
    size_t n = strlen(abs);
    if (n >= sizeof dir)
        return NULL;
    memcpy(dir, abs, n + 1);
    int level = 0, above_root = root ? -1 : 0;
    bool top = false;
    for (char *slash = strrchr(dir, '/'); slash && slash != dir && !level && !top; slash = strrchr(dir, '/')) {
        *slash = '\0';
        dir_facts(ps, dir, &level, &top);
        if (above_root < 0 && (strcmp(dir, root) == 0 || !str_path_under(dir, root)))
            above_root = 0;
        if (above_root >= 0 && above_root++ == MAX_DIRS_ABOVE_ROOT)
            break;
    }
    return project_std_flag_for(level);
}

void project_std_free(struct project_std *ps)
{
    strmap_free(&ps->facts_by_dir);
    arena_free(&ps->arena);
}
