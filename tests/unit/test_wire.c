/* driver/wire: a child's results survive the pipe, and a message cut
 * short (a child killed while writing) is refused whole. */
#include "driver/wire.h"
#include "suites.h"
#include <stdlib.h>
#include <string.h>

static void sample(struct diag_sink *s, struct file_status *st)
{
    diag_sink_init(s);
    struct diag_note note = {"a.cpp", {3, 5}, "recording is turned off here"};
    diag_add(s, 0, SEV_ERROR, "a.cpp", (struct ir_loc){7, 9}, (struct ir_loc){7, 20}, "msg \x1b[31m", &note, 1);
    diag_add(s, 1, SEV_WARNING, "b.h", (struct ir_loc){1, 1}, (struct ir_loc){1, 2}, "", NULL, 0);
    *st = (struct file_status){.path = "a.cpp", .ok = true, .error = NULL, .parse_errors = 2,
                               .partial = true, .parse_error = "a.cpp:3:1: error: x", .unresolved_names = 4,
                               .missing_headers = 1, .model_headers = true, .pch = "reused", .db = NULL, .parse_seconds = 0.25};
}

START_TEST(round_trip)
{
    struct diag_sink in, out;
    struct file_status st, got;
    sample(&in, &st);
    struct strbuf b;
    sb_init(&b);
    wire_encode(&b, &st, &in, "ir\0text", 7);
    diag_sink_init(&out);
    char *ir;
    size_t irlen;
    ck_assert(wire_decode(b.s, b.len, &got, &out, &ir, &irlen));
    ck_assert_str_eq(got.path, "a.cpp");
    ck_assert(got.ok && got.model_headers && got.error == NULL && got.db == NULL);
    ck_assert_uint_eq(got.parse_errors, 2);
    ck_assert(got.partial);
    ck_assert_str_eq(got.parse_error, "a.cpp:3:1: error: x");
    ck_assert_uint_eq(got.unresolved_names, 4);
    ck_assert_uint_eq(got.missing_headers, 1);
    ck_assert_str_eq(got.pch, "reused");
    ck_assert(got.parse_seconds == 0.25);
    ck_assert_uint_eq(irlen, 7);
    ck_assert(memcmp(ir, "ir\0text", 7) == 0);
    ck_assert_uint_eq(out.diags.n, 2);
    ck_assert_str_eq(out.diags.v[0].message, "msg \x1b[31m");
    ck_assert_uint_eq(out.diags.v[0].nnotes, 1);
    ck_assert_str_eq(out.diags.v[0].notes[0].message, "recording is turned off here");
    ck_assert_uint_eq(out.diags.v[0].notes[0].loc.col, 5);
    ck_assert_uint_eq(out.diags.v[1].severity, SEV_WARNING);
    ck_assert_uint_eq(out.diags.v[1].end.col, 2);
    free(ir);
    sb_free(&b);
    diag_sink_free(&in);
    diag_sink_free(&out);
}
END_TEST

START_TEST(truncated_is_refused)
{
    struct diag_sink in, out;
    struct file_status st, got = {0};
    sample(&in, &st);
    struct strbuf b;
    sb_init(&b);
    wire_encode(&b, &st, &in, NULL, 0);
    diag_sink_init(&out);
    for (size_t n = 0; n < b.len; n++) {
        char *ir = (char *)1;
        size_t irlen = 1;
        ck_assert(!wire_decode(b.s, n, &got, &out, &ir, &irlen));
        ck_assert(ir == NULL && irlen == 0);
        ck_assert_uint_eq(out.diags.n, 0);
        ck_assert(got.path == NULL);
    }
    sb_free(&b);
    diag_sink_free(&in);
    diag_sink_free(&out);
}
END_TEST

Suite *suite_wire(void)
{
    Suite *s = suite_create("wire");
    TCase *tc = tcase_create("wire");
    tcase_add_test(tc, round_trip);
    tcase_add_test(tc, truncated_is_refused);
    suite_add_tcase(s, tc);
    return s;
}
