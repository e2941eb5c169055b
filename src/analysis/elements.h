/* analysis/elements: the values a container built in a function holds.
 *
 * Gradient calls take their sources as a list: a braced list, a vector
 * made from one, or a vector filled with push_back/emplace_back, in
 * straight-line code or in a range-for loop over another list (`for (auto&
 * l : layers) params.push_back(l.w)`). Rules check such a list element by
 * element. An element read from a loop variable's member stands for the
 * container element it comes from (the analysis does not tell the members
 * of an object apart). Anything else makes the list open: its elements
 * are not all known. */
#ifndef TFG_ANALYSIS_ELEMENTS_H
#define TFG_ANALYSIS_ELEMENTS_H
#include "../ir/ir.h"
#include <stdbool.h>

#define ELEMENTS_MAX 32

struct element_list {
    ir_id v[ELEMENTS_MAX];
    uint32_t n;
    bool open; /* some element is not known */
};

/* Fills `out` with the elements of container value `v` of `fn`; returns
 * false when `v` is not a list built in the function. */
bool elements_of(const struct ir_fn *fn, ir_id v, struct element_list *out);

#endif
