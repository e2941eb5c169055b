/* driver/project_std: the C++ standard a project declares (project_std.h). */
#include "project_std.h"
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
    strmap_init(&ps->level_by_dir);
}

/* The newest level the build files of `dir` declare (0: none), read once. */
static int dir_level(struct project_std *ps, const char *dir)
{
    size_t cached;
    if (strmap_get_index(&ps->level_by_dir, dir, &cached))
        return (int)cached;
    int level = 0;
    for (size_t i = 0; i < sizeof build_files / sizeof build_files[0]; i++) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", dir, build_files[i]);
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
    strmap_put_index(&ps->level_by_dir, arena_strdup(&ps->arena, dir), (size_t)level);
    return level;
}

const char *project_std_flag(struct project_std *ps, const char *path, const char *root)
{
    char *dir = realpath(path, NULL);
    if (!dir)
        return NULL;
    int level = 0;
    for (char *slash = strrchr(dir, '/'); slash && slash != dir && !level; slash = strrchr(dir, '/')) {
        *slash = '\0';
        level = dir_level(ps, dir);
        if (!root || strcmp(dir, root) == 0 || !str_path_under(dir, root))
            break;
    }
    free(dir);
    return project_std_flag_for(level);
}

void project_std_free(struct project_std *ps)
{
    strmap_free(&ps->level_by_dir);
    arena_free(&ps->arena);
}
