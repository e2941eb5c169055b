/* trained: which trainable objects a value stands for, seen from the whole
 * translation unit.
 *
 * Flow facts name the objects created inside a function (origins) and refer
 * to the function's inputs by index. To compare the variables an optimizer
 * updates with those a loss reaches, inputs are resolved through every call
 * site of the function in the TU, so a training function that receives its
 * model and optimizer from `main` compares the objects `main` made. An input
 * of a function nobody in the TU calls cannot be resolved: the set is then
 * marked open, and rules must not conclude that two sets are disjoint.
 * Values of unknown provenance that nothing trainable flows into (a batch's
 * data, a tensor returned by an unknown call with no tensor arguments) only
 * raise `best` to TRUST_MAYBE: they cannot be the objects an optimizer
 * names, so they do not make a set open. */
#ifndef TFG_ANALYSIS_TRAINED_H
#define TFG_ANALYSIS_TRAINED_H
#include "flow.h"

#define ORIGIN_SET_MAX 32

struct origin_set {
    uint32_t n;
    uint32_t ids[ORIGIN_SET_MAX];
    bool open;           /* may hold trainable objects not listed (see above) */
    enum trust best;     /* best trust of any source reaching the value, cut or not */
    bool unknown;        /* something reaching it is unknown (flow_fact.unknown): the set is a
                          * lower bound, so nothing may be said to be missing from it */
};

/* Adds the objects reaching the value whose facts (for `spec`, in `fn`) are
 * `f`, through uncut and cut paths alike. */
void trained_collect(struct analysis *a, const struct flow_spec *spec, uint32_t fn, const struct flow_fact *f,
                     struct origin_set *out);
bool origin_sets_meet(const struct origin_set *x, const struct origin_set *y);
/* The trust of input `input` of `fn` resolved through its callers in the TU:
 * the best trust of the arguments passed to it, or the top-level guess when
 * nothing in the TU calls `fn`. */
enum trust trained_input_trust(struct analysis *a, const struct flow_spec *spec, uint32_t fn, int input);

#endif
