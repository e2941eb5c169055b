/* vec: typed growable arrays on the heap (the owner frees them with VEC_FREE).
 *
 * Used for builder-time scratch state whose final size is unknown; finished
 * IR is copied into the arena so that it has a single owner. */
#ifndef TFG_UTIL_VEC_H
#define TFG_UTIL_VEC_H
#include "alloc.h"
#include <stddef.h>
#include <stdlib.h>

#define VEC(T) struct { T *v; size_t n, cap; }

#define VEC_RESERVE(vec, want)                                              \
    do {                                                                    \
        if ((want) > (vec).cap) {                                           \
            size_t vec_newcap_ = (vec).cap ? (vec).cap * 2 : 8;             \
            while (vec_newcap_ < (want))                                    \
                vec_newcap_ *= 2;                                           \
            (vec).v = xrealloc((vec).v, vec_newcap_ * sizeof *(vec).v);     \
            (vec).cap = vec_newcap_;                                        \
        }                                                                   \
    } while (0)

#define VEC_PUSH(vec, item)                                                 \
    do {                                                                    \
        VEC_RESERVE(vec, (vec).n + 1);                                      \
        (vec).v[(vec).n++] = (item);                                        \
    } while (0)

#define VEC_FREE(vec)                                                       \
    do {                                                                    \
        free((vec).v);                                                      \
        (vec).v = NULL;                                                     \
        (vec).n = (vec).cap = 0;                                            \
    } while (0)

/* Common instances, so functions can take them as parameters. */
typedef VEC(char *) str_vec;
typedef VEC(const char *) const_str_vec;

#endif
