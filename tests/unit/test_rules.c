/* Unit tests: GL001 through the whole analysis on the mini framework. */
#include "suites.h"
#include "rules/registry.h"
#include <stdio.h>
#include <string.h>
#include "analysis/flow.h"

static struct model *m;
static struct arena a;
static struct ir_tu tu;
static struct diag_sink sink;

static void setup(void)
{
    m = mini_model();
    arena_init(&a);
    diag_sink_init(&sink);
}

static void teardown(void)
{
    diag_sink_free(&sink);
    arena_free(&a);
    model_free(m);
}

static size_t run(const char *src)
{
    struct front_result r = build_source(src, m, &a, &tu);
    ck_assert_msg(r.ok && !r.parse_errors, "%s", r.error ? r.error : "");
    struct analysis an;
    analysis_init(&an, &tu, m, &a);
    rules_run_all(&an, &sink);
    diag_sort(&sink);
    return sink.diags.n;
}

/* The same with a pass cap on the analyses' fixpoints. */
static size_t run_capped(const char *src, uint32_t max_passes)
{
    struct front_result r = build_source(src, m, &a, &tu);
    ck_assert_msg(r.ok && !r.parse_errors, "%s", r.error ? r.error : "");
    struct analysis an;
    analysis_init(&an, &tu, m, &a);
    an.max_passes = max_passes;
    rules_run_all(&an, &sink);
    return sink.diags.n;
}

static unsigned body_line(unsigned k)
{
    unsigned n = 0;
    for (const char *p = MINI_HEADER; *p; p++)
        n += *p == '\n';
    return n + k;
}

START_TEST(gl001_reports_the_first_unrecorded_op_with_notes)
{
    ck_assert_uint_eq(run("void step(ad::Linear& net, ad::Tensor x, ad::Tensor y) {\n"
                          "  ad::NoGrad g;\n"
                          "  ad::Tensor out = net.forward(x);\n"
                          "  ad::Tensor loss = ad::mse(out, y);\n"
                          "  loss.backward();\n"
                          "}\n"),
                      1);
    const struct diag *d = &sink.diags.v[0];
    ck_assert_int_eq(d->rule, RULE_GL001);
    ck_assert_int_eq(d->severity, SEV_ERROR);
    ck_assert_uint_eq(d->loc.line, body_line(3));
    ck_assert_ptr_nonnull(strstr(d->message, "`forward` runs with gradient recording off"));
    ck_assert_uint_eq(d->nnotes, 2);
    ck_assert_uint_eq(d->notes[0].loc.line, body_line(2));
    ck_assert_uint_eq(d->notes[1].loc.line, body_line(5));
}
END_TEST

START_TEST(gl001_follows_a_guard_inside_a_helper)
{
    ck_assert_uint_eq(run("ad::Tensor predict(ad::Linear& net, ad::Tensor x) {\n"
                          "  ad::NoGrad g;\n"
                          "  return net.forward(x);\n"
                          "}\n"
                          "void step(ad::Linear& net, ad::Tensor x) {\n"
                          "  ad::Tensor loss = predict(net, x).sum();\n"
                          "  loss.backward();\n"
                          "}\n"),
                      1);
    ck_assert_uint_eq(sink.diags.v[0].loc.line, body_line(3));
}
END_TEST

START_TEST(gl001_reports_the_call_when_the_caller_holds_the_guard)
{
    ck_assert_uint_eq(run("ad::Tensor predict(ad::Linear& net, ad::Tensor x) { return net.forward(x); }\n"
                          "void step(ad::Linear& net, ad::Tensor x) {\n"
                          "  ad::GradMode::set_enabled(false);\n"
                          "  ad::Tensor out = predict(net, x);\n"
                          "  ad::GradMode::set_enabled(true);\n"
                          "  ad::Tensor loss = out.sum();\n"
                          "  loss.backward();\n"
                          "}\n"),
                      1);
    ck_assert_uint_eq(sink.diags.v[0].loc.line, body_line(4));
}
END_TEST

START_TEST(gl001_reports_a_call_into_a_training_step_under_a_guard)
{
    ck_assert_uint_eq(run("void step(ad::Linear& net, ad::Tensor x) {\n"
                          "  ad::Tensor loss = net.forward(x).sum();\n"
                          "  loss.backward();\n"
                          "}\n"
                          "void loop(ad::Linear& net, ad::Tensor x) {\n"
                          "  ad::NoGrad g;\n"
                          "  step(net, x);\n"
                          "}\n"
                          "void fine(ad::Linear& net, ad::Tensor x) { step(net, x); }\n"),
                      1);
    ck_assert_uint_eq(sink.diags.v[0].loc.line, body_line(7));
    ck_assert_uint_eq(sink.diags.v[0].notes[0].loc.line, body_line(6));
}
END_TEST

START_TEST(gl001_silent_on_recorded_paths)
{
    ck_assert_uint_eq(run("void step(ad::Linear& net, ad::Linear& target, ad::Tensor x) {\n"
                          "  ad::Tensor t;\n"
                          "  { ad::NoGrad g; t = target.forward(x); }\n"
                          "  ad::Tensor loss = ad::mse(net.forward(x), t);\n"
                          "  loss.backward();\n"
                          "  { ad::NoGrad g; ad::Tensor w = ad::randn(2); w.add_(loss); }\n"
                          "}\n"
                          "void eval(ad::Linear& net, ad::Tensor x) { ad::NoGrad g; net.forward(x).sum(); }\n"),
                      0);
}
END_TEST

START_TEST(gl001_unknown_recording_state_is_silent)
{
    ck_assert_uint_eq(run("void step(ad::Linear& net, ad::Tensor x, bool train) {\n"
                          "  ad::SetGrad g(train);\n"
                          "  ad::Tensor loss = net.forward(x).sum();\n"
                          "  loss.backward();\n"
                          "}\n"),
                      0);
}
END_TEST

/* argmax cuts the path of a value shifted through four loop variables: the
 * loop needs five passes to carry it to the loss. */
static const char *const loop_chain =
    "void step(ad::Linear& net, ad::Tensor x, ad::Tensor y) {\n"
    "  ad::Tensor a = ad::ones(3), b = ad::ones(3), c = ad::ones(3), d = ad::ones(3);\n"
    "  for (int i = 0; i < 8; i++) {\n"
    "    d = c; c = b; b = a;\n"
    "    a = net.forward(x).argmax();\n"
    "  }\n"
    "  ad::Tensor loss = ad::mse(d, y);\n"
    "  loss.backward();\n"
    "}\n";

START_TEST(loop_chains_converge_and_a_capped_fixpoint_is_silent)
{
    ck_assert_uint_eq(run(loop_chain), 1);
    ck_assert_int_eq(sink.diags.v[0].rule, RULE_GL002);
    ck_assert_uint_eq(sink.diags.v[0].loc.line, body_line(5));
    diag_sink_free(&sink);
    diag_sink_init(&sink);
    ck_assert_uint_eq(run_capped(loop_chain, 3), 0);
}
END_TEST

/* The mini framework's model quotes no runtime errors: the messages say
 * what happens in neutral words, never LibTorch's text. */
START_TEST(a_model_without_error_texts_gets_neutral_wording)
{
    ck_assert_uint_eq(run("void step(ad::Linear& net, ad::Tensor x) {\n"
                          "  ad::Tensor loss = net.forward(x).sum();\n"
                          "  loss.backward();\n"
                          "  loss.backward();\n"
                          "}\n"),
                      1);
    ck_assert_int_eq(sink.diags.v[0].rule, RULE_GL005);
    ck_assert_ptr_nonnull(strstr(sink.diags.v[0].message, "this fails, since that graph was freed"));
    ck_assert_ptr_null(strstr(sink.diags.v[0].message, "Trying to backward"));
    diag_sink_free(&sink);
    diag_sink_init(&sink);
    ck_assert_uint_eq(run("void step(ad::Tensor x) {\n"
                          "  ad::Tensor loss = ad::ones(3).sum();\n"
                          "  loss.backward();\n"
                          "}\n"),
                      1);
    ck_assert_int_eq(sink.diags.v[0].rule, RULE_GL004);
    ck_assert_ptr_nonnull(strstr(sink.diags.v[0].message, "nothing it is computed from is trainable"));
    ck_assert_ptr_null(strstr(sink.diags.v[0].message, "element 0"));
}
END_TEST

/* `pick` takes `nints` ints, then the tensor it cuts with argmax. */
static const char *wide_helper(int nints)
{
    static char src[4096];
    int len = snprintf(src, sizeof src, "ad::Tensor pick(");
    for (int i = 0; i < nints; i++)
        len += snprintf(src + len, sizeof src - (size_t)len, "int a%d, ", i);
    len += snprintf(src + len, sizeof src - (size_t)len,
                    "ad::Tensor t) { return t.argmax(); }\n"
                    "void step(ad::Linear& net, ad::Tensor x) {\n"
                    "  ad::Tensor loss = pick(");
    for (int i = 0; i < nints; i++)
        len += snprintf(src + len, sizeof src - (size_t)len, "0, ");
    snprintf(src + len, sizeof src - (size_t)len, "net.forward(x));\n  loss.backward();\n}\n");
    return src;
}

/* Function inputs past FLOW_MAX_INPUTS are not tracked: what the function
 * computes from them is unknown, never a finding (neither the cut nor a
 * claim that nothing trainable reaches the loss). */
START_TEST(inputs_past_the_mask_are_unknown)
{
    ck_assert_uint_eq(run(wide_helper(FLOW_MAX_INPUTS - 1)), 1);
    ck_assert_int_eq(sink.diags.v[0].rule, RULE_GL002);
    diag_sink_free(&sink);
    diag_sink_init(&sink);
    ck_assert_uint_eq(run(wide_helper(FLOW_MAX_INPUTS)), 0);
}
END_TEST

/* A message names its subjects whole: a long variable in a branch
 * condition once came out cut at 95 bytes, and a whole message at 768. */
START_TEST(messages_are_never_truncated)
{
    char name[601], src[2048], want[700];
    memset(name, 'w', sizeof name - 1);
    name[sizeof name - 1] = '\0';
    snprintf(src, sizeof src,
             "void step(ad::Linear& net, ad::Tensor x, ad::Tensor y, int %s) {\n"
             "  ad::Tensor loss = ad::ones(1);\n"
             "  if (%s > 3) loss = ad::mse(net.forward(x), y);\n"
             "  loss.backward();\n"
             "}\n",
             name, name);
    ck_assert_uint_eq(run(src), 1);
    ck_assert_int_eq(sink.diags.v[0].rule, RULE_GL003);
    snprintf(want, sizeof want, "when `%s > 3` is false, the loss passed to `backward` at line %u ", name,
             body_line(4));
    ck_assert_msg(strncmp(sink.diags.v[0].message, want, strlen(want)) == 0, "%s", sink.diags.v[0].message);
}
END_TEST

/* One GL001 and one GL002 finding, in two functions. */
static const char *const two_rules =
    "void eval_step(ad::Linear& net, ad::Tensor x) {\n"
    "  ad::NoGrad g;\n"
    "  net.forward(x).sum().backward();\n"
    "}\n"
    "void class_step(ad::Linear& net, ad::Tensor x, ad::Tensor y) {\n"
    "  ad::Tensor p = net.forward(x).argmax();\n"
    "  ad::mse(p, y).backward();\n"
    "}\n";

/* Runs `two_rules` with `enabled` and returns the rules found, as a mask. */
static unsigned rules_found(bool *enabled)
{
    diag_sink_free(&sink);
    diag_sink_init(&sink);
    sink.enabled = enabled;
    run(two_rules);
    unsigned mask = 0;
    for (size_t i = 0; i < sink.diags.n; i++)
        mask |= 1u << sink.diags.v[i].rule;
    return mask;
}

START_TEST(rule_selection_keeps_exactly_the_enabled_rules)
{
    bool enabled[RULE_COUNT];
    for (int r = 0; r < RULE_COUNT; r++)
        enabled[r] = true;
    ck_assert_uint_eq(rules_found(enabled), 1u << RULE_GL001 | 1u << RULE_GL002);
    for (int r = 0; r < RULE_COUNT; r++) /* select GL001 only */
        enabled[r] = r == RULE_GL001;
    ck_assert_uint_eq(rules_found(enabled), 1u << RULE_GL001);
    for (int r = 0; r < RULE_COUNT; r++) /* ignore GL001 */
        enabled[r] = r != RULE_GL001;
    ck_assert_uint_eq(rules_found(enabled), 1u << RULE_GL002);
    sink.enabled = NULL;
}
END_TEST

Suite *suite_rules(void)
{
    Suite *s = suite_create("rules");
    TCase *t = tcase_create("gl001");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, gl001_reports_the_first_unrecorded_op_with_notes);
    tcase_add_test(t, gl001_follows_a_guard_inside_a_helper);
    tcase_add_test(t, gl001_reports_the_call_when_the_caller_holds_the_guard);
    tcase_add_test(t, gl001_reports_a_call_into_a_training_step_under_a_guard);
    tcase_add_test(t, gl001_silent_on_recorded_paths);
    tcase_add_test(t, gl001_unknown_recording_state_is_silent);
    tcase_add_test(t, loop_chains_converge_and_a_capped_fixpoint_is_silent);
    tcase_add_test(t, rule_selection_keeps_exactly_the_enabled_rules);
    tcase_add_test(t, a_model_without_error_texts_gets_neutral_wording);
    tcase_add_test(t, inputs_past_the_mask_are_unknown);
    tcase_add_test(t, messages_are_never_truncated);
    suite_add_tcase(s, t);
    return s;
}
