/* Unit tests: resolving recording state through guards, switches, joins
 * and calls. */
#include "suites.h"
#include "analysis/recording.h"

MINI_TEST_STATE
static struct analysis an;


static uint32_t prepare(const char *src, const char *fname)
{
    struct front_result r = build_source(src, m, &a, &tu);
    ck_assert_msg(r.ok && !r.parse_errors, "%s", r.error ? r.error : "");
    analysis_init(&an, &tu, m, &a);
    const struct ir_fn *fn = find_fn(&tu, fname);
    ck_assert_ptr_nonnull(fn);
    return fn->index;
}

/* State at the n-th (0-based) `operator*` call of function `f`. */
static struct rec_state at_mul(uint32_t f, int nth, enum ir_tristate entry)
{
    ir_id id = 0;
    for (int k = 0; k <= nth; k++) {
        id = find_call(tu.fns[f], "operator*", k ? id + 1 : 0);
        ck_assert_uint_ne(id, IR_NONE);
    }
    return rec_at(&an, f, id, entry);
}

START_TEST(guard_turns_recording_off_for_its_block_only)
{
    uint32_t f = prepare("void f(ad::Tensor x) { { ad::NoGrad g; x * x; } x * x; }\n", "f");
    struct rec_state in = at_mul(f, 0, TRI_ON), out = at_mul(f, 1, TRI_ON);
    ck_assert_int_eq(in.state, TRI_OFF);
    ck_assert(!in.from_entry);
    ck_assert_str_eq(tu.fns[in.cause.fn]->nodes[in.cause.node].name, "ad::NoGrad");
    ck_assert_int_eq(out.state, TRI_ON);
    ck_assert(out.from_entry);
    ck_assert_int_eq(at_mul(f, 1, TRI_OFF).state, TRI_OFF); /* inherits the entry */
}
END_TEST

START_TEST(switch_off_then_on)
{
    uint32_t f = prepare("void f(ad::Tensor x) { ad::GradMode::set_enabled(false); x * x;"
                         " ad::GradMode::set_enabled(true); x * x; }\n",
                         "f");
    ck_assert_int_eq(at_mul(f, 0, TRI_ON).state, TRI_OFF);
    ck_assert_int_eq(at_mul(f, 1, TRI_ON).state, TRI_ON);
    ck_assert(!at_mul(f, 1, TRI_ON).from_entry);
}
END_TEST

START_TEST(runtime_flag_is_unknown)
{
    uint32_t f = prepare("void f(ad::Tensor x, bool on) { ad::SetGrad g(on); x * x; }\n"
                         "void h(ad::Tensor x) { ad::SetGrad g(false); x * x; }\n",
                         "f");
    ck_assert_int_eq(at_mul(f, 0, TRI_ON).state, TRI_UNKNOWN);
    uint32_t h = find_fn(&tu, "h")->index;
    ck_assert_int_eq(at_mul(h, 0, TRI_ON).state, TRI_OFF);
}
END_TEST

START_TEST(join_of_different_states_is_unknown)
{
    uint32_t f = prepare("void f(ad::Tensor x, bool c) { if (c) ad::GradMode::set_enabled(false); x * x; }\n", "f");
    ck_assert_int_eq(at_mul(f, 0, TRI_ON).state, TRI_UNKNOWN);
}
END_TEST

START_TEST(calls_carry_the_callees_exit_state)
{
    uint32_t f = prepare("void off() { ad::GradMode::set_enabled(false); }\n"
                         "void keep() { ad::NoGrad g; }\n"
                         "void f(ad::Tensor x) { keep(); x * x; off(); x * x; }\n",
                         "f");
    struct rec_state after_keep = at_mul(f, 0, TRI_ON), after_off = at_mul(f, 1, TRI_ON);
    ck_assert_int_eq(after_keep.state, TRI_ON);
    ck_assert(after_keep.from_entry);
    ck_assert_int_eq(after_off.state, TRI_OFF);
    ck_assert_uint_eq(after_off.cause.fn, find_fn(&tu, "off")->index);
}
END_TEST

START_TEST(recursion_terminates_as_unknown)
{
    uint32_t f = prepare("void f(ad::Tensor x, int n) { if (n) f(x, n - 1); x * x; }\n", "f");
    ck_assert_int_eq(at_mul(f, 0, TRI_ON).state, TRI_UNKNOWN);
}
END_TEST

Suite *suite_recording(void)
{
    Suite *s = suite_create("recording");
    TCase *t = tcase_create("core");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, guard_turns_recording_off_for_its_block_only);
    tcase_add_test(t, switch_off_then_on);
    tcase_add_test(t, runtime_flag_is_unknown);
    tcase_add_test(t, join_of_different_states_is_unknown);
    tcase_add_test(t, calls_carry_the_callees_exit_state);
    tcase_add_test(t, recursion_terminates_as_unknown);
    suite_add_tcase(s, t);
    return s;
}
