/* Unit tests: walking the recorded graph behind a value. */
#include "suites.h"
#include "analysis/flow.h"
#include "analysis/graph.h"

MINI_TEST_STATE
static struct analysis an;

static enum cut_kind cut_at_nondiff(struct analysis *x, uint32_t fn, ir_id node, enum ir_tristate entry)
{
    (void)entry;
    const struct ir_node *n = &x->tu->fns[fn]->nodes[node];
    return n->op && (n->op->cls == OP_NONDIFFERENTIABLE || n->op->cls == OP_DETACH) ? CUT_HERE : CUT_NONE;
}

static const struct flow_spec spec = {FLOW_SPEC_TEST_GRAPH, cut_at_nondiff};


static const struct ir_fn *build(const char *src, const char *fn)
{
    struct front_result r = build_source(src, m, &a, &tu);
    ck_assert_msg(r.ok && !r.parse_errors, "%s", r.error ? r.error : "");
    analysis_init(&an, &tu, m, &a);
    return find_fn(&tu, fn);
}

START_TEST(walk_stops_at_ops_without_gradient)
{
    const struct ir_fn *fn = build("ad::Tensor f(ad::Tensor w) { ad::Tensor sq = w * w;\n"
                                   " ad::Tensor idx = sq.argmax(); ad::Tensor out = idx + (w + w); return out; }\n",
                                   "f");
    struct graph_walk w;
    graph_walk(&w, &an, &spec, fn->index, find_call(fn, "out", 0), 0);
    ck_assert(graph_seen_now(&w, find_call(fn, "operator+", 0)));
    ck_assert(graph_seen_now(&w, find_call(fn, "argmax", 0)));
    ck_assert(!graph_seen_now(&w, find_call(fn, "operator*", 0))); /* behind argmax */
    ck_assert(graph_is_recorded_op(&fn->nodes[find_call(fn, "operator*", 0)]));
    ck_assert(!graph_is_recorded_op(&fn->nodes[find_call(fn, "argmax", 0)]));
}
END_TEST

START_TEST(values_carried_around_a_loop_come_from_an_earlier_iteration)
{
    const struct ir_fn *fn = build("void f(ad::Tensor w) { ad::Tensor h = w * w;\n"
                                   " for (int i = 0; i < 3; i++) { h = h + w; h.sum().backward(); } }\n",
                                   "f");
    ir_id add = find_call(fn, "operator+", 0), sum = find_call(fn, "sum", 0);
    uint32_t loop = graph_innermost_loop(fn, fn->nodes[sum].ctrl);
    ck_assert_uint_ne(loop, 0);
    struct graph_walk w;
    graph_walk(&w, &an, &spec, fn->index, sum, loop);
    ck_assert(graph_seen_now(&w, add));
    ck_assert(graph_seen_before(&w, add));
    ir_id before_loop = find_call(fn, "operator*", 0);
    ck_assert(graph_seen_now(&w, before_loop));
    ck_assert(!graph_ctrl_within(fn, fn->nodes[before_loop].ctrl, loop));
}
END_TEST

START_TEST(in_place_detach_cuts_the_history)
{
    const struct ir_fn *fn = build("void f(ad::Tensor w) { ad::Tensor h = w * w;\n"
                                   " for (int i = 0; i < 3; i++) { h.detach_(); h = h + w; h.sum().backward(); } }\n",
                                   "f");
    ir_id sum = find_call(fn, "sum", 0);
    struct graph_walk w;
    graph_walk(&w, &an, &spec, fn->index, sum, graph_innermost_loop(fn, fn->nodes[sum].ctrl));
    ck_assert(!graph_seen_before(&w, find_call(fn, "operator+", 0)));
    ck_assert(!graph_seen_now(&w, find_call(fn, "operator*", 0)));
}
END_TEST

START_TEST(a_helper_that_detaches_cuts_the_walk)
{
    const struct ir_fn *fn = build("ad::Tensor cut(ad::Tensor t) { t.detach_(); return t; }\n"
                                   "ad::Tensor keep(ad::Tensor t) { return t + t; }\n"
                                   "void f(ad::Tensor w) { ad::Tensor h = w * w;\n"
                                   " for (int i = 0; i < 3; i++) { h = keep(cut(h)) + w; h.sum().backward(); } }\n",
                                   "f");
    ir_id sum = find_call(fn, "sum", 0);
    struct graph_walk w;
    graph_walk(&w, &an, &spec, fn->index, sum, graph_innermost_loop(fn, fn->nodes[sum].ctrl));
    ck_assert(graph_seen_now(&w, find_call(fn, "keep", 0)));
    ck_assert(graph_seen_now(&w, find_call(fn, "cut", 0)));
    ck_assert(!graph_seen_before(&w, find_call(fn, "operator+", 0)));
    graph_walk(&w, &an, NULL, fn->index, sum, graph_innermost_loop(fn, fn->nodes[sum].ctrl));
    ck_assert(graph_seen_before(&w, find_call(fn, "operator+", 0))); /* without summaries it goes through */
}
END_TEST

/* The one value `h` may hold when `name` returns (asserts there is one). */
static const struct ir_node *final_value_of_h(const char *src, const char *name)
{
    const struct ir_fn *fn = build(src, name);
    ir_id finals[4];
    ck_assert_uint_eq(graph_final_versions(fn, ir_param_var(fn, 1), finals, 4), 1);
    return &fn->nodes[finals[0]];
}

START_TEST(final_versions_are_what_a_parameter_holds_on_return)
{
    const char *src = "void later(ad::Tensor w, ad::Tensor& h) { h = w * w; h = h.argmax(); }\n"
                      "void sometimes(ad::Tensor w, ad::Tensor& h, bool c) { if (c) h = w * w; }\n"
                      "void looped(ad::Tensor w, ad::Tensor& h) { for (int i = 0; i < 3; i++) h = h + w; }\n"
                      "void reads(ad::Tensor w, ad::Tensor& h) { ad::Tensor s = h * w; }\n";
    const struct ir_node *v = final_value_of_h(src, "later");
    ck_assert(v->kind == IR_VAR && v->nops == 1);
    const struct ir_fn *fn = find_fn(&tu, "later");
    ck_assert_uint_eq(v->ops[0], find_call(fn, "argmax", 0)); /* not the product it replaced */
    ck_assert_int_eq(final_value_of_h(src, "sometimes")->kind, IR_PHI); /* written or not */
    ck_assert_int_eq(final_value_of_h(src, "looped")->kind, IR_PHI);   /* the loop's value */
    fn = build(src, "reads");
    ir_id none[1];
    ck_assert_uint_eq(graph_final_versions(fn, ir_param_var(fn, 1), none, 1), 0);
}
END_TEST

Suite *suite_graph(void)
{
    Suite *s = suite_create("graph");
    TCase *t = tcase_create("core");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, walk_stops_at_ops_without_gradient);
    tcase_add_test(t, values_carried_around_a_loop_come_from_an_earlier_iteration);
    tcase_add_test(t, in_place_detach_cuts_the_history);
    tcase_add_test(t, a_helper_that_detaches_cuts_the_walk);
    tcase_add_test(t, final_versions_are_what_a_parameter_holds_on_return);
    suite_add_tcase(s, t);
    return s;
}
