/* analysis/constprop: constant arguments through the functions of a file.
 *
 * Some frameworks name the op a call runs by a string argument
 * (`TF_NewOperation(g, "ArgMax", name)`, see `op_type_arg` in
 * rules/README.md), or by the op description a builder call started
 * (`op_type_of_arg`). Code written against them wraps those calls in small
 * helpers that take the op type, or a half-built description, as a
 * parameter: `binary(g, "ArgMax", a, b)`, `Add(l, r, graph, s)` calling
 * `BinaryOpHelper("AddN", ...)`, `finish(begin(g, "Round", name), s)`.
 * This module works out, once per file and for every model, which inputs
 * of which functions carry such an op identity into a builder (directly or
 * through further helpers, any depth), and which helpers return a
 * description they started. A call site that passes a constant for such an
 * input then runs an op of the type that constant names.
 *
 * It reads the IR only (no libclang), so it runs right after the file is
 * built, before anything is classed by op type. Everything it allocates
 * is freed by constprop_free, except strings, which live in `arena`. */
#ifndef TFG_ANALYSIS_CONSTPROP_H
#define TFG_ANALYSIS_CONSTPROP_H
#include "../ir/ir.h"
#include "../util/arena.h"
#include <stdbool.h>

/* How a function input is used. */
enum cp_use {
    CP_UNUSED = 0,
    CP_OP_TYPE = 1, /* a string naming the type of an op the function builds */
    CP_BUILDER = 2, /* an op description the function finishes (or passes on) */
};

struct constprop {
    struct ir_fn *const *fns;
    uint32_t nfns;
    uint8_t **use;            /* per function, per input: enum cp_use bits */
    bool *returns_builder;    /* the function returns a description it started */
};

/* Computes the input uses of every function (a fixpoint over the call
 * graph of the file). */
void constprop_init(struct constprop *cp, struct ir_fn *const *fns, uint32_t nfns);
void constprop_free(struct constprop *cp);

/* The string constant value `v` of function `f` holds: a string literal,
 * through variable versions with one definition, casts and string
 * constructions; NULL when it is not one constant. The result lives in
 * `arena`. */
const char *constprop_string(struct arena *arena, const struct ir_fn *fn, ir_id v);

/* The op type of the description `v` holds: the op type recorded on the
 * builder call (or helper call) it comes from, through variable versions
 * and the weak updates of calls that add to it; NULL when unknown. */
const char *constprop_builder_type(const struct ir_fn *fn, ir_id v);

/* The input of `fn` that value `v` is, through copies and casts, or -1. */
int constprop_input_of(const struct ir_fn *fn, ir_id v);

#endif
