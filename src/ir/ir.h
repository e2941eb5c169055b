/* ir: the per-function dataflow graph every analysis and rule reads.
 *
 * A function is a flat array of nodes in evaluation order. A node is a value
 * (call result, variable version, parameter, member read, literal, phi) or a
 * recording-mode version. Operands point at earlier nodes, except the
 * back-edge operand of a loop-head phi. Variables are flow-sensitive: each
 * definition is a new IR_VAR node, and joins make IR_PHI nodes. Gradient
 * recording is a pseudo-variable (index IR_MODE_VAR) whose versions are
 * IR_MODE and IR_PHI nodes; every node records the mode version in force
 * when it ran. All memory belongs to the translation unit's arena. */
#ifndef TFG_IR_IR_H
#define TFG_IR_IR_H
#include "../model/model.h"
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

typedef uint32_t ir_id;
#define IR_NONE UINT32_MAX
#define IR_MODE_VAR 0 /* variable index of the recording mode */

enum ir_kind {
    IR_PARAM,   /* function input: aux = input index (0 is `this` in methods) */
    IR_CAPTURE, /* variable of an enclosing function used by a lambda: aux = input index */
    IR_GLOBAL,  /* namespace-scope or static variable */
    IR_LITERAL,
    IR_CALL,    /* call, operator call or construction: name = callee */
    IR_OP,      /* builtin operator on non-class values: name = operator */
    IR_MEMBER,  /* member read: ops[0] = object (IR_NONE: implicit this) */
    IR_VAR,     /* a version of a local variable: ops = defining values */
    IR_PHI,     /* join of versions: ops = incoming versions */
    IR_LAMBDA,  /* a closure: aux = function index of its body */
    IR_UNKNOWN, /* an expression the IR does not model: ops = its parts */
    IR_MODE,    /* recording-mode version: sub = enum ir_mode_sub */
    IR_RETURN,  /* ops[0] = returned value (may be absent) */
};

enum ir_mode_sub {
    MODE_ENTRY,      /* whatever the caller had */
    MODE_SET,        /* set by a guard or switch: aux = enum ir_tristate */
    MODE_AFTER_CALL, /* after a call to a function of this TU: aux = call node */
};

enum ir_tristate { TRI_OFF = 0, TRI_ON = 1, TRI_UNKNOWN = 2 };

enum ir_flag {
    IRF_RECEIVER = 1 << 0, /* ops[0] is the object a method is called on */
    IRF_INPLACE = 1 << 1,  /* the call mutates its receiver */
    IRF_CTOR = 1 << 2,     /* a construction */
    IRF_GUARD = 1 << 3,    /* IR_MODE set by an RAII guard declaration */
    IRF_BOOL_TRUE = 1 << 4,  /* IR_LITERAL spelled true / nonzero */
    IRF_BOOL_FALSE = 1 << 5, /* IR_LITERAL spelled false / 0 */
    IRF_ASSIGN = 1 << 6,   /* IR_VAR made by assignment (not declaration) */
    IRF_LOOP_PHI = 1 << 7, /* IR_PHI at a loop head */
    IRF_BRACED = 1 << 8,   /* IR_UNKNOWN for a braced list {a, b} */
    IRF_CALL_EFFECT = 1 << 9, /* IR_OP: what a call wrote through a reference or output
                               * argument; aux = the call, op/op_type/nargs as the call's,
                               * sub = 1 + the explicit argument written (0: not known) */
    IRF_ELEMENT = 1 << 10, /* IR_OP or IR_MEMBER: element aux of the aggregate ops[0] (a
                            * structured binding, std::tie, a field of a plain struct) */
    IRF_UNRESOLVED = 1 << 11, /* IR_UNKNOWN standing for what clang could not resolve (an
                               * undeclared name, a dropped declaration or initialiser, a
                               * recovered expression): its value is unknown, never a default */
    IRF_VIRTUAL = 1 << 12, /* IR_CALL of a virtual `forward` the file does not define for the
                            * static type: the object's construction decides (its `forward`) */
    IRF_FNREF = 1 << 13,   /* IR_LITERAL naming a user function used as a value (a callback
                            * passed on): aux = its function index, -1 while not in sight */
    IRF_PART_WRITE = 1 << 14, /* IR_VAR (ops: the version before, the value written) changing
                               * one part of a struct variable: aux >= 0: field aux was assigned
                               * the value (`l.head = ...`), the other fields are the version
                               * before's; aux < 0: an object a pointer field points to was
                               * updated (`l.head->forward(x)`), every field is as before */
    IRF_LOST = 1 << 15,    /* IR_UNKNOWN (also IRF_UNRESOLVED) written to a variable by a
                            * statement clang dropped: what the variable held before may
                            * be gone (front/build_lost.c) */
    IRF_DISPATCHED = 1 << 16, /* IR_CALL of a virtual method of the user's whose override is
                               * picked at run time (not `forward`, see IRF_VIRTUAL): what it
                               * returns is unknown */
};

/* Role of a value's type, from the model (see model.h). */
struct ir_loc {
    uint32_t line, col;
};

struct ir_node {
    uint8_t kind;           /* enum ir_kind */
    uint8_t sub;            /* IR_MODE: enum ir_mode_sub */
    uint8_t role;           /* enum type_role of the value's type */
    uint8_t type_is_scalar; /* builtin arithmetic, enum or pointer to such */
    uint32_t flags;         /* enum ir_flag */
    uint16_t nargs;         /* IR_CALL: explicit arguments after the receiver */
    uint32_t nops;
    ir_id *ops;
    const char *name;       /* callee, variable, member, operator or literal */
    ir_id mode;             /* recording-mode version in force (IR_NONE: n/a) */
    uint32_t ctrl;          /* control context index, 0 = none */
    int32_t var;            /* IR_VAR/IR_PHI: variable index */
    int32_t aux;            /* see enum ir_kind / ir_mode_sub */
    int32_t callee;         /* IR_CALL: function index in this TU, or -1 */
    int32_t forward;        /* IR_CALL constructing a module whose forward this TU defines
                             * (a user module put in a Sequential): that function, or -1 */
    const struct model_call *op; /* the model's class of this call, or NULL */
    const char *op_type;    /* the op type the class was looked up by ("ArgMax"), or NULL */
    const char *owner;      /* IR_MEMBER: qualified name of the class declaring the member;
                             * IR_VAR writing a field (IRF_PART_WRITE): the field's name; or NULL */
    struct ir_loc loc, end;
};

/* A branch condition that controls nodes; contexts nest through `parent`. */
struct ir_ctrl {
    ir_id cond;       /* value deciding the branch */
    uint32_t parent;  /* enclosing context, 0 = none */
    uint8_t arm;      /* enum ir_arm */
    struct ir_loc loc;
};

enum ir_arm { ARM_THEN, ARM_ELSE, ARM_LOOP, ARM_CASE, ARM_CATCH };

struct ir_var {
    const char *name;
    struct ir_loc decl;
};

/* A call to a function this TU declares but does not define (in a user
 * file): the callee's clang USR, by which a multi-file run finds its
 * definition in another translation unit (driver/xfile.c). */
struct ir_xcall {
    ir_id node;          /* the IR_CALL (callee -1) or IRF_FNREF literal (aux -1) */
    const char *usr;
};

struct ir_input {
    const char *name;
    ir_id node;          /* its IR_PARAM / IR_CAPTURE node */
    uint64_t capture_key; /* IR_CAPTURE: declaration key of the captured variable */
};

struct ir_fn {
    const char *name;       /* qualified name, or "lambda@line:col" */
    const char *file;
    struct ir_loc loc;
    uint32_t index;         /* position in the TU's function array */
    bool is_method, is_lambda;
    bool partial;           /* clang reported an error inside its body: statements may be missing */
    int32_t parent;         /* lambda: index of the enclosing function, else -1 */
    uint64_t key;           /* declaration key, to resolve calls to it */
    const char *usr;        /* clang USR of its declaration (NULL for lambdas) */
    struct ir_xcall *xcalls; /* calls into other files, in node order */
    uint32_t nxcalls;
    const char *class_name; /* method: qualified name of its class */
    struct ir_node *nodes;
    uint32_t nnodes;
    struct ir_ctrl *ctrls;  /* ctrls[0] is the empty context */
    uint32_t nctrls;
    struct ir_var *vars;    /* vars[IR_MODE_VAR] is the recording mode */
    uint32_t nvars;
    struct ir_input *inputs;
    uint32_t ninputs;
    uint32_t nparams;       /* inputs[0..nparams) are parameters (and this) */
    ir_id entry_mode;       /* the MODE_ENTRY node */
    ir_id exit_mode;        /* mode version when the function returns */
};

/* One translation unit's functions (methods and lambdas included). */
struct ir_tu {
    const char *path;
    struct ir_fn **fns;
    uint32_t nfns;
};

const char *ir_kind_name(enum ir_kind k);
/* The index of the operand that is the call's i-th explicit argument, or
 * IR_NONE when absent. */
ir_id ir_call_arg(const struct ir_node *call, int i);
/* The receiver operand of a method call, or IR_NONE. */
ir_id ir_call_receiver(const struct ir_node *call);
/* The operand for a model argument position (ARG_RECEIVER or index). */
ir_id ir_call_operand(const struct ir_node *call, int arg);
/* The call whose write through an argument node `effect` of `fn` stands
 * for (an IRF_CALL_EFFECT op; its `sub` is 1 + the argument's index, or 0
 * for the receiver), or IR_NONE when `effect` is no such op. */
ir_id ir_effect_call(const struct ir_fn *fn, ir_id effect);

struct arena;

/* Walks back from `roots` along operand edges, each node once, and says
 * whether it meets a node `found` accepts. `follow` (NULL: every edge)
 * decides whether the walk goes from a node into its operand k. Scratch
 * space comes from `a`. */
bool ir_walk_finds(const struct ir_fn *fn, const ir_id *roots, size_t nroots, struct arena *a,
                   bool (*found)(void *ctx, const struct ir_fn *fn, ir_id node),
                   bool (*follow)(void *ctx, const struct ir_fn *fn, ir_id node, uint32_t k), void *ctx);

/* Is `n` a standard container's clear() (the call, or its effect op on
 * the container): what the container held before is gone? */
bool ir_empties_container(const struct ir_node *n);

/* The variable that parameter `input` of `fn` is, or -1. */
int32_t ir_param_var(const struct ir_fn *fn, uint32_t input);

/* The operand index of element 0 when `n` builds a tuple, pair or braced
 * aggregate from its operands in order (`std::make_tuple(a, b)`, `{a, b}`),
 * else -1. */
int ir_aggregate_first_element(const struct ir_node *n);
/* The value put in element `index` of the aggregate `v` (through copies
 * into variables, writes of other fields, joins where every way in holds
 * the same value), or IR_NONE when it was not built in sight. */
ir_id ir_element_source(const struct ir_fn *fn, ir_id v, uint32_t index);
/* A version of a struct variable made by a call it was passed to by
 * reference: may the search for an element step over it, the call leaving
 * every field as it was? (Asked of IR_VAR nodes with two operands that
 * are not IRF_PART_WRITE; the answer needs the callee, beyond the IR of
 * one function.) */
struct ir_element_hook {
    bool (*keeps_fields)(void *ctx, const struct ir_fn *fn, ir_id version);
    void *ctx;
};
/* ir_element_source, stepping over the versions `hook` (may be NULL)
 * says keep the fields. When the element is not built in sight but every
 * way leads to one value that is not built here (a call's result, a
 * function input), *stop (may be NULL) is that value, else IR_NONE. */
ir_id ir_element_trace(const struct ir_fn *fn, ir_id v, uint32_t index, const struct ir_element_hook *hook,
                       ir_id *stop);

/* The value lambda `fn` captured as its input `input` where it was made
 * (an operand of its IR_LAMBDA node in the enclosing function, stored in
 * *parent), or IR_NONE when it is not a capture or the lambda is not made
 * in sight. */
ir_id ir_capture_binding(const struct ir_tu *tu, uint32_t fn, uint32_t input, uint32_t *parent);
/* The unknown values clang could not resolve in `tu`: IRF_UNRESOLVED nodes
 * not built on another one (`f(g(x))` with f and g undeclared counts g). */
unsigned ir_count_unresolved(const struct ir_tu *tu);

/* Deterministic text form, for --dump-ir and the golden tests. */
void ir_dump_fn(FILE *out, const struct ir_fn *fn);
void ir_dump_tu(FILE *out, const struct ir_tu *tu);
/* Checks structural invariants; returns false and prints the first
 * violation to `out` (debug builds run it after building). */
bool ir_validate_fn(const struct ir_fn *fn, FILE *out);

#endif
