/* containers: the modules a container of modules runs, in order.
 *
 * `torch::nn::Sequential seq(Linear(3, 4), Quantize())` runs its modules one
 * after the other in `seq->forward(x)`. When the construction is in sight
 * (the variable's declaration, or a member of the object the method runs
 * on that its class's methods set once, through register_module), the flow
 * analysis follows the input through each module's forward: into the
 * file's own forward for a user module (so a round() there is found), and
 * through a framework module as through a recorded op. Anything else (a
 * container filled by push_back, a nested or named container, a module
 * whose construction is not in sight) is not a known sequence, and the
 * call stays what it was: a call of unknown content.
 *
 * The same trace tells which override a virtual `forward` runs, and which
 * module an AnyModule holds. */
#ifndef TFG_ANALYSIS_CONTAINERS_H
#define TFG_ANALYSIS_CONTAINERS_H
#include "analysis.h"

#define CONTAINER_MAX_MODULES 32

struct module_sequence {
    uint32_t n;
    struct node_ref module[CONTAINER_MAX_MODULES]; /* the module values, in order */
    int32_t forward[CONTAINER_MAX_MODULES];        /* the TU's forward of each, or -1 (a framework module) */
};

/* Is node `id` of `fn` a call of a Sequential's forward on one input? */
bool containers_is_sequence_forward(const struct ir_fn *fn, ir_id id);
/* The modules the container `recv` (node of `fn`) runs, when known. */
bool containers_sequence(struct analysis *a, uint32_t fn, ir_id recv, struct module_sequence *out);
/* The override a virtual `forward` call (IRF_VIRTUAL, node `call` of `fn`),
 * or the forward an AnyModule's `forward` call, runs: the file's forward of the module its receiver was made as
 * (`std::shared_ptr<Base> net = std::make_shared<Net>()`), through the same
 * copies, joins and members as above; -1 when not known. */
int32_t containers_dispatch(struct analysis *a, uint32_t fn, ir_id call);

#endif
