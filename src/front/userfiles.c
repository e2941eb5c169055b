/* front/userfiles: which files hold the user's code, whose function bodies
 * are built into IR. That is the main file and every file under the
 * project root (a project header's inline `forward`, a loss helper defined
 * in a header) or in a project directory the include scan inferred around
 * it (see front/includes.h), but never a system header, the framework model headers or
 * a stand-in served for a missing header (those have no file on disk).
 * The answer is cached per CXFile, because every declaration asks. */
#include "internal.h"
#include "../util/str.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* How a header is named in diagnostics: relative to the working directory
 * when the main file was named relatively and the header lies below it,
 * else absolute. Every file including the header names it alike, so its
 * findings from several files can be merged (diag_add). */
static const char *display_path(struct tu_builder *tb, const char *abs)
{
    char cwd[PATH_MAX];
    if (tb->path[0] != '/' && getcwd(cwd, sizeof cwd) && str_path_under(abs, cwd) && strcmp(cwd, "/") != 0)
        return arena_strdup(tb->arena, abs + strlen(cwd) + 1);
    return arena_strdup(tb->arena, abs);
}

static const char *classify(struct tu_builder *tb, CXFile f, CXSourceLocation loc)
{
    if (tb->main_file && clang_File_isEqual(f, tb->main_file))
        return tb->path;
    if (!tb->root || clang_Location_isInSystemHeader(loc))
        return "";
    char *name = front_cx_string(tb->arena, clang_getFileName(f));
    char *abs = name ? realpath(name, NULL) : NULL; /* stand-ins are not on disk */
    const char *shown = "";
    bool user = abs && str_path_under(abs, tb->root);
    for (size_t i = 0; abs && !user && i < tb->nuser_dirs; i++)
        user = str_path_under(abs, tb->user_dirs[i]);
    if (user && !str_path_under(abs, tb->model_dir))
        shown = display_path(tb, abs);
    free(abs);
    return shown;
}

const char *front_user_file(struct tu_builder *tb, CXCursor c)
{
    CXFile f = NULL;
    CXSourceLocation loc = clang_getCursorLocation(c);
    clang_getExpansionLocation(loc, &f, NULL, NULL, NULL);
    if (!f)
        return NULL;
    const char *known = u64map_get(&tb->user_files, (uint64_t)(uintptr_t)f);
    if (!known) {
        known = classify(tb, f, loc);
        u64map_put(&tb->user_files, (uint64_t)(uintptr_t)f, (void *)known);
    }
    return *known ? known : NULL;
}
