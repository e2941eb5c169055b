/* Unit tests: the text and JSON reporters. */
#include "suites.h"
#include "report/report.h"
#include "rules/registry.h"
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char src_path[64];
static struct diag_sink sink;
static struct file_status files[2];

static void setup(void)
{
    strcpy(src_path, "/tmp/tfgradlint-report-XXXXXX.cpp");
    int fd = mkstemps(src_path, 4);
    const char *text = "void f() {\n  auto out = model->forward(x);\n}\n";
    ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    diag_sink_init(&sink);
    struct diag_note note = {src_path, {1, 1}, "recording \033[31mturned off here"};
    diag_report(&sink, RULE_GL001, SEV_ERROR, src_path, (struct ir_loc){2, 14}, (struct ir_loc){2, 31},
                "`forward` runs with recording off", &note, 1);
    files[0] = (struct file_status){.path = src_path, .ok = true, .model_headers = true, .pch = "reused"};
    files[1] = (struct file_status){.path = "missing.cpp", .error = "cannot open: No such file"};
}

static void teardown(void)
{
    diag_sink_free(&sink);
    unlink(src_path);
}

static char *render(bool json, bool color)
{
    struct report_input in = {files, 2, sink.diags.v, sink.diags.n, NULL};
    char *buf;
    size_t len;
    FILE *f = open_memstream(&buf, &len);
    if (json)
        report_json(f, &in);
    else
        report_text(f, &in, color);
    fclose(f);
    return buf;
}

START_TEST(text_is_clang_style_with_caret_and_safe)
{
    char *out = render(false, false);
    char head[256];
    snprintf(head, sizeof head, "%s:2:14: error: `forward` runs with recording off [GL001 loss-outside-tape]\n", src_path);
    ck_assert_ptr_nonnull(strstr(out, head));
    ck_assert_ptr_nonnull(strstr(out, "   auto out = model->forward(x);\n              ^~~~~~~~~~~~~~~~~\n"));
    ck_assert_ptr_nonnull(strstr(out, ":1:1: note: recording ?[31mturned off here"));
    ck_assert_ptr_null(strchr(out, '\033'));
    free(out);
    out = render(false, true);
    ck_assert_ptr_nonnull(strstr(out, "\033[1;31merror:"));
    free(out);
}
END_TEST

START_TEST(json_follows_the_contract)
{
    char *out = render(true, false);
    cJSON *root = cJSON_Parse(out);
    ck_assert_ptr_nonnull(root);
    ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetObjectItem(root, "tool"), "name")->valuestring, "tfgradlint");
    cJSON *f0 = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "files"), 0);
    cJSON *f1 = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "files"), 1);
    ck_assert_str_eq(cJSON_GetObjectItem(f0, "status")->valuestring, "analyzed");
    ck_assert_str_eq(cJSON_GetObjectItem(f1, "status")->valuestring, "error");
    ck_assert_str_eq(cJSON_GetObjectItem(f0, "headers")->valuestring, "model");
    ck_assert_str_eq(cJSON_GetObjectItem(f0, "pch")->valuestring, "reused");
    ck_assert_ptr_null(cJSON_GetObjectItem(f1, "pch"));
    ck_assert_ptr_nonnull(strstr(cJSON_GetObjectItem(f1, "error")->valuestring, "cannot open"));
    cJSON *d = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "diagnostics"), 0);
    ck_assert_str_eq(cJSON_GetObjectItem(d, "rule")->valuestring, "GL001");
    ck_assert_str_eq(cJSON_GetObjectItem(d, "name")->valuestring, "loss-outside-tape");
    ck_assert_str_eq(cJSON_GetObjectItem(d, "severity")->valuestring, "error");
    ck_assert_int_eq(cJSON_GetObjectItem(d, "line")->valueint, 2);
    ck_assert_int_eq(cJSON_GetObjectItem(d, "column")->valueint, 14);
    ck_assert_int_eq(cJSON_GetObjectItem(d, "end_line")->valueint, 2);
    ck_assert_int_eq(cJSON_GetObjectItem(d, "end_column")->valueint, 31);
    cJSON *n = cJSON_GetArrayItem(cJSON_GetObjectItem(d, "notes"), 0);
    ck_assert_str_eq(cJSON_GetObjectItem(n, "message")->valuestring, "recording \033[31mturned off here");
    cJSON *sum = cJSON_GetObjectItem(root, "summary");
    ck_assert_int_eq(cJSON_GetObjectItem(sum, "files")->valueint, 2);
    ck_assert_int_eq(cJSON_GetObjectItem(sum, "errors")->valueint, 1);
    ck_assert_int_eq(cJSON_GetObjectItem(sum, "warnings")->valueint, 0);
    cJSON_Delete(root);
    free(out);
}
END_TEST

START_TEST(sink_drops_duplicates_and_sorts)
{
    diag_report(&sink, RULE_GL001, SEV_ERROR, src_path, (struct ir_loc){2, 14}, (struct ir_loc){2, 31}, "again",
                NULL, 0);
    diag_report(&sink, RULE_GL001, SEV_ERROR, src_path, (struct ir_loc){1, 3}, (struct ir_loc){1, 4}, "first",
                NULL, 0);
    diag_sort(&sink);
    ck_assert_uint_eq(sink.diags.n, 2);
    ck_assert_str_eq(sink.diags.v[0].message, "first");
}
END_TEST

Suite *suite_report(void)
{
    Suite *s = suite_create("report");
    TCase *t = tcase_create("formats");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, text_is_clang_style_with_caret_and_safe);
    tcase_add_test(t, json_follows_the_contract);
    tcase_add_test(t, sink_drops_duplicates_and_sorts);
    suite_add_tcase(s, t);
    return s;
}
