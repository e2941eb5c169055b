/* graph: the recorded autograd graph behind a value, as the set of IR nodes
 * a backward pass through it visits.
 *
 * Walks operand edges from a value back to its trainable leaves, stopping
 * where autograd's graph stops: ops that detach or have no gradient, host
 * round trips, new leaf tensors, metadata reads, the mask arguments the
 * model marks as off the differentiable path, and an in-place detach_()
 * that cut a variable's history. The walk uses an explicit stack, so its
 * depth does not depend on the code's nesting. GL005 uses it to find two
 * gradient requests through the same recorded ops. */
#ifndef TFG_ANALYSIS_GRAPH_H
#define TFG_ANALYSIS_GRAPH_H
#include "analysis.h"

struct flow_spec;

struct graph_walk {
    struct analysis *a;
    const struct flow_spec *spec; /* decides which inputs of TU calls the result keeps */
    const struct ir_fn *fn;
    uint8_t *seen; /* seen[node]: bit 0 this iteration, bit 1 an earlier one */
    uint32_t loop; /* ctrl index of the loop whose back edges are tracked, or 0 */
    uint64_t *parts; /* parts[node]: the elements of an aggregate the walk read from
                      * it (bit i, element i), GRAPH_WHOLE when it reached it whole */
};

#define GRAPH_WHOLE (1ULL << 63)

/* Visits every node behind `from` in function `fn` (bookkeeping in the
 * analysis arena). A value that flows around `loop` (a loop context of fn,
 * or 0) through one of its back edges is marked as from an earlier
 * iteration. A call to a function of the TU is followed only into the
 * arguments its result keeps a path to under `spec` (a helper that detaches
 * its argument cuts the walk). */
void graph_walk(struct graph_walk *w, struct analysis *a, const struct flow_spec *spec, uint32_t fn, ir_id from,
                uint32_t loop);
/* Was `node` visited in the current iteration / in an earlier one? */
bool graph_seen_now(const struct graph_walk *w, ir_id node);
bool graph_seen_before(const struct graph_walk *w, ir_id node);
/* Do the two walks go through the same recorded ops of `node`? Yes when
 * either reached it whole or both read the same element; when they read
 * different elements of what a function of the TU returned, yes only if
 * every return builds both in sight from a shared recorded op (a trunk
 * under two heads); unknown is no. */
bool graph_parts_shared(const struct graph_walk *x, const struct graph_walk *y, ir_id node);
/* Does a backward pass through `node` run recorded code: a tensor op the
 * model does not class as cutting, or a call to a function of the TU? */
bool graph_is_recorded_op(const struct ir_node *n);
/* Whether gradient request `n` may build a graph of its own: create_graph
 * is true, or an argument the analysis cannot read (the benefit of the
 * doubt); omitted, it is false. */
bool graph_gradient_may_create_graph(const struct ir_fn *fn, const struct ir_node *n);
/* Is ctrl context `inner` (or one of its parents) equal to `outer`? */
bool graph_ctrl_within(const struct ir_fn *fn, uint32_t inner, uint32_t outer);
/* The versions of variable `var` (assignments, updates, joins) that may be
 * its value when `fn` returns: those no join (phi) is made from and no later
 * version replaces on every path (one in the same or an enclosing
 * context). A version followed by a return is taken as replaced too, so
 * the list may miss one, never add one. Written to out[0..max); returns
 * how many there are (more than max when out was too small); 0 when `fn`
 * never writes the variable. */
size_t graph_final_versions(const struct ir_fn *fn, int32_t var, ir_id *out, size_t max);
/* The innermost loop context around `ctrl`, or 0. */
uint32_t graph_innermost_loop(const struct ir_fn *fn, uint32_t ctrl);

#endif
