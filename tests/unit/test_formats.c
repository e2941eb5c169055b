/* Unit tests: the CI reporters (sarif, github, gitlab), fingerprints and
 * root-relative paths. End-to-end checks of the same formats on real
 * fixtures are in tests/cli. */
#include "suites.h"
#include "report/report.h"
#include "rules/registry.h"
#include "util/strbuf.h"
#include <cjson/cJSON.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[64], src[128];
static struct diag_sink sink;

static void write_source(const char *text)
{
    FILE *f = fopen(src, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

static void setup(void)
{
    strcpy(dir, "/tmp/tfgradlint-formats-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(src, sizeof src, "%s/a b.cpp", dir);
    write_source("x = f(y);\n  x = f(y);\nz = g(x);\n");
    diag_sink_init(&sink);
}

static void teardown(void)
{
    diag_sink_free(&sink);
    unlink(src);
    rmdir(dir);
}

static char *render(void (*fn)(FILE *, const struct report_input *), const char *root)
{
    struct report_input in = {NULL, 0, sink.diags.v, sink.diags.n, root};
    char *buf;
    size_t len;
    FILE *f = open_memstream(&buf, &len);
    fn(f, &in);
    fclose(f);
    return buf;
}

static void add(unsigned line, const char *msg)
{
    diag_report(&sink, RULE_GL002, SEV_ERROR, src, (struct ir_loc){line, 1}, (struct ir_loc){line, 4}, msg, NULL, 0);
}

START_TEST(github_escapes_data_and_properties)
{
    add(3, "100% wrong:\r\nsee, here");
    char *out = render(report_github, dir);
    ck_assert_str_eq(out, "::error file=a b.cpp,line=3,endLine=3,col=1,endColumn=4,"
                          "title=GL002 nondiff-on-loss-path::100%25 wrong:%0D%0Asee, here\n");
    free(out);
}
END_TEST

START_TEST(identical_lines_get_distinct_fingerprints_that_survive_shifts)
{
    add(1, "m");
    add(2, "m"); /* same text as line 1 once white space is dropped */
    add(3, "m");
    struct report_input in = {NULL, 0, sink.diags.v, sink.diags.n, dir};
    char fp[3][REPORT_FINGERPRINT_LEN], moved[3][REPORT_FINGERPRINT_LEN];
    report_fingerprints(&in, fp);
    ck_assert_str_ne(fp[0], fp[1]);
    ck_assert_str_ne(fp[1], fp[2]);
    write_source("\n\nx = f(y);\nx = f(y);\n\tz = g(x);\n");
    for (size_t i = 0; i < 3; i++)
        sink.diags.v[i].loc.line += 2;
    report_fingerprints(&in, moved);
    for (int i = 0; i < 3; i++)
        ck_assert_str_eq(moved[i], fp[i]);
    /* The same line under another root-relative path is another finding. */
    in.root = "/";
    report_fingerprints(&in, moved);
    ck_assert_str_ne(moved[0], fp[0]);
}
END_TEST

START_TEST(relpath_and_uri)
{
    char *rel = report_relpath(src, dir);
    ck_assert_str_eq(rel, "a b.cpp");
    free(rel);
    rel = report_relpath(src, "/nonexistent-root");
    ck_assert_str_eq(rel, src);
    free(rel);
    rel = report_relpath("/nonexistent/x.cpp", dir); /* unresolvable: as given */
    ck_assert_str_eq(rel, "/nonexistent/x.cpp");
    free(rel);
    struct strbuf b;
    sb_init(&b);
    report_add_uri(&b, "dir/a b%#.cpp");
    ck_assert_str_eq(sb_str(&b), "dir/a%20b%25%23.cpp");
    sb_free(&b);
}
END_TEST

START_TEST(sarif_result_and_gitlab_issue)
{
    add(3, "cut");
    char *out = render(report_sarif, dir);
    cJSON *root = cJSON_Parse(out);
    ck_assert_ptr_nonnull(root);
    cJSON *res = cJSON_GetArrayItem(
        cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(root, "runs"), 0), "results"), 0);
    ck_assert_str_eq(cJSON_GetObjectItem(res, "ruleId")->valuestring, "GL002");
    cJSON *art = cJSON_GetObjectItem(
        cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(res, "locations"), 0), "physicalLocation"),
        "artifactLocation");
    ck_assert_str_eq(cJSON_GetObjectItem(art, "uri")->valuestring, "a%20b.cpp");
    cJSON_Delete(root);
    free(out);
    out = render(report_gitlab, dir);
    root = cJSON_Parse(out);
    cJSON *issue = cJSON_GetArrayItem(root, 0);
    ck_assert_str_eq(cJSON_GetObjectItem(issue, "check_name")->valuestring, "GL002");
    ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(issue, "location"), "path")->valuestring, "a b.cpp");
    ck_assert_int_eq(strlen(cJSON_GetObjectItem(issue, "fingerprint")->valuestring), 16);
    cJSON_Delete(root);
    free(out);
}
END_TEST

Suite *suite_formats(void)
{
    Suite *s = suite_create("formats");
    TCase *t = tcase_create("ci");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, github_escapes_data_and_properties);
    tcase_add_test(t, identical_lines_get_distinct_fingerprints_that_survive_shifts);
    tcase_add_test(t, relpath_and_uri);
    tcase_add_test(t, sarif_result_and_gitlab_issue);
    suite_add_tcase(s, t);
    return s;
}
