/* analysis/watches: what a gradient tape was told to watch.
 *
 * An eager tape (TensorFlow's gradients::Tape) computes gradients only for
 * the handles it watches (`tape.Watch(x)`, a model `trainable-source` call
 * with `makes_trainable` on a tape receiver). Code watches through helpers
 * (`WatchAll(&tape, w)`), so the question "did this tape watch this value"
 * is answered over the whole file: every watch call whose receiver is the
 * same tape object (objects.h), with the watched argument mapped back
 * through the calls of the helpers it sits in. */
#ifndef TFG_ANALYSIS_WATCHES_H
#define TFG_ANALYSIS_WATCHES_H
#include "analysis.h"

enum watch_answer {
    WATCH_UNKNOWN = 0, /* cannot tell (unknown tape, a watch of an unresolved value) */
    WATCH_NO,          /* every watch on the tape is of another value */
    WATCH_YES,
};

#define WATCHES_MAX_NOTES 4

/* The watch calls found on the tape, for notes. */
struct watch_list {
    struct node_ref at[WATCHES_MAX_NOTES];
    int n;
};

/* Was value `v` of function `f` watched on the tape `tape` (a value of `f`)?
 * `seen` receives the watch calls on that tape. */
enum watch_answer watches_of(struct analysis *a, uint32_t f, ir_id tape, ir_id v, struct watch_list *seen);

#endif
