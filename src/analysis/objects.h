/* objects: which object a value denotes, found by the construction that
 * made it.
 *
 * Some frameworks pass objects around that decide what happens to an op: an
 * execution context that records the ops run on it (TensorFlow's
 * TapeContext) or a plain one, a gradient tape that is persistent or not.
 * The trace follows variable versions, address-of, dereference and casts,
 * `new`, standard-library wrappers (smart pointers and their get()), and
 * for a function input the arguments every caller in the TU passes, until it
 * reaches a construction or a value whose type's role decides. GL001 asks
 * whether an op ran on a recording context; GL005 which tape a gradient
 * request used. */
#ifndef TFG_ANALYSIS_OBJECTS_H
#define TFG_ANALYSIS_OBJECTS_H
#include "analysis.h"

enum object_answer {
    OBJ_UNKNOWN = 0, /* cannot tell: never a finding */
    OBJ_OTHER,       /* every path ends at an object of the `other` role */
    OBJ_FOUND,       /* some path reaches an object of the wanted role */
};

struct object_ref {
    enum object_answer answer;
    struct node_ref at; /* OBJ_FOUND: the construction (or the value typed with the role) */
    bool constructed;   /* `at` is a constructor call */
};

/* Traces value `v` of function `fn` looking for an object of role `want`;
 * values of role `other` that lead nowhere else answer OBJ_OTHER. */
struct object_ref objects_trace(struct analysis *a, uint32_t fn, ir_id v, enum type_role want,
                                enum type_role other);

#endif
