/* Unit tests: NOLINT directives (diag/nolint). */
#include "suites.h"
#include "diag/nolint.h"
#include <string.h>

static struct nolint_set set;

static void scan(const char *text) { nolint_scan(text, &set); }
static void teardown(void) { nolint_free(&set); }
static bool covers(const char *id, unsigned line)
{
    return nolint_covers(&set, id, strcmp(id, "GL001") == 0 ? "loss-outside-tape" : "nondiff-on-loss-path", line);
}

START_TEST(nolint_on_the_line_with_and_without_rules)
{
    scan("a; // NOLINT\n"
         "b; // NOLINT(GL002)\n"
         "c; /* NOLINT(tfgradlint-loss-outside-tape, GL003) */\n"
         "d; // NOLINTFOO\n"
         "e; NOLINT outside a comment\n");
    ck_assert(covers("GL001", 1) && covers("GL002", 1));
    ck_assert(!covers("GL001", 2) && covers("GL002", 2));
    ck_assert(covers("GL001", 3) && !covers("GL002", 3));
    ck_assert(!covers("GL001", 4));
    ck_assert(!covers("GL001", 5));
}
END_TEST

START_TEST(nolintnextline_names_ids_names_prefixes_and_globs)
{
    scan("// NOLINTNEXTLINE(GL002, GL003)\n"
         "x;\n"
         "// NOLINTNEXTLINE(tfgradlint-GL00*)\n"
         "y;\n"
         "// NOLINTNEXTLINE(nondiff-on-loss-path)\n"
         "z;\n");
    ck_assert(covers("GL002", 2) && !covers("GL001", 2) && !covers("GL002", 1));
    ck_assert(covers("GL001", 4) && covers("GL002", 4));
    ck_assert(covers("GL002", 6) && !covers("GL001", 6));
}
END_TEST

START_TEST(regions_pair_by_rule_list_and_report_the_unmatched)
{
    scan("// NOLINTBEGIN(GL001)\n"    /* 1 */
         "// NOLINTBEGIN(GL002)\n"    /* 2 */
         "a;\n"                       /* 3 */
         "// NOLINTEND(GL001)\n"      /* 4: closes line 1, not line 2 */
         "b;\n"                       /* 5 */
         "  // NOLINTEND(GL003)\n"    /* 6: closes nothing */
         "c;\n");                     /* 7 */
    ck_assert(covers("GL001", 1) && covers("GL001", 3) && covers("GL001", 4));
    ck_assert(!covers("GL001", 5));
    ck_assert(!covers("GL002", 3)); /* its BEGIN never ends: suppresses nothing */
    ck_assert_uint_eq(set.unmatched.n, 2);
    ck_assert(!set.unmatched.v[0].is_begin);
    ck_assert_uint_eq(set.unmatched.v[0].line, 6);
    ck_assert_uint_eq(set.unmatched.v[0].col, 6);
    ck_assert_str_eq(set.unmatched.v[0].directive, "NOLINTEND(GL003)");
    ck_assert(set.unmatched.v[1].is_begin);
    ck_assert_uint_eq(set.unmatched.v[1].line, 2);
    ck_assert_str_eq(set.unmatched.v[1].directive, "NOLINTBEGIN(GL002)");
}
END_TEST

START_TEST(bare_region_covers_every_rule_and_nests)
{
    scan("// NOLINTBEGIN\n// NOLINTBEGIN( GL002 )\nx;\n// NOLINTEND(GL002)\ny;\n// NOLINTEND\nz;");
    ck_assert(covers("GL001", 3) && covers("GL002", 5));
    ck_assert(!covers("GL001", 7));
    ck_assert_uint_eq(set.unmatched.n, 0);
}
END_TEST

/* A rule pattern of any length is matched, not cut at a buffer's size. */
START_TEST(long_patterns_are_matched_whole)
{
    char text[512] = "a; // NOLINT(";
    size_t len = strlen(text);
    memset(text + len, '*', 300);
    strcpy(text + len + 300, ")\n");
    scan(text);
    ck_assert(covers("GL001", 1));
}
END_TEST

Suite *suite_nolint(void)
{
    Suite *s = suite_create("nolint");
    TCase *t = tcase_create("directives");
    tcase_add_checked_fixture(t, NULL, teardown);
    tcase_add_test(t, nolint_on_the_line_with_and_without_rules);
    tcase_add_test(t, long_patterns_are_matched_whole);
    tcase_add_test(t, nolintnextline_names_ids_names_prefixes_and_globs);
    tcase_add_test(t, regions_pair_by_rule_list_and_report_the_unmatched);
    tcase_add_test(t, bare_region_covers_every_rule_and_nests);
    suite_add_tcase(s, t);
    return s;
}
