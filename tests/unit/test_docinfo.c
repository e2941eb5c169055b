/* Unit tests: reading summaries and sections out of rule docs. */
#include "suites.h"
#include "rules/docinfo.h"
#include "rules/docs.h"
#include "rules/registry.h"
#include <stdlib.h>
#include <string.h>

static const char *const DOC =
    "# GL900 made-up\n"
    "\n"
    "## What it does\n"
    "\n"
    "Finds `torch.json` things\n"
    "  across lines: and more. Second sentence.\n"
    "\n"
    "## Why is this bad\n"
    "\n"
    "Because.\n"
    "## Example\n";

START_TEST(section_is_the_body_up_to_the_next_heading)
{
    char *s = rule_doc_section(DOC, "Why is this bad");
    ck_assert_str_eq(s, "Because.");
    free(s);
    s = rule_doc_section(DOC, "Example");
    ck_assert_str_eq(s, "");
    free(s);
    ck_assert_ptr_null(rule_doc_section(DOC, "Use instead"));
    ck_assert_ptr_null(rule_doc_section(DOC, "Why")); /* whole headings only */
}
END_TEST

START_TEST(description_is_plain_text_on_one_line)
{
    char *s = rule_doc_description(DOC);
    ck_assert_str_eq(s, "Finds torch.json things across lines: and more. Second sentence.");
    free(s);
    s = rule_doc_summary(DOC);
    ck_assert_str_eq(s, "Finds torch.json things across lines");
    free(s);
    ck_assert_ptr_null(rule_doc_summary("# GL900 no sections\n"));
}
END_TEST

/* The pseudo-rule for unmatched NOLINT regions is documented like a rule. */
START_TEST(every_rule_and_the_nolint_pseudo_rule_has_a_summary)
{
    for (int r = 0; r <= RULE_NOLINT; r++) {
        const char *doc = rule_doc(rule_get(r)->id);
        ck_assert_msg(doc != NULL, "%s has no doc", rule_get(r)->id);
        char *s = rule_doc_summary(doc);
        ck_assert_msg(s && strlen(s) > 10, "%s: no summary sentence in What it does", rule_get(r)->id);
        free(s);
    }
    ck_assert_int_eq(rule_find_any("tfgradlint-nolint"), RULE_NOLINT);
    ck_assert_int_eq(rule_find("tfgradlint-nolint"), -1);
}
END_TEST

Suite *suite_docinfo(void)
{
    Suite *s = suite_create("docinfo");
    TCase *t = tcase_create("docs");
    tcase_add_test(t, section_is_the_body_up_to_the_next_heading);
    tcase_add_test(t, description_is_plain_text_on_one_line);
    tcase_add_test(t, every_rule_and_the_nolint_pseudo_rule_has_a_summary);
    suite_add_tcase(s, t);
    return s;
}
