/* Unit tests: the model features for graph-building and tape frameworks
 * (op types, registrations, tapes, contexts, handles, output views) as the
 * model loads them, the front end builds them and the object trace reads
 * them. The framework here is a made-up one (namespace g), so nothing
 * depends on TensorFlow. */
#include "suites.h"
#include "analysis/analysis.h"
#include "analysis/objects.h"
#include "util/strbuf.h"
#include <stdio.h>
#include <string.h>

static const char *const G_MODEL =
    "{\"framework\": \"g\",\n"
    " \"types\": {\"tensor\": [\"g::Out\", \"g::ops::*\"], \"handle\": [\"g::Handle\"],\n"
    "             \"context\": [\"g::Ctx\"], \"recording_context\": [\"g::TapeCtx\"],\n"
    "             \"output_view\": [\"g::View\"], \"opaque\": [\"g::Graph\"]},\n"
    " \"tapes\": [{\"type\": \"g::Tape\", \"persistent_arg\": 0}],\n"
    " \"calls\": [\n"
    "  {\"names\": [\"g::new_op\"], \"class\": \"op-builder\", \"op_type_arg\": 1},\n"
    "  {\"names\": [\"g::finish\"], \"class\": \"differentiable\", \"op_type_of_arg\": 0},\n"
    "  {\"names\": [\"g::ops::*\"], \"class\": \"differentiable\", \"op_type_from_name\": true, \"context_arg\": 0},\n"
    "  {\"names\": [\"g::register_grad\"], \"class\": \"gradient-registration\", \"op_type_arg\": 0,\n"
    "   \"function_arg\": 1},\n"
    "  {\"names\": [\"g::Tape::watch\"], \"class\": \"trainable-source\", \"makes_trainable\": 0},\n"
    "  {\"names\": [\"g::Tape::grad\"], \"class\": \"gradient\", \"target\": 0, \"sources\": 1, \"tape\": \"receiver\",\n"
    "   \"frees_graph\": false}\n"
    " ],\n"
    " \"op_types\": [{\"names\": [\"Var\"], \"class\": \"trainable-source\"},\n"
    "               {\"names\": [\"Floor\", \"Mystery\"], \"class\": \"nondifferentiable\", \"why\": \"has none\"}]\n"
    "}\n";

static const char *const G_HEADER =
    "namespace g {\n"
    "struct Graph; struct Desc; struct Out { Desc* d; int i; };\n"
    "struct Handle { int id; };\n"
    "struct Ctx { virtual ~Ctx(); };\n"
    "struct Tape { explicit Tape(bool persistent); void watch(Handle* h); void grad(Handle* y, Handle* x); };\n"
    "struct TapeCtx : Ctx { TapeCtx(Ctx* parent, Tape* t); };\n"
    "template <typename T> struct View { View(T* p, int n); };\n"
    "Desc* new_op(Graph* g, const char* type);\n"
    "void add_input(Desc* d, Out x);\n"
    "Out finish(Desc* d);\n"
    "bool register_grad(const char* type, void (*fn)());\n"
    "namespace ops {\n"
    "int Floor(Ctx* c, Handle* x, Handle** y);\n"
    "int Sqrt(Ctx* c, Handle* x, View<Handle*> out);\n"
    "}\n"
    "}\n";

static struct model *m;
static struct arena a;
static struct ir_tu tu;

static void setup(void)
{
    struct strbuf err;
    sb_init(&err);
    m = mini_model();
    ck_assert_msg(model_add_text(m, "g.json", G_MODEL, &err), "%s", sb_str(&err));
    sb_free(&err);
    arena_init(&a);
}

static void teardown(void)
{
    arena_free(&a);
    model_free(m);
}

static const struct ir_fn *build(const char *body, const char *name)
{
    char src[4096];
    snprintf(src, sizeof src, "%s%s", G_HEADER, body);
    struct front_result r = build_source(src, m, &a, &tu);
    ck_assert_msg(r.ok && r.parse_errors == 0, "parse: %s", r.error ? r.error : "");
    const struct ir_fn *fn = find_fn(&tu, name);
    ck_assert_msg(fn != NULL, "no function %s", name);
    return fn;
}

START_TEST(model_reads_op_types_tapes_and_type_roles)
{
    ck_assert_int_eq(model_op_type(m, "Floor")->cls, OP_NONDIFFERENTIABLE);
    ck_assert_str_eq(model_op_type(m, "Floor")->why, "has none");
    ck_assert_ptr_null(model_op_type(m, "Sqrt"));
    ck_assert_int_eq(model_tape(m, "g::Tape")->persistent_arg, 0);
    ck_assert_int_eq(model_type_role(m, "g::ops::Anything"), ROLE_TENSOR); /* namespace glob */
    ck_assert_int_eq(model_type_role(m, "g::ops::inner::X"), ROLE_NONE);  /* one component only */
    ck_assert_int_eq(model_type_role(m, "g::TapeCtx"), ROLE_RECORDING_CONTEXT);
    ck_assert_int_eq(model_type_role(m, "g::Graph"), ROLE_OPAQUE);
    ck_assert(model_type_is_handle(m, "g::Handle"));
    ck_assert(!model_type_is_handle(m, "g::Out"));
    /* a method of another model file's tensor is not looked up as a LibTorch tensor method */
    ck_assert_ptr_null(model_call(m, "g::Out::data"));

    struct model *bad = model_new();
    struct strbuf err;
    sb_init(&err);
    ck_assert(!model_add_text(bad, "b.json", "{\"op_types\": [{\"names\": [\"X\"], \"class\": \"nondifferentiable\", "
                                             "\"target\": 0}]}", &err));
    ck_assert_str_eq(sb_str(&err), "b.json: $.op_types[0].target: unknown key");
    sb_free(&err);
    model_free(bad);
}
END_TEST

START_TEST(op_type_string_classes_the_finishing_call)
{
    const struct ir_fn *fn = build("g::Out f(g::Graph* gr, g::Out x) {\n"
                                   "  g::Desc* d = g::new_op(gr, \"Floor\");\n"
                                   "  g::add_input(d, x);\n"
                                   "  return g::finish(d);\n"
                                   "}\n"
                                   "g::Out v(g::Graph* gr) { return g::finish(g::new_op(gr, \"Var\")); }\n",
                                   "f");
    ir_id fin = find_call(fn, "finish", 0);
    ck_assert_str_eq(fn->nodes[fin].op_type, "Floor");
    ck_assert_int_eq(fn->nodes[fin].op->cls, OP_NONDIFFERENTIABLE);
    /* the builder only names the type; it is not the op */
    ck_assert_int_eq(fn->nodes[find_call(fn, "new_op", 0)].op->cls, OP_OP_BUILDER);
    const struct ir_fn *v = find_fn(&tu, "v");
    ck_assert_int_eq(v->nodes[find_call(v, "finish", 0)].op->cls, OP_TRAINABLE_SOURCE);
}
END_TEST

START_TEST(registration_later_in_the_file_changes_the_class)
{
    const struct ir_fn *fn = build("g::Out f(g::Graph* gr) { return g::finish(g::new_op(gr, \"Floor\")); }\n"
                                   "g::Out h(g::Graph* gr) { return g::finish(g::new_op(gr, \"Sqrt\")); }\n"
                                   "void floor_grad();\n"
                                   "static bool r1 = g::register_grad(\"Floor\", floor_grad);\n"
                                   "static bool r2 = g::register_grad(\"Sqrt\", nullptr);\n",
                                   "f");
    ck_assert_int_eq(fn->nodes[find_call(fn, "finish", 0)].op->cls, OP_DIFFERENTIABLE);
    const struct ir_fn *h = find_fn(&tu, "h");
    ck_assert_int_eq(h->nodes[find_call(h, "finish", 0)].op->cls, OP_NONDIFFERENTIABLE);
}
END_TEST

START_TEST(helper_given_the_op_type_is_classed_at_its_call)
{
    const struct ir_fn *fn = build("g::Out op(g::Graph* gr, const char* type, g::Out x) {\n"
                                   "  g::Desc* d = g::new_op(gr, type);\n"
                                   "  g::add_input(d, x);\n"
                                   "  return g::finish(d);\n"
                                   "}\n"
                                   "g::Out f(g::Graph* gr, g::Out x) { return op(gr, \"Mystery\", x); }\n",
                                   "f");
    ir_id call = find_call(fn, "op", 0);
    ck_assert_str_eq(fn->nodes[call].op_type, "Mystery");
    ck_assert_int_eq(fn->nodes[call].op->cls, OP_NONDIFFERENTIABLE);
}
END_TEST

START_TEST(op_type_passed_through_helper_chains_is_classed_at_each_call)
{
    const struct ir_fn *fn = build("g::Out op(g::Graph* gr, const char* type, g::Out x) {\n"
                                   "  g::Desc* d = g::new_op(gr, type);\n"
                                   "  g::add_input(d, x);\n"
                                   "  return g::finish(d);\n"
                                   "}\n"
                                   "g::Out unary(const char* t, g::Graph* gr, g::Out x) { return op(gr, t, x); }\n"
                                   "g::Out named(g::Graph* gr, g::Out x) { const char* k = \"Floor\"; return unary(k, gr, x); }\n"
                                   "g::Desc* begin(g::Graph* gr, const char* type) { return g::new_op(gr, type); }\n"
                                   "g::Out end(g::Desc* d) { return g::finish(d); }\n"
                                   "g::Out f(g::Graph* gr, g::Out x) {\n"
                                   "  g::Out a = unary(\"Mystery\", gr, x);\n"
                                   "  g::Out b = unary(\"Sqrt\", gr, a);\n"
                                   "  g::Desc* d = begin(gr, \"Floor\");\n"
                                   "  g::add_input(d, b);\n"
                                   "  g::Out c = g::finish(d);\n"
                                   "  return end(begin(gr, \"Var\"));\n"
                                   "}\n",
                                   "f");
    /* two deep: unary passes its parameter on to op */
    ir_id first = find_call(fn, "unary", 0), second = find_call(fn, "unary", first + 1);
    ck_assert_str_eq(fn->nodes[first].op_type, "Mystery");
    ck_assert_int_eq(fn->nodes[first].op->cls, OP_NONDIFFERENTIABLE);
    ck_assert_str_eq(fn->nodes[second].op_type, "Sqrt");
    ck_assert_ptr_null(fn->nodes[second].op); /* an op type the model does not class */
    /* a helper that starts a description carries the type to the call finishing it */
    ir_id begin = find_call(fn, "begin", 0);
    ck_assert_str_eq(fn->nodes[begin].op_type, "Floor");
    ck_assert_ptr_null(fn->nodes[begin].op);
    ck_assert_int_eq(fn->nodes[find_call(fn, "finish", 0)].op->cls, OP_NONDIFFERENTIABLE);
    /* ... also when the finishing call is itself in a helper */
    ck_assert_int_eq(fn->nodes[find_call(fn, "end", 0)].op->cls, OP_TRAINABLE_SOURCE);
    /* a local variable initialised with a literal is that constant */
    const struct ir_fn *named = find_fn(&tu, "named");
    ck_assert_str_eq(named->nodes[find_call(named, "unary", 0)].op_type, "Floor");
    /* inside the helpers the type stays unknown */
    const struct ir_fn *unary = find_fn(&tu, "unary");
    ck_assert_ptr_null(unary->nodes[find_call(unary, "op", 0)].op_type);
}
END_TEST

/* The variable version after node `from` whose operands include an effect. */
static const struct ir_node *effect_written_into(const struct ir_fn *fn, const char *var, ir_id from)
{
    for (ir_id i = from; i < fn->nnodes; i++) {
        const struct ir_node *n = &fn->nodes[i];
        if (n->kind == IR_VAR && n->name && strcmp(n->name, var) == 0 && n->nops == 2 &&
            (fn->nodes[n->ops[1]].flags & IRF_CALL_EFFECT))
            return &fn->nodes[n->ops[1]];
    }
    return NULL;
}

START_TEST(results_written_through_pointers_and_views_are_classed_like_the_op)
{
    const struct ir_fn *fn = build("void f(g::Ctx* c, g::Handle* x) {\n"
                                   "  g::Handle* y = nullptr;\n"
                                   "  g::ops::Floor(c, x, &y);\n"
                                   "  g::Handle* z[1];\n"
                                   "  g::ops::Sqrt(c, y, g::View<g::Handle*>(z, 1));\n"
                                   "}\n",
                                   "f");
    ir_id floor = find_call(fn, "Floor", 0);
    const struct ir_node *e = effect_written_into(fn, "y", floor);
    ck_assert_ptr_nonnull(e);
    ck_assert_str_eq(e->op_type, "Floor");
    ck_assert_int_eq(e->op->cls, OP_NONDIFFERENTIABLE);
    ck_assert_int_eq(e->aux, (int)floor);
    ck_assert_ptr_nonnull(effect_written_into(fn, "z", find_call(fn, "Sqrt", 0)));
    /* a handle passed by pointer and the context are inputs, not outputs */
    ck_assert_ptr_null(effect_written_into(fn, "x", 0));
    ck_assert_ptr_null(effect_written_into(fn, "c", 0));
}
END_TEST

START_TEST(watch_makes_its_argument_trainable)
{
    const struct ir_fn *fn = build("void f(g::Handle* x) {\n"
                                   "  g::Tape t(false);\n"
                                   "  t.watch(x);\n"
                                   "  t.grad(x, x);\n"
                                   "}\n",
                                   "f");
    ir_id watch = find_call(fn, "watch", 0);
    bool updated = false;
    for (ir_id i = watch; i < fn->nnodes; i++)
        updated |= fn->nodes[i].kind == IR_VAR && strcmp(fn->nodes[i].name, "x") == 0 && fn->nodes[i].nops == 2 &&
                   fn->nodes[i].ops[1] == watch;
    ck_assert(updated);
}
END_TEST

START_TEST(object_trace_tells_a_tape_context_from_its_parent)
{
    build("void f(g::Ctx* parent, g::Handle* x) {\n"
          "  g::Tape tape(false);\n"
          "  g::TapeCtx* tc = new g::TapeCtx(parent, &tape);\n"
          "  g::Ctx* as_base = tc;\n"
          "  g::Handle* y = nullptr;\n"
          "  g::ops::Floor(as_base, x, &y);\n"
          "  g::ops::Floor(parent, y, &y);\n"
          "}\n",
          "f");
    struct analysis an;
    analysis_init(&an, &tu, m, &a);
    const struct ir_fn *fn = find_fn(&tu, "f");
    ir_id first = find_call(fn, "Floor", 0), second = find_call(fn, "Floor", first + 1);
    struct object_ref on_tape = objects_trace(&an, fn->index, ir_call_arg(&fn->nodes[first], 0),
                                              ROLE_RECORDING_CONTEXT, ROLE_CONTEXT);
    ck_assert_int_eq(on_tape.answer, OBJ_FOUND);
    ck_assert(on_tape.constructed);
    struct object_ref off_tape = objects_trace(&an, fn->index, ir_call_arg(&fn->nodes[second], 0),
                                               ROLE_RECORDING_CONTEXT, ROLE_CONTEXT);
    ck_assert_int_eq(off_tape.answer, OBJ_OTHER);
}
END_TEST

Suite *suite_optypes(void)
{
    Suite *s = suite_create("optypes");
    TCase *t = tcase_create("core");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, model_reads_op_types_tapes_and_type_roles);
    tcase_add_test(t, op_type_string_classes_the_finishing_call);
    tcase_add_test(t, registration_later_in_the_file_changes_the_class);
    tcase_add_test(t, helper_given_the_op_type_is_classed_at_its_call);
    tcase_add_test(t, op_type_passed_through_helper_chains_is_classed_at_each_call);
    tcase_add_test(t, results_written_through_pointers_and_views_are_classed_like_the_op);
    tcase_add_test(t, watch_makes_its_argument_trainable);
    tcase_add_test(t, object_trace_tells_a_tape_context_from_its_parent);
    suite_add_tcase(s, t);
    return s;
}
