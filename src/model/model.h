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
};

/* What a recording control does with gradient recording. */
enum recording_effect {
    REC_OFF,          /* turns recording off */
    REC_ON,           /* turns recording on */
    REC_FROM_ARG,     /* recording = the boolean argument */
    REC_FROM_NOT_ARG, /* recording = !argument (InferenceMode(enabled)) */
};

enum op_class {
    OP_DIFFERENTIABLE = 0, /* the default for known and unknown calls */
    OP_NONDIFFERENTIABLE,  /* result has no gradient path to its inputs */
    OP_ZERO_GRADIENT,      /* connected, gradient zero almost everywhere */
    OP_DETACH,             /* result is cut from the graph on purpose */
    OP_HOST_EXTRACT,       /* reads the value back to the host */
    OP_HOST_CONSTRUCT,     /* builds a new leaf tensor from host values */
    OP_GRADIENT,           /* requests gradients: a sink */
    OP_RECORDING_SWITCH,   /* imperative recording on/off */
    OP_TRAINABLE_SOURCE,   /* its result is a trainable variable */
    OP_REQUIRES_GRAD_OPTION, /* an option that makes a factory's result trainable */
    OP_FACTORY,            /* creates a leaf; trainable if given the option */
    OP_MODULE_CALL,        /* calls the receiver module's method `dispatch` */
    OP_METADATA,           /* reads shape or type information: carries no gradient */
    OP_OPTIMIZER_STEP,     /* applies the gradients of the variables its receiver holds */
};

/* Argument positions: ARG_RECEIVER means the object a method is called on. */
#define ARG_RECEIVER (-1)
#define ARG_NONE (-2)

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
    unsigned nondiff_args;  /* bit i: argument i is not on the differentiable path */
    /* Values (qualified names, e.g. "c10::kLong") that make this call
     * non-differentiable when passed as an argument (integer casts). */
    const char **nondiff_when_given;
    size_t n_nondiff_when_given;
    const char *why;        /* message fragment, e.g. "has no gradient" */
    const char *origin;     /* model file that declared it */
};

struct model_guard {
    const char *type;
    enum recording_effect recording;
    int arg;
    bool arg_default;
    const char *origin;
};

struct model;

/* Loads and merges model files. Returns NULL and writes
 * "<file>: <json path>: <problem>" into `err` on the first problem.
 * The caller owns the result (model_free). */
struct model *model_load(const char *const *paths, size_t npaths, struct strbuf *err);
/* Parses one model from text (used by tests and by model_load). */
bool model_add_text(struct model *m, const char *origin, const char *text, struct strbuf *err);
struct model *model_new(void);
void model_free(struct model *m);

/* The role of a class given its canonical qualified name (no template
 * arguments), e.g. "at::Tensor" -> ROLE_TENSOR. */
enum type_role model_type_role(const struct model *m, const char *class_name);
/* Recording guard declared by a variable of this class, or NULL. */
const struct model_guard *model_guard(const struct model *m, const char *class_name);
/* The model's knowledge of a call given the callee's canonical qualified
 * name (template arguments removed); NULL when the model says nothing.
 * `is_method_of_tensor` lets "X::m" match the model's tensor methods. */
const struct model_call *model_call(const struct model *m, const char *qualified_name);
/* Names of all loaded model files, for --version -v and errors. */
size_t model_file_count(const struct model *m);
const char *model_file_name(const struct model *m, size_t i);

#endif
