/* front/build_expr.c: expressions -> IR values, including calls with their
 * receivers, model classes and effects (in-place receivers, out-parameters,
 * recording switches, calls into functions of this TU). */
#include "internal.h"
#include "../util/str.h"
#include <string.h>

static void function_ref(struct fn_builder *b, ir_id id, CXCursor fn);

static void set_value_type(struct fn_builder *b, ir_id id, CXCursor c)
{
    CXType t = clang_getCursorType(c);
    b->nodes.v[id].role = (uint8_t)front_type_role(b->tb, t);
    b->nodes.v[id].type_is_scalar = front_type_is_scalar(t);
}

static ir_id unknown_of(struct fn_builder *b, CXCursor c, const ir_id *ops, uint32_t n)
{
    ir_id id = fb_add(b, IR_UNKNOWN, c, ops, n);
    set_value_type(b, id, c);
    return id;
}

ir_id fb_unresolved(struct fn_builder *b, CXCursor c, const ir_id *ops, uint32_t n)
{
    ir_id id = unknown_of(b, c, ops, n);
    b->nodes.v[id].flags |= IRF_UNRESOLVED;
    return id;
}

/* Builds every expression child; the caller VEC_FREEs `out`. */
static void expr_children(struct fn_builder *b, CXCursor c, id_vec *out)
{
    cursor_vec kids = {0};
    front_children(c, &kids);
    for (size_t i = 0; i < kids.n; i++) {
        if (!clang_isExpression(clang_getCursorKind(kids.v[i])))
            continue;
        ir_id v = fb_expr(b, kids.v[i]);
        if (v != IR_NONE)
            VEC_PUSH(*out, v);
    }
    VEC_FREE(kids);
}

static ir_id generic(struct fn_builder *b, CXCursor c)
{
    id_vec ops = {0};
    expr_children(b, c, &ops);
    ir_id id = unknown_of(b, c, ops.v, (uint32_t)ops.n);
    VEC_FREE(ops);
    return id;
}

static char *token_text(struct fn_builder *b, CXSourceRange r, bool last)
{
    CXToken *toks = NULL;
    unsigned n = 0;
    clang_tokenize(b->tb->tu, r, &toks, &n);
    char *s = NULL;
    if (n)
        s = front_cx_string(b->tb->arena, clang_getTokenSpelling(b->tb->tu, toks[last ? n - 1 : 0]));
    clang_disposeTokens(b->tb->tu, toks, n);
    return s;
}

/* The value of an integer or bool literal whose tokens are not in the file
 * (spelled inside a macro definition: `while (0)`), or NULL. */
static const char *evaluated_literal(struct fn_builder *b, CXCursor c)
{
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k != CXCursor_IntegerLiteral && k != CXCursor_CXXBoolLiteralExpr)
        return NULL;
    CXEvalResult r = clang_Cursor_Evaluate(c);
    const char *text = NULL;
    if (r && clang_EvalResult_getKind(r) == CXEval_Int) {
        long long v = clang_EvalResult_getAsLongLong(r);
        text = k == CXCursor_CXXBoolLiteralExpr ? (v ? "true" : "false") : arena_printf(b->tb->arena, "%lld", v);
    }
    if (r)
        clang_EvalResult_dispose(r);
    return text;
}

static ir_id literal(struct fn_builder *b, CXCursor c)
{
    ir_id id = fb_add(b, IR_LITERAL, c, NULL, 0);
    set_value_type(b, id, c);
    const char *text = token_text(b, clang_getCursorExtent(c), false);
    if (!text)
        text = evaluated_literal(b, c);
    struct ir_node *n = &b->nodes.v[id];
    n->name = text ? text : "?";
    if (strcmp(n->name, "true") == 0 || strcmp(n->name, "1") == 0)
        n->flags |= IRF_BOOL_TRUE;
    else if (strcmp(n->name, "false") == 0 || strcmp(n->name, "0") == 0)
        n->flags |= IRF_BOOL_FALSE;
    return id;
}

static ir_id this_value(struct fn_builder *b, CXCursor at)
{
    if (b->this_node != IR_NONE)
        return b->this_node;
    /* A lambda's `this` is the enclosing method's: an input of the lambda. */
    size_t known;
    if (u64map_get_index(&b->input_of_key, 1, &known))
        return (ir_id)known;
    ir_id id = fb_add(b, IR_CAPTURE, at, NULL, 0);
    b->nodes.v[id].name = "this";
    b->nodes.v[id].aux = (int32_t)b->inputs.n;
    struct ir_input in = {"this", id, 1};
    VEC_PUSH(b->inputs, in);
    u64map_put_index(&b->input_of_key, 1, id);
    return id;
}

static bool is_function_scope(CXCursor c)
{
    enum CXCursorKind k = clang_getCursorKind(c);
    return k == CXCursor_FunctionDecl || k == CXCursor_CXXMethod || k == CXCursor_Constructor ||
           k == CXCursor_Destructor || k == CXCursor_FunctionTemplate || k == CXCursor_LambdaExpr ||
           k == CXCursor_ConversionFunction;
}

static ir_id decl_ref(struct fn_builder *b, CXCursor c)
{
    CXCursor d = clang_getCursorReferenced(c);
    enum CXCursorKind k = clang_getCursorKind(d);
    /* A declaration clang gave up on (its type or initialiser named
     * something undeclared) holds an unknown value, not a default one. */
    if (!clang_Cursor_isNull(d) && clang_isInvalidDeclaration(d)) {
        int32_t v = k == CXCursor_VarDecl ? fb_var_of(b, d) : -1;
        if (v >= 0 && b->env.v[v] != IR_NONE)
            return b->env.v[v];
        return fb_unresolved(b, c, NULL, 0);
    }
    if (k == CXCursor_UnexposedDecl) { /* a structured binding (see fb_decomposition) */
        int32_t v = fb_var_of(b, d);
        if (v >= 0 && b->env.v[v] != IR_NONE)
            return b->env.v[v];
        return unknown_of(b, c, NULL, 0);
    }
    if (k == CXCursor_VarDecl || k == CXCursor_ParmDecl || k == CXCursor_NonTypeTemplateParameter) {
        int32_t v = fb_var_of(b, d);
        if (v >= 0 && b->env.v[v] != IR_NONE)
            return b->env.v[v];
        bool local_elsewhere = is_function_scope(clang_getCursorSemanticParent(d));
        return fb_outer_input(b, d, local_elsewhere && b->outer != NULL);
    }
    if (k == CXCursor_FieldDecl) { /* constructor initialisers */
        ir_id base = this_value(b, c);
        ir_id id = fb_add(b, IR_MEMBER, c, &base, 1);
        b->nodes.v[id].name = front_cx_string(b->tb->arena, clang_getCursorSpelling(d));
        set_value_type(b, id, c);
        return id;
    }
    ir_id id = fb_add(b, IR_LITERAL, c, NULL, 0);
    b->nodes.v[id].name = clang_Cursor_isNull(d) ? "?" : front_qualname(b->tb, d);
    set_value_type(b, id, c);
    if (k == CXCursor_FunctionDecl)
        function_ref(b, id, d);
    return id;
}

static CXCursor first_child(CXCursor c)
{
    cursor_vec kids = {0};
    front_children(c, &kids);
    CXCursor f = kids.n ? kids.v[0] : clang_getNullCursor();
    VEC_FREE(kids);
    return f;
}

/* The class declaring field `field`, so that `agent.actor` read in main
 * and `this->actor` read in a method are the same member. */
static const char *member_owner(struct fn_builder *b, CXCursor field)
{
    if (clang_Cursor_isNull(field) || clang_getCursorKind(field) != CXCursor_FieldDecl)
        return NULL;
    return front_qualname(b->tb, clang_getCursorSemanticParent(field));
}

static ir_id member_ref(struct fn_builder *b, CXCursor c)
{
    CXCursor base_c = first_child(c);
    ir_id base = clang_Cursor_isNull(base_c) ? this_value(b, c) : fb_expr(b, base_c);
    CXCursor d = clang_getCursorReferenced(c);
    if (!clang_Cursor_isNull(d) && clang_isInvalidDeclaration(d))
        return fb_unresolved(b, c, &base, base == IR_NONE ? 0 : 1);
    ir_id id = fb_add(b, IR_MEMBER, c, &base, base == IR_NONE ? 0 : 1);
    b->nodes.v[id].name = front_cx_string(b->tb->arena, clang_getCursorSpelling(c));
    b->nodes.v[id].owner = member_owner(b, d);
    set_value_type(b, id, c);
    int field = base == IR_NONE ? -1 : fb_field_index(clang_getCursorReferenced(c));
    if (field >= 0) {
        b->nodes.v[id].flags |= IRF_ELEMENT;
        b->nodes.v[id].aux = field;
    }
    return id;
}

static CXCursor strip(CXCursor c)
{
    for (int i = 0; i < BUILD_MAX_WRAPPERS; i++) {
        enum CXCursorKind k = clang_getCursorKind(c);
        if (k != CXCursor_UnexposedExpr && k != CXCursor_ParenExpr)
            break;
        cursor_vec kids = {0};
        front_children(c, &kids);
        size_t n = kids.n;
        CXCursor only = n == 1 ? kids.v[0] : c;
        VEC_FREE(kids);
        if (n != 1)
            break;
        c = only;
    }
    return c;
}

/* Is `c` spelled `text` (an operator's or a method's name)? */
static bool has_spelling(struct fn_builder *b, CXCursor c, const char *text)
{
    CXString s = clang_getCursorSpelling(c);
    bool eq = strcmp(clang_getCString(s), text) == 0;
    clang_disposeString(s);
    (void)b;
    return eq;
}

int32_t fb_lvalue_root(struct fn_builder *b, CXCursor c)
{
    for (int i = 0; i < BUILD_MAX_WRAPPERS; i++) {
        c = strip(c);
        switch (clang_getCursorKind(c)) {
        case CXCursor_DeclRefExpr: return fb_var_of(b, clang_getCursorReferenced(c));
        case CXCursor_MemberRefExpr:
        case CXCursor_ArraySubscriptExpr:
        case CXCursor_UnaryOperator: {
            CXCursor f = first_child(c);
            if (clang_Cursor_isNull(f))
                return -1;
            c = f;
            break;
        }
        case CXCursor_CallExpr:
            if ((has_spelling(b, c, "operator[]") || has_spelling(b, c, "operator*") ||
                 has_spelling(b, c, "operator->")) &&
                clang_Cursor_getNumArguments(c) >= 1) {
                c = clang_Cursor_getArgument(c, 0);
                break;
            }
            return -1;
        default: return -1;
        }
    }
    return -1;
}

void fb_weak_update(struct fn_builder *b, int32_t var, ir_id with, CXCursor at)
{
    if (var < 0 || b->env.v[var] == IR_NONE)
        return;
    ir_id ops[2] = {b->env.v[var], with};
    ir_id id = fb_add(b, IR_VAR, at, ops, 2);
    b->nodes.v[id].var = var;
    b->nodes.v[id].name = b->vars.v[var].name;
    b->nodes.v[id].flags |= IRF_ASSIGN;
    b->nodes.v[id].role = b->nodes.v[ops[0]].role;
    fb_set_var(b, var, id);
}

static ir_id strong_update(struct fn_builder *b, int32_t var, ir_id value, CXCursor at)
{
    ir_id id = fb_add(b, IR_VAR, at, &value, value == IR_NONE ? 0 : 1);
    b->nodes.v[id].var = var;
    b->nodes.v[id].name = b->vars.v[var].name;
    b->nodes.v[id].flags |= IRF_ASSIGN;
    if (value != IR_NONE)
        b->nodes.v[id].role = b->nodes.v[value].role;
    fb_set_var(b, var, id);
    return id;
}

/* The field index when `e` is a field of the struct variable `root`
 * itself (`l.head`, not `l.inner.head` nor `l.heads[0]`), else -1. */
static int field_of_variable(struct fn_builder *b, CXCursor e, int32_t root)
{
    CXCursor m = strip(e);
    if (clang_getCursorKind(m) != CXCursor_MemberRefExpr)
        return -1;
    CXCursor base = strip(first_child(m));
    if (clang_getCursorKind(base) != CXCursor_DeclRefExpr ||
        fb_var_of(b, clang_getCursorReferenced(base)) != root)
        return -1;
    /* `p->head` through a pointer variable writes the pointee, not `p`. */
    CXType bt = clang_getCanonicalType(clang_getCursorType(base));
    if (bt.kind != CXType_Record && bt.kind != CXType_LValueReference && bt.kind != CXType_RValueReference)
        return -1;
    return fb_field_index(clang_getCursorReferenced(m));
}

/* The version of `root` just made by a weak update is a write of one part
 * of it (see IRF_PART_WRITE): field `field`, or (-1) only an object that a
 * pointer field points to. */
static void mark_part_write(struct fn_builder *b, int32_t root, int field)
{
    struct ir_node *v = &b->nodes.v[b->env.v[root]];
    if (v->kind != IR_VAR || v->nops != 2 || v->var != root)
        return;
    v->flags |= IRF_PART_WRITE;
    v->aux = field;
}

/* The version of `root` just made writes its field `field`, spelled by the
 * cursor `field_expr` (the name messages give the field). */
static void mark_field_write(struct fn_builder *b, int32_t root, int field, CXCursor field_expr)
{
    mark_part_write(b, root, field);
    b->nodes.v[b->env.v[root]].owner = front_cx_string(b->tb->arena, clang_getCursorSpelling(strip(field_expr)));
}

/* The field of `root` whose pointee a call on `recv` updates
 * (`l.head->forward(x)`, `(*l.head).train()`): the field itself, a
 * pointer, keeps its value. -1 when `recv` is not such an access. */
static int pointer_field_behind(struct fn_builder *b, CXCursor recv, int32_t root)
{
    CXCursor r = strip(recv);
    if (clang_getCursorKind(r) != CXCursor_CallExpr ||
        !(has_spelling(b, r, "operator->") || has_spelling(b, r, "operator*")) ||
        clang_Cursor_getNumArguments(r) != 1)
        return -1;
    return field_of_variable(b, clang_Cursor_getArgument(r, 0), root);
}

/* An assignment to `lhs`: a plain variable gets a new version, a part of
 * one (member, element) a weak update. */
static ir_id assign(struct fn_builder *b, CXCursor lhs, ir_id value, CXCursor at)
{
    CXCursor l = strip(lhs);
    if (clang_getCursorKind(l) == CXCursor_DeclRefExpr) {
        int32_t v = fb_var_of(b, clang_getCursorReferenced(l));
        if (v >= 0)
            return strong_update(b, v, value, at);
    }
    int32_t root = fb_lvalue_root(b, lhs);
    if (root >= 0) {
        fb_weak_update(b, root, value, at);
        int field = field_of_variable(b, lhs, root);
        if (field >= 0)
            mark_field_write(b, root, field, lhs);
    } else
        fb_expr(b, lhs);
    return value;
}

/* The operator token between two operands, or at one end of a unary one. */
static char *operator_between(struct fn_builder *b, CXCursor from, CXCursor to, bool from_end)
{
    CXSourceLocation a = from_end ? clang_getRangeEnd(clang_getCursorExtent(from))
                                  : clang_getRangeStart(clang_getCursorExtent(from));
    CXSourceLocation z = clang_getRangeStart(clang_getCursorExtent(to));
    return token_text(b, clang_getRange(a, z), false);
}

static ir_id op_node(struct fn_builder *b, CXCursor c, const char *name, const ir_id *ops, uint32_t n)
{
    ir_id id = fb_add(b, IR_OP, c, ops, n);
    b->nodes.v[id].name = name ? name : "?";
    set_value_type(b, id, c);
    return id;
}

static ir_id binary(struct fn_builder *b, CXCursor c, bool compound)
{
    cursor_vec kids = {0};
    front_children(c, &kids);
    if (kids.n != 2) {
        VEC_FREE(kids);
        return generic(b, c);
    }
    CXCursor lhs = kids.v[0], rhs = kids.v[1];
    VEC_FREE(kids);
    const char *op = operator_between(b, lhs, rhs, true);
    if (!compound && op && strcmp(op, "=") == 0) {
        ir_id value = fb_expr(b, rhs);
        return assign(b, lhs, value, c);
    }
    ir_id ops[2] = {fb_expr(b, lhs), fb_expr(b, rhs)};
    uint32_t n = 0;
    ir_id packed[2];
    for (int i = 0; i < 2; i++)
        if (ops[i] != IR_NONE)
            packed[n++] = ops[i];
    ir_id id = op_node(b, c, op, packed, n);
    if (compound)
        assign(b, lhs, id, c);
    return id;
}

static ir_id unary(struct fn_builder *b, CXCursor c)
{
    CXCursor sub = first_child(c);
    if (clang_Cursor_isNull(sub))
        return generic(b, c);
    CXSourceRange ext = clang_getCursorExtent(c), sext = clang_getCursorExtent(sub);
    bool postfix = clang_equalLocations(clang_getRangeStart(ext), clang_getRangeStart(sext));
    const char *op = postfix ? token_text(b, clang_getRange(clang_getRangeEnd(sext), clang_getRangeEnd(ext)), true)
                             : token_text(b, clang_getRange(clang_getRangeStart(ext), clang_getRangeStart(sext)), false);
    ir_id v = fb_expr(b, sub);
    ir_id id = op_node(b, c, op, &v, v == IR_NONE ? 0 : 1);
    if (op && (strcmp(op, "++") == 0 || strcmp(op, "--") == 0))
        assign(b, sub, id, c);
    return id;
}

static ir_id conditional(struct fn_builder *b, CXCursor c)
{
    cursor_vec kids = {0};
    front_children(c, &kids);
    if (kids.n != 3) {
        VEC_FREE(kids);
        return generic(b, c);
    }
    ir_id cond = fb_expr(b, kids.v[0]);
    uint32_t outer = b->ctrl;
    uint32_t then_ctrl = fb_push_ctrl(b, cond, ARM_THEN, c);
    ir_id t = fb_expr(b, kids.v[1]);
    b->ctrl = outer;
    fb_push_ctrl(b, cond, ARM_ELSE, c);
    ir_id f = fb_expr(b, kids.v[2]);
    b->ctrl = outer;
    VEC_FREE(kids);
    ir_id ops[2];
    uint32_t n = 0;
    if (t != IR_NONE)
        ops[n++] = t;
    if (f != IR_NONE)
        ops[n++] = f;
    ir_id phi = fb_add(b, IR_PHI, c, ops, n);
    b->nodes.v[phi].aux = (int32_t)then_ctrl;
    set_value_type(b, phi, c);
    return phi;
}

/* `Outputs{a, b}`: the type named before a braced list of that type is
 * no conversion, so the value is the list itself and its elements stay
 * known (build_elements.c). */
static bool names_braced_list(CXCursor c, CXCursor sub)
{
    if (clang_getCursorKind(c) != CXCursor_CXXFunctionalCastExpr ||
        clang_getCursorKind(strip(sub)) != CXCursor_InitListExpr)
        return false;
    return clang_equalTypes(clang_getCanonicalType(clang_getCursorType(c)),
                            clang_getCanonicalType(clang_getCursorType(strip(sub))));
}

static ir_id cast(struct fn_builder *b, CXCursor c)
{
    cursor_vec kids = {0};
    front_children(c, &kids);
    CXCursor sub = clang_getNullCursor();
    for (size_t i = 0; i < kids.n; i++)
        if (clang_isExpression(clang_getCursorKind(kids.v[i])))
            sub = kids.v[i];
    VEC_FREE(kids);
    ir_id v = clang_Cursor_isNull(sub) ? IR_NONE : fb_expr(b, sub);
    if (v != IR_NONE && names_braced_list(c, sub))
        return v;
    return op_node(b, c, "cast", &v, v == IR_NONE ? 0 : 1);
}

static void capture_values(struct fn_builder *b, const struct ir_fn *fn, id_vec *ops, CXCursor at);

/* A closure. Its operands are what it captured, as this function has them
 * where the lambda is made: captures are bound here, wherever the lambda is
 * called later (a helper taking it as a template or std::function
 * parameter cannot see them). */
static ir_id lambda(struct fn_builder *b, CXCursor c)
{
    uint32_t idx = fb_build_fn(b->tb, c, b);
    id_vec ops = {0};
    capture_values(b, b->tb->fns.v[idx], &ops, c);
    ir_id id = fb_add(b, IR_LAMBDA, c, ops.v, (uint32_t)ops.n);
    VEC_FREE(ops);
    b->nodes.v[id].aux = (int32_t)idx;
    return id;
}

/* ---- calls ---- */

struct call_parts {
    CXCursor ref;       /* the callee declaration */
    CXCursor recv_expr; /* receiver expression, null when implicit or none */
    bool has_receiver;
    unsigned first_arg; /* index of the first explicit argument */
    CXCursor field_operand; /* an operator called on a field: that field (`l.head`), else null */
};

static bool is_method_decl(CXCursor d)
{
    enum CXCursorKind k = clang_getCursorKind(d);
    return (k == CXCursor_CXXMethod || k == CXCursor_ConversionFunction || k == CXCursor_Destructor) &&
           !clang_CXXMethod_isStatic(d);
}

static struct call_parts call_parts(CXCursor c, CXCursor ref)
{
    struct call_parts p = {ref, clang_getNullCursor(), false, 0, clang_getNullCursor()};
    if (!is_method_decl(ref))
        return p;
    CXCursor f = first_child(c);
    if (!clang_Cursor_isNull(f) && clang_getCursorKind(f) == CXCursor_MemberRefExpr) {
        /* An operator called on a field (`l.head = h`) lists the field
         * first: the receiver is then taken to be the struct, with the
         * field as the first argument (members.c reads `this->m = v` in
         * that shape). */
        if (!is_method_decl(clang_getCursorReferenced(f)))
            p.field_operand = f;
        p.has_receiver = true;
        p.recv_expr = first_child(f);
        return p;
    }
    CXString s = clang_getCursorSpelling(ref);
    bool op = strncmp(clang_getCString(s), "operator", 8) == 0;
    clang_disposeString(s);
    if (op && clang_Cursor_getNumArguments(c) >= 1) {
        /* A member operator call lists the object as its first argument. */
        p.has_receiver = true;
        p.recv_expr = clang_Cursor_getArgument(c, 0);
        p.first_arg = 1;
    }
    return p;
}

/* A pointer to an object the model says is passed by pointer as a value:
 * a tensor handle, an execution context, a tape, an opaque object (a
 * status, a graph). The callee uses it; it does not return results
 * through it. */
static bool points_to_handle(struct fn_builder *b, CXType t)
{
    if (clang_getCanonicalType(t).kind != CXType_Pointer)
        return false;
    CXType p = clang_getCanonicalType(clang_getPointeeType(clang_getCanonicalType(t)));
    if (p.kind != CXType_Record)
        return false;
    enum type_role role = front_type_role(b->tb, p);
    return role == ROLE_CONTEXT || role == ROLE_RECORDING_CONTEXT || role == ROLE_TAPE || role == ROLE_OPAQUE ||
           model_type_is_handle(b->tb->model, front_qualname(b->tb, clang_getTypeDeclaration(p)));
}

/* Argument i of the callee's parameter list is a non-const reference or
 * pointer, so the callee may write through it. */
static bool writes_through(struct fn_builder *b, CXCursor ref, unsigned i)
{
    /* A forwarding reference (`template <class... A> f(A&&... a)`, as in
     * `Sequential::forward`) passes its argument on; it deduces to `T&` for
     * an lvalue but says nothing about writing. */
    CXCursor tmpl = clang_getSpecializedCursorTemplate(ref);
    if (!clang_Cursor_isNull(tmpl)) {
        CXType tt = clang_getCursorType(tmpl);
        int tn = clang_getNumArgTypes(tt);
        if (tn <= 0)
            return false;
        CXType declared = clang_getArgType(tt, i < (unsigned)tn ? i : (unsigned)tn - 1);
        if (declared.kind == CXType_RValueReference || declared.kind == CXType_Unexposed)
            return false;
    }
    CXType ft = clang_getCursorType(ref);
    int n = clang_getNumArgTypes(ft);
    if (n < 0 || i >= (unsigned)n)
        return false;
    CXType t = clang_getArgType(ft, i);
    if (t.kind != CXType_LValueReference && t.kind != CXType_Pointer)
        return false;
    return !clang_isConstQualifiedType(clang_getPointeeType(t)) && !points_to_handle(b, t);
}

static void record_callee(struct fn_builder *b, ir_id id, uint64_t key)
{
    struct pending_call pc = {b->fn->index, id, key, PENDING_CALLEE};
    VEC_PUSH(b->tb->pending, pc);
}

/* A construction of a module whose forward this TU defines (a user module
 * about to be put in a Sequential): remember that forward, so that the
 * container's forward can be followed into it. */
static void module_forward(struct fn_builder *b, CXCursor c, ir_id id)
{
    const struct ir_node *n = &b->nodes.v[id];
    bool made = (n->flags & IRF_CTOR) || (n->name && (strcmp(n->name, "std::make_shared") == 0 ||
                                                      strcmp(n->name, "std::make_unique") == 0));
    if (!made || n->role != ROLE_MODULE)
        return;
    CXCursor impl = front_module_impl(b->tb, clang_getCursorType(c));
    uint64_t key = clang_Cursor_isNull(impl) ? 0 : front_find_method(b->tb, impl, "forward");
    if (key) {
        struct pending_call pc = {b->fn->index, id, key, PENDING_FORWARD};
        VEC_PUSH(b->tb->pending, pc);
    }
}

/* A call of a virtual `forward` that the file does not define for the
 * receiver's static type (a pure virtual of a base class): which override
 * runs depends on the object (analysis/containers.h). */
static bool virtual_forward(struct fn_builder *b, CXCursor ref, uint64_t key, const struct call_parts *p)
{
    return !key && p->has_receiver && clang_CXXMethod_isVirtual(ref) && has_spelling(b, ref, "forward");
}

/* Does the receiver expression name an object itself (a local or member
 * of class type, not a pointer or a reference), so that its own class's
 * method runs? A pointer, a reference or the implicit `this` may hold a
 * derived object. */
static bool object_itself(CXCursor recv)
{
    if (clang_Cursor_isNull(recv))
        return false;
    CXCursor r = strip(recv);
    if (clang_getCursorKind(r) != CXCursor_DeclRefExpr && clang_getCursorKind(r) != CXCursor_MemberRefExpr)
        return false;
    CXCursor decl = clang_getCursorReferenced(r);
    enum CXCursorKind k = clang_getCursorKind(decl);
    if (k != CXCursor_VarDecl && k != CXCursor_ParmDecl && k != CXCursor_FieldDecl)
        return false;
    return clang_getCanonicalType(clang_getCursorType(decl)).kind == CXType_Record;
}

/* A call of a virtual method declared in the user's code, through a
 * pointer, a reference or `this`: an override the file may not even
 * define runs (`compute_loss(x, y)` in a base class's `fit`), so what it
 * returns is unknown. `forward` is followed through the object's
 * construction instead (IRF_VIRTUAL). */
static bool dispatched(struct fn_builder *b, CXCursor ref, const struct call_parts *p)
{
    return p->has_receiver && clang_CXXMethod_isVirtual(ref) && front_user_file(b->tb, ref) &&
           !object_itself(p->recv_expr) && !has_spelling(b, ref, "forward");
}

/* Key of the function of this TU the call runs, or 0. */
static uint64_t callee_key(struct fn_builder *b, CXCursor ref, const struct model_call *op, CXCursor recv)
{
    if (op && op->cls == OP_MODULE_CALL && !clang_Cursor_isNull(recv)) {
        CXCursor impl = front_module_impl(b->tb, clang_getCursorType(recv));
        return clang_Cursor_isNull(impl) ? 0 : front_find_method(b->tb, impl, op->dispatch);
    }
    CXCursor def = clang_getCursorDefinition(ref);
    if (clang_Cursor_isNull(def) || !front_user_file(b->tb, def))
        return 0;
    return front_decl_key(b->tb, def);
}

/* The USR of the user function the call runs when this TU declares it but
 * has no definition (a multi-file run may find one in another file), or
 * NULL. Model ops are not user functions, except a module call, whose
 * dispatch method may be defined in another file. */
static const char *external_usr(struct fn_builder *b, CXCursor ref, const struct model_call *op, CXCursor recv)
{
    CXCursor decl = ref;
    if (op && op->cls == OP_MODULE_CALL && !clang_Cursor_isNull(recv)) {
        CXCursor impl = front_module_impl(b->tb, clang_getCursorType(recv));
        decl = clang_Cursor_isNull(impl) ? impl : front_find_method_decl(b->tb, impl, op->dispatch);
    } else if (op) {
        return NULL;
    }
    if (clang_Cursor_isNull(decl) || !clang_Cursor_isNull(clang_getCursorDefinition(decl)) ||
        !front_user_file(b->tb, decl))
        return NULL;
    const char *usr = front_cx_string(b->tb->arena, clang_getCursorUSR(decl));
    return usr && *usr ? usr : NULL;
}

static void record_xcall(struct fn_builder *b, ir_id id, const char *usr)
{
    struct pending_xcall px = {b->fn->index, id, usr};
    VEC_PUSH(b->tb->xpending, px);
}

/* A user function named as a value (`trainer.update(batch, ppo_loss)`):
 * the literal remembers which function it names, here or in another file,
 * so that a callback parameter bound to it can be followed
 * (analysis/bound_calls.c). */
static void function_ref(struct fn_builder *b, ir_id id, CXCursor fn)
{
    b->nodes.v[id].flags |= IRF_FNREF;
    CXCursor def = clang_getCursorDefinition(fn);
    if (!clang_Cursor_isNull(def) && front_user_file(b->tb, def)) {
        struct pending_call pc = {b->fn->index, id, front_decl_key(b->tb, def), PENDING_FNREF};
        VEC_PUSH(b->tb->pending, pc);
        return;
    }
    const char *usr = external_usr(b, fn, NULL, clang_getNullCursor());
    if (usr)
        record_xcall(b, id, usr);
}

/* Operands for a lambda's captured variables, in the lambda's input order. */
static void capture_operands(struct fn_builder *b, uint64_t key, id_vec *ops, CXCursor at)
{
    size_t f;
    if (u64map_get_index(&b->tb->fn_by_key, key, &f))
        capture_values(b, b->tb->fns.v[f], ops, at);
}

/* The values of lambda `fn`'s captured variables here, in its input order. */
static void capture_values(struct fn_builder *b, const struct ir_fn *fn, id_vec *ops, CXCursor at)
{
    if (!fn->is_lambda)
        return;
    for (uint32_t i = fn->nparams; i < fn->ninputs; i++) {
        uint64_t ck = fn->inputs[i].capture_key;
        ir_id v = IR_NONE;
        if (ck == 1)
            v = this_value(b, at);
        else {
            size_t var, in, d;
            bool local = u64map_get_index(&b->var_of_decl, ck, &var);
            if (local && b->env.v[var] != IR_NONE)
                v = b->env.v[var];
            else if (u64map_get_index(&b->input_of_key, ck, &in))
                v = (ir_id)in;
            else if (!local && b->outer && u64map_get_index(&b->tb->captured_by_key, ck, &d))
                v = fb_outer_input(b, b->tb->captured.v[d], true); /* this lambda captures it too */
            else
                v = unknown_of(b, at, NULL, 0);
        }
        VEC_PUSH(*ops, v);
    }
}

/* Parameter i is a view the callee writes its results into: a class the
 * model calls an output view (absl::Span) over non-const elements, passed
 * by value. */
static bool writes_into_view(struct fn_builder *b, CXCursor ref, unsigned i)
{
    CXType ft = clang_getCursorType(ref);
    int n = clang_getNumArgTypes(ft);
    if (n < 0 || i >= (unsigned)n)
        return false;
    CXType t = clang_getCanonicalType(clang_getArgType(ft, i));
    if (t.kind != CXType_Record || front_type_role(b->tb, t) != ROLE_OUTPUT_VIEW ||
        clang_Type_getNumTemplateArguments(t) < 1)
        return false;
    CXType elem = clang_getCanonicalType(clang_Type_getTemplateArgumentAsType(t, 0));
    return !clang_isConstQualifiedType(elem);
}

/* `operator+=` and friends mutate their object even when declared const
 * (tensor handles declare them so). */
static bool is_compound_assignment(CXCursor ref)
{
    CXString s = clang_getCursorSpelling(ref);
    const char *n = clang_getCString(s);
    size_t len = strlen(n);
    bool yes = strncmp(n, "operator", 8) == 0 && len >= 10 && n[len - 1] == '=' &&
               strchr("+-*/%&|^<>", n[8]) && strcmp(n + 8, "<=") != 0 && strcmp(n + 8, ">=") != 0;
    clang_disposeString(s);
    return yes;
}

bool fb_is_default_arg(CXCursor arg)
{
    CXSourceRange r = clang_getCursorExtent(arg);
    return clang_Range_isNull(r) || clang_equalLocations(clang_getRangeStart(r), clang_getRangeEnd(r));
}

/* The variable a call writes through argument `a`: its lvalue root, or for
 * a view made from a container (`absl::MakeSpan(v)`, a span constructed
 * from `v`) the container's. */
static int32_t output_root(struct fn_builder *b, CXCursor a)
{
    for (int depth = 0; depth < 4; depth++) {
        int32_t root = fb_lvalue_root(b, a);
        CXCursor s = strip(a);
        if (root >= 0 || clang_getCursorKind(s) != CXCursor_CallExpr || clang_Cursor_getNumArguments(s) < 1)
            return root;
        a = clang_Cursor_getArgument(s, 0);
    }
    return -1;
}

/* What a call writes into the variable `root` (through a pointer,
 * reference or output argument) depends on everything it was given, and
 * is classed like the call, so that an op writing its result through an
 * out-pointer cuts where the call would. */
static ir_id effect_op(struct fn_builder *b, CXCursor c, ir_id id, unsigned arg, uint8_t role)
{
    const struct ir_node *call = &b->nodes.v[id];
    ir_id eff = fb_add(b, IR_OP, c, call->ops, call->nops);
    struct ir_node *e = &b->nodes.v[eff];
    call = &b->nodes.v[id];
    e->name = call->name;
    e->op = call->op;
    e->op_type = call->op_type;
    e->nargs = call->nargs;
    e->aux = (int32_t)id;
    e->sub = arg < 255 ? (uint8_t)(arg + 1) : 0;
    e->flags |= IRF_CALL_EFFECT | (call->flags & IRF_RECEIVER);
    e->role = role;
    return eff;
}

static void write_effect(struct fn_builder *b, CXCursor c, ir_id id, int32_t root, unsigned arg)
{
    fb_weak_update(b, root, effect_op(b, c, id, arg, b->nodes.v[b->env.v[root]].role), c);
}

/* A call that returns a value: `loss = criterion(out, y)`,
 * `criterion.compute(out, y)`. The result is the call's value; nothing says
 * the object kept it (a functor is not a container). What the callee does
 * to the object is not known from here, so the object gets an unknown
 * part instead of the result: carried round a loop, it must not carry the
 * previous iteration's graph. In-place ops, compound assignment, and calls
 * returning nothing or a reference (push_back, emplace_back: insertion) keep
 * the result as what changed the object. */
static bool result_is_apart(struct fn_builder *b, CXCursor c, ir_id id, const struct call_parts *p)
{
    const struct ir_node *n = &b->nodes.v[id];
    if (n->op || (n->flags & IRF_INPLACE) || is_compound_assignment(p->ref))
        return false;
    /* The callee's declared result: an expression's own type has no
     * reference (`a = b` on a class is an lvalue of type A, not A&). */
    CXType r = clang_getResultType(clang_getCursorType(p->ref));
    CXType t = clang_getCanonicalType(r.kind != CXType_Invalid ? r : clang_getCursorType(c));
    return t.kind != CXType_Void && t.kind != CXType_Invalid && t.kind != CXType_LValueReference &&
           t.kind != CXType_RValueReference;
}

static ir_id receiver_effect(struct fn_builder *b, CXCursor c, ir_id id, const struct call_parts *p)
{
    if (!result_is_apart(b, c, id, p))
        return id;
    ir_id u = unknown_of(b, c, NULL, 0);
    b->nodes.v[u].role = ROLE_NONE;
    return u;
}

/* A call through a pointer field changes the object pointed to, never
 * which object that is: the struct's fields keep their values when the
 * update carries nothing of its own (the unknown part a call that returns
 * a value leaves) or the object is a module (a module stays the same
 * object whatever its methods do, see flow.c). An in-place op on a
 * pointed-to tensor is left as a weak update of the whole struct. */
static bool keeps_pointer_fields(struct fn_builder *b, ir_id call, ir_id effect)
{
    const struct ir_node *e = &b->nodes.v[effect];
    if (effect != call)
        return e->kind == IR_UNKNOWN && e->nops == 0;
    const struct ir_node *n = &b->nodes.v[call];
    ir_id recv = ir_call_receiver(n);
    return recv != IR_NONE && b->nodes.v[recv].role == ROLE_MODULE;
}

/* `l.head = h` with a class's operator= (a smart pointer's, a tensor
 * handle's): a write of that field of the struct variable `l` alone, which
 * then holds the value assigned. False when the call is not such a write
 * (another operator, a field of a field, of a pointer, of `this`). */
static bool field_assignment(struct fn_builder *b, CXCursor c, ir_id id, const struct call_parts *p)
{
    const struct ir_node *n = &b->nodes.v[id];
    if (clang_Cursor_isNull(p->field_operand) || !has_spelling(b, p->ref, "operator=") || n->nops != 3 ||
        !(n->flags & IRF_RECEIVER))
        return false;
    int32_t root = fb_lvalue_root(b, p->field_operand);
    int field = root >= 0 && b->env.v[root] != IR_NONE ? field_of_variable(b, p->field_operand, root) : -1;
    if (field < 0)
        return false;
    ir_id value = n->ops[2];
    fb_weak_update(b, root, value, c);
    mark_field_write(b, root, field, p->field_operand);
    return true;
}

/* The member a call writes through its operand `operand` (the receiver
 * or an argument): `log_probs_` in `log_probs_.push_back(v)`,
 * `buf_[i].copy_(x)` or `fill(buf_)`, when it holds tensors (a module or an
 * optimizer member stays the same object whatever its methods do). IR_NONE
 * when the operand is no such member. The call then gets an effect op on
 * the operand with no variable version: analysis/members.c reads it as a
 * write of the member. */
static ir_id written_member(struct fn_builder *b, ir_id operand)
{
    for (int depth = 0; depth < 4 && operand != IR_NONE; depth++) {
        const struct ir_node *n = &b->nodes.v[operand];
        if (n->kind == IR_MEMBER)
            return n->role == ROLE_TENSOR ? operand : IR_NONE;
        /* An element is part of the member; what a smart pointer member
         * points to (`optimizer_->step()`) is not. */
        bool access = n->kind == IR_CALL && (n->flags & IRF_RECEIVER) && n->nops >= 1 && n->name &&
                      (str_has_suffix(n->name, "operator[]") || str_has_suffix(n->name, "::at"));
        operand = access ? n->ops[0] : IR_NONE;
    }
    return IR_NONE;
}

/* `outs.clear()` on a standard container variable: what it held before is
 * gone, so the new version holds nothing (a vector of losses cleared
 * every iteration does not carry the last one's graph). Only a variable
 * itself: `s.outs.clear()` leaves the rest of `s` as it was. */
static bool empties_variable(struct fn_builder *b, CXCursor recv, int32_t root, ir_id call)
{
    CXCursor r = strip(recv);
    return ir_empties_container(&b->nodes.v[call]) && clang_getCursorKind(r) == CXCursor_DeclRefExpr &&
           fb_var_of(b, clang_getCursorReferenced(r)) == root;
}

static void call_effects(struct fn_builder *b, CXCursor c, ir_id id, const struct call_parts *p)
{
    struct ir_node *n = &b->nodes.v[id];
    const struct model_call *op = n->op;
    if (op && op->cls == OP_RECORDING_SWITCH) {
        ir_id arg = ir_call_arg(n, op->recording_arg);
        if ((unsigned)op->recording_arg < n->nargs &&
            fb_is_default_arg(clang_Cursor_getArgument(c, p->first_arg + (unsigned)op->recording_arg)))
            arg = IR_NONE;
        enum ir_tristate t = fb_recording_from(b, op->recording, arg, op->recording_default);
        ir_id m = fb_add_mode(b, MODE_SET, (int32_t)t, c);
        b->nodes.v[m].name = op->name;
    }
    if (field_assignment(b, c, id, p))
        return;
    /* The receiver: copy assignment replaces it, other non-const methods
     * (in-place ops, push_back, ...) update it. */
    if (p->has_receiver && !clang_Cursor_isNull(p->recv_expr)) {
        bool accessor = has_spelling(b, p->ref, "operator->") ||
                        has_spelling(b, p->ref, "operator*") ||
                        has_spelling(b, p->ref, "operator[]");
        bool mutating = (op && op->inplace) || is_compound_assignment(p->ref) ||
                        (!accessor && !clang_CXXMethod_isConst(p->ref));
        int32_t root = mutating ? fb_lvalue_root(b, p->recv_expr) : -1;
        if (root >= 0 && b->env.v[root] != IR_NONE && empties_variable(b, p->recv_expr, root, id)) {
            uint8_t role = b->nodes.v[b->env.v[root]].role;
            b->nodes.v[strong_update(b, root, IR_NONE, c)].role = role;
        } else if (root >= 0 && b->env.v[root] != IR_NONE) {
            ir_id effect = receiver_effect(b, c, id, p);
            fb_weak_update(b, root, effect, c);
            if (pointer_field_behind(b, p->recv_expr, root) >= 0 && keeps_pointer_fields(b, id, effect))
                mark_part_write(b, root, -1);
        } else if (mutating) {
            ir_id member = written_member(b, ir_call_receiver(&b->nodes.v[id]));
            if (member != IR_NONE)
                effect_op(b, c, id, 255, b->nodes.v[member].role); /* members.c reads it as a write */
        }
    }
    /* `tape.Watch(x)`: x is trainable from here on. */
    if (op && op->cls == OP_TRAINABLE_SOURCE && op->makes_trainable_arg >= 0 &&
        (unsigned)op->makes_trainable_arg < b->nodes.v[id].nargs)
        fb_weak_update(b, fb_lvalue_root(b, clang_Cursor_getArgument(c, p->first_arg + (unsigned)op->makes_trainable_arg)),
                       id, c);
    unsigned nargs = b->nodes.v[id].nargs;
    for (unsigned i = 0; i < nargs; i++) {
        bool output = writes_into_view(b, p->ref, i);
        if (!output && !writes_through(b, p->ref, i))
            continue;
        CXCursor a = clang_Cursor_getArgument(c, p->first_arg + i);
        int32_t root = output ? output_root(b, a) : fb_lvalue_root(b, a);
        ir_id member;
        if (root >= 0 && b->env.v[root] != IR_NONE)
            write_effect(b, c, id, root, i);
        else if ((member = written_member(b, ir_call_arg(&b->nodes.v[id], (int)i))) != IR_NONE)
            effect_op(b, c, id, i, b->nodes.v[member].role);
    }
}

/* The op type a call is classed by (see struct model_call), or NULL. */
static const char *op_type_of(struct fn_builder *b, const struct model_call *op, const char *name,
                              const ir_id *ops, uint32_t first, int nexplicit)
{
    if (!op)
        return NULL;
    if (op->op_type_from_name) {
        const char *last = strrchr(name, ':');
        return last ? last + 1 : name;
    }
    if (op->op_type_arg >= 0 && op->op_type_arg < nexplicit)
        return fb_string_literal(b, ops[first + (uint32_t)op->op_type_arg]);
    if (op->op_type_of_arg >= 0 && op->op_type_of_arg < nexplicit)
        return fb_op_type_behind(b, ops[first + (uint32_t)op->op_type_of_arg]);
    return NULL;
}

const struct model_call *fb_tuple_element_op(struct fn_builder *b, ir_id tuple, unsigned index, const char **producer)
{
    const struct ir_node *n = &b->nodes.v[tuple];
    for (int hops = 0; n->kind == IR_VAR && n->nops == 1 && hops < 8; hops++)
        n = &b->nodes.v[n->ops[0]];
    if (n->kind != IR_CALL || !n->op)
        return NULL;
    *producer = n->name;
    return model_call_output(n->op, index);
}

/* `e` (under implicit conversions) is a call to the function `qualname`. */
static bool is_std_call(struct fn_builder *b, CXCursor e, const char *qualname)
{
    CXCursor s = strip(e);
    if (clang_getCursorKind(s) != CXCursor_CallExpr)
        return false;
    CXCursor ref = clang_getCursorReferenced(s);
    return !clang_Cursor_isNull(ref) && strcmp(front_qualname(b->tb, ref), qualname) == 0;
}

/* A tuple of references made to be assigned to: std::tie(a, b), or
 * std::forward_as_tuple(out, std::tie(h, c)). */
static bool is_tie(struct fn_builder *b, CXCursor e)
{
    return is_std_call(b, e, "std::tie") || is_std_call(b, e, "std::forward_as_tuple");
}

/* `tie = value`: each tied lvalue takes its element of value, and a tie
 * nested in it (`forward_as_tuple(out, std::tie(h, c))`) takes its element
 * apart the same way. */
static void tie_assign_value(struct fn_builder *b, CXCursor tie, ir_id value, CXCursor at, int depth)
{
    CXCursor t = strip(tie);
    int n = clang_Cursor_getNumArguments(t);
    for (int k = 0; k < n; k++) {
        CXCursor arg = clang_Cursor_getArgument(t, (unsigned)k);
        ir_id element = fb_element(b, value, (uint32_t)k, arg, clang_getCursorType(arg));
        if (is_tie(b, arg) && depth < 8)
            tie_assign_value(b, arg, element, at, depth + 1);
        else if (!is_std_call(b, arg, "std::ignore") && clang_getCursorKind(strip(arg)) == CXCursor_DeclRefExpr)
            assign(b, arg, element, at);
    }
}

static ir_id tie_assign(struct fn_builder *b, CXCursor tie, CXCursor rhs, CXCursor at)
{
    ir_id value = fb_expr(b, rhs);
    tie_assign_value(b, tie, value, at, 0);
    return value;
}

/* `std::get<i>(t)` that the model does not class: the call reads element i
 * of t (an element read, see build_elements.c). */
static void mark_std_get(struct fn_builder *b, CXCursor ref, const char *name, ir_id id)
{
    struct ir_node *n = &b->nodes.v[id];
    if (n->op || n->nops != 1 || (n->flags & IRF_RECEIVER) || strcmp(name, "std::get") != 0 ||
        clang_Cursor_getNumTemplateArguments(ref) < 1 ||
        clang_Cursor_getTemplateArgumentKind(ref, 0) != CXTemplateArgumentKind_Integral)
        return;
    unsigned long long i = clang_Cursor_getTemplateArgumentUnsignedValue(ref, 0);
    if (i >= BUILD_MAX_ELEMENT_INDEX)
        return;
    n->flags |= IRF_ELEMENT;
    n->aux = (int32_t)i;
}

/* std::get<N>(t) on the result of a tuple-returning op: the model's class
 * of output N (the index output of max, sort, topk has no gradient), or
 * NULL. The tuple may sit in a variable (auto r = x.max(1)). */
static const struct model_call *tuple_element_op(struct fn_builder *b, CXCursor ref, const char *name, ir_id arg,
                                                 const char **producer)
{
    if (strcmp(name, "std::get") != 0 || clang_Cursor_getNumTemplateArguments(ref) < 1 ||
        clang_Cursor_getTemplateArgumentKind(ref, 0) != CXTemplateArgumentKind_Integral)
        return NULL;
    unsigned long long index = clang_Cursor_getTemplateArgumentUnsignedValue(ref, 0);
    return index < BUILD_MAX_CLASSED_OUTPUTS ? fb_tuple_element_op(b, arg, (unsigned)index, producer) : NULL;
}

static ir_id call(struct fn_builder *b, CXCursor c)
{
    CXCursor ref = clang_getCursorReferenced(c);
    if (clang_Cursor_isNull(ref) || clang_isInvalid(clang_getCursorKind(ref)))
        return generic(b, c);
    bool ctor = clang_getCursorKind(ref) == CXCursor_Constructor;
    /* Copies and moves are the value itself. */
    if (ctor && clang_Cursor_getNumArguments(c) == 1 &&
        (clang_CXXConstructor_isCopyConstructor(ref) || clang_CXXConstructor_isMoveConstructor(ref)))
        return fb_expr(b, clang_Cursor_getArgument(c, 0));
    struct call_parts p = call_parts(c, ref);
    /* `a = b` on a class: the variable takes the value, no op runs. */
    if (p.has_receiver && !clang_Cursor_isNull(p.recv_expr) && has_spelling(b, ref, "operator=") &&
        clang_Cursor_getNumArguments(c) == (int)p.first_arg + 1) {
        CXCursor rhs = clang_Cursor_getArgument(c, p.first_arg);
        return is_tie(b, p.recv_expr) ? tie_assign(b, p.recv_expr, rhs, c)
                                                        : assign(b, p.recv_expr, fb_expr(b, rhs), c);
    }
    id_vec ops = {0};
    if (p.has_receiver) {
        ir_id r = clang_Cursor_isNull(p.recv_expr) ? this_value(b, c) : fb_expr(b, p.recv_expr);
        VEC_PUSH(ops, r);
    }
    int nargs = clang_Cursor_getNumArguments(c);
    for (int i = (int)p.first_arg; i < nargs; i++) {
        CXCursor arg = clang_Cursor_getArgument(c, (unsigned)i);
        ir_id a = fb_expr(b, arg);
        if (a == IR_NONE)
            a = unknown_of(b, c, NULL, 0);
        else if (b->nodes.v[a].loc.line == 0) /* default arguments have no position */
            b->nodes.v[a].loc = b->nodes.v[a].end = front_loc(clang_getCursorLocation(c));
        /* An omitted argument (a container's allocator) is no graph value. */
        if (b->nodes.v[a].kind == IR_UNKNOWN && b->nodes.v[a].nops == 0 && fb_is_default_arg(arg))
            b->nodes.v[a].role = ROLE_NONE;
        VEC_PUSH(ops, a);
    }
    const char *name = front_qualname(b->tb, ctor ? clang_getCursorSemanticParent(ref) : ref);
    const struct model_call *op = model_call(b->tb->model, name);
    /* An output classed apart is named after the op that made it, so a
     * message says `max`, not `get`. */
    const char *shown = name;
    if (!op && !p.has_receiver && ops.n == 1)
        op = tuple_element_op(b, ref, name, ops.v[0], &shown);
    uint64_t key = callee_key(b, ref, op, p.recv_expr);
    uint32_t first = p.has_receiver ? 1 : 0;
    int nexplicit = nargs > (int)p.first_arg ? nargs - (int)p.first_arg : 0;
    const char *op_type = op_type_of(b, op, name, ops.v, first, nexplicit);
    if (key)
        capture_operands(b, key, &ops, c);
    ir_id id = fb_add(b, IR_CALL, c, ops.v, (uint32_t)ops.n);
    VEC_FREE(ops);
    struct ir_node *n = &b->nodes.v[id];
    n->name = shown;
    n->op = op;
    n->op_type = op_type;
    n->nargs = (uint16_t)(nargs > (int)p.first_arg ? nargs - (int)p.first_arg : 0);
    n->flags |= (p.has_receiver ? IRF_RECEIVER : 0) | (ctor ? IRF_CTOR : 0) |
                (op && op->inplace ? IRF_INPLACE : 0) |
                (p.has_receiver && is_compound_assignment(ref) ? IRF_INPLACE : 0);
    set_value_type(b, id, c);
    mark_std_get(b, ref, name, id);
    if (virtual_forward(b, ref, key, &p))
        b->nodes.v[id].flags |= IRF_VIRTUAL;
    if (dispatched(b, ref, &p))
        b->nodes.v[id].flags |= IRF_DISPATCHED;
    module_forward(b, c, id);
    if (key) {
        record_callee(b, id, key);
        fb_add_mode(b, MODE_AFTER_CALL, (int32_t)id, c);
    } else {
        const char *usr = external_usr(b, ref, op, p.recv_expr);
        if (usr)
            record_xcall(b, id, usr);
    }
    /* std::get<i>(t) reads t through a reference; it does not change it. */
    if (!(b->nodes.v[id].flags & IRF_ELEMENT))
        call_effects(b, c, id, &p);
    return id;
}

/* A constructor's member initialiser `m(value)`: a write of `this->m`,
 * shaped like an assignment to it (IR_OP "=" over this, the member and the
 * value) so that what the class keeps in its members can be read from its
 * methods (analysis/members.c). */
void fb_member_init(struct fn_builder *b, CXCursor member_ref, CXCursor init)
{
    ir_id value = fb_expr(b, init);
    if (value == IR_NONE)
        return;
    ir_id self = this_value(b, member_ref);
    ir_id m = fb_add(b, IR_MEMBER, member_ref, &self, 1);
    b->nodes.v[m].name = front_cx_string(b->tb->arena, clang_getCursorSpelling(member_ref));
    b->nodes.v[m].owner = member_owner(b, clang_getCursorReferenced(member_ref));
    set_value_type(b, m, member_ref);
    ir_id ops[3] = {self, m, value};
    ir_id w = fb_add(b, IR_OP, member_ref, ops, 3);
    b->nodes.v[w].name = "=";
    b->nodes.v[w].role = b->nodes.v[m].role;
    b->nodes.v[w].type_is_scalar = b->nodes.v[m].type_is_scalar;
}

static ir_id dispatch(struct fn_builder *b, CXCursor c)
{
    switch (clang_getCursorKind(c)) {
    case CXCursor_UnexposedExpr:
    case CXCursor_ParenExpr: {
        cursor_vec kids = {0};
        front_children(c, &kids);
        size_t n = kids.n;
        CXCursor only = n == 1 ? kids.v[0] : clang_getNullCursor();
        VEC_FREE(kids);
        if (n == 1 && clang_isExpression(clang_getCursorKind(only)))
            return fb_expr(b, only);
        return generic(b, c);
    }
    case CXCursor_DeclRefExpr: return decl_ref(b, c);
    case CXCursor_MemberRefExpr: return member_ref(b, c);
    case CXCursor_CXXThisExpr: return this_value(b, c);
    case CXCursor_IntegerLiteral:
    case CXCursor_FloatingLiteral:
    case CXCursor_CXXBoolLiteralExpr:
    case CXCursor_StringLiteral:
    case CXCursor_CharacterLiteral:
    case CXCursor_CXXNullPtrLiteralExpr:
    case CXCursor_ImaginaryLiteral: return literal(b, c);
    case CXCursor_CallExpr: return call(b, c);
    case CXCursor_BinaryOperator: return binary(b, c, false);
    case CXCursor_CompoundAssignOperator: return binary(b, c, true);
    case CXCursor_UnaryOperator: return unary(b, c);
    case CXCursor_ConditionalOperator: return conditional(b, c);
    case CXCursor_CStyleCastExpr:
    case CXCursor_CXXStaticCastExpr:
    case CXCursor_CXXDynamicCastExpr:
    case CXCursor_CXXReinterpretCastExpr:
    case CXCursor_CXXConstCastExpr:
    case CXCursor_CXXFunctionalCastExpr: return cast(b, c);
    case CXCursor_LambdaExpr: return lambda(b, c);
    case CXCursor_ArraySubscriptExpr: {
        ir_id id = generic(b, c);
        b->nodes.v[id].kind = IR_OP;
        b->nodes.v[id].name = "[]";
        b->nodes.v[id].mode = b->env.v[IR_MODE_VAR];
        return id;
    }
    case CXCursor_InitListExpr: {
        ir_id id = generic(b, c);
        if (fb_braced_in_field_order(b, c))
            b->nodes.v[id].flags |= IRF_BRACED;
        return id;
    }
    case CXCursor_CXXThrowExpr: {
        ir_id id = generic(b, c);
        b->env.dead = true;
        return id;
    }
    default: return generic(b, c);
    }
}

/* In a body with an error, an expression of dependent type is clang's
 * recovery for a call or name it could not resolve (outside templates,
 * nothing else has a dependent type; inside one, the value is unknown
 * anyway). */
static bool is_recovered(struct fn_builder *b, CXCursor c)
{
    return b->fn->partial && clang_getCursorKind(c) == CXCursor_UnexposedExpr &&
           clang_getCursorType(c).kind == CXType_Dependent;
}

ir_id fb_expr(struct fn_builder *b, CXCursor c)
{
    if (b->depth >= BUILD_MAX_DEPTH)
        return unknown_of(b, c, NULL, 0);
    b->depth++;
    ir_id id;
    if (is_recovered(b, c)) {
        id = generic(b, c);
        b->nodes.v[id].flags |= IRF_UNRESOLVED;
    } else
        id = dispatch(b, c);
    b->depth--;
    return id;
}
