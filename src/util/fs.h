/* util/fs: file-system predicates shared by the driver and the front end
 * (project roots, build files, framework layouts). */
#ifndef TFG_UTIL_FS_H
#define TFG_UTIL_FS_H
#include <stdbool.h>

/* Whether `path` is a regular file (symbolic links followed). */
bool fs_is_file(const char *path);
/* Whether `path` is a directory (symbolic links followed). */
bool fs_is_dir(const char *path);
/* Whether `dir`/`name` exists, of any kind; false when the joined path
 * would not fit PATH_MAX. */
bool fs_exists_in(const char *dir, const char *name);

#endif
