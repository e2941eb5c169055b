/* Unit tests: trainable-object identities resolved across call sites. */
#include "suites.h"
#include "analysis/trained.h"
#include <string.h>

MINI_TEST_STATE
static struct analysis an;

static enum cut_kind no_cut(struct analysis *x, uint32_t fn, ir_id node, enum ir_tristate entry)
{
    (void)x, (void)fn, (void)node, (void)entry;
    return CUT_NONE;
}

static const struct flow_spec spec = {FLOW_SPEC_TEST_TRAINED, no_cut};


static void build(const char *src)
{
    struct front_result r = build_source(src, m, &a, &tu);
    ck_assert_msg(r.ok && !r.parse_errors, "%s", r.error ? r.error : "");
    analysis_init(&an, &tu, m, &a);
}

/* The objects behind variable `var` (its last version) in function `fn`. */
static struct origin_set objects_of(const char *fn_name, const char *var)
{
    const struct ir_fn *fn = find_fn(&tu, fn_name);
    ir_id last = IR_NONE;
    for (ir_id i = find_call(fn, var, 0); i != IR_NONE; i = find_call(fn, var, i + 1))
        last = i;
    ck_assert_msg(last != IR_NONE, "no variable %s", var);
    struct origin_set s = {0};
    trained_collect(&an, &spec, fn->index, &flow_facts(&an, &spec, fn->index, TRI_ON)[last], &s);
    return s;
}

START_TEST(distinct_modules_are_distinct_objects)
{
    build("void f() { ad::Linear a; ad::Linear b; ad::Tensor x = ad::ones(3);\n"
          " ad::Tensor ya = a.forward(x); ad::Tensor yb = b.forward(x); ad::Tensor ya2 = a.forward(x * x); }\n");
    struct origin_set ya = objects_of("f", "ya"), yb = objects_of("f", "yb"), ya2 = objects_of("f", "ya2");
    ck_assert_uint_eq(ya.n, 1);
    ck_assert(!ya.open && !yb.open);
    ck_assert_int_eq(ya.best, TRUST_DEFINITE);
    ck_assert(!origin_sets_meet(&ya, &yb));
    ck_assert(origin_sets_meet(&ya, &ya2));
    ck_assert_str_eq(flow_origin_name(&an, ya.ids[0]), "a");
}
END_TEST

START_TEST(inputs_resolve_to_the_callers_objects)
{
    build("ad::Tensor run(ad::Linear& net, ad::Tensor x) { ad::Tensor y = net.forward(x); return y; }\n"
          "void lonely(ad::Linear& net) { ad::Tensor z = net.forward(ad::ones(2)); }\n"
          "void top() { ad::Linear a; ad::Linear b; ad::Tensor r = run(a, ad::ones(3)); ad::Tensor s = b.forward(r); }\n");
    struct origin_set y = objects_of("run", "y"), z = objects_of("lonely", "z"), s = objects_of("top", "s");
    ck_assert(!y.open);
    ck_assert_uint_eq(y.n, 1);
    ck_assert_str_eq(flow_origin_name(&an, y.ids[0]), "a");
    ck_assert(z.open); /* nobody calls lonely: its module cannot be named */
    ck_assert_uint_eq(s.n, 2);
}
END_TEST

START_TEST(input_trust_comes_from_the_arguments)
{
    build("void use(ad::Tensor w) { ad::Tensor l = (w * w).sum(); }\n"
          "void plain() { use(ad::ones(3)); }\n"
          "void both() { use(ad::ones(3)); use(ad::randn(3)); }\n"
          "void alone(ad::Tensor w) { }\n");
    ck_assert_int_eq(trained_input_trust(&an, &spec, find_fn(&tu, "alone")->index, 0), TRUST_MAYBE);
    /* use is called with a constant and with a trainable tensor */
    ck_assert_int_eq(trained_input_trust(&an, &spec, find_fn(&tu, "use")->index, 0), TRUST_DEFINITE);
}
END_TEST

START_TEST(constant_arguments_leave_nothing_trainable)
{
    build("void use(ad::Tensor w) { ad::Tensor l = (w * w).sum(); }\n"
          "void plain() { use(ad::ones(3)); }\n");
    ck_assert_int_eq(trained_input_trust(&an, &spec, find_fn(&tu, "use")->index, 0), TRUST_NONE);
    struct origin_set l = objects_of("use", "l");
    ck_assert(!l.open);
    ck_assert_uint_eq(l.n, 0);
    ck_assert_int_eq(l.best, TRUST_NONE);
}
END_TEST

Suite *suite_trained(void)
{
    Suite *s = suite_create("trained");
    TCase *t = tcase_create("core");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, distinct_modules_are_distinct_objects);
    tcase_add_test(t, inputs_resolve_to_the_callers_objects);
    tcase_add_test(t, input_trust_comes_from_the_arguments);
    tcase_add_test(t, constant_arguments_leave_nothing_trainable);
    suite_add_tcase(s, t);
    return s;
}
