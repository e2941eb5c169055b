/* ir/serial and driver/xfile: a file's IR survives the trip between the
 * phases of a multi-file run, and linking another file's definitions is
 * deterministic (the plan's order decides, not the order files arrive). */
#include "driver/xfile.h"
#include "ir/serial.h"
#include "rules/registry.h"
#include "suites.h"
#include <stdlib.h>
#include <string.h>

MINI_TEST_STATE

static const char *const TRAIN =
    "ad::Tensor loss_of(const ad::Tensor& w);\n"
    "void train() {\n"
    "  auto w = ad::randn(4);\n"
    "  for (int i = 0; i < 3; ++i) {\n"
    "    auto l = loss_of(w);\n"
    "    l.backward();\n"
    "  }\n"
    "}\n";
static const char *const LOSS_CUT =
    "ad::Tensor loss_of(const ad::Tensor& w) {\n"
    "  ad::NoGrad off;\n"
    "  auto f = [&](int k) { return w * ad::ones(k); };\n"
    "  return f(4).sum();\n"
    "}\n";
static const char *const LOSS_OK = "ad::Tensor loss_of(const ad::Tensor& w) { return (w * w).sum(); }\n";

static char *dump(const struct ir_tu *t)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    ir_dump_tu(f, t);
    fclose(f);
    return text;
}

/* The serialised IR of `src`, malloc'd. */
static char *serialised(const char *src, size_t *len)
{
    struct ir_tu t;
    struct front_result r = build_source(src, m, &a, &t);
    ck_assert_msg(r.ok && !r.parse_errors, "%s", r.error ? r.error : "");
    struct strbuf b;
    sb_init(&b);
    ir_serialize(&b, &t);
    *len = b.len;
    return sb_detach(&b);
}

/* Lambdas, a guard, loops and a `?:` (a phi of no variable). */
static const char *const VARIED =
    "ad::Tensor pick(bool first, const ad::Tensor& w) {\n"
    "  ad::NoGrad off;\n"
    "  auto f = [&](int k) { return w * ad::ones(k); };\n"
    "  ad::Tensor t = first ? f(2) : w.sum();\n"
    "  for (int i = 0; i < 3; ++i) t += w;\n"
    "  return t;\n"
    "}\n";

START_TEST(round_trip)
{
    struct front_result r = build_source(VARIED, m, &a, &tu);
    ck_assert(r.ok);
    struct strbuf b;
    sb_init(&b);
    ir_serialize(&b, &tu);
    struct ir_tu back;
    ck_assert(ir_deserialize(b.s, b.len, &a, &back));
    char *x = dump(&tu), *y = dump(&back);
    ck_assert_str_eq(x, y);
    ck_assert_uint_eq(back.nfns, tu.nfns);
    for (uint32_t f = 0; f < tu.nfns; f++) {
        ck_assert(!tu.fns[f]->usr == !back.fns[f]->usr);
        if (tu.fns[f]->usr)
            ck_assert_str_eq(tu.fns[f]->usr, back.fns[f]->usr);
        ck_assert_uint_eq(tu.fns[f]->key, back.fns[f]->key);
    }
    /* A message cut anywhere, or with a bad index, is refused. */
    for (size_t n = 0; n < b.len; n += 1 + b.len / 97)
        ck_assert(!ir_deserialize(b.s, n, &a, &back));
    free(x);
    free(y);
    sb_free(&b);
}
END_TEST

START_TEST(calls_into_other_files_carry_usr)
{
    struct front_result r = build_source(TRAIN, m, &a, &tu);
    ck_assert(r.ok);
    const struct ir_fn *train = find_fn(&tu, "train");
    ck_assert_ptr_nonnull(train);
    ck_assert_uint_eq(train->nxcalls, 1);
    const struct ir_node *call = &train->nodes[train->xcalls[0].node];
    ck_assert_int_eq(call->callee, -1);
    ck_assert(strstr(call->name, "loss_of"));
    ck_assert(strstr(train->xcalls[0].usr, "loss_of"));
}
END_TEST

/* Keeps the IR of `src[k]` as file k, in the order `order`, and indexes. */
static void keep_all(struct xfile *x, const char *const src[3], const size_t order[3])
{
    char *bytes[3];
    size_t len[3];
    xfile_init(x, 3);
    for (int k = 0; k < 3; k++)
        bytes[k] = serialised(src[k], &len[k]);
    /* Two files holding the same definition (a header's inline function):
     * file 2 is file 1's copy when their sources are the same. */
    if (src[2] == src[1]) {
        free(bytes[2]);
        bytes[2] = malloc(len[1]);
        memcpy(bytes[2], bytes[1], len[1]);
        len[2] = len[1];
    }
    for (int k = 0; k < 3; k++)
        xfile_keep(x, order[k], bytes[order[k]], len[order[k]]);
    xfile_index(x);
}

static char *linked(const size_t order[3], struct xfile *x, unsigned *resolved)
{
    keep_all(x, (const char *const[]){TRAIN, LOSS_CUT, LOSS_CUT}, order);
    ck_assert_uint_eq(xfile_resolvable(x, 0), 1);
    ck_assert_uint_eq(xfile_resolvable(x, 1), 0);
    struct ir_tu t;
    ck_assert(xfile_link(x, 0, &a, &t, resolved));
    tu = t;
    return dump(&t);
}

START_TEST(link_follows_plan_order)
{
    struct xfile x1, x2;
    unsigned r1 = 0, r2 = 0;
    char *d1 = linked((const size_t[]){0, 1, 2}, &x1, &r1);
    char *d2 = linked((const size_t[]){2, 1, 0}, &x2, &r2);
    ck_assert_str_eq(d1, d2);
    ck_assert_uint_eq(r1, 1);
    ck_assert_uint_eq(r2, 1);
    const struct ir_fn *train = find_fn(&tu, "train");
    const struct ir_node *call = &train->nodes[train->xcalls[0].node];
    ck_assert_int_ge(call->callee, 0);
    const struct ir_fn *callee = tu.fns[call->callee];
    ck_assert_str_eq(callee->name, "loss_of");
    ck_assert_uint_eq(callee->index, (uint32_t)call->callee);
    ck_assert(strstr(d1, "NoGrad"));
    /* With the definition linked in, the rules see the guard: GL001. */
    struct diag_sink sink;
    diag_sink_init(&sink);
    struct analysis an;
    analysis_init(&an, &tu, m, &a);
    rules_run_all(&an, &sink);
    ck_assert_uint_ge(sink.diags.n, 1);
    ck_assert_int_eq(sink.diags.v[0].rule, RULE_GL001);
    diag_sink_free(&sink);
    free(d1);
    free(d2);
    xfile_free(&x1);
    xfile_free(&x2);
}
END_TEST

/* Two different files define loss_of: two programs in one run. */
START_TEST(two_definitions_resolve_nothing)
{
    struct xfile x;
    keep_all(&x, (const char *const[]){TRAIN, LOSS_CUT, LOSS_OK}, (const size_t[]){1, 0, 2});
    ck_assert_uint_eq(xfile_resolvable(&x, 0), 0);
    xfile_free(&x);
}
END_TEST

START_TEST(bounds_leave_calls_unknown)
{
    struct xfile x;
    xfile_init(&x, 2);
    size_t len;
    char *bytes = serialised(TRAIN, &len);
    xfile_keep(&x, 0, bytes, len);
    /* Past the per-file bound the definitions are not kept at all. */
    char *big = malloc(1);
    xfile_keep(&x, 1, big, XFILE_MAX_TU_BYTES + 1);
    xfile_index(&x);
    ck_assert_uint_eq(xfile_resolvable(&x, 0), 0);
    xfile_free(&x);
}
END_TEST

/* Through the tool: the pool's two phases find the bug in model.cpp that
 * the backward in train.cpp runs into; each file alone is silent. */
START_TEST(tool_runs_two_phases)
{
    const char *troot = getenv("TFGRADLINT_ROOT");
    ck_assert_ptr_nonnull(troot);
    char args[1024], *out;
    snprintf(args, sizeof args, "--format json %s/fixtures/projects/xfile_forward_no_grad 2>/dev/null", troot);
    run_tool(args, &out);
    ck_assert_ptr_nonnull(strstr(out, "\"GL001\""));
    ck_assert_ptr_nonnull(strstr(out, "\"cross_file_calls\":\t1"));
    free(out);
    snprintf(args, sizeof args, "--format json --no-cross-file %s/fixtures/projects/xfile_forward_no_grad 2>/dev/null",
             troot);
    run_tool(args, &out);
    ck_assert_ptr_null(strstr(out, "\"GL001\""));
    free(out);
}
END_TEST

/* Names the files of the units as if they were at `paths`. */
static void place(struct xfile *x, const char *const paths[3])
{
    for (int k = 0; k < 3; k++) {
        x->units[k].tu.path = paths[k];
        for (uint32_t f = 0; f < x->units[k].tu.nfns; f++)
            x->units[k].tu.fns[f]->file = paths[k];
    }
}

/* Two programs side by side: the definition nearest the caller is meant. */
START_TEST(nearest_definition_is_meant)
{
    struct xfile x;
    keep_all(&x, (const char *const[]){TRAIN, LOSS_CUT, LOSS_OK}, (const size_t[]){0, 1, 2});
    place(&x, (const char *const[]){"p/a/train.cpp", "p/b/loss.cpp", "p/a/loss.cpp"});
    ck_assert_uint_eq(xfile_resolvable(&x, 0), 1);
    struct ir_tu t;
    unsigned r;
    ck_assert(xfile_link(&x, 0, &a, &t, &r));
    const struct ir_fn *train = find_fn(&t, "train");
    ck_assert_str_eq(t.fns[train->nodes[train->xcalls[0].node].callee]->file, "p/a/loss.cpp");
    /* Equally near: not known. */
    place(&x, (const char *const[]){"p/train.cpp", "p/b/loss.cpp", "p/a/loss.cpp"});
    ck_assert_uint_eq(xfile_resolvable(&x, 0), 0);
    xfile_free(&x);
}
END_TEST

Suite *suite_xfile(void)
{
    Suite *s = suite_create("xfile");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, round_trip);
    tcase_add_test(tc, calls_into_other_files_carry_usr);
    tcase_add_test(tc, link_follows_plan_order);
    tcase_add_test(tc, two_definitions_resolve_nothing);
    tcase_add_test(tc, nearest_definition_is_meant);
    tcase_add_test(tc, bounds_leave_calls_unknown);
    tcase_add_test(tc, tool_runs_two_phases);
    suite_add_tcase(s, tc);
    return s;
}
