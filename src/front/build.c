/* front/build.c: IR construction for one function: nodes, variables,
 * control contexts, inputs, and the walk over a translation unit's
 * function definitions. Statements and expressions are in build_stmt.c and
 * build_expr.c. */
#include "internal.h"
#include <string.h>

static void env_ensure(struct env *e, uint32_t n)
{
    if (n <= e->n)
        return;
    e->v = xrealloc(e->v, n * sizeof *e->v);
    for (uint32_t i = e->n; i < n; i++)
        e->v[i] = IR_NONE;
    e->n = n;
}

ir_id fb_add(struct fn_builder *b, enum ir_kind kind, CXCursor at, const ir_id *ops, uint32_t nops)
{
    struct ir_node n;
    memset(&n, 0, sizeof n);
    n.kind = (uint8_t)kind;
    n.mode = IR_NONE;
    n.ctrl = b->ctrl;
    n.var = -1;
    n.aux = -1;
    n.callee = -1;
    n.forward = -1;
    n.nops = nops;
    n.ops = arena_memdup(b->tb->arena, ops, nops, sizeof *ops);
    if (!clang_Cursor_isNull(at)) {
        CXSourceRange r = clang_getCursorExtent(at);
        n.loc = front_loc(clang_getRangeStart(r));
        n.end = front_loc(clang_getRangeEnd(r));
        if (!n.loc.line)
            n.loc = n.end = front_loc(clang_getCursorLocation(at));
    }
    if (kind == IR_CALL || kind == IR_OP)
        n.mode = b->env.v[IR_MODE_VAR];
    VEC_PUSH(b->nodes, n);
    return (ir_id)(b->nodes.n - 1);
}

ir_id fb_add_mode(struct fn_builder *b, enum ir_mode_sub sub, int32_t aux, CXCursor at)
{
    ir_id prev = b->env.v[IR_MODE_VAR];
    ir_id id = fb_add(b, IR_MODE, at, &prev, prev == IR_NONE ? 0 : 1);
    b->nodes.v[id].sub = (uint8_t)sub;
    b->nodes.v[id].aux = aux;
    b->env.v[IR_MODE_VAR] = id;
    return id;
}

void fb_set_var(struct fn_builder *b, int32_t var, ir_id version)
{
    env_ensure(&b->env, (uint32_t)var + 1);
    b->env.v[var] = version;
    VEC_PUSH(b->assigned, var);
}

int32_t fb_var_of(struct fn_builder *b, CXCursor decl)
{
    size_t v;
    return u64map_get_index(&b->var_of_decl, front_decl_key(b->tb, decl), &v) ? (int32_t)v : -1;
}

int32_t fb_new_var(struct fn_builder *b, CXCursor decl, const char *name)
{
    struct ir_var v = {name, front_loc(clang_getCursorLocation(decl))};
    VEC_PUSH(b->vars, v);
    int32_t idx = (int32_t)(b->vars.n - 1);
    if (!clang_Cursor_isNull(decl))
        u64map_put_index(&b->var_of_decl, front_decl_key(b->tb, decl), (size_t)idx);
    env_ensure(&b->env, (uint32_t)idx + 1);
    return idx;
}

uint32_t fb_push_ctrl(struct fn_builder *b, ir_id cond, enum ir_arm arm, CXCursor at)
{
    struct ir_ctrl c = {cond, b->ctrl, (uint8_t)arm, front_loc(clang_getCursorLocation(at))};
    VEC_PUSH(b->ctrls, c);
    b->ctrl = (uint32_t)(b->ctrls.n - 1);
    return b->ctrl;
}

static ir_id add_input(struct fn_builder *b, enum ir_kind kind, CXCursor decl, const char *name,
                       CXType type, uint64_t capture_key)
{
    ir_id id = fb_add(b, kind, decl, NULL, 0);
    struct ir_node *n = &b->nodes.v[id];
    n->name = name;
    n->aux = (int32_t)b->inputs.n;
    n->role = (uint8_t)front_type_role(b->tb, type);
    n->type_is_scalar = front_type_is_scalar(type);
    struct ir_input in = {name, id, capture_key};
    VEC_PUSH(b->inputs, in);
    return id;
}

static void add_params(struct fn_builder *b, CXCursor fn_cursor, bool is_method)
{
    if (is_method) {
        CXCursor cls = clang_getCursorSemanticParent(fn_cursor);
        b->this_node = add_input(b, IR_PARAM, fn_cursor, "this", clang_getCursorType(cls), 0);
    }
    /* A lambda's parameters are only visible as its ParmDecl children. */
    cursor_vec params = {0};
    int np = clang_Cursor_getNumArguments(fn_cursor);
    if (np >= 0)
        for (int i = 0; i < np; i++)
            VEC_PUSH(params, clang_Cursor_getArgument(fn_cursor, (unsigned)i));
    else {
        cursor_vec kids = {0};
        front_children(fn_cursor, &kids);
        for (size_t i = 0; i < kids.n; i++)
            if (clang_getCursorKind(kids.v[i]) == CXCursor_ParmDecl)
                VEC_PUSH(params, kids.v[i]);
        VEC_FREE(kids);
    }
    for (size_t i = 0; i < params.n; i++) {
        CXCursor p = params.v[i];
        const char *name = front_cx_string(b->tb->arena, clang_getCursorSpelling(p));
        ir_id id = add_input(b, IR_PARAM, p, name, clang_getCursorType(p), 0);
        fb_set_var(b, fb_new_var(b, p, name), id);
    }
    VEC_FREE(params);
}

/* Input for a variable of an enclosing function (lambda capture) or a
 * global, made once per declaration. */
ir_id fb_outer_input(struct fn_builder *b, CXCursor decl, bool capture)
{
    uint64_t key = front_decl_key(b->tb, decl);
    size_t known;
    if (u64map_get_index(&b->input_of_key, key, &known))
        return (ir_id)known;
    /* A lambda inside a lambda captures through the enclosing one, as C++
     * does: the enclosing lambda gets the capture too, so that where the
     * inner lambda is made its capture is bound to a value, not unknown
     * (the IIFE nesting of AT_DISPATCH_* and of helpers). */
    if (capture && b->outer && b->outer->outer && fb_var_of(b->outer, decl) < 0)
        (void)fb_outer_input(b->outer, decl, true);
    const char *name = front_cx_string(b->tb->arena, clang_getCursorSpelling(decl));
    ir_id id;
    if (capture) {
        id = add_input(b, IR_CAPTURE, decl, name, clang_getCursorType(decl), key);
        size_t seen;
        if (!u64map_get_index(&b->tb->captured_by_key, key, &seen)) {
            VEC_PUSH(b->tb->captured, decl);
            u64map_put_index(&b->tb->captured_by_key, key, b->tb->captured.n - 1);
        }
    } else {
        id = fb_add(b, IR_GLOBAL, decl, NULL, 0);
        b->nodes.v[id].name = front_qualname(b->tb, decl); /* c10::kLong */
        b->nodes.v[id].role = (uint8_t)front_type_role(b->tb, clang_getCursorType(decl));
        b->nodes.v[id].type_is_scalar = front_type_is_scalar(clang_getCursorType(decl));
    }
    u64map_put_index(&b->input_of_key, key, id);
    return id;
}

static CXCursor body_of(CXCursor fn_cursor)
{
    cursor_vec kids = {0};
    front_children(fn_cursor, &kids);
    CXCursor body = clang_getNullCursor();
    for (size_t i = 0; i < kids.n; i++)
        if (clang_getCursorKind(kids.v[i]) == CXCursor_CompoundStmt)
            body = kids.v[i];
    VEC_FREE(kids);
    return body;
}

/* The mode when the function returns: guards of the function body are
 * destroyed by then, so it is the version before the outermost guard. */
ir_id fb_return_mode(struct fn_builder *b)
{
    return b->guards.n ? b->guards.v[0].saved : b->env.v[IR_MODE_VAR];
}

static ir_id join_exit_modes(struct fn_builder *b, CXCursor at)
{
    if (b->exit_modes.n == 0)
        return b->fn->entry_mode;
    bool same = true;
    for (size_t i = 1; i < b->exit_modes.n; i++)
        same &= b->exit_modes.v[i] == b->exit_modes.v[0];
    if (same)
        return b->exit_modes.v[0];
    ir_id phi = fb_add(b, IR_PHI, at, b->exit_modes.v, (uint32_t)b->exit_modes.n);
    b->nodes.v[phi].var = IR_MODE_VAR;
    return phi;
}

static void finish_fn(struct fn_builder *b)
{
    struct ir_fn *fn = b->fn;
    struct arena *a = b->tb->arena;
    fn->nodes = arena_memdup(a, b->nodes.v, b->nodes.n, sizeof *b->nodes.v);
    fn->nnodes = (uint32_t)b->nodes.n;
    fn->ctrls = arena_memdup(a, b->ctrls.v, b->ctrls.n, sizeof *b->ctrls.v);
    fn->nctrls = (uint32_t)b->ctrls.n;
    fn->vars = arena_memdup(a, b->vars.v, b->vars.n, sizeof *b->vars.v);
    fn->nvars = (uint32_t)b->vars.n;
    fn->inputs = arena_memdup(a, b->inputs.v, b->inputs.n, sizeof *b->inputs.v);
    fn->ninputs = (uint32_t)b->inputs.n;
    VEC_FREE(b->nodes);
    VEC_FREE(b->ctrls);
    VEC_FREE(b->vars);
    VEC_FREE(b->inputs);
    VEC_FREE(b->guards);
    VEC_FREE(b->exit_modes);
    VEC_FREE(b->assigned);
    u64map_free(&b->var_of_decl);
    u64map_free(&b->input_of_key);
    free(b->env.v);
}

static bool is_method_kind(enum CXCursorKind k)
{
    return k == CXCursor_CXXMethod || k == CXCursor_Constructor || k == CXCursor_Destructor ||
           k == CXCursor_ConversionFunction;
}

static const char *fn_name(struct tu_builder *tb, CXCursor c, bool lambda)
{
    if (lambda) {
        struct ir_loc l = front_loc(clang_getCursorLocation(c));
        return arena_printf(tb->arena, "lambda@%u:%u", l.line, l.col);
    }
    return front_qualname(tb, c);
}

/* Did clang report an error inside `c`'s extent? Such a body may have lost
 * statements and initialisers without a trace in the AST. */
static bool has_error_inside(struct tu_builder *tb, CXCursor c)
{
    if (!tb->errors.n)
        return false;
    CXSourceRange r = clang_getCursorExtent(c);
    CXFile f1, f2;
    unsigned start, end;
    clang_getExpansionLocation(clang_getRangeStart(r), &f1, NULL, NULL, &start);
    clang_getExpansionLocation(clang_getRangeEnd(r), &f2, NULL, NULL, &end);
    for (size_t i = 0; i < tb->errors.n; i++)
        if (clang_File_isEqual(tb->errors.v[i].file, f1) && tb->errors.v[i].offset >= start &&
            tb->errors.v[i].offset <= end)
            return true;
    return false;
}

static void collect_error_locations(struct tu_builder *tb)
{
    unsigned n = clang_getNumDiagnostics(tb->tu);
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic d = clang_getDiagnostic(tb->tu, i);
        if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
            struct error_at e;
            clang_getExpansionLocation(clang_getDiagnosticLocation(d), &e.file, NULL, NULL, &e.offset);
            if (e.file)
                VEC_PUSH(tb->errors, e);
        }
        clang_disposeDiagnostic(d);
    }
}

/* A constructor's member initialiser list: a member reference followed by
 * its initialising expression, before the body. */
static void member_inits(struct fn_builder *b, CXCursor ctor)
{
    cursor_vec kids = {0};
    front_children(ctor, &kids);
    for (size_t i = 0; i + 1 < kids.n; i++)
        if (clang_getCursorKind(kids.v[i]) == CXCursor_MemberRef &&
            clang_isExpression(clang_getCursorKind(kids.v[i + 1])))
            fb_member_init(b, kids.v[i], kids.v[i + 1]);
    VEC_FREE(kids);
}

uint32_t fb_build_fn(struct tu_builder *tb, CXCursor fn_cursor, struct fn_builder *outer)
{
    bool lambda = clang_getCursorKind(fn_cursor) == CXCursor_LambdaExpr;
    bool method = !lambda && is_method_kind(clang_getCursorKind(fn_cursor)) &&
                  !clang_CXXMethod_isStatic(fn_cursor);
    struct ir_fn *fn = arena_alloc(tb->arena, sizeof *fn);
    fn->name = fn_name(tb, fn_cursor, lambda);
    const char *file = front_user_file(tb, fn_cursor);
    fn->file = file ? file : tb->path;
    fn->loc = front_loc(clang_getCursorLocation(fn_cursor));
    fn->index = (uint32_t)tb->fns.n;
    fn->is_method = method;
    fn->is_lambda = lambda;
    fn->parent = outer ? (int32_t)outer->fn->index : -1;
    fn->key = front_decl_key(tb, fn_cursor);
    fn->usr = lambda ? NULL : front_cx_string(tb->arena, clang_getCursorUSR(fn_cursor));
    fn->partial = has_error_inside(tb, fn_cursor);
    if (method)
        fn->class_name = front_qualname(tb, clang_getCursorSemanticParent(fn_cursor));
    VEC_PUSH(tb->fns, fn);
    u64map_put_index(&tb->fn_by_key, fn->key, fn->index);

    struct fn_builder b;
    memset(&b, 0, sizeof b);
    b.tb = tb;
    b.outer = outer;
    b.fn = fn;
    b.this_node = IR_NONE;
    struct ir_ctrl none = {IR_NONE, 0, ARM_THEN, {0, 0}};
    VEC_PUSH(b.ctrls, none);
    fb_new_var(&b, clang_getNullCursor(), "<recording>");
    fn->entry_mode = fb_add_mode(&b, MODE_ENTRY, 0, fn_cursor);
    add_params(&b, fn_cursor, method);
    b.fn->nparams = (uint32_t)b.inputs.n;
    if (clang_getCursorKind(fn_cursor) == CXCursor_Constructor)
        member_inits(&b, fn_cursor);
    CXCursor body = body_of(fn_cursor);
    if (!clang_Cursor_isNull(body))
        fb_stmt(&b, body);
    if (!b.env.dead)
        VEC_PUSH(b.exit_modes, fb_return_mode(&b));
    fn->exit_mode = join_exit_modes(&b, fn_cursor);
    finish_fn(&b);
    return fn->index;
}

/* ---- translation unit walk ---- */

static bool is_fn_kind(enum CXCursorKind k)
{
    return k == CXCursor_FunctionDecl || k == CXCursor_FunctionTemplate || is_method_kind(k);
}

static enum CXChildVisitResult visit_decl(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct tu_builder *tb = data;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (!front_user_file(tb, c)) {
        /* Namespaces and classes can be reopened in the user's files. */
        return k == CXCursor_Namespace || k == CXCursor_LinkageSpec ? CXChildVisit_Recurse
                                                                     : CXChildVisit_Continue;
    }
    if (is_fn_kind(k)) {
        if (clang_isCursorDefinition(c))
            fb_build_fn(tb, c, NULL);
        return CXChildVisit_Continue;
    }
    if (k == CXCursor_Namespace || k == CXCursor_LinkageSpec || k == CXCursor_ClassDecl ||
        k == CXCursor_StructDecl || k == CXCursor_ClassTemplate || k == CXCursor_UnionDecl ||
        k == CXCursor_ClassTemplatePartialSpecialization)
        return CXChildVisit_Recurse;
    return CXChildVisit_Continue;
}

static void resolve_calls(struct tu_builder *tb)
{
    for (size_t i = 0; i < tb->pending.n; i++) {
        struct pending_call *p = &tb->pending.v[i];
        size_t fn;
        if (!u64map_get_index(&tb->fn_by_key, p->key, &fn))
            continue;
        struct ir_node *n = &tb->fns.v[p->fn]->nodes[p->node];
        switch (p->target) {
        case PENDING_CALLEE: n->callee = (int32_t)fn; break;
        case PENDING_FORWARD: n->forward = (int32_t)fn; break;
        case PENDING_FNREF: n->aux = (int32_t)fn; break;
        }
    }
}

/* Gives each function its calls into other files, in node order. */
static void attach_xcalls(struct tu_builder *tb)
{
    for (size_t i = 0; i < tb->xpending.n; i++)
        tb->fns.v[tb->xpending.v[i].fn]->nxcalls++;
    for (size_t f = 0; f < tb->fns.n; f++) {
        struct ir_fn *fn = tb->fns.v[f];
        fn->xcalls = fn->nxcalls ? arena_alloc(tb->arena, fn->nxcalls * sizeof *fn->xcalls) : NULL;
        fn->nxcalls = 0;
    }
    for (size_t i = 0; i < tb->xpending.n; i++) {
        struct ir_fn *fn = tb->fns.v[tb->xpending.v[i].fn];
        fn->xcalls[fn->nxcalls++] = (struct ir_xcall){tb->xpending.v[i].node, tb->xpending.v[i].usr};
    }
    VEC_FREE(tb->xpending);
}

void front_build_tu(struct tu_builder *tb, struct ir_tu *out)
{
    collect_error_locations(tb);
    clang_visitChildren(clang_getTranslationUnitCursor(tb->tu), visit_decl, tb);
    VEC_FREE(tb->errors);
    resolve_calls(tb);
    attach_xcalls(tb);
    front_class_op_types(tb);
    out->path = tb->path;
    out->nfns = (uint32_t)tb->fns.n;
    out->fns = arena_memdup(tb->arena, tb->fns.v, tb->fns.n, sizeof *tb->fns.v);
}
