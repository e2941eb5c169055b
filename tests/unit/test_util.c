/* Unit tests: util (arena, strbuf, string helpers, hash maps, allocation failure). */
#include "suites.h"
#include "util/alloc.h"
#include "util/bytes.h"
#include "util/fs.h"
#include "util/hashmap.h"
#include "util/str.h"
#include "util/strbuf.h"
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

START_TEST(arena_allocations_are_zeroed_aligned_and_freed_together)
{
    struct arena a;
    arena_init(&a);
    for (int i = 0; i < 1000; i++) {
        unsigned char *p = arena_alloc(&a, (size_t)i + 1);
        ck_assert_int_eq((uintptr_t)p % 16, 0);
        for (int k = 0; k <= i; k++)
            ck_assert_int_eq(p[k], 0);
        memset(p, 0xab, (size_t)i + 1);
    }
    void *big = arena_alloc(&a, 1 << 20); /* larger than a block */
    ck_assert_ptr_nonnull(big);
    ck_assert_str_eq(arena_strdup(&a, "loss"), "loss");
    ck_assert_str_eq(arena_printf(&a, "%s:%d", "a.cpp", 12), "a.cpp:12");
    ck_assert_ptr_null(arena_memdup(&a, "x", 0, 1));
    arena_free(&a);
    ck_assert_ptr_null(a.head);
}
END_TEST

START_TEST(strbuf_grows_and_detaches)
{
    struct strbuf b;
    sb_init(&b);
    ck_assert_str_eq(sb_str(&b), "");
    for (int i = 0; i < 1000; i++)
        sb_printf(&b, "%d,", i % 10);
    ck_assert_uint_eq(b.len, 2000);
    sb_addc(&b, '!');
    char *s = sb_detach(&b);
    ck_assert_int_eq(s[2000], '!');
    ck_assert_ptr_null(b.s);
    free(s);
}
END_TEST

/* The capped read stops at the cap and leaves the rest in the stream. */
START_TEST(strbuf_reads_a_stream_up_to_a_cap)
{
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    for (int i = 0; i < 100000; i++)
        fputc('a' + i % 26, f);
    rewind(f);
    struct strbuf b;
    sb_init(&b);
    ck_assert(sb_read_stream_max(&b, f, 70000));
    ck_assert_uint_eq(b.len, 70000);
    ck_assert_int_eq(b.s[69999], 'a' + 69999 % 26);
    ck_assert_int_eq(fgetc(f), 'a' + 70000 % 26);
    ck_assert(sb_read_stream(&b, f));
    ck_assert_uint_eq(b.len, 99999);
    sb_free(&b);
    fclose(f);
}
END_TEST

/* Values read back as written; a read past the end fails the reader for
 * good, zeroes what it reads, and later reads fail too. */
START_TEST(byte_codec_round_trips_and_fails_for_good)
{
    struct strbuf b;
    sb_init(&b);
    bytes_put_u32(&b, 7);
    bytes_put_u64(&b, 1ULL << 40);
    bytes_put_f64(&b, 0.5);
    bytes_put(&b, "ab", 2);
    struct byte_reader r = bytes_reader(b.s, b.len);
    ck_assert_uint_eq(bytes_get_u32(&r), 7);
    ck_assert(bytes_get_u64(&r) == 1ULL << 40);
    ck_assert(bytes_get_f64(&r) == 0.5);
    ck_assert_uint_eq(bytes_left(&r), 2);
    ck_assert_ptr_null(bytes_take(&r, 3));
    ck_assert(!r.ok);
    ck_assert_uint_eq(bytes_left(&r), 0);
    ck_assert_uint_eq(bytes_get_u32(&r), 0);
    ck_assert_ptr_null(bytes_take(&r, 0) ? "" : NULL);
    sb_free(&b);
}
END_TEST

START_TEST(suffixes)
{
    ck_assert(str_has_suffix("a/train.c", ".c"));
    ck_assert(!str_has_suffix("a/train.cc", ".c"));
    ck_assert(str_has_suffix(".c", ".c"));
    ck_assert(!str_has_suffix("c", ".c"));
    ck_assert(!str_has_suffix(NULL, ".c"));
    ck_assert(str_has_suffix("std::vector::push_back", "::push_back"));
}
END_TEST

START_TEST(paths_under_a_directory)
{
    ck_assert(str_path_under("/repo/utils/model.h", "/repo"));
    ck_assert(str_path_under("/repo/utils/model.h", "/repo/"));
    ck_assert(!str_path_under("/repo", "/repo"));
    ck_assert(!str_path_under("/repository/a.h", "/repo"));
    ck_assert(!str_path_under("/repo/a.h", NULL));
    ck_assert(!str_path_under("/repo/a.h", ""));
}
END_TEST

START_TEST(file_system_predicates)
{
    char dir[] = "/tmp/tfgradlint-fs-XXXXXX", file[64];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(file, sizeof file, "%s/a.h", dir);
    write_text_file(file, "");
    ck_assert(fs_is_dir(dir) && !fs_is_file(dir));
    ck_assert(fs_is_file(file) && !fs_is_dir(file));
    ck_assert(fs_exists_in(dir, "a.h"));
    ck_assert(!fs_exists_in(dir, "b.h"));
    ck_assert(!fs_is_file("/nonexistent/x") && !fs_is_dir("/nonexistent/x"));
    unlink(file);
    rmdir(dir);
}
END_TEST

START_TEST(flags_naming_a_standard)
{
    const char *const named[] = {"-Iinclude", "-std=gnu++17"}, *const long_form[] = {"--std=c++20"},
                      *const none[] = {"-DSTD=17", "-stdlib=libc++"};
    ck_assert(str_args_name_std(named, 2));
    ck_assert(str_args_name_std(long_form, 1));
    ck_assert(!str_args_name_std(none, 2));
    ck_assert(!str_args_name_std(NULL, 0));
}
END_TEST

START_TEST(maps_store_overwrite_and_grow)
{
    struct strmap m;
    strmap_init(&m);
    char keys[500][16];
    for (int i = 0; i < 500; i++) {
        snprintf(keys[i], sizeof keys[i], "k%d", i);
        strmap_put(&m, keys[i], (void *)(intptr_t)(i + 1));
    }
    strmap_put(&m, "k7", (void *)(intptr_t)99);
    ck_assert_int_eq((intptr_t)strmap_get(&m, "k7"), 99);
    ck_assert_int_eq((intptr_t)strmap_get(&m, "k499"), 500);
    ck_assert_ptr_null(strmap_get(&m, "absent"));
    ck_assert_uint_eq(m.count, 500);
    strmap_free(&m);

    struct u64map u;
    u64map_init(&u);
    for (uint64_t i = 0; i < 1000; i++)
        u64map_put(&u, i * 7919, (void *)(uintptr_t)(i + 1));
    ck_assert_int_eq((uintptr_t)u64map_get(&u, 7919 * 3), 4);
    ck_assert_ptr_null(u64map_get(&u, 5));
    u64map_free(&u);
}
END_TEST

/* Index maps tell a stored 0 from an absent key. */
START_TEST(index_maps_keep_zero_apart_from_absent)
{
    struct u64map m;
    struct strmap sm;
    u64map_init(&m);
    strmap_init(&sm);
    size_t i = 99;
    ck_assert(!u64map_get_index(&m, 7, &i) && i == 99);
    u64map_put_index(&m, 7, 0);
    ck_assert(u64map_get_index(&m, 7, &i) && i == 0);
    u64map_put_index(&m, 8, 41);
    ck_assert(u64map_get_index(&m, 8, &i) && i == 41);
    ck_assert(!strmap_get_index(&sm, "a", &i));
    strmap_put_index(&sm, "a", 0);
    ck_assert(strmap_get_index(&sm, "a", &i) && i == 0);
    u64map_free(&m);
    strmap_free(&sm);
}
END_TEST

/* A failed allocation aborts (the test expects SIGABRT): xmalloc never
 * returns NULL, so no caller checks. The two before it succeed. */
START_TEST(allocation_failure_aborts)
{
    tfg_alloc_fail_after(2);
    void *a = xmalloc(8), *b = xmalloc(8);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    free(a); /* the abort below must leave nothing of ours behind (make valgrind) */
    free(b);
    (void)xmalloc(8);
    ck_abort_msg("xmalloc returned after a failed allocation");
}
END_TEST

Suite *suite_util(void)
{
    Suite *s = suite_create("util");
    TCase *t = tcase_create("core");
    tcase_add_test(t, arena_allocations_are_zeroed_aligned_and_freed_together);
    tcase_add_test(t, strbuf_grows_and_detaches);
    tcase_add_test(t, strbuf_reads_a_stream_up_to_a_cap);
    tcase_add_test(t, suffixes);
    tcase_add_test(t, paths_under_a_directory);
    tcase_add_test(t, flags_naming_a_standard);
    tcase_add_test(t, file_system_predicates);
    tcase_add_test(t, byte_codec_round_trips_and_fails_for_good);
    tcase_add_test(t, maps_store_overwrite_and_grow);
    tcase_add_test_raise_signal(t, allocation_failure_aborts, SIGABRT);
    tcase_add_test(t, index_maps_keep_zero_apart_from_absent);
    suite_add_tcase(s, t);
    return s;
}
