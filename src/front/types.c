/* front/types.c: names, declaration keys, positions and type roles from libclang. */
#include "internal.h"
#include "../util/strbuf.h"
#include <stdint.h>
#include <string.h>

char *front_cx_string(struct arena *a, CXString s)
{
    const char *c = clang_getCString(s);
    char *d = arena_strdup(a, c ? c : "");
    clang_disposeString(s);
    return d;
}

static enum CXChildVisitResult collect_child(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    cursor_vec *out = data;
    VEC_PUSH(*out, c);
    return CXChildVisit_Continue;
}

void front_children(CXCursor c, cursor_vec *out)
{
    out->n = 0;
    clang_visitChildren(c, collect_child, out);
}

struct ir_loc front_loc(CXSourceLocation l)
{
    unsigned line = 0, col = 0;
    clang_getExpansionLocation(l, NULL, &line, &col, NULL);
    return (struct ir_loc){line, col};
}

static bool is_scope_kind(enum CXCursorKind k)
{
    return k == CXCursor_Namespace || k == CXCursor_ClassDecl || k == CXCursor_StructDecl ||
           k == CXCursor_UnionDecl || k == CXCursor_ClassTemplate ||
           k == CXCursor_ClassTemplatePartialSpecialization || k == CXCursor_EnumDecl;
}

/* Appends `s` without template arguments ("ModuleHolder<NetImpl>" -> "ModuleHolder"). */
static void append_plain(struct strbuf *b, const char *s) { sb_addn(b, s, strcspn(s, "<")); }

const char *front_qualname(struct tu_builder *tb, CXCursor decl)
{
    const char *parts[FRONT_MAX_SCOPES];
    size_t np = 0;
    for (CXCursor c = decl; !clang_Cursor_isNull(c) && np < FRONT_MAX_SCOPES; c = clang_getCursorSemanticParent(c)) {
        enum CXCursorKind k = clang_getCursorKind(c);
        if (k == CXCursor_TranslationUnit || clang_isInvalid(k))
            break;
        if (c.data[0] != decl.data[0] || np > 0) {
            if (!is_scope_kind(k))
                continue;
            if (k == CXCursor_Namespace &&
                (clang_Cursor_isInlineNamespace(c) || clang_Cursor_isAnonymous(c)))
                continue;
        }
        parts[np++] = front_cx_string(tb->arena, clang_getCursorSpelling(c));
    }
    struct strbuf b;
    sb_init(&b);
    for (size_t i = np; i-- > 0;) {
        if (b.len)
            sb_add(&b, "::");
        append_plain(&b, parts[i]);
    }
    const char *name = arena_strndup(tb->arena, sb_str(&b), b.len);
    sb_free(&b);
    return name;
}

uint64_t front_decl_key(struct tu_builder *tb, CXCursor decl)
{
    CXFile f = NULL;
    unsigned off = 0;
    clang_getFileLocation(clang_getCursorLocation(decl), &f, NULL, NULL, &off);
    if (!f)
        return 0;
    uint64_t fid = 0;
    /* CXFile pointers are stable within a TU; number them. */
    void *known = u64map_get(&tb->file_ids, (uint64_t)(uintptr_t)f);
    if (known)
        fid = (uint64_t)(uintptr_t)known;
    else {
        fid = tb->file_ids.count + 1;
        u64map_put(&tb->file_ids, (uint64_t)(uintptr_t)f, (void *)(uintptr_t)fid);
    }
    uint64_t key = (fid << 36) | ((uint64_t)off + 1);
    /* Variables made by one macro expansion share its location (c10
     * defines kFloat, kLong, ... with one DEFINE_CONSTANT expansion), so
     * their name is part of the key. Only variables: other cursors of one
     * declaration (a lambda and its call operator) differ in spelling. */
    enum CXCursorKind k = clang_getCursorKind(decl);
    if (k == CXCursor_VarDecl || k == CXCursor_FieldDecl || k == CXCursor_EnumConstantDecl) {
        CXString name = clang_getCursorSpelling(decl);
        key = key * 0x9E3779B97F4A7C15ULL ^ hash_str(clang_getCString(name));
        clang_disposeString(name);
    }
    return key ? key : 1;
}

/* A number, bool or enum. clang's builtin range also holds the type of an
 * expression that depends on a template parameter (`TorchModule model_`
 * in a class template) and of an overload set: those are not known to be
 * numbers. */
static bool is_number_kind(enum CXTypeKind k)
{
    if (k == CXType_Dependent || k == CXType_Overload || k == CXType_ObjCId || k == CXType_ObjCClass ||
        k == CXType_ObjCSel)
        return false;
    return (k >= CXType_FirstBuiltin && k <= CXType_LastBuiltin) || k == CXType_Enum;
}

bool front_type_is_scalar(CXType t)
{
    t = clang_getCanonicalType(t);
    if (t.kind == CXType_LValueReference || t.kind == CXType_RValueReference)
        t = clang_getCanonicalType(clang_getPointeeType(t));
    if (t.kind == CXType_Pointer)
        return is_number_kind(clang_getCanonicalType(clang_getPointeeType(t)).kind);
    return is_number_kind(t.kind);
}

static enum type_role role_uncached(struct tu_builder *tb, CXType t, int depth);

struct base_scan {
    struct tu_builder *tb;
    int depth;
    enum type_role role;
};

static enum CXChildVisitResult scan_base(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct base_scan *s = data;
    if (clang_getCursorKind(c) == CXCursor_CXXBaseSpecifier && !s->role)
        s->role = role_uncached(s->tb, clang_getCursorType(c), s->depth + 1);
    return CXChildVisit_Continue;
}

/* Role of a class type: its own name, a base class, or (for smart pointers
 * and containers) a template argument. An enum has the role the model
 * gives its name (LibTorch's dtypes and devices are enums: opaque). */
static enum type_role role_uncached(struct tu_builder *tb, CXType t, int depth)
{
    if (depth > FRONT_MAX_ROLE_DEPTH)
        return ROLE_NONE;
    t = clang_getCanonicalType(t);
    while (t.kind == CXType_LValueReference || t.kind == CXType_RValueReference || t.kind == CXType_Pointer)
        t = clang_getCanonicalType(clang_getPointeeType(t));
    if (t.kind == CXType_Enum)
        return model_type_role(tb->model, front_qualname(tb, clang_getTypeDeclaration(t)));
    if (t.kind != CXType_Record)
        return ROLE_NONE;
    CXCursor decl = clang_getTypeDeclaration(t);
    enum type_role role = model_type_role(tb->model, front_qualname(tb, decl));
    if (role)
        return role;
    struct base_scan scan = {tb, depth, ROLE_NONE};
    clang_visitChildren(decl, scan_base, &scan);
    if (scan.role)
        return scan.role == ROLE_RECORDING_GUARD ? ROLE_RECORDING_GUARD : scan.role;
    int nargs = clang_Type_getNumTemplateArguments(t);
    for (int i = 0; i < nargs; i++) {
        enum type_role r = role_uncached(tb, clang_Type_getTemplateArgumentAsType(t, (unsigned)i), depth + 1);
        if (r == ROLE_TENSOR || r == ROLE_MODULE)
            return r;
    }
    return ROLE_NONE;
}

/* Cached by the canonical type's identity: CXType.data[0] is the opaque
 * type pointer that clang_equalTypes compares. Keying by the type's
 * spelling instead meant printing every value's type (long template
 * names), a tenth of the IR build. */
enum type_role front_type_role(struct tu_builder *tb, CXType t)
{
    uint64_t key = (uint64_t)(uintptr_t)clang_getCanonicalType(t).data[0];
    size_t hit;
    if (key && u64map_get_index(&tb->role_cache, key, &hit))
        return (enum type_role)hit;
    enum type_role role = role_uncached(tb, t, 0);
    if (key)
        u64map_put_index(&tb->role_cache, key, (size_t)role);
    return role;
}

struct method_scan {
    struct tu_builder *tb;
    const char *name;
    uint64_t key;
    CXCursor decl; /* the first method of that name, defined or not */
};

static enum CXChildVisitResult scan_method(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    struct method_scan *s = data;
    if (clang_getCursorKind(c) != CXCursor_CXXMethod || s->key)
        return CXChildVisit_Continue;
    CXString sp = clang_getCursorSpelling(c);
    bool match = strcmp(clang_getCString(sp), s->name) == 0;
    clang_disposeString(sp);
    if (match && clang_Cursor_isNull(s->decl))
        s->decl = c;
    if (match) {
        CXCursor def = clang_getCursorDefinition(c);
        if (!clang_Cursor_isNull(def))
            s->key = front_decl_key(s->tb, def);
    }
    return CXChildVisit_Continue;
}

uint64_t front_find_method(struct tu_builder *tb, CXCursor cls, const char *name)
{
    struct method_scan s = {tb, name, 0, clang_getNullCursor()};
    clang_visitChildren(cls, scan_method, &s);
    return s.key;
}

CXCursor front_find_method_decl(struct tu_builder *tb, CXCursor cls, const char *name)
{
    struct method_scan s = {tb, name, 0, clang_getNullCursor()};
    clang_visitChildren(cls, scan_method, &s);
    return s.decl;
}

static enum CXChildVisitResult first_base(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    if (clang_getCursorKind(c) == CXCursor_CXXBaseSpecifier) {
        *(CXType *)data = clang_getCursorType(c);
        return CXChildVisit_Break;
    }
    return CXChildVisit_Continue;
}

CXCursor front_module_impl(struct tu_builder *tb, CXType t)
{
    for (int depth = 0; depth < 8; depth++) {
        t = clang_getCanonicalType(t);
        while (t.kind == CXType_LValueReference || t.kind == CXType_RValueReference || t.kind == CXType_Pointer)
            t = clang_getCanonicalType(clang_getPointeeType(t));
        if (t.kind != CXType_Record)
            break;
        /* A holder's implementation is its module-typed template argument. */
        int nargs = clang_Type_getNumTemplateArguments(t);
        for (int i = 0; i < nargs; i++) {
            CXType a = clang_Type_getTemplateArgumentAsType(t, (unsigned)i);
            if (front_type_role(tb, a) == ROLE_MODULE)
                return clang_getTypeDeclaration(clang_getCanonicalType(a));
        }
        CXType base = {.kind = CXType_Invalid};
        clang_visitChildren(clang_getTypeDeclaration(t), first_base, &base);
        if (base.kind == CXType_Invalid)
            return clang_getTypeDeclaration(t);
        if (front_type_role(tb, base) != ROLE_MODULE)
            return clang_getTypeDeclaration(t);
        /* Follow holder subclasses (TORCH_MODULE) to the holder itself. */
        CXType bt = clang_getCanonicalType(base);
        if (clang_Type_getNumTemplateArguments(bt) <= 0)
            return clang_getTypeDeclaration(t);
        t = base;
    }
    return clang_getNullCursor();
}
