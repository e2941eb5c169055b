/* model: what tfgradlint knows about a framework, read from JSON model files.
 *
 * Nothing about LibTorch or TensorFlow is written in C: the tensor and module
 * types, the calls that start or request gradients, the recording controls
 * and the classes of ops all come from rules/<framework>.json (schema in
 * rules/README.md). Several model files merge into one struct model.
 * Names are canonical qualified names as libclang resolves them. */
#ifndef TFG_MODEL_MODEL_H
#define TFG_MODEL_MODEL_H
#include <stdbool.h>
#include <stddef.h>

struct strbuf;

enum type_role {
    ROLE_NONE = 0,
    ROLE_TENSOR,      /* a graph value */
    ROLE_MODULE,      /* owns trainable parameters */
    ROLE_OPTIMIZER,
    ROLE_RECORDING_GUARD,
    ROLE_CONTEXT,           /* an execution context ops take as an argument */
    ROLE_RECORDING_CONTEXT, /* a context that records the ops run on it (a tape's) */
    ROLE_TAPE,              /* a gradient tape object (see struct model_tape) */
    ROLE_OUTPUT_VIEW,       /* a view an op writes its results into (absl::Span<T*>) */
    ROLE_OPAQUE,            /* carries no value: a status, graph, session or scope object */
    ROLE_OPTIONS,           /* carries no value, but may hold a factory's requires-grad option */
};

/* What a recording control does with gradient recording. */
enum recording_effect {
    REC_OFF,          /* turns recording off */
    REC_ON,           /* turns recording on */
    REC_FROM_ARG,     /* recording = the boolean argument */
    REC_FROM_NOT_ARG, /* recording = !argument (InferenceMode(enabled)) */
};

/* The op classes, their names in model files and their properties: one
 * row each in op_class.def. */
enum op_class {
#define OP_CLASS(value, name, flags) value,
#include "op_class.def"
#undef OP_CLASS
    OP_CLASS_COUNT
};

/* What a class means to the analyses; op_class_has asks for any of them. */
enum op_class_flag {
    OPF_CUTS = 1u << 0,          /* its result has no gradient path to its operands */
    OPF_CUTS_INPLACE = 1u << 1,  /* run in place, it cuts the history of the tensor it updates */
    OPF_NO_GRADIENT = 1u << 2,   /* no useful gradient: one registered for its op type makes it differentiable */
    OPF_DELIBERATE = 1u << 3,    /* written to cut on purpose (detached targets, labels, noise) */
    OPF_NEW_LEAF = 1u << 4,      /* makes a new leaf tensor: nothing flows into it */
    OPF_TRAINABLE_BY_OPTION = 1u << 5, /* the leaf is trainable when given a requires-grad option */
    OPF_CARRIES_NOTHING = 1u << 6, /* reads metadata: no gradient information at all */
    OPF_STOPS_WALK = 1u << 7,    /* a walk back through the recorded graph stops at it */
    OPF_NAMES_OP_TYPE = 1u << 8, /* names an op type rather than running one */
};

bool op_class_has(enum op_class cls, unsigned flags);
/* The class's name in model files ("zero-gradient"). */
const char *op_class_name(enum op_class cls);
/* The class named `name` in a model file; false when there is none. */
bool op_class_find(const char *name, enum op_class *out);


/* Argument positions: ARG_RECEIVER means the object a method is called on. */
#define ARG_RECEIVER (-1)
#define ARG_NONE (-2)

/* The defaults of every struct model_call, for static and automatic
 * initializers alike: `{MODEL_CALL_DEFAULTS, .name = ..., .cls = ...}`.
 * Fields not listed here default to zero. */
#define MODEL_CALL_DEFAULTS                                                                                  \
    .target_arg = ARG_NONE, .sources_arg = ARG_NONE, .retain_graph_arg = ARG_NONE,                         \
    .create_graph_arg = ARG_NONE, .allow_unused_arg = ARG_NONE, .recording_default = true,                 \
    .unless_false_arg = ARG_NONE, .op_type_arg = ARG_NONE, .op_type_of_arg = ARG_NONE,                     \
    .context_arg = ARG_NONE, .makes_trainable_arg = ARG_NONE, .tape_arg = ARG_NONE, .frees_graph = true,   \
    .differentiable = true, .function_arg = ARG_NONE

struct model_call {
    const char *name;
    enum op_class cls;
    /* OP_GRADIENT */
    int target_arg, sources_arg, retain_graph_arg, create_graph_arg, allow_unused_arg;
    /* OP_RECORDING_SWITCH */
    enum recording_effect recording;
    int recording_arg;
    bool recording_default; /* value of the argument when it is omitted */
    /* OP_TRAINABLE_SOURCE: argument that, when literally false, disables it */
    int unless_false_arg;
    /* OP_MODULE_CALL */
    const char *dispatch;
    bool inplace;           /* mutates its receiver */
    bool fills_zero;        /* a factory of zeros: a zero loss made trainable skips a step on purpose */
    bool sums_terms;        /* its result is the sum or difference of its tensor operands (the terms of a loss) */
    unsigned nondiff_args;  /* bit i: argument i is not on the differentiable path */
    /* Values (qualified names, e.g. "c10::kLong") that make this call
     * non-differentiable when passed as an argument (integer casts). */
    const char **nondiff_when_given;
    size_t n_nondiff_when_given;
    const char *why;        /* message fragment, e.g. "has no gradient" */
    const char *origin;     /* model file that declared it */
    /* Op types: the class of the op comes from the model's op_types table,
     * keyed by the string literal argument `op_type_arg`, by the last
     * component of the callee's name (`op_type_from_name`), or by the op
     * type of the op builder passed as argument `op_type_of_arg`. */
    int op_type_arg, op_type_of_arg;
    bool op_type_from_name;
    /* The argument through which the op runs (an execution context): the op
     * is recorded only when it is a recording context. */
    int context_arg;
    /* OP_TRAINABLE_SOURCE: the argument made trainable (a tape's Watch(x)),
     * or ARG_NONE when the result is the trainable value. */
    int makes_trainable_arg;
    /* OP_GRADIENT */
    int tape_arg;             /* the tape object that computes it, or ARG_NONE */
    bool frees_graph;         /* a second request through the same graph fails (default true) */
    bool sources_must_be_trainable; /* each source must be a trainable (watched) value */
    bool sources_must_require_grad; /* each source must require grad where the call runs: reached from a
                                     * trainable value on a recorded, differentiable path */
    /* Any value the targets are computed from may be a source, trainable
     * or not (graph-mode gradients): only a source the targets do not
     * reach through ops with a gradient gets nothing. */
    bool sources_any_upstream;
    const char *unused_source_error;  /* runtime message when a source is unreachable */
    const char *untrainable_source_error; /* ... when a source was never made trainable */
    const char *no_trainable_error;   /* ... when nothing trainable reaches the target */
    const char *unused_any_source_error; /* ... when a source is unused, trainable or not */
    const char *graph_freed_error;    /* ... when it goes back through a graph an earlier request freed */
    /* OP_GRADIENT_REGISTRATION: registered as differentiable unless
     * `differentiable` is false or the argument `function_arg` is null. */
    bool differentiable;
    int function_arg;
    /* Outputs of a tuple-returning op that carry no gradient (bit i: output
     * i, as std::get<i> selects it), and the class of such an output. */
    unsigned nondiff_outputs;
    const struct model_call *nondiff_output_op;
    /* Whether the op's backward node saves tensors (inputs or outputs) that
     * a gradient computation frees: SAVES_UNKNOWN unless the model says. */
    enum { SAVES_UNKNOWN = 0, SAVES_NOTHING, SAVES_TENSORS } saves;
    /* Bit i: with a number (not a tensor) as argument i, the op's backward
     * saves no tensor (`x * 0.5`, `x / 2`: the overloads taking a Scalar). */
    unsigned number_args_save_nothing;
};

/* A gradient tape class: persistent when its constructor argument
 * `persistent_arg` is true (or omitted with `persistent_default`). */
struct model_tape {
    const char *type;
    int persistent_arg;
    bool persistent_default;
    const char *origin;
};

struct model_guard {
    const char *type;
    enum recording_effect recording;
    int arg;
    bool arg_default;
    const char *origin;
};

struct model;

/* Loads and merges model files. A file may list other model files under
 * "include" (paths relative to it); they load first, so the including
 * file's entries override theirs. Returns NULL and writes
 * "<file>: <json path>: <problem>" into `err` on the first problem.
 * The caller owns the result (model_free). */
struct model *model_load(const char *const *paths, size_t npaths, struct strbuf *err);
/* Parses one model from text (used by tests and by model_load). */
bool model_add_text(struct model *m, const char *origin, const char *text, struct strbuf *err);
struct model *model_new(void);
void model_free(struct model *m);

/* The role of a class given its canonical qualified name (no template
 * arguments), e.g. "at::Tensor" -> ROLE_TENSOR. A model name ending in
 * "::*" gives the role to every class directly in that namespace. */
enum type_role model_type_role(const struct model *m, const char *class_name);
/* A graph value type passed around by pointer (a tensor handle): a
 * pointer to it is an input of the callee, not an out-parameter. */
bool model_type_is_handle(const struct model *m, const char *class_name);
/* Recording guard declared by a variable of this class, or NULL. */
const struct model_guard *model_guard(const struct model *m, const char *class_name);
/* The model's knowledge of a call given the callee's canonical qualified
 * name (template arguments removed); NULL when the model says nothing.
 * `is_method_of_tensor` lets "X::m" match the model's tensor methods. */
const struct model_call *model_call(const struct model *m, const char *qualified_name);
/* The class of output `index` of a tuple-returning call (std::get<index>),
 * or NULL when the model says nothing about that output. */
const struct model_call *model_call_output(const struct model_call *op, unsigned index);
/* The class of an op type ("ArgMax") from the op_types table, or NULL. */
const struct model_call *model_op_type(const struct model *m, const char *op_type);
/* The tape class of this name, or NULL. */
const struct model_tape *model_tape(const struct model *m, const char *class_name);
/* Does a value of this name (`c10::nullopt`) stand for an omitted argument?
 * True when it contains one of the model's "omitted_argument_values". */
bool model_omitted_value(const struct model *m, const char *name);

#endif
