/* front/optypes.c: op types. Some frameworks name the op a call runs by a
 * string ("MatMul" given to TF_NewOperation) or by the callee's own name
 * (tensorflow::ops::MatMul), and the file itself may register gradients
 * for op types (REGISTER_GRADIENT_OP, GradientRegistry::Register). Calls
 * record their op type while the IR is built; once the whole file is
 * built, every such call is classed by the model's op_types table with the
 * file's registrations applied, wherever they appear in the file. */
#include "internal.h"
#include "../analysis/constprop.h"
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
    if (!front_user_file(s->tb, c))
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
    if (reg == REG_DIFFERENTIABLE && op_class_has(m->cls, OPF_NO_GRADIENT)) {
        m->cls = OP_DIFFERENTIABLE;
        m->why = NULL;
    } else if (reg == REG_NO_GRADIENT) {
        m->cls = OP_NONDIFFERENTIABLE;
        m->why = "is registered in this file as having no gradient";
    }
    return m;
}

/* ---- helpers that take the op type as a parameter ---- */

/* A call of a helper of the file that passes a constant op type (or a
 * description started with one) for an input through which the helper
 * builds an op (see analysis/constprop.h) runs an op of that type: it is
 * classed like one. A helper that returns the description it started is
 * not an op itself; it only carries the type to where the op is finished. */
static const char *helper_call_type(struct tu_builder *tb, const struct constprop *cp, const struct ir_fn *fn,
                                    const struct ir_node *n)
{
    const struct ir_fn *callee = tb->fns.v[n->callee];
    uint32_t shift = (!callee->is_method && (n->flags & IRF_RECEIVER)) ? 1 : 0;
    for (uint32_t j = 0; j < callee->ninputs && j + shift < n->nops; j++) {
        uint8_t use = cp->use[n->callee][j];
        const char *type = (use & CP_OP_TYPE) ? constprop_string(tb->arena, fn, n->ops[j + shift]) : NULL;
        if (!type && (use & CP_BUILDER))
            type = constprop_builder_type(fn, n->ops[j + shift]);
        if (type && *type)
            return type;
    }
    return NULL;
}

static const struct model_call helper_op = {
    MODEL_CALL_DEFAULTS, .name = "<op built by a helper>", .cls = OP_DIFFERENTIABLE};

/* Classes the call nodes whose op type becomes known; returns whether any did. */
static bool class_calls_once(struct tu_builder *tb, const struct strmap *regs, const struct constprop *cp,
                             struct ir_fn *fn)
{
    bool changed = false;
    for (ir_id i = 0; i < fn->nnodes; i++) {
        struct ir_node *n = &fn->nodes[i];
        if (n->kind != IR_CALL || n->op_type || (n->flags & IRF_CTOR))
            continue;
        if (n->callee >= 0) {
            n->op_type = helper_call_type(tb, cp, fn, n);
            if (n->op_type && !cp->returns_builder[n->callee]) {
                const struct model_call *c = classed(tb, regs, &helper_op, n->op_type);
                n->op = c == &helper_op ? NULL : c;
            }
        } else if (n->op && n->op->op_type_of_arg >= 0) {
            /* TF_FinishOperation(desc) on a description a helper started */
            n->op_type = constprop_builder_type(fn, ir_call_arg(n, n->op->op_type_of_arg));
            if (n->op_type)
                n->op = classed(tb, regs, n->op, n->op_type);
        }
        changed |= n->op_type != NULL;
    }
    return changed;
}

/* What a call writes through its arguments is classed like the call. */
static void class_call_effects(struct ir_fn *fn)
{
    for (ir_id i = 0; i < fn->nnodes; i++) {
        struct ir_node *n = &fn->nodes[i];
        if (n->kind != IR_OP || !(n->flags & IRF_CALL_EFFECT) || n->aux < 0 || (uint32_t)n->aux >= fn->nnodes)
            continue;
        const struct ir_node *call = &fn->nodes[n->aux];
        if (call->op_type && !n->op_type) {
            n->op_type = call->op_type;
            n->op = call->op;
        }
    }
}

static void class_helper_calls(struct tu_builder *tb, const struct strmap *regs)
{
    struct constprop cp;
    constprop_init(&cp, tb->fns.v, (uint32_t)tb->fns.n);
    /* A type found at one call can make another resolvable (a description
     * a helper started, finished later): repeat while something changes. */
    for (int round = 0; round < 4; round++) {
        bool changed = false;
        for (size_t f = 0; f < tb->fns.n; f++)
            changed |= class_calls_once(tb, regs, &cp, tb->fns.v[f]);
        if (!changed)
            break;
    }
    for (size_t f = 0; f < tb->fns.n; f++)
        class_call_effects(tb->fns.v[f]);
    constprop_free(&cp);
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
            if (n->op_type && n->op && !op_class_has(n->op->cls, OPF_NAMES_OP_TYPE))
                n->op = classed(tb, &s.regs, n->op, n->op_type);
        }
    }
    class_helper_calls(tb, &s.regs);
    strmap_free(&s.regs);
}
