/* build_lost: statements clang dropped, and the variables they may have
 * changed.
 *
 * A statement that uses a declaration clang gave up on (a type from a
 * header that is not installed, a name a failed using-declaration should
 * have brought in) leaves no cursor at all, only its tokens between the
 * statements that remain. Such a block makes its function partial. The
 * statement may also have assigned a variable the analysis goes on to read
 * (`set_history(result, node)` giving `result` a history again), so each
 * local variable the dropped tokens show being written gets a version with
 * an unknown value flagged IRF_LOST at that point: no rule then claims that
 * what the variable held before is all it holds. Checked only in a TU with
 * errors. */
#include "internal.h"
#include <string.h>

/* Offsets of `r`'s ends in the file they are expanded in. */
static bool range_offsets(CXSourceRange r, CXFile *file, unsigned *start, unsigned *end)
{
    CXFile f2;
    clang_getExpansionLocation(clang_getRangeStart(r), file, NULL, NULL, start);
    clang_getExpansionLocation(clang_getRangeEnd(r), &f2, NULL, NULL, end);
    return *file && clang_File_isEqual(*file, f2) && *start <= *end;
}

static bool spelled(const char *tok, const char *const *set, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(tok, set[i]) == 0)
            return true;
    return false;
}

/* Does the identifier between `before` and `after` (NULL at the ends)
 * read as written: assigned (`x = ...`, `x += ...`), stepped (`++x`,
 * `x--`), or passed on as a whole argument (`f(x)`, `f(a, x)`), which a
 * parameter taken by reference may write. A method call on it (`x.item()`)
 * or a use inside an expression (`x * 2`) reads it. */
static bool written_use(const char *before, const char *after)
{
    static const char *const assigns[] = {"=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>="};
    static const char *const steps[] = {"++", "--"};
    if (after && (spelled(after, assigns, 11) || spelled(after, steps, 2)))
        return true;
    if (before && spelled(before, steps, 2))
        return true;
    bool opens = before && (strcmp(before, "(") == 0 || strcmp(before, ",") == 0);
    bool closes = after && (strcmp(after, ")") == 0 || strcmp(after, ",") == 0);
    return opens && closes;
}

/* The local variable named `name` that is in sight (the one declared
 * last), when it holds a graph value or an unclassified one: a dropped
 * statement cannot turn a module or an optimizer into another object. */
static int32_t variable_named(struct fn_builder *b, const char *name)
{
    for (size_t v = b->vars.n; v-- > 1;) {
        if (!b->vars.v[v].name || strcmp(b->vars.v[v].name, name) != 0)
            continue;
        ir_id now = b->env.v[v];
        if (now == IR_NONE)
            return -1;
        uint8_t role = b->nodes.v[now].role;
        return role == ROLE_TENSOR || role == ROLE_NONE ? (int32_t)v : -1;
    }
    return -1;
}

static void lost_write(struct fn_builder *b, const char *name, CXCursor at)
{
    int32_t v = variable_named(b, name);
    if (v < 0 || b->env.dead)
        return;
    ir_id u = fb_unresolved(b, at, NULL, 0);
    b->nodes.v[u].flags |= IRF_LOST;
    b->nodes.v[u].role = b->nodes.v[b->env.v[v]].role;
    fb_weak_update(b, v, u, at);
}

/* Scans [from, to) of `file` for dropped tokens (anything but `;` and
 * comments) and gives the variables they write a lost version. */
static bool dropped_between(struct fn_builder *b, CXFile file, unsigned from, unsigned to, CXCursor at)
{
    if (to <= from)
        return false;
    CXTranslationUnit tu = b->tb->tu;
    CXSourceRange r = clang_getRange(clang_getLocationForOffset(tu, file, from), clang_getLocationForOffset(tu, file, to));
    CXToken *toks = NULL;
    unsigned n = 0;
    clang_tokenize(tu, r, &toks, &n);
    const char **text = arena_alloc(b->tb->arena, (n ? n : 1) * sizeof *text);
    bool any = false;
    for (unsigned i = 0; i < n; i++) {
        unsigned off;
        clang_getExpansionLocation(clang_getTokenLocation(tu, toks[i]), NULL, NULL, NULL, &off);
        bool inside = off >= from && off < to && clang_getTokenKind(toks[i]) != CXToken_Comment;
        text[i] = inside ? front_cx_string(b->tb->arena, clang_getTokenSpelling(tu, toks[i])) : NULL;
        any |= text[i] && strcmp(text[i], ";") != 0;
    }
    for (unsigned i = 0; i < n; i++)
        if (text[i] && clang_getTokenKind(toks[i]) == CXToken_Identifier &&
            written_use(i > 0 ? text[i - 1] : NULL, i + 1 < n ? text[i + 1] : NULL))
            lost_write(b, text[i], at);
    clang_disposeTokens(tu, toks, n);
    return any;
}

void fb_block_statements(struct fn_builder *b, CXCursor block)
{
    cursor_vec kids = {0};
    front_children(block, &kids);
    CXFile file, kf;
    unsigned start, end, ks, ke;
    bool scan = b->tb->errors.n && range_offsets(clang_getCursorExtent(block), &file, &start, &end) && end > start + 1;
    unsigned prev = start + 1; /* after `{` */
    for (size_t i = 0; i < kids.n; i++) {
        if (scan && range_offsets(clang_getCursorExtent(kids.v[i]), &kf, &ks, &ke) && clang_File_isEqual(kf, file)) {
            if (dropped_between(b, file, prev, ks, kids.v[i]))
                b->fn->partial = true;
            if (ke > prev)
                prev = ke;
        }
        fb_stmt(b, kids.v[i]);
    }
    if (scan && dropped_between(b, file, prev, end - 1, block)) /* before `}` */
        b->fn->partial = true;
    VEC_FREE(kids);
}
