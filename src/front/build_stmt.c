/* front/build_stmt.c: statements -> IR. Control flow is structured, so
 * variables are joined with phis where branches meet, loop heads get phis
 * for the outer variables the loop mentions, and RAII recording guards end
 * with their scope. */
#include "internal.h"
#include <string.h>

/* ---- environments ---- */

static struct env env_copy(const struct env *e)
{
    struct env c = {xmalloc((e->n ? e->n : 1) * sizeof *e->v), e->n, e->dead};
    if (e->n)
        memcpy(c.v, e->v, e->n * sizeof *e->v);
    return c;
}

static void env_replace(struct env *dst, struct env src)
{
    free(dst->v);
    *dst = src;
}

static int cmp_var(const void *x, const void *y)
{
    int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;
    return (a > b) - (a < b);
}

/* The variables that may differ between the inputs of a join: the
 * recording mode and those assigned since `mark`, ascending (so phis are
 * made in variable order), without duplicates. Caller frees. */
static int32_t *join_candidates(struct fn_builder *b, size_t mark, size_t *count)
{
    size_t n = b->assigned.n - mark;
    int32_t *c = xmalloc((n + 1) * sizeof *c);
    c[0] = IR_MODE_VAR;
    if (n) /* (before any assignment the vector is NULL, and NULL + 0 is undefined) */
        memcpy(c + 1, b->assigned.v + mark, n * sizeof *c);
    qsort(c, n + 1, sizeof *c, cmp_var);
    size_t k = 0;
    for (size_t i = 0; i <= n; i++)
        if (k == 0 || c[k - 1] != c[i])
            c[k++] = c[i];
    *count = k;
    return c;
}

/* The join of variable `v`'s versions in the live inputs: the version
 * itself when they agree, else a phi controlled by `branch`. */
static ir_id join_var(struct fn_builder *b, struct env *ins, size_t n, int32_t v, uint32_t branch, CXCursor at,
                      ir_id *distinct)
{
    size_t nd = 0;
    for (size_t i = 0; i < n; i++) {
        if (ins[i].dead || (uint32_t)v >= ins[i].n || ins[i].v[v] == IR_NONE)
            continue;
        bool seen = false;
        for (size_t k = 0; k < nd; k++)
            seen |= distinct[k] == ins[i].v[v];
        if (!seen)
            distinct[nd++] = ins[i].v[v];
    }
    if (nd <= 1)
        return nd ? distinct[0] : IR_NONE;
    ir_id phi = fb_add(b, IR_PHI, at, distinct, (uint32_t)nd);
    b->nodes.v[phi].var = v;
    b->nodes.v[phi].aux = (int32_t)branch;
    b->nodes.v[phi].role = b->nodes.v[distinct[0]].role;
    VEC_PUSH(b->assigned, v);
    return phi;
}

/* Joins `n` environments into b->env, with phis (controlled by `branch`)
 * for variables whose versions differ. Every input was copied from the
 * environment at the construct's start (`mark` in b->assigned) and
 * changed only by logged assignments, so the other variables are copied
 * from the widest live input as they are. Consumes the inputs. */
static void env_join(struct fn_builder *b, struct env *ins, size_t n, uint32_t branch, CXCursor at, size_t mark)
{
    const struct env *base = NULL;
    for (size_t i = 0; i < n; i++)
        if (!ins[i].dead && (!base || ins[i].n > base->n))
            base = &ins[i];
    struct env out;
    if (!base) {
        /* Nothing reaches here; keep some versions so later code still builds. */
        out = env_copy(&b->env);
        out.dead = true;
    } else {
        out = env_copy(base);
        size_t ncand;
        int32_t *cand = join_candidates(b, mark, &ncand);
        ir_id *distinct = xmalloc((n ? n : 1) * sizeof *distinct);
        for (size_t k = 0; k < ncand; k++)
            if ((uint32_t)cand[k] < out.n)
                out.v[cand[k]] = join_var(b, ins, n, cand[k], branch, at, distinct);
        free(distinct);
        free(cand);
    }
    for (size_t i = 0; i < n; i++)
        free(ins[i].v);
    free(b->env.v);
    b->env = out;
}

/* ---- scopes and guards ---- */

static void scope_enter(struct fn_builder *b) { b->scope_depth++; }

/* Guards declared in the scope being left are destroyed: recording goes
 * back to what the first of them saved. */
static void scope_leave(struct fn_builder *b, size_t guard_mark)
{
    if (b->guards.n > guard_mark && !b->env.dead)
        b->env.v[IR_MODE_VAR] = b->guards.v[guard_mark].saved;
    b->guards.n = guard_mark;
    b->scope_depth--;
}

/* Mode after leaving every scope deeper than `depth` (break, continue). */
static ir_id mode_leaving_to(struct fn_builder *b, uint32_t depth)
{
    for (size_t i = 0; i < b->guards.n; i++)
        if (b->guards.v[i].depth > depth)
            return b->guards.v[i].saved;
    return b->env.v[IR_MODE_VAR];
}

/* ---- declarations ---- */

static CXCursor last_expr_child(CXCursor c)
{
    cursor_vec kids = {0};
    front_children(c, &kids);
    CXCursor e = clang_getNullCursor();
    for (size_t i = 0; i < kids.n; i++)
        if (clang_isExpression(clang_getCursorKind(kids.v[i])))
            e = kids.v[i];
    VEC_FREE(kids);
    return e;
}

static enum ir_tristate literal_truth(struct fn_builder *b, ir_id v)
{
    if (v == IR_NONE)
        return TRI_UNKNOWN;
    const struct ir_node *n = &b->nodes.v[v];
    if (n->kind != IR_LITERAL)
        return TRI_UNKNOWN;
    if (n->flags & IRF_BOOL_TRUE)
        return TRI_ON;
    if (n->flags & IRF_BOOL_FALSE)
        return TRI_OFF;
    return TRI_UNKNOWN;
}

enum ir_tristate fb_recording_from(struct fn_builder *b, enum recording_effect eff, ir_id arg, bool dflt)
{
    if (eff == REC_OFF)
        return TRI_OFF;
    if (eff == REC_ON)
        return TRI_ON;
    enum ir_tristate t = arg == IR_NONE ? (dflt ? TRI_ON : TRI_OFF) : literal_truth(b, arg);
    if (eff == REC_FROM_NOT_ARG && t != TRI_UNKNOWN)
        t = t == TRI_ON ? TRI_OFF : TRI_ON;
    return t;
}

static const struct model_guard *guard_of_type(struct fn_builder *b, CXType t)
{
    if (front_type_role(b->tb, t) != ROLE_RECORDING_GUARD)
        return NULL;
    CXCursor decl = clang_getTypeDeclaration(clang_getCanonicalType(t));
    return model_guard(b->tb->model, front_qualname(b->tb, decl));
}

static void build_guard(struct fn_builder *b, CXCursor decl, const struct model_guard *g)
{
    CXCursor init = last_expr_child(decl);
    ir_id arg = IR_NONE;
    if (!clang_Cursor_isNull(init)) {
        while (clang_getCursorKind(init) != CXCursor_CallExpr) {
            CXCursor inner = last_expr_child(init);
            if (clang_Cursor_isNull(inner))
                break;
            init = inner;
        }
        if (clang_getCursorKind(init) == CXCursor_CallExpr &&
            clang_Cursor_getNumArguments(init) > g->arg) {
            CXCursor a = clang_Cursor_getArgument(init, (unsigned)g->arg);
            if (!fb_is_default_arg(a)) /* an omitted argument takes the model's default */
                arg = fb_expr(b, a);
        }
    }
    struct guard_entry ge = {b->scope_depth, b->env.v[IR_MODE_VAR]};
    enum ir_tristate t = fb_recording_from(b, g->recording, arg, g->arg_default);
    ir_id m = fb_add_mode(b, MODE_SET, (int32_t)t, decl);
    b->nodes.v[m].flags |= IRF_GUARD;
    b->nodes.v[m].name = g->type;
    VEC_PUSH(b->guards, ge);
}

int32_t fb_declare(struct fn_builder *b, CXCursor decl, ir_id value)
{
    const char *name = front_cx_string(b->tb->arena, clang_getCursorSpelling(decl));
    int32_t var = fb_new_var(b, decl, name);
    ir_id id = fb_add(b, IR_VAR, decl, &value, value == IR_NONE ? 0 : 1);
    struct ir_node *n = &b->nodes.v[id];
    n->var = var;
    n->name = name;
    CXType t = clang_getCursorType(decl);
    n->role = (uint8_t)front_type_role(b->tb, t);
    n->type_is_scalar = front_type_is_scalar(t);
    fb_set_var(b, var, id);
    return var;
}

/* Does the source of `decl` give an initialiser (`= e`, `(e)`, `{e}` right
 * after its name) that the AST does not have? clang drops an initialiser
 * that names something it could not resolve (and ends the declaration's
 * extent at its name), and says so only once, where that name is. */
static bool initialiser_dropped(struct fn_builder *b, CXCursor decl)
{
    CXSourceLocation end = clang_getRangeEnd(clang_getCursorExtent(decl));
    CXFile file;
    unsigned offset;
    clang_getSpellingLocation(end, &file, NULL, NULL, &offset);
    size_t size = 0;
    if (!file || !clang_getFileContents(b->tb->tu, file, &size) || offset >= size)
        return false;
    unsigned stop = size - offset > 256 ? offset + 256 : (unsigned)size;
    CXSourceRange r = clang_getRange(end, clang_getLocationForOffset(b->tb->tu, file, stop));
    CXToken *toks = NULL;
    unsigned n = 0;
    clang_tokenize(b->tb->tu, r, &toks, &n);
    bool dropped = false;
    unsigned first = n && clang_getTokenKind(toks[0]) == CXToken_Identifier ? 1 : 0; /* the name itself */
    if (n > first && clang_getTokenKind(toks[first]) == CXToken_Punctuation) {
        CXString t = clang_getTokenSpelling(b->tb->tu, toks[first]);
        const char *ts = clang_getCString(t);
        dropped = strcmp(ts, "=") == 0 || strcmp(ts, "(") == 0 || strcmp(ts, "{") == 0;
        clang_disposeString(t);
    }
    clang_disposeTokens(b->tb->tu, toks, n);
    return dropped;
}

static void build_vardecl(struct fn_builder *b, CXCursor decl)
{
    const struct model_guard *g = guard_of_type(b, clang_getCursorType(decl));
    if (g) {
        build_guard(b, decl, g);
        return;
    }
    CXCursor init = last_expr_child(decl);
    ir_id value = clang_Cursor_isNull(init) ? IR_NONE : fb_expr(b, init);
    /* A declaration clang could not complete, or whose initialiser it
     * dropped, holds an unknown value: never the default-constructed one. */
    if (clang_isInvalidDeclaration(decl) || (value == IR_NONE && b->tb->errors.n && initialiser_dropped(b, decl)))
        value = fb_unresolved(b, decl, &value, value == IR_NONE ? 0 : 1);
    fb_declare(b, decl, value);
}

/* ---- control flow ---- */

static void build_children(struct fn_builder *b, CXCursor c)
{
    cursor_vec kids = {0};
    front_children(c, &kids);
    for (size_t i = 0; i < kids.n; i++)
        fb_stmt(b, kids.v[i]);
    VEC_FREE(kids);
}

static void build_compound(struct fn_builder *b, CXCursor c)
{
    size_t mark = b->guards.n;
    scope_enter(b);
    fb_block_statements(b, c);
    scope_leave(b, mark);
}

/* Builds a condition, which may declare a variable. */
static ir_id build_cond(struct fn_builder *b, CXCursor c)
{
    if (clang_getCursorKind(c) == CXCursor_VarDecl) {
        build_vardecl(b, c);
        int32_t v = fb_var_of(b, c);
        return v >= 0 ? b->env.v[v] : IR_NONE;
    }
    return fb_expr(b, c);
}

static void build_if(struct fn_builder *b, CXCursor c)
{
    cursor_vec kids = {0};
    front_children(c, &kids);
    size_t i = 0;
    size_t mark = b->guards.n, amark = b->assigned.n;
    scope_enter(b);
    /* `if (init; cond)`: a declaration statement before cond and then.
     * `if (T x = ...)`: the variable, then the condition that reads it. */
    if (kids.n >= 3 && clang_getCursorKind(kids.v[0]) == CXCursor_DeclStmt)
        fb_stmt(b, kids.v[i++]);
    if (i < kids.n && clang_getCursorKind(kids.v[i]) == CXCursor_VarDecl)
        build_vardecl(b, kids.v[i++]);
    ir_id cond = i < kids.n ? fb_expr(b, kids.v[i++]) : IR_NONE;
    uint32_t outer = b->ctrl;
    struct env before = env_copy(&b->env);
    struct env arms[2];
    uint32_t then_ctrl = fb_push_ctrl(b, cond, ARM_THEN, c);
    if (i < kids.n)
        fb_stmt(b, kids.v[i++]);
    arms[0] = env_copy(&b->env);
    b->ctrl = outer;
    env_replace(&b->env, before);
    fb_push_ctrl(b, cond, ARM_ELSE, c);
    if (i < kids.n)
        fb_stmt(b, kids.v[i++]);
    arms[1] = env_copy(&b->env);
    b->ctrl = outer;
    env_join(b, arms, 2, then_ctrl, c, amark);
    scope_leave(b, mark);
    VEC_FREE(kids);
}

struct var_set {
    struct fn_builder *b;
    id_vec vars;
    unsigned char *seen;
    uint32_t nseen;
};

static enum CXChildVisitResult collect_refs(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct var_set *s = data;
    if (clang_getCursorKind(c) == CXCursor_DeclRefExpr) {
        int32_t v = fb_var_of(s->b, clang_getCursorReferenced(c));
        if (v > 0 && (uint32_t)v < s->nseen && !s->seen[v]) {
            s->seen[v] = 1;
            VEC_PUSH(s->vars, (ir_id)v);
        }
    }
    return CXChildVisit_Recurse;
}

struct loop_parts {
    CXCursor init, cond, inc, body, range_var, range;
    bool do_while;
};

/* Phis at the loop head for the recording mode and every outer variable
 * the loop mentions; their back-edge operands are added after the body. */
static void loop_head_phis(struct fn_builder *b, const struct loop_parts *p, CXCursor at,
                           id_vec *phis)
{
    struct var_set s = {.b = b, .nseen = b->env.n};
    s.seen = xcalloc(s.nseen ? s.nseen : 1, 1);
    VEC_PUSH(s.vars, IR_MODE_VAR);
    const CXCursor parts[] = {p->cond, p->inc, p->body, p->range_var};
    for (size_t i = 0; i < 4; i++)
        if (!clang_Cursor_isNull(parts[i]))
            clang_visitChildren(parts[i], collect_refs, &s), collect_refs(parts[i], parts[i], &s);
    for (size_t i = 0; i < s.vars.n; i++) {
        int32_t v = (int32_t)s.vars.v[i];
        ir_id cur = b->env.v[v];
        if (cur == IR_NONE)
            continue;
        ir_id phi = fb_add(b, IR_PHI, at, &cur, 1);
        b->nodes.v[phi].var = v;
        b->nodes.v[phi].flags |= IRF_LOOP_PHI;
        b->nodes.v[phi].role = b->nodes.v[cur].role;
        b->env.v[v] = phi;
        VEC_PUSH(b->assigned, v);
        VEC_PUSH(*phis, phi);
    }
    VEC_FREE(s.vars);
    free(s.seen);
}

static void close_loop_phis(struct fn_builder *b, id_vec *phis)
{
    if (b->env.dead)
        return;
    for (size_t i = 0; i < phis->n; i++) {
        struct ir_node *phi = &b->nodes.v[phis->v[i]];
        ir_id back = b->env.v[phi->var];
        if (back == phis->v[i] || back == IR_NONE)
            continue;
        ir_id *ops = arena_alloc(b->tb->arena, (phi->nops + 1) * sizeof *ops);
        memcpy(ops, phi->ops, phi->nops * sizeof *ops);
        ops[phi->nops++] = back;
        phi->ops = ops;
    }
}

static void push_env(env_vec *list, struct env e) { VEC_PUSH(*list, e); }

static void build_loop(struct fn_builder *b, CXCursor at, const struct loop_parts *p)
{
    size_t mark = b->guards.n, amark = b->assigned.n;
    scope_enter(b);
    if (!clang_Cursor_isNull(p->init))
        fb_stmt(b, p->init);
    ir_id range = clang_Cursor_isNull(p->range) ? IR_NONE : fb_expr(b, p->range);
    id_vec phis = {0};
    loop_head_phis(b, p, at, &phis);
    struct loop_frame lf = {.outer = b->loop, .depth = b->scope_depth};
    b->loop = &lf;
    ir_id cond = range;
    if (!p->do_while && !clang_Cursor_isNull(p->cond))
        cond = build_cond(b, p->cond);
    struct env exit_env = env_copy(&b->env);
    uint32_t outer = b->ctrl;
    uint32_t loop_ctrl = fb_push_ctrl(b, cond, ARM_LOOP, at);
    if (!clang_Cursor_isNull(p->range_var)) {
        ir_id elem = fb_add(b, IR_OP, p->range_var, &range, range == IR_NONE ? 0 : 1);
        b->nodes.v[elem].name = "element";
        b->nodes.v[elem].role = (uint8_t)front_type_role(b->tb, clang_getCursorType(p->range_var));
        fb_declare(b, p->range_var, elem);
    }
    if (!clang_Cursor_isNull(p->body))
        fb_stmt(b, p->body);
    push_env(&lf.continues, env_copy(&b->env));
    env_join(b, lf.continues.v, lf.continues.n, loop_ctrl, at, amark);
    VEC_FREE(lf.continues);
    if (p->do_while && !clang_Cursor_isNull(p->cond)) {
        cond = build_cond(b, p->cond);
        b->ctrls.v[loop_ctrl].cond = cond;
        env_replace(&exit_env, env_copy(&b->env));
    }
    if (!clang_Cursor_isNull(p->inc))
        fb_stmt(b, p->inc);
    close_loop_phis(b, &phis);
    VEC_FREE(phis);
    b->ctrl = outer;
    push_env(&lf.breaks, exit_env);
    env_join(b, lf.breaks.v, lf.breaks.n, loop_ctrl, at, amark);
    VEC_FREE(lf.breaks);
    b->loop = lf.outer;
    scope_leave(b, mark);
}

static unsigned offset_of(CXSourceLocation l)
{
    unsigned off = 0;
    clang_getFileLocation(l, NULL, NULL, NULL, &off);
    return off;
}

/* Splits a for statement's children by the positions of the two ';' and
 * the ')' of its header, since any of init, cond and inc may be absent. */
static void for_parts(struct fn_builder *b, CXCursor c, const cursor_vec *kids, struct loop_parts *p)
{
    p->body = kids->v[kids->n - 1];
    CXSourceRange header = clang_getRange(clang_getRangeStart(clang_getCursorExtent(c)),
                                          clang_getRangeStart(clang_getCursorExtent(p->body)));
    CXToken *toks = NULL;
    unsigned ntok = 0;
    clang_tokenize(b->tb->tu, header, &toks, &ntok);
    unsigned semi[2] = {0, 0}, nsemi = 0, rparen = 0;
    int depth = 0;
    for (unsigned i = 0; i < ntok; i++) {
        if (clang_getTokenKind(toks[i]) != CXToken_Punctuation)
            continue;
        CXString s = clang_getTokenSpelling(b->tb->tu, toks[i]);
        const char *t = clang_getCString(s);
        unsigned off = offset_of(clang_getTokenLocation(b->tb->tu, toks[i]));
        if (strcmp(t, "(") == 0 || strcmp(t, "[") == 0 || strcmp(t, "{") == 0)
            depth++;
        else if (strcmp(t, ")") == 0 || strcmp(t, "]") == 0 || strcmp(t, "}") == 0) {
            if (--depth == 0 && !rparen)
                rparen = off;
        } else if (strcmp(t, ";") == 0 && depth == 1 && nsemi < 2)
            semi[nsemi++] = off;
        clang_disposeString(s);
    }
    clang_disposeTokens(b->tb->tu, toks, ntok);
    if (nsemi < 2 || !rparen) {
        if (kids->n == 4) {
            p->init = kids->v[0];
            p->cond = kids->v[1];
            p->inc = kids->v[2];
        }
        return;
    }
    for (size_t i = 0; i + 1 < kids->n; i++) {
        unsigned off = offset_of(clang_getRangeStart(clang_getCursorExtent(kids->v[i])));
        if (off < semi[0])
            p->init = kids->v[i];
        else if (off < semi[1])
            p->cond = kids->v[i];
        else if (off < rparen)
            p->inc = kids->v[i];
    }
}

static void build_loop_stmt(struct fn_builder *b, CXCursor c)
{
    cursor_vec kids = {0};
    front_children(c, &kids);
    struct loop_parts p = {clang_getNullCursor(), clang_getNullCursor(), clang_getNullCursor(),
                           clang_getNullCursor(), clang_getNullCursor(), clang_getNullCursor(), false};
    enum CXCursorKind k = clang_getCursorKind(c);
    if (kids.n == 0) {
        VEC_FREE(kids);
        return;
    }
    if (k == CXCursor_ForStmt)
        for_parts(b, c, &kids, &p);
    else if (k == CXCursor_WhileStmt) {
        p.body = kids.v[kids.n - 1];
        if (kids.n >= 2)
            p.cond = kids.v[kids.n - 2];
    } else if (k == CXCursor_DoStmt) {
        p.do_while = true;
        p.body = kids.v[0];
        if (kids.n >= 2)
            p.cond = kids.v[1];
    } else { /* CXXForRangeStmt: loop variable, range, body */
        p.body = kids.v[kids.n - 1];
        if (kids.n >= 3) {
            p.range_var = kids.v[0];
            p.range = kids.v[1];
        }
    }
    build_loop(b, c, &p);
    VEC_FREE(kids);
}

/* switch: each case label is a join of the fall-through path and the
 * switch's entry; `break` leaves the switch. */

static void build_switch(struct fn_builder *b, CXCursor c)
{
    cursor_vec kids = {0};
    front_children(c, &kids);
    if (kids.n < 2) {
        VEC_FREE(kids);
        return;
    }
    size_t mark = b->guards.n;
    scope_enter(b);
    for (size_t i = 0; i + 2 < kids.n; i++)
        fb_stmt(b, kids.v[i]);
    ir_id cond = build_cond(b, kids.v[kids.n - 2]);
    uint32_t outer = b->ctrl;
    struct switch_frame sf = {env_copy(&b->env), 0, false, b->assigned.n}, *saved = b->cur_switch;
    sf.ctrl = fb_push_ctrl(b, cond, ARM_CASE, c);
    struct loop_frame lf = {.outer = b->loop, .depth = b->scope_depth};
    b->loop = &lf;
    b->cur_switch = &sf;
    b->env.dead = true; /* code before the first label is unreachable */
    fb_stmt(b, kids.v[kids.n - 1]);
    b->cur_switch = saved;
    b->loop = lf.outer;
    b->ctrl = outer;
    /* `continue` inside a switch belongs to the enclosing loop. */
    for (size_t i = 0; i < lf.continues.n; i++) {
        if (b->loop)
            push_env(&b->loop->continues, lf.continues.v[i]);
        else
            free(lf.continues.v[i].v);
    }
    VEC_FREE(lf.continues);
    push_env(&lf.breaks, env_copy(&b->env));
    if (!sf.has_default)
        push_env(&lf.breaks, sf.entry);
    else
        free(sf.entry.v);
    env_join(b, lf.breaks.v, lf.breaks.n, sf.ctrl, c, sf.assigned_mark);
    VEC_FREE(lf.breaks);
    scope_leave(b, mark);
    VEC_FREE(kids);
}

static void build_case(struct fn_builder *b, CXCursor c)
{
    cursor_vec kids = {0};
    front_children(c, &kids);
    if (b->cur_switch) {
        struct env in[2] = {env_copy(&b->env), env_copy(&b->cur_switch->entry)};
        env_join(b, in, 2, b->cur_switch->ctrl, c, b->cur_switch->assigned_mark);
        if (clang_getCursorKind(c) == CXCursor_DefaultStmt)
            b->cur_switch->has_default = true;
    }
    if (kids.n)
        fb_stmt(b, kids.v[kids.n - 1]);
    VEC_FREE(kids);
}

static void build_jump(struct fn_builder *b, bool is_break)
{
    if (!b->loop || b->env.dead) {
        b->env.dead = true;
        return;
    }
    struct loop_frame *lf = b->loop; /* a switch's frame forwards continues */
    struct env e = env_copy(&b->env);
    e.v[IR_MODE_VAR] = mode_leaving_to(b, lf->depth);
    if (is_break)
        push_env(&lf->breaks, e);
    else
        push_env(&lf->continues, e);
    b->env.dead = true;
}

static void build_return(struct fn_builder *b, CXCursor c)
{
    CXCursor value = last_expr_child(c);
    ir_id v = clang_Cursor_isNull(value) ? IR_NONE : fb_expr(b, value);
    ir_id r = fb_add(b, IR_RETURN, c, &v, v == IR_NONE ? 0 : 1);
    if (v != IR_NONE)
        b->nodes.v[r].role = b->nodes.v[v].role;
    if (!b->env.dead)
        VEC_PUSH(b->exit_modes, fb_return_mode(b));
    b->env.dead = true;
}

static void build_try(struct fn_builder *b, CXCursor c)
{
    cursor_vec kids = {0};
    front_children(c, &kids);
    struct env before = env_copy(&b->env);
    size_t amark = b->assigned.n;
    env_vec outs = {0};
    for (size_t i = 0; i < kids.n; i++) {
        if (clang_getCursorKind(kids.v[i]) == CXCursor_CXXCatchStmt) {
            env_replace(&b->env, env_copy(&before));
            uint32_t outer = b->ctrl;
            fb_push_ctrl(b, IR_NONE, ARM_CATCH, kids.v[i]);
            build_compound(b, kids.v[i]);
            b->ctrl = outer;
        } else
            fb_stmt(b, kids.v[i]);
        push_env(&outs, env_copy(&b->env));
    }
    free(before.v);
    if (outs.n)
        env_join(b, outs.v, outs.n, b->ctrl, c, amark);
    VEC_FREE(outs);
    VEC_FREE(kids);
}

void fb_stmt(struct fn_builder *b, CXCursor c)
{
    if (++b->depth > BUILD_MAX_DEPTH) {
        b->depth--;
        return;
    }
    switch (clang_getCursorKind(c)) {
    case CXCursor_CompoundStmt: build_compound(b, c); break;
    case CXCursor_DeclStmt: build_children(b, c); break;
    case CXCursor_VarDecl: build_vardecl(b, c); break;
    case CXCursor_UnexposedDecl: fb_decomposition(b, c); break;
    case CXCursor_IfStmt: build_if(b, c); break;
    case CXCursor_ForStmt:
    case CXCursor_WhileStmt:
    case CXCursor_DoStmt:
    case CXCursor_CXXForRangeStmt: build_loop_stmt(b, c); break;
    case CXCursor_SwitchStmt: build_switch(b, c); break;
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt: build_case(b, c); break;
    case CXCursor_BreakStmt: build_jump(b, true); break;
    case CXCursor_ContinueStmt: build_jump(b, false); break;
    case CXCursor_ReturnStmt: build_return(b, c); break;
    case CXCursor_CXXTryStmt: build_try(b, c); break;
    case CXCursor_CXXCatchStmt: build_compound(b, c); break;
    case CXCursor_LabelStmt: build_children(b, c); break;
    case CXCursor_GotoStmt:
    case CXCursor_IndirectGotoStmt: b->env.dead = true; break;
    case CXCursor_NullStmt: break;
    default:
        if (clang_isExpression(clang_getCursorKind(c)))
            fb_expr(b, c);
        else if (clang_isStatement(clang_getCursorKind(c)))
            build_children(b, c);
        break;
    }
    b->depth--;
}
