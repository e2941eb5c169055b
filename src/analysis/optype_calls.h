/* analysis/optype_calls: classing calls by the op type they run, once the
 * type is known. Some frameworks name an op by a string
 * (`TF_NewOperation(g, "Round", name)`), and code wraps that in helpers
 * that take the type from their caller (`UnOp(g, s, "Round", "r", x)`).
 * A call of such a helper runs an op of the type its caller passes, and is
 * classed like that op by the model's op_types table (see constprop.h for
 * which inputs carry a type).
 *
 * It reads the IR only: the front end runs it when a file is built (with
 * the file's own gradient registrations), and a multi-file run runs it
 * again on a linked IR (driver/pool.c), where the helper may be defined in
 * another file than the call. */
#ifndef TFG_ANALYSIS_OPTYPE_CALLS_H
#define TFG_ANALYSIS_OPTYPE_CALLS_H
#include "../ir/ir.h"
#include "../model/model.h"
#include "../util/arena.h"
#include "../util/hashmap.h"

/* A gradient registration of the file for an op type
 * (REGISTER_GRADIENT_OP, GradientRegistry::Register), in `regs` maps. */
enum optype_reg { OPTYPE_REG_DIFFERENTIABLE = 1, OPTYPE_REG_NO_GRADIENT = 2 };

/* `base` classed as an op of `op_type`: by the model's op_types table,
 * then by the registrations in `regs` (op type -> enum optype_reg, via
 * strmap_*_index; NULL: none). Returns `base` when neither knows the type,
 * else a copy in `arena`. */
const struct model_call *optype_classed(const struct model *m, const struct strmap *regs, struct arena *arena,
                                        const struct model_call *base, const char *op_type);

/* Classes every call of `fns` that passes a helper a constant op type (or
 * a description started with one), and what such calls write through
 * their arguments. Calls that already have an op type are left alone, so
 * running it again on a linked IR only adds what linking made known. */
void optype_class_helper_calls(struct ir_fn *const *fns, uint32_t nfns, const struct model *m,
                               const struct strmap *regs, struct arena *arena);

#endif
