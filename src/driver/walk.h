/* driver/walk: turns the path arguments into the list of files to analyse.
 * Directories are walked (sorted, symlinked directories not followed) for
 * C and C++ sources; a path that does not exist is kept, so that the
 * pipeline reports it as a file that could not be analysed. Directories
 * below a named one that the caller's test rejects (a copy of a
 * framework's headers) are left out; a directory named itself never is. */
#ifndef TFG_DRIVER_WALK_H
#define TFG_DRIVER_WALK_H
#include "../util/vec.h"
#include <stdbool.h>
#include <stddef.h>

typedef str_vec path_list;

/* Whether the walk leaves the directory `dir` out; `ctx` is the caller's. */
typedef bool (*walk_skip_fn)(const char *dir, void *ctx);

/* Appends heap-allocated paths to `out`, and the directories left out to
 * `skipped` (free each, then VEC_FREE; walk_free). `skip` may be NULL. */
void walk_paths(const char *const *args, size_t nargs, walk_skip_fn skip, void *ctx, path_list *out,
                path_list *skipped);
void walk_free(path_list *l);

#endif
