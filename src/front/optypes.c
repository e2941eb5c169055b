/* front/optypes.c: op types. Some frameworks name the op a call runs by a
 * string ("MatMul" given to TF_NewOperation) or by the callee's own name
 * (tensorflow::ops::MatMul), and the file itself may register gradients
 * for op types (REGISTER_GRADIENT_OP, GradientRegistry::Register). Calls
 * record their op type while the IR is built; once the whole file is
 * built, every such call is classed by the model's op_types table with the
 * file's registrations applied, wherever they appear in the file. */
#include "internal.h"
#include "../analysis/optype_calls.h"
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

struct reg_scan {
    struct tu_builder *tb;
    struct strmap regs; /* op type -> enum optype_reg (strmap_*_index) */
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
    strmap_put_index(&s->regs, type, differentiable ? OPTYPE_REG_DIFFERENTIABLE : OPTYPE_REG_NO_GRADIENT);
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
                n->op = optype_classed(tb->model, &s.regs, tb->arena, n->op, n->op_type);
        }
    }
    optype_class_helper_calls(tb->fns.v, (uint32_t)tb->fns.n, tb->model, &s.regs, tb->arena);
    strmap_free(&s.regs);
}
