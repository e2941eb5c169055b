/* build_elements: the parts of aggregates as separate values.
 *
 * Structured bindings (`auto [logits, state] = model->forward(x, h);`),
 * `std::tie(a, b) = f();` and the fields of plain structs (`heads.cls`)
 * read one element of a tuple, pair or struct. Each becomes a node marked
 * IRF_ELEMENT whose aux is the element's index and whose ops[0] is the
 * whole aggregate, so that the flow analysis can follow the element that
 * was put there (see flow.c) instead of everything the aggregate holds.
 * When the aggregate is built right there (`std::make_tuple(a, b)`,
 * `{a, b}`), the element is that operand itself; a braced list of a struct
 * of the user's is taken apart only when its values are its fields in
 * order (no brace elision, designators in declaration order without a
 * gap). */
#include "internal.h"
#include <string.h>

/* Output `index` of a tuple-returning op the model classes per output
 * (the index output of max, sort, topk has no gradient): the element
 * goes through an op of that class. */
static ir_id classed_output(struct fn_builder *b, ir_id whole, ir_id element, uint32_t index, CXCursor at)
{
    const char *producer = NULL;
    const struct model_call *op =
        index < BUILD_MAX_CLASSED_OUTPUTS ? fb_tuple_element_op(b, whole, index, &producer) : NULL;
    if (!op)
        return element;
    ir_id id = fb_add(b, IR_CALL, at, &element, 1);
    struct ir_node *n = &b->nodes.v[id];
    n->name = producer; /* messages name the op (`sort`), not the output */
    n->op = op;
    n->nargs = 1;
    n->role = b->nodes.v[element].role;
    n->type_is_scalar = b->nodes.v[element].type_is_scalar;
    return id;
}

ir_id fb_element(struct fn_builder *b, ir_id whole, uint32_t index, CXCursor at, CXType type)
{
    if (whole == IR_NONE)
        return IR_NONE;
    const struct ir_node *w = &b->nodes.v[whole];
    int first = ir_aggregate_first_element(w);
    if (first >= 0 && (uint32_t)first + index < w->nops)
        return w->ops[(uint32_t)first + index];
    ir_id id = fb_add(b, IR_OP, at, &whole, 1);
    struct ir_node *n = &b->nodes.v[id];
    n->name = "element";
    n->flags |= IRF_ELEMENT;
    n->aux = (int32_t)index;
    n->role = (uint8_t)front_type_role(b->tb, type);
    if (n->role == ROLE_NONE) /* a binding's own type is not always exposed */
        n->role = b->nodes.v[whole].role;
    n->type_is_scalar = front_type_is_scalar(type);
    return classed_output(b, whole, id, index, at);
}

/* `auto [a, b] = init;`: libclang shows an unexposed declaration whose
 * children are the bindings (unexposed declarations too) and the
 * initialiser. Returns false when `decl` is not of that shape. */
bool fb_decomposition(struct fn_builder *b, CXCursor decl)
{
    cursor_vec kids = {0};
    front_children(decl, &kids);
    size_t nbind = 0;
    while (nbind < kids.n && clang_getCursorKind(kids.v[nbind]) == CXCursor_UnexposedDecl)
        nbind++;
    bool shape = nbind > 0 && nbind + 1 == kids.n && clang_isExpression(clang_getCursorKind(kids.v[nbind]));
    if (shape) {
        ir_id whole = fb_expr(b, kids.v[nbind]);
        for (size_t i = 0; i < nbind; i++) {
            CXCursor bc = kids.v[i];
            fb_declare(b, bc, fb_element(b, whole, (uint32_t)i, bc, clang_getCursorType(bc)));
        }
    }
    VEC_FREE(kids);
    return shape;
}

struct field_search {
    CXCursor target;
    int counter, found;
};

static enum CXVisitorResult count_field(CXCursor c, CXClientData data)
{
    struct field_search *fs = data;
    if (clang_equalCursors(c, fs->target)) {
        fs->found = fs->counter;
        return CXVisit_Break;
    }
    fs->counter++;
    return CXVisit_Continue;
}

static bool has_base(CXCursor rec)
{
    cursor_vec kids = {0};
    front_children(rec, &kids);
    bool base = false;
    for (size_t i = 0; i < kids.n; i++)
        if (clang_getCursorKind(kids.v[i]) == CXCursor_CXXBaseSpecifier)
            base = true;
    VEC_FREE(kids);
    return base;
}

/* Position of field `field` among the fields of its record, or -1. Only
 * plain aggregates (no base classes) are counted, where braced
 * initialisers list the fields in this order. */
int fb_field_index(CXCursor field)
{
    if (clang_getCursorKind(field) != CXCursor_FieldDecl)
        return -1;
    CXCursor rec = clang_getCursorSemanticParent(field);
    if (has_base(rec))
        return -1;
    struct field_search fs = {field, 0, -1};
    clang_Type_visitFields(clang_getCursorType(rec), count_field, &fs);
    return fs.found;
}

struct field_types {
    CXType t[BUILD_MAX_ELEMENT_INDEX + 1];
    CXCursor decl[BUILD_MAX_ELEMENT_INDEX + 1];
    int n;
    bool more;
};

static enum CXVisitorResult collect_field(CXCursor c, CXClientData data)
{
    struct field_types *ft = data;
    if (ft->n > BUILD_MAX_ELEMENT_INDEX) {
        ft->more = true;
        return CXVisit_Break;
    }
    ft->decl[ft->n] = c;
    ft->t[ft->n++] = clang_getCanonicalType(clang_getCursorType(c));
    return CXVisit_Continue;
}


/* The field a designated initialiser (`.head = h`) names: libclang shows
 * it as an unexposed expression whose children are the designator and the
 * value. NULL cursor when `init` has no designator; an invalid cursor for
 * one it cannot read (nested, `.a.b = x`, or an array index). */
static CXCursor designated_field(CXCursor init)
{
    if (clang_getCursorKind(init) != CXCursor_UnexposedExpr)
        return clang_getNullCursor();
    cursor_vec kids = {0};
    front_children(init, &kids);
    CXCursor field = clang_getNullCursor();
    int designators = 0;
    for (size_t i = 0; i < kids.n; i++)
        if (clang_getCursorKind(kids.v[i]) == CXCursor_MemberRef) {
            field = clang_getCursorReferenced(kids.v[i]);
            designators++;
        }
    VEC_FREE(kids);
    if (designators > 1)
        return clang_getCursor(clang_Cursor_getTranslationUnit(init), clang_getNullLocation());
    return field;
}

static bool init_in_place(const struct field_types *ft, int i, CXCursor init)
{
    if (i >= ft->n)
        return false;
    CXCursor field = designated_field(init);
    if (!clang_Cursor_isNull(field))
        return clang_equalCursors(field, ft->decl[i]);
    return clang_equalTypes(clang_getCanonicalType(clang_getCursorType(init)), ft->t[i]);
}

bool fb_braced_in_field_order(struct fn_builder *b, CXCursor list)
{
    CXType t = clang_getCanonicalType(clang_getCursorType(list));
    if (t.kind != CXType_Record)
        return true;
    CXCursor rec = clang_getTypeDeclaration(t);
    if (!front_user_file(b->tb, rec))
        return true; /* a framework's handle (`TF_Output{op, 0}`), a standard list */
    if (has_base(rec))
        return false; /* the bases come first, not the fields */
    struct field_types ft = {.n = 0};
    clang_Type_visitFields(t, collect_field, &ft);
    if (ft.more)
        return false;
    cursor_vec kids = {0};
    front_children(list, &kids);
    bool in_order = true;
    int i = 0;
    for (size_t k = 0; k < kids.n && in_order; k++) {
        if (!clang_isExpression(clang_getCursorKind(kids.v[k])))
            continue;
        in_order = init_in_place(&ft, i++, kids.v[k]);
    }
    VEC_FREE(kids);
    return in_order;
}
