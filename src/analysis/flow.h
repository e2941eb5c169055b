/* flow: which trainable values reach each value, and through which cuts.
 *
 * A forward dataflow over a function's IR. Each value gets a fact: the
 * inputs (parameters, `this`, captures) and internal sources (modules,
 * parameters, tensors made trainable) that reach it along paths on which no
 * op is "cut", plus, for sources reached only through cuts, the first cut op
 * on the way. What counts as a cut is the caller's choice (ops run with
 * recording off for GL001; non-differentiable ops for GL002), so one engine
 * serves every rule. Calls into functions of the TU apply memoised
 * summaries of the callee computed the same way, so paths are followed
 * through helpers, lambdas and module forward methods. */
#ifndef TFG_ANALYSIS_FLOW_H
#define TFG_ANALYSIS_FLOW_H
#include "analysis.h"
#include <stdbool.h>

enum trust {
    TRUST_NONE = 0,
    TRUST_MAYBE = 1,    /* a tensor of unknown provenance (parameter, member, unknown call) */
    TRUST_DEFINITE = 2, /* certainly trainable: a module, a parameter, requires_grad */
};

#define FLOW_MAX_CUTS 12
/* Function inputs are the bits of flow_fact.clean_params: what a function
 * computes from an input past this many is unknown (never a finding). */
#define FLOW_MAX_INPUTS 64
#define FLOW_MAX_ORIGINS 8
#define FLOW_NO_PARAM (-1)

struct cut_rec {
    struct node_ref cut;  /* first cut op on the path */
    int16_t origin_param; /* input index of the origin, or FLOW_NO_PARAM */
    uint8_t origin_trust; /* internal origin's trust */
    bool from_entry;      /* cut because of the function's entry state */
    uint32_t origin;      /* internal origin's id (flow_origin_*), 0 if unknown */
};

struct flow_fact {
    uint64_t clean_params; /* bit i: input i reaches with no cut */
    uint8_t clean_trust;   /* best trust of internal sources reaching with no cut */
    uint8_t norigins;      /* ids of the trainable objects among them (capped) */
    bool unidentified;     /* some definite source reaching it lost its id (caps) */
    /* Something it depends on is unknown: a value clang could not resolve,
     * a body with a parse error, a call past the summary bound. What
     * reaches it is then a lower bound, so no rule may claim that
     * something does not reach it. */
    bool unknown;
    /* A statement clang dropped may have written a variable it depends on
     * (IRF_LOST): the cuts it shows may not be all that happened to it,
     * so no rule may claim they are what keeps it from the variables. */
    bool lost;
    uint8_t ncuts;
    uint32_t origins[FLOW_MAX_ORIGINS];
    struct cut_rec cuts[FLOW_MAX_CUTS];
};

/* CUT_DROP: the op is not part of any path (an in-place update run with
 * recording off): its receiver keeps its own history and nothing else
 * flows in, not even earlier cuts. */
enum cut_kind { CUT_NONE, CUT_HERE, CUT_BY_ENTRY, CUT_DROP };

/* Decides whether op `node` of function `fn` cuts the paths through it.
 * Called for every call and operator that is not a call into the TU, and
 * for new leaves (factories): a leaf that is not a cut passes nothing on. */
/* Every spec has its own id, the key of its memoised facts (flow.c checks
 * at compile time that they fit its table). */
enum flow_spec_id {
    FLOW_SPEC_RECORDING, /* rule_recording_spec */
    FLOW_SPEC_GRADIENT,  /* rule_gradient_spec */
    FLOW_SPEC_TEST_GRAPH, FLOW_SPEC_TEST_TRAINED, FLOW_SPEC_TEST_FLOW, /* the unit tests' specs */
    FLOW_SPEC_COUNT
};

struct flow_spec {
    enum flow_spec_id id;
    enum cut_kind (*is_cut)(struct analysis *a, uint32_t fn, ir_id node, enum ir_tristate entry);
};

/* Facts of every node of `fn` for the given entry state (arena-owned,
 * memoised). */
const struct flow_fact *flow_facts(struct analysis *a, const struct flow_spec *spec, uint32_t fn,
                                   enum ir_tristate entry);
/* Facts of the value `fn` returns (its inputs as clean_params bits), or NULL
 * while it is being computed (recursion) or past the depth bound. */
const struct flow_fact *flow_summary(struct analysis *a, const struct flow_spec *spec, uint32_t fn,
                                     enum ir_tristate entry);
/* Trainable objects are numbered per TU: a variable holding a module or a
 * trainable tensor, a module member of a class, a trainable factory call.
 * Ids start at 1; these describe one for messages. */
const char *flow_origin_name(const struct analysis *a, uint32_t id);
struct node_ref flow_origin_at(const struct analysis *a, uint32_t id);
/* The operand of `call` (a call to TU function `callee`) feeding its input `i`. */
ir_id flow_call_operand_for_input(const struct analysis *a, const struct ir_node *call, uint32_t callee, uint32_t i);
/* The input of TU function `call->callee` that takes the call's explicit
 * argument `arg`, or -1. */
int flow_call_input_of_arg(const struct analysis *a, const struct ir_node *call, uint32_t arg);
/* Calls `each(ctx, g, call)` for every call of function `f` in the file
 * (from function `g`) and says whether all of them answered yes. False at
 * once when `f` is a method or a lambda, or is used as a value (a
 * callback), and when nothing in the file calls it: its callers are then
 * out of sight. */
bool flow_every_call(const struct analysis *a, uint32_t f,
                     bool (*each)(void *ctx, uint32_t g, const struct ir_node *call), void *ctx);
/* Trust of a function input as a source at the top level (no caller known). */
enum trust flow_input_trust(const struct analysis *a, uint32_t fn, int input);
/* A call to a framework op that autograd records (not C++ plumbing such as
 * copies, containers or calls into the TU). */
bool flow_is_graph_op(const struct analysis *a, const struct ir_node *n);
/* Whether the call may write its explicit argument `arg` (one taken by
 * reference): false only for a function of the TU that never assigns that
 * parameter or passes it on to be written; true for any other call. */
bool flow_call_writes_parameter(struct analysis *a, const struct ir_node *call, uint32_t arg);

#endif
