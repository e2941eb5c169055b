/* members: what the methods of a class store in its members.
 *
 * A member read through `this` in one method (`this->means`, `opt_`) holds
 * what the class's methods wrote there: a constructor's member initialiser
 * or an assignment `this->m = value`, an in-place call on it
 * (`m.requires_grad_()`), or a call that changes it through a method or a
 * reference parameter (`log_probs_.push_back(v)` in another method: the
 * front end's effect op; a standard container's clear() adds nothing). The flow analysis adds those values to the read,
 * so a tensor made trainable in the constructor is known trainable in
 * `forward`, and an optimizer member built over `this->critic` is known to
 * train the critic. The writes are complete only when no other code in the
 * file writes a member of that name (through another object, a lambda's
 * capture); otherwise `complete` is false and the read stays as unknown as
 * before. */
#ifndef TFG_ANALYSIS_MEMBERS_H
#define TFG_ANALYSIS_MEMBERS_H
#include "analysis.h"

#define MEMBERS_MAX_WRITES 16

struct member_writes {
    uint32_t n;
    struct node_ref value[MEMBERS_MAX_WRITES]; /* the value written (in a method of the class) */
    bool complete; /* every write of the member in the file is listed */
};

/* The writes of member `member` of class `class_name` (memoised per
 * analysis). Never NULL. */
const struct member_writes *members_writes(struct analysis *a, const char *class_name, const char *member);
/* Is node `id` of `fn` a read of a member of the object a method runs on
 * (a member of its `this`)? */
bool members_is_own(const struct ir_fn *fn, ir_id id);

#endif
