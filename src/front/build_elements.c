/* build_elements: the parts of aggregates as separate values.
 *
 * Structured bindings (`auto [logits, state] = model->forward(x, h);`),
 * `std::tie(a, b) = f();` and the fields of plain structs (`heads.cls`)
 * read one element of a tuple, pair or struct. Each becomes a node marked
 * IRF_ELEMENT whose aux is the element's index and whose ops[0] is the
 * whole aggregate, so that the flow analysis can follow the element that
 * was put there (see flow.c) instead of everything the aggregate holds.
 * When the aggregate is built right there (`std::make_tuple(a, b)`,
 * `{a, b}`), the element is that operand itself. */
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

/* Position of field `field` among the fields of its record, or -1. Only
 * plain aggregates (no base classes) are counted, where braced
 * initialisers list the fields in this order. */
int fb_field_index(CXCursor field)
{
    if (clang_getCursorKind(field) != CXCursor_FieldDecl)
        return -1;
    CXCursor rec = clang_getCursorSemanticParent(field);
    cursor_vec kids = {0};
    front_children(rec, &kids);
    bool has_base = false;
    for (size_t i = 0; i < kids.n; i++)
        if (clang_getCursorKind(kids.v[i]) == CXCursor_CXXBaseSpecifier)
            has_base = true;
    VEC_FREE(kids);
    if (has_base)
        return -1;
    struct field_search fs = {field, 0, -1};
    clang_Type_visitFields(clang_getCursorType(rec), count_field, &fs);
    return fs.found;
}
