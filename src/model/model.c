/* model: loading, validating and querying JSON framework models. */
#include "model.h"
#include "../util/alloc.h"
#include "../util/arena.h"
#include "../util/hashmap.h"
#include "../util/strbuf.h"
#include "../util/vec.h"
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct alias_group {
    const char **names;
    size_t n;
};

struct type_glob {
    const char *pattern; /* "ns::*" */
    enum type_role role;
};

struct model {
    struct arena arena;           /* owns every string and record below */
    struct strmap calls;          /* exact name -> struct model_call */
    struct strmap op_types;       /* op type -> struct model_call */
    struct strmap tapes;          /* class name -> struct model_tape */
    VEC(struct type_glob) type_globs;
    VEC(struct model_call *) globs; /* names with a '*' component */
    struct strmap roles;          /* class name -> (void*)(intptr_t)role */
    struct strmap guards;         /* class name -> struct model_guard */
    VEC(struct alias_group) aliases;
    VEC(const char *) inplace_suffixes;
    VEC(const char *) omitted_values; /* names that stand for an omitted argument */
    struct strmap tensor_canon;   /* tensor class -> first tensor type of its model file */
    struct strmap handles;        /* tensor handle classes (types.handle) */
};

struct model *model_new(void)
{
    struct model *m = xcalloc(1, sizeof *m);
    arena_init(&m->arena);
    strmap_init(&m->calls);
    strmap_init(&m->roles);
    strmap_init(&m->guards);
    strmap_init(&m->op_types);
    strmap_init(&m->tapes);
    strmap_init(&m->tensor_canon);
    strmap_init(&m->handles);
    return m;
}

void model_free(struct model *m)
{
    if (!m)
        return;
    strmap_free(&m->calls);
    strmap_free(&m->roles);
    strmap_free(&m->guards);
    strmap_free(&m->op_types);
    strmap_free(&m->tapes);
    strmap_free(&m->tensor_canon);
    strmap_free(&m->handles);
    VEC_FREE(m->type_globs);
    VEC_FREE(m->globs);
    VEC_FREE(m->aliases);
    VEC_FREE(m->inplace_suffixes);
    VEC_FREE(m->omitted_values);
    arena_free(&m->arena);
    free(m);
}


/* ---- validation helpers: every error names the file and the JSON path ---- */

struct loader {
    struct model *m;
    const char *origin;
    struct strbuf *err;
    bool failed;
};

static bool fail(struct loader *ld, const char *path, const char *problem)
{
    if (!ld->failed)
        sb_printf(ld->err, "%s: %s: %s", ld->origin, path, problem);
    ld->failed = true;
    return false;
}

static const char *path_key(struct loader *ld, const char *base, const char *key)
{
    return arena_printf(&ld->m->arena, "%s.%s", base, key);
}

static const char *path_index(struct loader *ld, const char *base, int i)
{
    return arena_printf(&ld->m->arena, "%s[%d]", base, i);
}

static const char *dup_string(struct loader *ld, const cJSON *v, const char *path)
{
    if (!cJSON_IsString(v) || !v->valuestring[0]) {
        fail(ld, path, "expected a non-empty string");
        return NULL;
    }
    return arena_strdup(&ld->m->arena, v->valuestring);
}

/* Reads an optional argument position: an integer >= 0 or "receiver". */
static bool read_arg(struct loader *ld, const cJSON *obj, const char *base, const char *key, int *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v)
        return true;
    if (cJSON_IsString(v) && strcmp(v->valuestring, "receiver") == 0) {
        *out = ARG_RECEIVER;
        return true;
    }
    if (cJSON_IsNumber(v) && v->valuedouble >= 0 && v->valuedouble < 32 &&
        v->valuedouble == (double)v->valueint) {
        *out = v->valueint;
        return true;
    }
    return fail(ld, path_key(ld, base, key), "expected an argument index (0-31) or \"receiver\"");
}

static bool read_bool(struct loader *ld, const cJSON *obj, const char *base, const char *key, bool *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v)
        return true;
    if (!cJSON_IsBool(v))
        return fail(ld, path_key(ld, base, key), "expected true or false");
    *out = cJSON_IsTrue(v);
    return true;
}

static bool check_keys(struct loader *ld, const cJSON *obj, const char *base, const char *const *allowed)
{
    if (!cJSON_IsObject(obj))
        return fail(ld, base, "expected an object");
    for (const cJSON *c = obj->child; c; c = c->next) {
        bool ok = false;
        for (const char *const *a = allowed; *a; a++)
            ok |= strcmp(*a, c->string) == 0;
        if (!ok)
            return fail(ld, path_key(ld, base, c->string), "unknown key");
    }
    return true;
}

static bool read_recording(struct loader *ld, const cJSON *obj, const char *base, enum recording_effect *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, "recording");
    const char *path = path_key(ld, base, "recording");
    static const char *const names[] = {"off", "on", "arg", "not-arg"};
    static const enum recording_effect effects[] = {REC_OFF, REC_ON, REC_FROM_ARG, REC_FROM_NOT_ARG};
    if (!cJSON_IsString(v))
        return fail(ld, path, "expected one of \"off\", \"on\", \"arg\", \"not-arg\"");
    for (size_t i = 0; i < 4; i++)
        if (strcmp(v->valuestring, names[i]) == 0) {
            *out = effects[i];
            return true;
        }
    return fail(ld, path, "expected one of \"off\", \"on\", \"arg\", \"not-arg\"");
}

/* ---- sections ---- */

static bool load_types(struct loader *ld, const cJSON *types)
{
    static const char *const keys[] = {"tensor", "handle", "module", "optimizer", "context", "recording_context",
                                       "output_view", "opaque", "options", NULL};
    static const enum type_role roles[] = {ROLE_TENSOR, ROLE_TENSOR, ROLE_MODULE, ROLE_OPTIMIZER, ROLE_CONTEXT,
                                           ROLE_RECORDING_CONTEXT, ROLE_OUTPUT_VIEW, ROLE_OPAQUE, ROLE_OPTIONS};
    const char *file_canonical = NULL; /* this file's first tensor type */
    if (!types)
        return true;
    static const char *const allowed[] = {"tensor", "handle", "module", "optimizer", "context",
                                          "recording_context", "output_view", "opaque", "options", "doc", NULL};
    if (!check_keys(ld, types, "$.types", allowed))
        return false;
    for (size_t k = 0; keys[k]; k++) {
        const cJSON *list = cJSON_GetObjectItemCaseSensitive(types, keys[k]);
        const char *base = path_key(ld, "$.types", keys[k]);
        if (!list)
            continue;
        if (!cJSON_IsArray(list))
            return fail(ld, base, "expected an array of class names");
        int i = 0;
        for (const cJSON *e = list->child; e; e = e->next, i++) {
            const char *name = dup_string(ld, e, path_index(ld, base, i));
            if (!name)
                return false;
            size_t len = strlen(name);
            if (len > 3 && strcmp(name + len - 3, "::*") == 0) {
                struct type_glob tg = {name, roles[k]};
                VEC_PUSH(ld->m->type_globs, tg);
                continue;
            }
            strmap_put(&ld->m->roles, name, (void *)(intptr_t)roles[k]);
            if (strcmp(keys[k], "handle") == 0)
                strmap_put(&ld->m->handles, name, (void *)1);
            if (roles[k] == ROLE_TENSOR) {
                file_canonical = file_canonical ? file_canonical : name;
                strmap_put(&ld->m->tensor_canon, name, (void *)file_canonical);
            }
        }
    }
    return true;
}

static bool load_guards(struct loader *ld, const cJSON *guards)
{
    static const char *const keys[] = {"type", "recording", "arg", "default", "doc", NULL};
    if (!guards)
        return true;
    if (!cJSON_IsArray(guards))
        return fail(ld, "$.recording_guards", "expected an array");
    int i = 0;
    for (const cJSON *g = guards->child; g; g = g->next, i++) {
        const char *base = path_index(ld, "$.recording_guards", i);
        if (!check_keys(ld, g, base, keys))
            return false;
        struct model_guard *mg = arena_alloc(&ld->m->arena, sizeof *mg);
        mg->type = dup_string(ld, cJSON_GetObjectItemCaseSensitive(g, "type"), path_key(ld, base, "type"));
        mg->arg = 0;
        mg->arg_default = true;
        mg->origin = ld->origin;
        if (!mg->type || !read_recording(ld, g, base, &mg->recording) ||
            !read_arg(ld, g, base, "arg", &mg->arg) || !read_bool(ld, g, base, "default", &mg->arg_default))
            return false;
        strmap_put(&ld->m->guards, mg->type, mg);
        strmap_put(&ld->m->roles, mg->type, (void *)(intptr_t)ROLE_RECORDING_GUARD);
    }
    return true;
}

static bool load_tapes(struct loader *ld, const cJSON *tapes)
{
    static const char *const keys[] = {"type", "persistent_arg", "default", "doc", NULL};
    if (!tapes)
        return true;
    if (!cJSON_IsArray(tapes))
        return fail(ld, "$.tapes", "expected an array");
    int i = 0;
    for (const cJSON *t = tapes->child; t; t = t->next, i++) {
        const char *base = path_index(ld, "$.tapes", i);
        if (!check_keys(ld, t, base, keys))
            return false;
        struct model_tape *mt = arena_alloc(&ld->m->arena, sizeof *mt);
        mt->type = dup_string(ld, cJSON_GetObjectItemCaseSensitive(t, "type"), path_key(ld, base, "type"));
        mt->persistent_arg = ARG_NONE;
        mt->origin = ld->origin;
        if (!mt->type || !read_arg(ld, t, base, "persistent_arg", &mt->persistent_arg) ||
            !read_bool(ld, t, base, "default", &mt->persistent_default))
            return false;
        strmap_put(&ld->m->tapes, mt->type, mt);
        strmap_put(&ld->m->roles, mt->type, (void *)(intptr_t)ROLE_TAPE);
    }
    return true;
}

static const struct {
    const char *name;
    unsigned flags;
} op_classes[OP_CLASS_COUNT] = {
#define OP_CLASS(value, name, flags) [value] = {name, flags},
#include "op_class.def"
#undef OP_CLASS
};

bool op_class_has(enum op_class cls, unsigned flags)
{
    return (unsigned)cls < OP_CLASS_COUNT && (op_classes[cls].flags & flags) != 0;
}

const char *op_class_name(enum op_class cls)
{
    return (unsigned)cls < OP_CLASS_COUNT ? op_classes[cls].name : "?";
}

bool op_class_find(const char *name, enum op_class *out)
{
    for (unsigned i = 0; i < OP_CLASS_COUNT; i++)
        if (strcmp(name, op_classes[i].name) == 0) {
            *out = (enum op_class)i;
            return true;
        }
    return false;
}

static bool read_class(struct loader *ld, const cJSON *c, const char *base, enum op_class *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(c, "class");
    if (cJSON_IsString(v) && op_class_find(v->valuestring, out))
        return true;
    struct strbuf list;
    sb_init(&list);
    for (unsigned i = 0; i < OP_CLASS_COUNT; i++)
        sb_printf(&list, "%s%s", i ? ", " : "", op_classes[i].name);
    const char *problem = arena_printf(&ld->m->arena, "expected an op class (%s)", sb_str(&list));
    sb_free(&list);
    return fail(ld, path_key(ld, base, "class"), problem);
}

static bool read_arg_mask(struct loader *ld, const cJSON *c, const char *base, const char *key, unsigned *mask)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(c, key);
    if (!v)
        return true;
    const char *path = path_key(ld, base, key);
    if (!cJSON_IsArray(v))
        return fail(ld, path, "expected an array of argument indexes");
    int i = 0;
    for (const cJSON *e = v->child; e; e = e->next, i++) {
        if (!cJSON_IsNumber(e) || e->valueint < 0 || e->valueint > 31)
            return fail(ld, path_index(ld, path, i), "expected an argument index (0-31)");
        *mask |= 1u << e->valueint;
    }
    return true;
}

/* A name is a pattern when a '*' in it is not part of an operator's name
 * (`at::operator*` and `operator->*` are names of their own). */
static bool is_pattern(const char *name)
{
    for (const char *p = strchr(name, '*'); p; p = strchr(p + 1, '*')) {
        size_t at = (size_t)(p - name);
        bool op = (at >= 8 && strncmp(p - 8, "operator", 8) == 0) || (at >= 10 && strncmp(p - 10, "operator->", 10) == 0);
        if (!op)
            return true;
    }
    return false;
}

static void register_call(struct model *m, struct model_call *mc)
{
    if (is_pattern(mc->name))
        VEC_PUSH(m->globs, mc);
    else
        strmap_put(&m->calls, mc->name, mc);
}

static bool load_string_list(struct loader *ld, const cJSON *list, const char *base,
                             const char ***out, size_t *n);
static bool read_string(struct loader *ld, const cJSON *c, const char *base, const char *key, const char **out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(c, key);
    return !v || (*out = dup_string(ld, v, path_key(ld, base, key))) != NULL;
}

static struct model_call default_call(const char *origin);

/* Keys of a call entry that position arguments. */
static bool read_positions(struct loader *ld, const cJSON *c, const char *base, struct model_call *p)
{
    return read_arg(ld, c, base, "target", &p->target_arg) && read_arg(ld, c, base, "sources", &p->sources_arg) &&
           read_arg(ld, c, base, "retain_graph", &p->retain_graph_arg) &&
           read_arg(ld, c, base, "create_graph", &p->create_graph_arg) &&
           read_arg(ld, c, base, "allow_unused", &p->allow_unused_arg) &&
           read_arg(ld, c, base, "arg", &p->recording_arg) &&
           read_arg(ld, c, base, "unless_false", &p->unless_false_arg) &&
           read_arg(ld, c, base, "op_type_arg", &p->op_type_arg) &&
           read_arg(ld, c, base, "op_type_of_arg", &p->op_type_of_arg) &&
           read_arg(ld, c, base, "context_arg", &p->context_arg) &&
           read_arg(ld, c, base, "makes_trainable", &p->makes_trainable_arg) &&
           read_arg(ld, c, base, "tape", &p->tape_arg) && read_arg(ld, c, base, "function_arg", &p->function_arg) &&
           read_arg_mask(ld, c, base, "nondiff_args", &p->nondiff_args) &&
           read_arg_mask(ld, c, base, "nondiff_outputs", &p->nondiff_outputs) &&
           read_arg_mask(ld, c, base, "number_args_save_nothing", &p->number_args_save_nothing);
}

static bool read_saves(struct loader *ld, const cJSON *c, const char *base, struct model_call *p)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(c, "saves_tensors");
    if (!v)
        return true;
    if (!cJSON_IsBool(v))
        return fail(ld, path_key(ld, base, "saves_tensors"), "expected true or false");
    p->saves = cJSON_IsTrue(v) ? SAVES_TENSORS : SAVES_NOTHING;
    return true;
}

/* The class every output in `nondiff_outputs` has: no gradient. */
static const struct model_call *nondiff_output_op(struct loader *ld, const struct model_call *p)
{
    struct model_call *o = arena_alloc(&ld->m->arena, sizeof *o);
    *o = default_call(ld->origin);
    o->cls = OP_NONDIFFERENTIABLE;
    o->name = "<index output>";
    o->why = "returns this output without a gradient (indices or counts)";
    (void)p;
    return o;
}

static bool read_flags_and_texts(struct loader *ld, const cJSON *c, const char *base, struct model_call *p)
{
    return read_bool(ld, c, base, "default", &p->recording_default) &&
           read_bool(ld, c, base, "inplace", &p->inplace) &&
           read_bool(ld, c, base, "fills_zero", &p->fills_zero) &&
           read_bool(ld, c, base, "sums_terms", &p->sums_terms) &&
           read_bool(ld, c, base, "op_type_from_name", &p->op_type_from_name) &&
           read_bool(ld, c, base, "frees_graph", &p->frees_graph) &&
           read_bool(ld, c, base, "sources_must_be_trainable", &p->sources_must_be_trainable) &&
           read_bool(ld, c, base, "sources_must_require_grad", &p->sources_must_require_grad) &&
           read_bool(ld, c, base, "sources_any_upstream", &p->sources_any_upstream) &&
           read_bool(ld, c, base, "differentiable", &p->differentiable) &&
           read_string(ld, c, base, "why", &p->why) &&
           read_string(ld, c, base, "unused_source_error", &p->unused_source_error) &&
           read_string(ld, c, base, "untrainable_source_error", &p->untrainable_source_error) &&
           read_string(ld, c, base, "no_trainable_error", &p->no_trainable_error) &&
           read_string(ld, c, base, "unused_any_source_error", &p->unused_any_source_error) &&
           read_string(ld, c, base, "graph_freed_error", &p->graph_freed_error);
}

static struct model_call default_call(const char *origin)
{
    struct model_call proto = {MODEL_CALL_DEFAULTS, .origin = origin};
    return proto;
}

/* Checks what a class requires of its entry. */
static bool check_class_keys(struct loader *ld, const cJSON *c, const char *base, struct model_call *p)
{
    if (p->cls == OP_RECORDING_SWITCH && !read_recording(ld, c, base, &p->recording))
        return false;
    if (p->cls == OP_GRADIENT && p->target_arg == ARG_NONE)
        return fail(ld, path_key(ld, base, "target"), "a gradient call needs a target argument");
    if ((p->cls == OP_GRADIENT_REGISTRATION || p->cls == OP_OP_BUILDER) && p->op_type_arg == ARG_NONE)
        return fail(ld, path_key(ld, base, "op_type_arg"), "this class needs an op_type_arg");
    if (p->cls == OP_MODULE_CALL &&
        !(p->dispatch = dup_string(ld, cJSON_GetObjectItemCaseSensitive(c, "dispatch"), path_key(ld, base, "dispatch"))))
        return false;
    const cJSON *given = cJSON_GetObjectItemCaseSensitive(c, "nondiff_when_given");
    return !given || load_string_list(ld, given, path_key(ld, base, "nondiff_when_given"), &p->nondiff_when_given,
                                      &p->n_nondiff_when_given);
}

/* One entry of `calls` (into `m->calls`) or of `op_types` (into
 * `m->op_types`, where only a class and its message make sense). */
static bool load_entry(struct loader *ld, const cJSON *c, const char *base, bool op_type)
{
    static const char *const call_keys[] = {
        "names", "class", "target", "sources", "retain_graph", "create_graph", "allow_unused", "recording", "arg",
        "default", "unless_false", "dispatch", "inplace", "nondiff_args", "why", "nondiff_when_given", "doc",
        "op_type_arg", "op_type_of_arg", "op_type_from_name", "context_arg", "makes_trainable", "tape",
        "frees_graph", "sources_must_be_trainable", "sources_any_upstream", "unused_source_error",
        "untrainable_source_error", "no_trainable_error", "differentiable", "function_arg", "nondiff_outputs", "saves_tensors", "sums_terms",
        "unused_any_source_error", "graph_freed_error", "number_args_save_nothing", "fills_zero", "sources_must_require_grad", NULL};
    static const char *const op_type_keys[] = {"names", "class", "why", "doc", NULL};
    if (!check_keys(ld, c, base, op_type ? op_type_keys : call_keys))
        return false;
    struct model_call proto = default_call(ld->origin);
    if (!read_class(ld, c, base, &proto.cls) || !read_positions(ld, c, base, &proto) ||
        !read_flags_and_texts(ld, c, base, &proto) || !check_class_keys(ld, c, base, &proto) ||
        !read_saves(ld, c, base, &proto))
        return false;
    if (proto.nondiff_outputs)
        proto.nondiff_output_op = nondiff_output_op(ld, &proto);
    const cJSON *names = cJSON_GetObjectItemCaseSensitive(c, "names");
    const char *npath = path_key(ld, base, "names");
    if (!cJSON_IsArray(names) || !names->child)
        return fail(ld, npath, op_type ? "expected a non-empty array of op types"
                                       : "expected a non-empty array of qualified names");
    int i = 0;
    for (const cJSON *n = names->child; n; n = n->next, i++) {
        struct model_call *mc = arena_alloc(&ld->m->arena, sizeof *mc);
        *mc = proto;
        if (!(mc->name = dup_string(ld, n, path_index(ld, npath, i))))
            return false;
        if (op_type)
            strmap_put(&ld->m->op_types, mc->name, mc);
        else
            register_call(ld->m, mc);
    }
    return true;
}

static bool load_entries(struct loader *ld, const cJSON *list, const char *path, bool op_type)
{
    if (!list)
        return true;
    if (!cJSON_IsArray(list))
        return fail(ld, path, "expected an array");
    int i = 0;
    for (const cJSON *c = list->child; c; c = c->next, i++)
        if (!load_entry(ld, c, path_index(ld, path, i), op_type))
            return false;
    return true;
}

static bool load_string_list(struct loader *ld, const cJSON *list, const char *base,
                             const char ***out, size_t *n)
{
    if (!cJSON_IsArray(list))
        return fail(ld, base, "expected an array of strings");
    size_t count = (size_t)cJSON_GetArraySize(list), i = 0;
    *out = arena_alloc(&ld->m->arena, (count ? count : 1) * sizeof **out);
    for (const cJSON *e = list->child; e; e = e->next, i++)
        if (!((*out)[i] = dup_string(ld, e, path_index(ld, base, (int)i))))
            return false;
    *n = count;
    return true;
}

static bool load_aliases(struct loader *ld, const cJSON *aliases)
{
    if (!aliases)
        return true;
    if (!cJSON_IsArray(aliases))
        return fail(ld, "$.namespace_aliases", "expected an array of arrays of namespace names");
    int i = 0;
    for (const cJSON *g = aliases->child; g; g = g->next, i++) {
        struct alias_group group;
        if (!load_string_list(ld, g, path_index(ld, "$.namespace_aliases", i), &group.names, &group.n))
            return false;
        VEC_PUSH(ld->m->aliases, group);
    }
    return true;
}

static bool load_inplace(struct loader *ld, const cJSON *inplace)
{
    static const char *const keys[] = {"method_suffixes", "doc", NULL};
    if (!inplace)
        return true;
    if (!check_keys(ld, inplace, "$.inplace", keys))
        return false;
    const cJSON *sfx = cJSON_GetObjectItemCaseSensitive(inplace, "method_suffixes");
    if (!sfx)
        return true;
    const char **names;
    size_t n;
    if (!load_string_list(ld, sfx, "$.inplace.method_suffixes", &names, &n))
        return false;
    for (size_t i = 0; i < n; i++)
        VEC_PUSH(ld->m->inplace_suffixes, names[i]);
    return true;
}

static bool load_omitted(struct loader *ld, const cJSON *list)
{
    const char **names;
    size_t n;
    if (!list)
        return true;
    if (!load_string_list(ld, list, "$.omitted_argument_values", &names, &n))
        return false;
    for (size_t i = 0; i < n; i++)
        VEC_PUSH(ld->m->omitted_values, names[i]);
    return true;
}

static size_t line_of_offset(const char *text, size_t off)
{
    size_t line = 1;
    for (size_t i = 0; i < off && text[i]; i++)
        line += text[i] == '\n';
    return line;
}

static char *read_file(const char *path, struct strbuf *err);
static bool add_text(struct model *m, const char *origin, const char *text, struct strbuf *err, int depth);

/* Included files nest at most this deep (a cycle stops here). */
#define MODEL_MAX_INCLUDE_DEPTH 4

/* "include": model files loaded before this one, relative to its folder. */
static bool load_includes(struct loader *ld, const cJSON *inc, int depth)
{
    if (!inc)
        return true;
    if (!cJSON_IsArray(inc))
        return fail(ld, "$.include", "expected an array of model file paths");
    int i = 0;
    for (const cJSON *e = inc->child; e; e = e->next, i++) {
        const char *path = path_index(ld, "$.include", i);
        if (!cJSON_IsString(e) || !e->valuestring[0])
            return fail(ld, path, "expected a model file path");
        if (depth >= MODEL_MAX_INCLUDE_DEPTH)
            return fail(ld, path, "includes nest too deep (a cycle?)");
        const char *slash = strrchr(ld->origin, '/');
        int dirlen = e->valuestring[0] == '/' || !slash ? 0 : (int)(slash - ld->origin + 1);
        char *file = arena_printf(&ld->m->arena, "%.*s%s", dirlen, ld->origin, e->valuestring);
        char *text = read_file(file, ld->err);
        bool ok = text && add_text(ld->m, file, text, ld->err, depth + 1);
        free(text);
        if (!ok) {
            sb_printf(ld->err, " (included by %s)", ld->origin);
            ld->failed = true;
            return false;
        }
    }
    return true;
}

bool model_add_text(struct model *m, const char *origin, const char *text, struct strbuf *err)
{
    return add_text(m, origin, text, err, 0);
}

static bool add_text(struct model *m, const char *origin, const char *text, struct strbuf *err, int depth)
{
    static const char *const keys[] = {"framework", "description", "include", "namespace_aliases", "types",
                                       "recording_guards", "tapes", "calls", "op_types", "inplace",
                                       "omitted_argument_values", "doc", NULL};
    struct loader ld = {.m = m, .origin = arena_strdup(&m->arena, origin), .err = err};
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithOpts(text, &end, 1);
    if (!root) {
        size_t off = end ? (size_t)(end - text) : 0;
        sb_printf(err, "%s: line %zu: invalid JSON", origin, line_of_offset(text, off));
        return false;
    }
    bool ok = check_keys(&ld, root, "$", keys) &&
              load_includes(&ld, cJSON_GetObjectItemCaseSensitive(root, "include"), depth) &&
              load_aliases(&ld, cJSON_GetObjectItemCaseSensitive(root, "namespace_aliases")) &&
              load_types(&ld, cJSON_GetObjectItemCaseSensitive(root, "types")) &&
              load_guards(&ld, cJSON_GetObjectItemCaseSensitive(root, "recording_guards")) &&
              load_tapes(&ld, cJSON_GetObjectItemCaseSensitive(root, "tapes")) &&
              load_entries(&ld, cJSON_GetObjectItemCaseSensitive(root, "calls"), "$.calls", false) &&
              load_entries(&ld, cJSON_GetObjectItemCaseSensitive(root, "op_types"), "$.op_types", true) &&
              load_inplace(&ld, cJSON_GetObjectItemCaseSensitive(root, "inplace")) &&
              load_omitted(&ld, cJSON_GetObjectItemCaseSensitive(root, "omitted_argument_values"));
    cJSON_Delete(root);
    return ok;
}

static char *read_file(const char *path, struct strbuf *err)
{
    return sb_read_file(path, "model file", err);
}

struct model *model_load(const char *const *paths, size_t npaths, struct strbuf *err)
{
    struct model *m = model_new();
    for (size_t i = 0; i < npaths; i++) {
        char *text = read_file(paths[i], err);
        bool ok = text && model_add_text(m, paths[i], text, err);
        free(text);
        if (!ok) {
            model_free(m);
            return NULL;
        }
    }
    return m;
}

/* ---- queries ---- */

static bool glob_match(const char *pat, const char *name);

enum type_role model_type_role(const struct model *m, const char *class_name)
{
    enum type_role r = (enum type_role)(intptr_t)strmap_get(&m->roles, class_name);
    for (size_t i = 0; !r && i < m->type_globs.n; i++)
        if (glob_match(m->type_globs.v[i].pattern, class_name))
            r = m->type_globs.v[i].role;
    return r;
}

const struct model_call *model_call_output(const struct model_call *op, unsigned index)
{
    return op && index < 32 && ((op->nondiff_outputs >> index) & 1u) ? op->nondiff_output_op : NULL;
}

const struct model_call *model_op_type(const struct model *m, const char *op_type)
{
    return strmap_get(&m->op_types, op_type);
}

const struct model_tape *model_tape(const struct model *m, const char *class_name)
{
    return strmap_get(&m->tapes, class_name);
}

bool model_omitted_value(const struct model *m, const char *name)
{
    for (size_t i = 0; name && i < m->omitted_values.n; i++)
        if (strstr(name, m->omitted_values.v[i]))
            return true;
    return false;
}

bool model_type_is_handle(const struct model *m, const char *class_name)
{
    return strmap_get(&m->handles, class_name) != NULL;
}

const struct model_guard *model_guard(const struct model *m, const char *class_name)
{
    return strmap_get(&m->guards, class_name);
}

/* "a::b::c" matches pattern "a::*" when '*' stands for exactly one component. */
static bool glob_match(const char *pat, const char *name)
{
    while (*pat && *name) {
        if (*pat == '*') {
            const char *next = strstr(name, "::");
            if (next)
                return false;
            return pat[1] == '\0';
        }
        if (*pat != *name)
            return false;
        pat++, name++;
    }
    return *pat == *name;
}

static const struct model_call *lookup_glob(const struct model *m, const char *name)
{
    for (size_t i = 0; i < m->globs.n; i++)
        if (glob_match(m->globs.v[i]->name, name))
            return m->globs.v[i];
    return NULL;
}

/* Tries `name`, then `name` with its leading namespace replaced by each of
 * its aliases, then the patterns (which match canonical names only, since
 * a pattern over an aliased namespace would cover unrelated functions). */
static const struct model_call *lookup_aliased(const struct model *m, const char *name)
{
    const struct model_call *mc = strmap_get(&m->calls, name);
    if (mc)
        return mc;
    const char *sep = strstr(name, "::");
    size_t head = sep ? (size_t)(sep - name) : 0;
    char buf[1024]; /* a lookup key, not text anyone reads: a longer name is no match */
    for (size_t g = 0; sep && g < m->aliases.n; g++) {
        const struct alias_group *ag = &m->aliases.v[g];
        bool member = false;
        for (size_t i = 0; i < ag->n; i++)
            member |= strlen(ag->names[i]) == head && strncmp(ag->names[i], name, head) == 0;
        for (size_t i = 0; member && i < ag->n; i++)
            if (snprintf(buf, sizeof buf, "%s%s", ag->names[i], sep) < (int)sizeof buf &&
                (mc = strmap_get(&m->calls, buf)))
                return mc;
    }
    return lookup_glob(m, name);
}

static bool has_inplace_suffix(const struct model *m, const char *method)
{
    size_t len = strlen(method);
    for (size_t i = 0; i < m->inplace_suffixes.n; i++) {
        size_t sl = strlen(m->inplace_suffixes.v[i]);
        if (len > sl && strcmp(method + len - sl, m->inplace_suffixes.v[i]) == 0 &&
            strncmp(method, "operator", 8) != 0)
            return true;
    }
    return false;
}

const struct model_call *model_call(const struct model *m, const char *qualified_name)
{
    const struct model_call *mc = lookup_aliased(m, qualified_name);
    if (mc)
        return mc;
    /* A method of any tensor class ("at::TensorBase::item") is looked up as a
     * method of the canonical tensor class of the same model file, and
     * tensor methods with an in-place suffix are in-place differentiable ops
     * unless listed. */
    const char *last = NULL;
    for (const char *p = strstr(qualified_name, "::"); p; p = strstr(p + 2, "::"))
        last = p;
    if (!last)
        return NULL;
    char cls[1024], canon[1024]; /* lookup keys: a longer name is no match (unknown) */
    size_t cl = (size_t)(last - qualified_name);
    if (cl >= sizeof cls)
        return NULL;
    memcpy(cls, qualified_name, cl);
    cls[cl] = '\0';
    const char *canonical = strmap_get(&m->tensor_canon, cls);
    if (!canonical)
        return NULL;
    if (snprintf(canon, sizeof canon, "%s%s", canonical, last) < (int)sizeof canon && strcmp(cls, canonical) != 0 &&
        (mc = strmap_get(&m->calls, canon)))
        return mc;
    if (has_inplace_suffix(m, last + 2)) {
        static const struct model_call inplace_op = {
            MODEL_CALL_DEFAULTS, .name = "<in-place tensor method>", .cls = OP_DIFFERENTIABLE, .inplace = true};
        return &inplace_op;
    }
    return NULL;
}
