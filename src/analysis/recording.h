/* recording: whether gradient recording was on when each op ran.
 *
 * The IR gives every op the recording-mode version in force; this resolves
 * versions to on / off / unknown for a given state at function entry,
 * following guards, switches, joins and calls into functions of the TU
 * (whose exit state depends on their entry state). */
#ifndef TFG_ANALYSIS_RECORDING_H
#define TFG_ANALYSIS_RECORDING_H
#include "analysis.h"
#include <stdbool.h>

struct rec_state {
    uint8_t state;      /* enum ir_tristate; TRI_UNKNOWN when undecided */
    bool from_entry;    /* the state is the function's entry state */
    struct node_ref cause; /* the IR_MODE node that set it (valid unless from_entry) */
    bool set;           /* internal: computed */
};

/* State in force when `node` of function `fn` ran, given the entry state. */
struct rec_state rec_at(struct analysis *a, uint32_t fn, ir_id node, enum ir_tristate entry);
/* State when `fn` returns, given its entry state. */
struct rec_state rec_exit(struct analysis *a, uint32_t fn, enum ir_tristate entry);

#endif
