/* analysis/bound_calls: a call through a callback parameter is followed
 * into the function only when every caller in sight passes that same
 * function; anything else leaves it unknown. Across files, the caller's
 * file links the callee and the callback it names, and binds there. */
#include "analysis/bound_calls.h"
#include "driver/xfile.h"
#include "ir/serial.h"
#include "suites.h"
#include <stdlib.h>
#include <string.h>

MINI_TEST_STATE

#define STEP                                                                                                 \
    "ad::Tensor cut_loss(const ad::Tensor& w) { return (w * w).sum(); }\n"                                  \
    "ad::Tensor other_loss(const ad::Tensor& w) { return w.sum(); }\n"                                      \
    "ad::Tensor step(const ad::Tensor& w, ad::Tensor (*loss_fn)(const ad::Tensor&)) {\n"                    \
    "  ad::NoGrad off;\n"                                                                                    \
    "  return loss_fn(w);\n"                                                                                 \
    "}\n"

/* The callee of step's call through `loss_fn` after binding `src`, by
 * name ("" when unbound), and how many calls were bound. */
static const char *bound_callee(const char *src, unsigned *nbound)
{
    struct front_result r = build_source(src, m, &a, &tu);
    ck_assert_msg(r.ok && !r.parse_errors, "%s", r.error ? r.error : "");
    *nbound = bound_calls_bind(tu.fns, tu.nfns);
    const struct ir_fn *step = find_fn(&tu, "step");
    ck_assert_ptr_nonnull(step);
    ck_assert(bound_calls_through_param(step) == (*nbound == 0));
    for (ir_id i = 0; i < step->nnodes; i++) {
        const struct ir_node *n = &step->nodes[i];
        if (n->kind == IR_CALL && n->nargs == 1 && n->nops == 1 && !n->op)
            return n->callee >= 0 ? tu.fns[n->callee]->name : "";
    }
    ck_abort_msg("no call through the parameter");
    return NULL;
}

START_TEST(every_caller_passes_one_function)
{
    unsigned n;
    const char *src = STEP "void train() { auto w = ad::randn(4); step(w, cut_loss).backward(); "
                           "step(w, &cut_loss).backward(); }\n";
    ck_assert_str_eq(bound_callee(src, &n), "cut_loss");
    ck_assert_uint_eq(n, 1);
}
END_TEST

START_TEST(captureless_lambda_is_bound)
{
    unsigned n;
    const char *src = STEP "void train() { auto w = ad::randn(4); "
                           "step(w, [](const ad::Tensor& t) { return t.sum(); }).backward(); }\n";
    ck_assert(strncmp(bound_callee(src, &n), "lambda@", 7) == 0);
    ck_assert_uint_eq(n, 1);
}
END_TEST

START_TEST(callers_disagree)
{
    unsigned n;
    const char *src = STEP "void train() { auto w = ad::randn(4); step(w, cut_loss).backward(); "
                           "step(w, other_loss).backward(); }\n";
    ck_assert_str_eq(bound_callee(src, &n), "");
    ck_assert_uint_eq(n, 0);
}
END_TEST

/* `run` -> `train(f)` -> `step(w, f)`: what run passes reaches step. */
START_TEST(caller_passes_its_own_parameter_on)
{
    unsigned n;
    const char *src = STEP "void train(ad::Tensor (*f)(const ad::Tensor&)) { auto w = ad::randn(4); "
                           "step(w, f).backward(); }\n"
                           "void run() { train(cut_loss); }\n";
    ck_assert_str_eq(bound_callee(src, &n), "cut_loss");
}
END_TEST

START_TEST(passed_on_from_nowhere_or_disagreeing)
{
    unsigned n;
    const char *nowhere = STEP "void train(ad::Tensor (*f)(const ad::Tensor&)) { auto w = ad::randn(4); "
                               "step(w, f).backward(); }\n";
    ck_assert_str_eq(bound_callee(nowhere, &n), "");
    const char *disagree = STEP "void train(ad::Tensor (*f)(const ad::Tensor&)) { auto w = ad::randn(4); "
                                "step(w, f).backward(); }\n"
                                "void run() { train(cut_loss); train(other_loss); }\n";
    ck_assert_str_eq(bound_callee(disagree, &n), "");
}
END_TEST

START_TEST(no_caller_in_sight)
{
    unsigned n;
    ck_assert_str_eq(bound_callee(STEP, &n), "");
    ck_assert_uint_eq(n, 0);
}
END_TEST

/* The callback and the function calling it in another file than the
 * caller: the caller's file links both (its call and the function it
 * names), and binds there. */
START_TEST(callee_in_another_file_is_bound_in_the_callers_link)
{
    const char *def = STEP;
    const char *caller = "ad::Tensor cut_loss(const ad::Tensor& w);\n"
                         "ad::Tensor step(const ad::Tensor& w, ad::Tensor (*loss_fn)(const ad::Tensor&));\n"
                         "void train() { auto w = ad::randn(4); step(w, cut_loss).backward(); }\n";
    const char *src[2] = {def, caller};
    struct xfile x;
    xfile_init(&x, 2);
    for (size_t k = 0; k < 2; k++) {
        struct ir_tu t;
        struct front_result r = build_source(src[k], m, &a, &t);
        ck_assert(r.ok && !r.parse_errors);
        struct strbuf b;
        sb_init(&b);
        ir_serialize(&b, &t);
        size_t len = b.len;
        xfile_keep(&x, k, sb_detach(&b), len);
    }
    xfile_index(&x);
    struct ir_tu linked;
    unsigned resolved = 0;
    ck_assert(xfile_link(&x, 1, &a, &linked, &resolved));
    ck_assert_uint_eq(resolved, 1); /* the call of step; naming cut_loss is no call */
    ck_assert_uint_eq(bound_calls_bind(linked.fns, linked.nfns), 1);
    xfile_free(&x);
}
END_TEST

Suite *suite_bound_calls(void)
{
    Suite *s = suite_create("bound_calls");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, every_caller_passes_one_function);
    tcase_add_test(tc, captureless_lambda_is_bound);
    tcase_add_test(tc, callers_disagree);
    tcase_add_test(tc, caller_passes_its_own_parameter_on);
    tcase_add_test(tc, passed_on_from_nowhere_or_disagreeing);
    tcase_add_test(tc, no_caller_in_sight);
    tcase_add_test(tc, callee_in_another_file_is_bound_in_the_callers_link);
    suite_add_tcase(s, tc);
    return s;
}
