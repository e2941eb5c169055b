/* front/optypes.c: op types. Some frameworks name the op a call runs by a
 * string ("MatMul" given to TF_NewOperation) or by the callee's own name
 * (tensorflow::ops::MatMul), and the file itself may register gradients
 * for op types (REGISTER_GRADIENT_OP, GradientRegistry::Register). Calls
 * record their op type while the IR is built; once the whole file is
 * built, every such call is classed by the model's op_types table with the
 * file's registrations applied, wherever they appear in the file. */
#include "internal.h"
#include <string.h>

#define MAX_TRACE 32

const char *fb_string_literal(struct fn_builder *b, ir_id v)
{
    for (int i = 0; v != IR_NONE && i < MAX_TRACE; i++) {
        const struct ir_node *n = &b->nodes.v[v];
        if (n->kind == IR_LITERAL && n->name && n->name[0] == '"') {
            size_t len = strlen(n->name);
            return len >= 2 ? arena_strndup(b->tb->arena, n->name + 1, len - 2) : NULL;
        }
        /* std::string("X") and casts of the literal */
        bool wraps = (n->kind == IR_CALL && (n->flags & IRF_CTOR)) || n->kind == IR_OP || n->kind == IR_UNKNOWN;
        if (!wraps || n->nops < 1)
            return NULL;
        v = n->ops[0];
    }
    return NULL;
}

const char *fb_op_type_behind(struct fn_builder *b, ir_id v)
{
    for (int i = 0; v != IR_NONE && i < MAX_TRACE; i++) {
        const struct ir_node *n = &b->nodes.v[v];
        if (n->op_type)
            return n->op_type;
        /* A variable version starts from its initial value or, for a weak
         * update (TF_AddInput(desc, x)), from the version before it. */
        bool follows = n->kind == IR_VAR || (n->kind == IR_OP && !(n->flags & IRF_CALL_EFFECT)) ||
                       n->kind == IR_UNKNOWN;
        if (!follows || n->nops < 1)
            return NULL;
        v = n->ops[0];
    }
    return NULL;
}

/* ---- registrations ---- */

enum { REG_DIFFERENTIABLE = 1, REG_NO_GRADIENT = 2 };

struct reg_scan {
    struct tu_builder *tb;
    struct strmap regs; /* op type -> REG_* */
};

struct find_kind {
    enum CXCursorKind kinds[3];
    CXCursor found;
};

static enum CXChildVisitResult find_visit(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct find_kind *f = data;
    for (int i = 0; i < 3; i++)
        if (clang_getCursorKind(c) == f->kinds[i]) {
            f->found = c;
            return CXChildVisit_Break;
        }
    return CXChildVisit_Recurse;
}

/* The first cursor of one of `kinds` at or under `c`. */
static CXCursor find_under(CXCursor c, enum CXCursorKind k0, enum CXCursorKind k1, enum CXCursorKind k2)
{
    struct find_kind f = {{k0, k1, k2}, clang_getNullCursor()};
    if (find_visit(c, c, &f) == CXChildVisit_Break)
        return f.found;
    clang_visitChildren(c, find_visit, &f);
    return f.found;
}

static const char *literal_text(struct tu_builder *tb, CXCursor lit)
{
    CXToken *toks = NULL;
    unsigned n = 0;
    clang_tokenize(tb->tu, clang_getCursorExtent(lit), &toks, &n);
    const char *text = NULL;
    if (n) {
        char *s = front_cx_string(tb->arena, clang_getTokenSpelling(tb->tu, toks[0]));
        size_t len = strlen(s);
        if (len >= 2 && s[0] == '"')
            text = arena_strndup(tb->arena, s + 1, len - 2);
        else if (strcmp(s, "0") == 0 || strcmp(s, "nullptr") == 0 || strcmp(s, "NULL") == 0)
            text = "";
    }
    clang_disposeTokens(tb->tu, toks, n);
    return text;
}

static void note_registration(struct reg_scan *s, CXCursor call, const struct model_call *op)
{
    if (clang_Cursor_getNumArguments(call) <= op->op_type_arg)
        return;
    CXCursor lit = find_under(clang_Cursor_getArgument(call, (unsigned)op->op_type_arg), CXCursor_StringLiteral,
                              CXCursor_StringLiteral, CXCursor_StringLiteral);
    const char *type = clang_Cursor_isNull(lit) ? NULL : literal_text(s->tb, lit);
    if (!type || !*type)
        return;
    bool differentiable = op->differentiable;
    if (op->function_arg >= 0 && clang_Cursor_getNumArguments(call) > op->function_arg) {
        CXCursor fn = clang_Cursor_getArgument(call, (unsigned)op->function_arg);
        CXCursor null = find_under(fn, CXCursor_CXXNullPtrLiteralExpr, CXCursor_IntegerLiteral, CXCursor_GNUNullExpr);
        differentiable &= clang_Cursor_isNull(null);
    }
    strmap_put(&s->regs, type, (void *)(intptr_t)(differentiable ? REG_DIFFERENTIABLE : REG_NO_GRADIENT));
}

static enum CXChildVisitResult scan_registrations(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct reg_scan *s = data;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (!front_in_main_file(s->tb, c))
        return k == CXCursor_Namespace || k == CXCursor_LinkageSpec ? CXChildVisit_Recurse : CXChildVisit_Continue;
    if (k != CXCursor_CallExpr)
        return CXChildVisit_Recurse;
    CXCursor ref = clang_getCursorReferenced(c);
    if (clang_Cursor_isNull(ref) || clang_isInvalid(clang_getCursorKind(ref)))
        return CXChildVisit_Recurse;
    const struct model_call *op = model_call(s->tb->model, front_qualname(s->tb, ref));
    if (op && op->cls == OP_GRADIENT_REGISTRATION)
        note_registration(s, c, op);
    return CXChildVisit_Recurse;
}

/* ---- classing ---- */

static const struct model_call *classed(struct tu_builder *tb, const struct strmap *regs,
                                        const struct model_call *base, const char *op_type)
{
    const struct model_call *table = model_op_type(tb->model, op_type);
    intptr_t reg = (intptr_t)strmap_get(regs, op_type);
    if (!table && !reg)
        return base;
    struct model_call *m = arena_alloc(tb->arena, sizeof *m);
    *m = *base;
    if (table) {
        m->cls = table->cls;
        m->why = table->why;
    }
    if (reg == REG_DIFFERENTIABLE && (m->cls == OP_NONDIFFERENTIABLE || m->cls == OP_ZERO_GRADIENT)) {
        m->cls = OP_DIFFERENTIABLE;
        m->why = NULL;
    } else if (reg == REG_NO_GRADIENT) {
        m->cls = OP_NONDIFFERENTIABLE;
        m->why = "is registered in this file as having no gradient";
    }
    return m;
}

/* ---- helpers that take the op type as a parameter ---- */

/* The input of `fn` whose string names the type of an op it builds
 * (`add_op(g, "MatMul", a, b)` passing `type` to TF_NewOperation), or -1. */
static int op_type_input(const struct ir_fn *fn)
{
    for (ir_id i = 0; i < fn->nnodes; i++) {
        const struct ir_node *n = &fn->nodes[i];
        if (n->kind != IR_CALL || n->op_type || !n->op || n->op->cls != OP_OP_BUILDER)
            continue;
        ir_id v = ir_call_arg(n, n->op->op_type_arg);
        for (int k = 0; v != IR_NONE && k < MAX_TRACE && fn->nodes[v].kind != IR_PARAM; k++)
            v = (fn->nodes[v].kind == IR_OP || fn->nodes[v].kind == IR_UNKNOWN) && fn->nodes[v].nops == 1
                    ? fn->nodes[v].ops[0]
                    : IR_NONE;
        if (v != IR_NONE)
            return fn->nodes[v].aux;
    }
    return -1;
}

/* A call passing a string literal as such a helper's op type runs an op of
 * that type: it is classed like one. */
static void class_helper_calls(struct tu_builder *tb, const struct strmap *regs, const int *type_input)
{
    for (size_t f = 0; f < tb->fns.n; f++) {
        struct ir_fn *fn = tb->fns.v[f];
        for (ir_id i = 0; i < fn->nnodes; i++) {
            struct ir_node *n = &fn->nodes[i];
            if (n->kind != IR_CALL || n->callee < 0 || type_input[n->callee] < 0 || (n->flags & IRF_CTOR))
                continue;
            const struct ir_fn *callee = tb->fns.v[n->callee];
            uint32_t at = (uint32_t)type_input[n->callee] + ((!callee->is_method && (n->flags & IRF_RECEIVER)) ? 1 : 0);
            const struct ir_node *lit = at < n->nops ? &fn->nodes[n->ops[at]] : NULL;
            size_t len = lit && lit->kind == IR_LITERAL && lit->name ? strlen(lit->name) : 0;
            if (len < 2 || lit->name[0] != '"')
                continue;
            n->op_type = arena_strndup(tb->arena, lit->name + 1, len - 2);
            static const struct model_call plain = {
                .name = "<op built by a helper>", .cls = OP_DIFFERENTIABLE, .target_arg = ARG_NONE,
                .sources_arg = ARG_NONE, .retain_graph_arg = ARG_NONE, .create_graph_arg = ARG_NONE,
                .allow_unused_arg = ARG_NONE, .unless_false_arg = ARG_NONE, .op_type_arg = ARG_NONE,
                .op_type_of_arg = ARG_NONE, .context_arg = ARG_NONE, .makes_trainable_arg = ARG_NONE,
                .tape_arg = ARG_NONE, .frees_graph = true, .differentiable = true, .function_arg = ARG_NONE,
            };
            const struct model_call *c = classed(tb, regs, &plain, n->op_type);
            n->op = c == &plain ? NULL : c;
        }
    }
}

void front_class_op_types(struct tu_builder *tb)
{
    struct reg_scan s = {tb, {0}};
    strmap_init(&s.regs);
    clang_visitChildren(clang_getTranslationUnitCursor(tb->tu), scan_registrations, &s);
    for (size_t f = 0; f < tb->fns.n; f++) {
        struct ir_fn *fn = tb->fns.v[f];
        for (ir_id i = 0; i < fn->nnodes; i++) {
            struct ir_node *n = &fn->nodes[i];
            if (n->op_type && n->op && n->op->cls != OP_OP_BUILDER && n->op->cls != OP_GRADIENT_REGISTRATION)
                n->op = classed(tb, &s.regs, n->op, n->op_type);
        }
    }
    int *type_input = xmalloc((tb->fns.n ? tb->fns.n : 1) * sizeof *type_input);
    for (size_t f = 0; f < tb->fns.n; f++)
        type_input[f] = op_type_input(tb->fns.v[f]);
    class_helper_calls(tb, &s.regs, type_input);
    free(type_input);
    strmap_free(&s.regs);
}
