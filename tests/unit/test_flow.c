/* Unit tests: the flow engine with a test cut predicate (argmax cuts). */
#include "suites.h"
#include "analysis/flow.h"
#include <string.h>

MINI_TEST_STATE
static struct analysis an;

static enum cut_kind cut_at_nondiff(struct analysis *x, uint32_t fn, ir_id node, enum ir_tristate entry)
{
    const struct ir_node *n = &x->tu->fns[fn]->nodes[node];
    return n->op && n->op->cls == OP_NONDIFFERENTIABLE ? CUT_HERE : CUT_NONE;
}

static const struct flow_spec spec = {FLOW_SPEC_TEST_FLOW, cut_at_nondiff};


/* Facts of the value returned by function `name` (of a source that parses
 * with errors when `partial`). */
static const struct flow_fact *returned_from(const char *src, const char *name, bool partial)
{
    struct front_result r = build_source(src, m, &a, &tu);
    ck_assert_msg(r.ok && (r.parse_errors > 0) == partial, "%s", r.error ? r.error : "");
    analysis_init(&an, &tu, m, &a);
    const struct ir_fn *fn = find_fn(&tu, name);
    const struct flow_fact *facts = flow_facts(&an, &spec, fn->index, TRI_ON);
    for (ir_id i = fn->nnodes; i-- > 0;)
        if (fn->nodes[i].kind == IR_RETURN)
            return &facts[i];
    ck_abort_msg("no return in %s", name);
    return NULL;
}

static const struct flow_fact *returned(const char *src, const char *name)
{
    return returned_from(src, name, false);
}

START_TEST(trainable_source_reaches_cleanly)
{
    const struct flow_fact *f = returned("ad::Tensor f(ad::Tensor x) { ad::Tensor w = ad::randn(3); return (w * x).sum(); }\n", "f");
    ck_assert_int_eq(f->clean_trust, TRUST_DEFINITE);
    ck_assert_uint_eq(f->clean_params, 1); /* x is input 0 */
    ck_assert_uint_eq(f->ncuts, 0);
}
END_TEST

START_TEST(cut_records_the_first_cut_op_and_origin)
{
    const struct flow_fact *f = returned("ad::Tensor f(ad::Tensor x) { ad::Tensor w = ad::randn(3, true);"
                                         " return (w * x).argmax() * x; }\n", "f");
    ck_assert_int_eq(f->clean_trust, TRUST_NONE);
    ck_assert_uint_eq(f->clean_params, 1); /* x also reaches directly */
    ck_assert_uint_eq(f->ncuts, 2);
    for (int i = 0; i < 2; i++) {
        const struct ir_node *cut = analysis_node(&an, f->cuts[i].cut);
        ck_assert_str_eq(cut->name, "ad::Tensor::argmax");
    }
}
END_TEST

START_TEST(constants_and_factories_are_not_sources)
{
    const struct flow_fact *f = returned("ad::Tensor f() { ad::Tensor c = ad::ones(3); return c * c; }\n", "f");
    ck_assert_int_eq(f->clean_trust, TRUST_NONE);
    ck_assert_uint_eq(f->clean_params, 0);
    ck_assert_uint_eq(f->ncuts, 0);
}
END_TEST

START_TEST(summaries_follow_helpers_and_map_parameters)
{
    const struct flow_fact *f = returned("ad::Tensor pick(ad::Tensor t) { return t.argmax(); }\n"
                                         "ad::Tensor same(ad::Tensor t) { return t; }\n"
                                         "ad::Tensor f(ad::Tensor x) { ad::Tensor w = ad::randn(3);"
                                         " return same(x) + pick(w); }\n",
                                         "f");
    ck_assert_uint_eq(f->clean_params, 1);
    ck_assert_int_eq(f->clean_trust, TRUST_NONE);
    ck_assert_uint_eq(f->ncuts, 1);
    ck_assert_int_eq(f->cuts[0].origin_param, FLOW_NO_PARAM);
    ck_assert_int_eq(f->cuts[0].origin_trust, TRUST_DEFINITE);
    ck_assert_str_eq(tu.fns[f->cuts[0].cut.fn]->name, "pick");
}
END_TEST

START_TEST(module_members_are_definite_sources)
{
    const struct flow_fact *f = returned("struct Net : ad::Module { ad::Linear fc;"
                                         " ad::Tensor forward(ad::Tensor x) { return fc.forward(x); } };\n",
                                         "Net::forward");
    ck_assert_int_eq(f->clean_trust, TRUST_DEFINITE);
}
END_TEST

/* A tensor member read through `this` holds what the class's methods
 * store there (analysis/members.h): made trainable in the constructor, it
 * is a definite source in another method; initialised in the constructor's
 * list, too. */
START_TEST(member_reads_take_what_the_class_stores)
{
    const struct flow_fact *f = returned("struct M { ad::Tensor w; M() { w = ad::randn(3, true); }\n"
                                         "  ad::Tensor f(ad::Tensor x) { return (w * x).sum(); } };\n",
                                         "M::f");
    ck_assert_int_eq(f->clean_trust, TRUST_DEFINITE);
    f = returned("struct M { ad::Tensor w; M() : w(ad::randn(3, true)) {}\n"
                 "  ad::Tensor f(ad::Tensor x) { return (w * x).sum(); } };\n",
                 "M::f");
    ck_assert_int_eq(f->clean_trust, TRUST_DEFINITE);
}
END_TEST

/* When other code writes a member of that name (through another object),
 * the class's own writes are not all there is: the read adds nothing. */
START_TEST(member_written_elsewhere_adds_nothing)
{
    const struct flow_fact *f = returned("struct M { ad::Tensor w; M() { w = ad::randn(3, true); }\n"
                                         "  ad::Tensor f(ad::Tensor x) { return (w * x).sum(); } };\n"
                                         "void g(M& m) { m.w = ad::ones(3); }\n",
                                         "M::f");
    ck_assert_int_eq(f->clean_trust, TRUST_MAYBE);
}
END_TEST

START_TEST(known_values_are_complete)
{
    const struct flow_fact *f = returned("ad::Tensor f(ad::Tensor x) { ad::Tensor c = ad::ones(3); return c * x; }\n", "f");
    ck_assert(!f->unknown);
}
END_TEST

/* A helper whose body lost code to a parse error makes what it returns
 * unknown in its callers, which have no error of their own. */
START_TEST(a_partial_body_makes_its_values_unknown)
{
    const struct flow_fact *f = returned_from("ad::Tensor g() { ad::Tensor c = ad::ones(3); c = undeclared(c); return c; }\n"
                                              "ad::Tensor f() { return g() * g(); }\n",
                                              "f", true);
    ck_assert(!find_fn(&tu, "f")->partial);
    ck_assert(find_fn(&tu, "g")->partial);
    ck_assert(f->unknown);
    ck_assert_int_eq(f->clean_trust, TRUST_NONE); /* what is known stays as it was */
}
END_TEST

/* A device or dtype (opaque: it says where and how an op runs) returned by
 * a helper whose body lost code is unknown, but it carries no value: the
 * op it is passed to computes what it computes from its tensors, known. */
START_TEST(an_unknown_opaque_argument_leaves_the_result_known)
{
    const struct flow_fact *f = returned_from("ad::Device pick() { int n = undeclared(); return ad::Device(n); }\n"
                                              "ad::Dtype kind() { return undeclared_kind(); }\n"
                                              "ad::Tensor f(ad::Tensor x) { ad::Device d = pick(); ad::Dtype k = kind();"
                                              " return x.to(d).to(k) * ad::randn(3); }\n",
                                              "f", true);
    ck_assert(find_fn(&tu, "pick")->partial);
    ck_assert(!f->unknown);
    ck_assert_int_eq(f->clean_trust, TRUST_DEFINITE);
    ck_assert_uint_eq(f->clean_params, 1);
}
END_TEST

/* An unknown tensor passed to the same op still makes its result unknown. */
START_TEST(an_unknown_tensor_argument_makes_the_result_unknown)
{
    const struct flow_fact *f = returned_from("ad::Tensor g() { ad::Tensor c = ad::ones(3); c = undeclared(c); return c; }\n"
                                              "ad::Tensor f(ad::Tensor x) { return x.to(ad::Device(0)) * g(); }\n",
                                              "f", true);
    ck_assert(f->unknown);
}
END_TEST

/* A global clang dropped (its initialiser names something undeclared) is
 * unknown where it is used, in a body with no error of its own. */
START_TEST(an_invalid_declaration_is_unknown_where_used)
{
    const struct flow_fact *f = returned_from("auto scale = undeclared_factory(3);\n"
                                              "ad::Tensor f() { ad::Tensor c = ad::ones(3); ad::Tensor s = scale; return c * s; }\n",
                                              "f", true);
    ck_assert(f->unknown);
}
END_TEST

/* A statement that uses such a declaration is dropped whole, leaving no
 * cursor: the body is partial although clang reported nothing in it. */
START_TEST(a_statement_dropped_without_an_error_makes_the_body_partial)
{
    build_source("auto scale = undeclared_factory(3);\n"
                 "ad::Tensor f() { ad::Tensor c = ad::ones(3); c = c * scale; return c; }\n"
                 "ad::Tensor g() { ad::Tensor c = ad::ones(3); c = c * c; return c; }\n",
                 m, &a, &tu);
    ck_assert(find_fn(&tu, "f")->partial);
    ck_assert(!find_fn(&tu, "g")->partial);
}
END_TEST

Suite *suite_flow(void)
{
    Suite *s = suite_create("flow");
    TCase *t = tcase_create("core");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, trainable_source_reaches_cleanly);
    tcase_add_test(t, cut_records_the_first_cut_op_and_origin);
    tcase_add_test(t, constants_and_factories_are_not_sources);
    tcase_add_test(t, summaries_follow_helpers_and_map_parameters);
    tcase_add_test(t, module_members_are_definite_sources);
    tcase_add_test(t, member_reads_take_what_the_class_stores);
    tcase_add_test(t, member_written_elsewhere_adds_nothing);
    tcase_add_test(t, known_values_are_complete);
    tcase_add_test(t, a_partial_body_makes_its_values_unknown);
    tcase_add_test(t, an_invalid_declaration_is_unknown_where_used);
    tcase_add_test(t, an_unknown_opaque_argument_leaves_the_result_known);
    tcase_add_test(t, an_unknown_tensor_argument_makes_the_result_unknown);
    tcase_add_test(t, a_statement_dropped_without_an_error_makes_the_body_partial);
    suite_add_tcase(s, t);
    return s;
}
