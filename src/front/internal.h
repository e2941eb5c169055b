/* front/internal.h: shared state of the front end's files (not a public API). */
#ifndef TFG_FRONT_INTERNAL_H
#define TFG_FRONT_INTERNAL_H
#include "../ir/ir.h"
#include "../model/model.h"
#include "../util/arena.h"
#include "../util/hashmap.h"
#include "../util/vec.h"
#include <clang-c/Index.h>
#include <stdbool.h>

#define BUILD_MAX_DEPTH 1500 /* deeper expressions/statements become unknown */
/* Parentheses, implicit casts, member and subscript steps followed from an
 * expression to the variable it names; past this the root is unknown. */
#define BUILD_MAX_WRAPPERS 64
/* std::get<N> indices kept as elements (ir_node.aux); a larger index is a
 * plain call, whose result depends on the whole tuple. */
#define BUILD_MAX_ELEMENT_INDEX 63
/* Outputs a model class describes one by one (model_call.nondiff_outputs
 * is a bit mask); a later output has no class of its own. */
#define BUILD_MAX_CLASSED_OUTPUTS 32
/* Scopes of a qualified name, and class nesting followed for a type's
 * role (smart pointers, containers, bases); past these the name is cut at
 * its outer scopes and the role is none, as for an unknown type. */
#define FRONT_MAX_SCOPES 64
#define FRONT_MAX_ROLE_DEPTH 12

typedef VEC(ir_id) id_vec;

/* Where clang reported an error, to tell which bodies are partial. */
struct error_at {
    CXFile file;
    unsigned offset;
};

struct pending_xcall {
    uint32_t fn;
    ir_id node;
    const char *usr;
};

struct pending_call {
    uint32_t fn;
    ir_id node;
    uint64_t key;
    enum pending_target {
        PENDING_CALLEE,  /* the call's callee */
        PENDING_FORWARD, /* the node's `forward` (a module construction) */
        PENDING_FNREF,   /* the function an IRF_FNREF literal names (its aux) */
    } target;
};

/* Translation-unit-wide builder state. */
struct tu_builder {
    struct arena *arena;
    const struct model *model;
    CXTranslationUnit tu;
    CXFile main_file;
    const char *path;
    /* Whose bodies are the user's code: files under `root` (absolute,
     * resolved), other than the model headers and the stand-ins. */
    const char *root;
    /* Project directories outside `root` whose headers the include scan
     * found (a repository's shared `utils/` beside a nested project): their
     * files are the user's code too. */
    const char *const *user_dirs;
    size_t nuser_dirs;
    const char *model_dir;    /* resolved model include directory, or NULL */
    struct u64map user_files; /* CXFile -> display path, or "" when not the user's */
    VEC(struct ir_fn *) fns;
    VEC(struct pending_call) pending;
    VEC(struct pending_xcall) xpending; /* calls to functions defined elsewhere */
    struct u64map fn_by_key;  /* declaration key -> fn index (u64map_*_index) */
    struct u64map file_ids;   /* CXFile -> small id + 1 */
    struct u64map role_cache; /* canonical type identity -> role (u64map_*_index) */
    VEC(struct error_at) errors; /* error diagnostics of the TU (build.c) */
    /* The variables lambdas capture, by capture key: a lambda called
     * inside another lambda binds its captures through the caller's. */
    VEC(CXCursor) captured;
    struct u64map captured_by_key; /* capture key -> index in captured */
};

struct env {
    ir_id *v;  /* current version per variable index */
    uint32_t n;
    bool dead; /* this path cannot reach here */
};

struct guard_entry {
    uint32_t depth; /* scope depth of its declaration */
    ir_id saved;    /* mode version it restores when destroyed */
};

typedef VEC(struct env) env_vec;

struct loop_frame {
    struct loop_frame *outer;
    uint32_t depth;            /* scope depth at the loop statement */
    env_vec breaks, continues;
};

struct switch_frame {
    struct env entry;
    uint32_t ctrl;
    bool has_default;
    size_t assigned_mark;      /* b->assigned.n at the switch */
};

/* Per-function builder state. */
struct fn_builder {
    struct tu_builder *tb;
    struct fn_builder *outer;  /* enclosing function of a lambda */
    struct ir_fn *fn;
    VEC(struct ir_node) nodes;
    VEC(struct ir_ctrl) ctrls;
    VEC(struct ir_var) vars;
    VEC(struct ir_input) inputs;
    struct u64map var_of_decl; /* declaration key -> variable index (u64map_*_index) */
    struct u64map input_of_key; /* capture/global key -> node (u64map_*_index) */
    struct env env;
    /* Every variable given a new version, in order: a join only has to
     * look at the variables assigned since its construct began, which
     * keeps building linear in the size of the function. */
    VEC(int32_t) assigned;
    uint32_t ctrl;
    VEC(struct guard_entry) guards;
    uint32_t scope_depth;
    struct loop_frame *loop;
    struct switch_frame *cur_switch;
    VEC(ir_id) exit_modes;
    ir_id this_node;
    int depth;
};

/* types.c */
const char *front_qualname(struct tu_builder *tb, CXCursor decl);
uint64_t front_decl_key(struct tu_builder *tb, CXCursor decl);
enum type_role front_type_role(struct tu_builder *tb, CXType t);
bool front_type_is_scalar(CXType t);
struct ir_loc front_loc(CXSourceLocation l);
/* The path to report for `c`'s file when bodies there are the user's code
 * (the main file, or a project header), else NULL. */
const char *front_user_file(struct tu_builder *tb, CXCursor c);
char *front_cx_string(struct arena *a, CXString s); /* disposes s */
/* Children of a cursor, in order; caller VEC_FREEs. */
typedef VEC(CXCursor) cursor_vec;
void front_children(CXCursor c, cursor_vec *out);
/* Definition key of a class's method `name` defined in this TU, or 0. */
uint64_t front_find_method(struct tu_builder *tb, CXCursor cls, const char *name);
/* The first method `name` of class `cls`, defined here or not, or null. */
CXCursor front_find_method_decl(struct tu_builder *tb, CXCursor cls, const char *name);
/* The class implementing a module holder type (template argument of the
 * holder, or the class itself), as a declaration cursor. */
CXCursor front_module_impl(struct tu_builder *tb, CXType t);

/* the TU and its functions (build.c): builds every body of the TU into
 * `out`; nodes and variables; the input for a variable of an enclosing
 * function (lambda capture) or a global, made once per declaration; the
 * mode when the function returns (guards of its body are destroyed by then,
 * so the version before the outermost guard) */
void front_build_tu(struct tu_builder *tb, struct ir_tu *out);
ir_id fb_add(struct fn_builder *b, enum ir_kind kind, CXCursor at, const ir_id *ops, uint32_t nops);
ir_id fb_add_mode(struct fn_builder *b, enum ir_mode_sub sub, int32_t aux, CXCursor at);
void fb_set_var(struct fn_builder *b, int32_t var, ir_id version);
int32_t fb_var_of(struct fn_builder *b, CXCursor decl);
int32_t fb_new_var(struct fn_builder *b, CXCursor decl, const char *name);
/* Declares `decl` with `value` (IR_NONE: no initialiser): a new variable
 * and its first version; returns the variable. */
int32_t fb_declare(struct fn_builder *b, CXCursor decl, ir_id value);
uint32_t fb_push_ctrl(struct fn_builder *b, ir_id cond, enum ir_arm arm, CXCursor at);
uint32_t fb_build_fn(struct tu_builder *tb, CXCursor fn_cursor, struct fn_builder *outer);
ir_id fb_outer_input(struct fn_builder *b, CXCursor decl, bool capture);
ir_id fb_return_mode(struct fn_builder *b);

/* statements (build_stmt.c) */
void fb_stmt(struct fn_builder *b, CXCursor c);
/* Builds the statements of a `{ }` block, noting the ones clang dropped
 * (build_lost.c). */
void fb_block_statements(struct fn_builder *b, CXCursor block);
/* The recording state a switch or guard with effect `eff` sets, reading
 * its argument `arg` (`dflt` when the call omits it). */
enum ir_tristate fb_recording_from(struct fn_builder *b, enum recording_effect eff, ir_id arg, bool dflt);

/* expressions (build_expr.c) */
ir_id fb_expr(struct fn_builder *b, CXCursor c);
/* An unknown value standing for what clang could not resolve. */
ir_id fb_unresolved(struct fn_builder *b, CXCursor c, const ir_id *ops, uint32_t n);
/* The model's class of element `index` of the tuple value `tuple` (the
 * index output of max, sort, topk), or NULL when it says nothing. */
const struct model_call *fb_tuple_element_op(struct fn_builder *b, ir_id tuple, unsigned index, const char **producer);
/* Variable index of the variable an lvalue expression names (through
 * members and subscripts), or -1. */
int32_t fb_lvalue_root(struct fn_builder *b, CXCursor c);
/* An argument the call omitted (a default argument has no source text). */
bool fb_is_default_arg(CXCursor arg);
/* Makes a weak update: var gets a new version depending on its old one and
 * on `with`. */
void fb_weak_update(struct fn_builder *b, int32_t var, ir_id with, CXCursor at);

/* elements of aggregates (build_elements.c): element `index` of `whole` as
 * a value of type `type`; a structured-binding declaration (false when
 * `decl` is not one); the position of a field in its plain aggregate, or -1. */
ir_id fb_element(struct fn_builder *b, ir_id whole, uint32_t index, CXCursor at, CXType type);
bool fb_decomposition(struct fn_builder *b, CXCursor decl);
int fb_field_index(CXCursor field);
/* Are the values of braced list `list` its type's fields in order (always
 * true for a list that is not of a struct the user declared)? */
bool fb_braced_in_field_order(struct fn_builder *b, CXCursor list);

/* A constructor's member initialiser `member(init)` as a write of this->member. */
void fb_member_init(struct fn_builder *b, CXCursor member_ref, CXCursor init);
/* op types (optypes.c): the text of a string-literal value ("MatMul"
 * without quotes, arena-owned) or NULL; the op type of the op builder a
 * value was made from (through variable versions and the calls that
 * updated it) or NULL; and, once the TU is built, classing every node that
 * has an op type by the model's op_types table and the gradient
 * registrations of the file. */
const char *fb_string_literal(struct fn_builder *b, ir_id v);
const char *fb_op_type_behind(struct fn_builder *b, ir_id v);
void front_class_op_types(struct tu_builder *tb);

#endif
