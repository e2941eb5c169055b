/* driver/walk: turns the path arguments into the list of files to analyse.
 * Directories are walked (sorted, symlinked directories not followed) for
 * C and C++ sources; a path that does not exist is kept, so that the
 * pipeline reports it as a file that could not be analysed. */
#ifndef TFG_DRIVER_WALK_H
#define TFG_DRIVER_WALK_H
#include "../util/vec.h"
#include <stddef.h>

typedef str_vec path_list;

/* Appends heap-allocated paths to `out` (free each, then VEC_FREE). */
void walk_paths(const char *const *args, size_t nargs, path_list *out);
void walk_free(path_list *l);

#endif
