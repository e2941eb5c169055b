/* Unit tests: precompiled headers (front/pch) and their use by the front end. */
#include "suites.h"
#include "front/pch.h"
#include "front/pch_evict.h"
#include <fcntl.h>
#include <sys/file.h>
#include <sys/time.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *preamble(const char *text)
{
    struct arena a;
    arena_init(&a);
    const_str_vec v = {0};
    pch_preamble_includes(text, &a, &v);
    char buf[512] = "";
    for (size_t i = 0; i < v.n; i++)
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", i ? "," : "", v.v[i]);
    VEC_FREE(v);
    arena_free(&a);
    return strdup(buf);
}

START_TEST(preamble_takes_angle_includes_until_the_first_other_line)
{
    static const struct {
        const char *text, *want;
    } cases[] = {
        {"// c\n#pragma once\n/* multi\n line */\n#include <torch/torch.h>\n#include \"local.h\"\n  #  include <vector>\n"
         "int x;\n#include <map>\n",
         "torch/torch.h,vector"},
        {"#define FAST 1\n#include <torch/torch.h>\n", ""},
        {"#include <a.h>\n#if X\n#include <b.h>\n#endif\n", "a.h"},
        {"#include <a.h> // why\n#include MACRO\n#include <b.h>\n", "a.h"},
        {"\xEF\xBB\xBF#include <bom.h>\n", "bom.h"},
        {"/* never closed\n#include <a.h>\n", ""},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = preamble(cases[i].text);
        ck_assert_msg(strcmp(got, cases[i].want) == 0, "case %zu: got '%s'", i, got);
        free(got);
    }
}
END_TEST

static int count_pch_files(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        n += strstr(e->d_name, ".pch") && !strstr(e->d_name, ".tmp");
    if (d)
        closedir(d);
    return n;
}

START_TEST(cache_builds_once_reuses_and_rebuilds_when_a_header_changes)
{
    char dir[] = "/tmp/tfgradlint-pch-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char inc[600], hdr[700], cache_dir[600];
    snprintf(inc, sizeof inc, "%s/inc", dir);
    snprintf(hdr, sizeof hdr, "%s/lib.h", inc);
    snprintf(cache_dir, sizeof cache_dir, "%s/cache/sub", dir);
    ck_assert_int_eq(mkdir(inc, 0755), 0);
    write_text_file(hdr, "#pragma once\nint lib(int);\n");
    struct strbuf err;
    sb_init(&err);
    struct pch_cache *c = pch_cache_new(cache_dir, &err);
    ck_assert_msg(c != NULL, "%s", sb_str(&err));
    const char *args[] = {"-x", "c++", "-std=c++17", "-I", inc};
    struct arena a;
    arena_init(&a);
    enum pch_outcome out;
    const char *text = "#include <lib.h>\nint main() { return lib(1); }\n";
    const char *p1 = pch_prepare(c, text, NULL, args, 5, &a, &out);
    ck_assert_int_eq(out, PCH_BUILT);
    ck_assert_ptr_nonnull(p1);
    const char *p2 = pch_prepare(c, text, NULL, args, 5, &a, &out);
    ck_assert_int_eq(out, PCH_HIT);
    ck_assert_str_eq(p1, p2);
    /* Other flags are another key. */
    const char *args2[] = {"-x", "c++", "-std=c++17", "-DOTHER", "-I", inc};
    pch_prepare(c, text, NULL, args2, 6, &a, &out);
    ck_assert_int_eq(out, PCH_BUILT);
    ck_assert_int_eq(count_pch_files(cache_dir), 2);
    /* A changed header makes the PCH stale for the next run: rebuilt, and
     * the old file goes. (Within a run, a PCH found valid stays so.) */
    write_text_file(hdr, "#pragma once\nint lib(int);\nint lib2(void);\n");
    ck_assert_str_eq(pch_prepare(c, text, NULL, args, 5, &a, &out), p1);
    ck_assert_int_eq(out, PCH_HIT);
    pch_cache_free(c);
    c = pch_cache_new(cache_dir, &err);
    const char *p3 = pch_prepare(c, text, NULL, args, 5, &a, &out);
    ck_assert_int_eq(out, PCH_BUILT);
    ck_assert_str_ne(p1, p3);
    ck_assert_int_ne(access(p1, F_OK), 0);
    ck_assert_int_eq(count_pch_files(cache_dir), 2);
    /* Includes after the last framework header stay out of the PCH, so
     * this file shares the one above (nothere.h is never read). */
    const char *p4 = pch_prepare(c, "#include <lib.h>\n#include <nothere.h>\n", inc, args, 5, &a, &out);
    ck_assert_int_eq(out, PCH_HIT);
    ck_assert_str_eq(p3, p4);
    /* Standard headers next to the framework's stay out of the key, and a
     * file that reaches the framework only through a project header
     * (`reached`) gets the framework's PCH: one PCH per repository. */
    const char *p5 = pch_prepare(c, "#include <stdio.h>\n#include <lib.h>\n", inc, args, 5, &a, &out);
    ck_assert_int_eq(out, PCH_HIT);
    ck_assert_str_eq(p3, p5);
    const char *local[] = {"mine.h"};
    const char *p6 = pch_prepare_excluding(c, "#include <stdio.h>\n#include <mine.h>\n", inc, args, 5, local, 1,
                                           "lib.h", &a, &out);
    ck_assert_int_eq(out, PCH_HIT);
    ck_assert_str_eq(p3, p6);
    /* No preamble includes: nothing to precompile. */
    ck_assert_ptr_null(pch_prepare(c, "int x;\n", NULL, args, 5, &a, &out));
    ck_assert_int_eq(out, PCH_NONE);
    /* A header that does not compile is tried once per run. */
    ck_assert_ptr_null(pch_prepare(c, "#include <missing.h>\n", NULL, args, 5, &a, &out));
    ck_assert_int_eq(out, PCH_FAILED);
    ck_assert_ptr_null(pch_prepare(c, "#include <missing.h>\n", NULL, args, 5, &a, &out));
    ck_assert_int_eq(out, PCH_FAILED);
    /* ... and remembered on disk by the next runs: late.h appears, but
     * the failed build did not read it, so it is not tried again (for a
     * day, see PCH_FAILURE_TTL). */
    ck_assert_ptr_null(pch_prepare(c, "#include <late.h>\n", NULL, args, 5, &a, &out));
    ck_assert_int_eq(out, PCH_FAILED);
    char late[700];
    snprintf(late, sizeof late, "%s/late.h", inc);
    write_text_file(late, "#pragma once\nint late(void);\n");
    pch_cache_free(c);
    c = pch_cache_new(cache_dir, &err);
    ck_assert_ptr_null(pch_prepare(c, "#include <late.h>\n", NULL, args, 5, &a, &out));
    ck_assert_int_eq(out, PCH_FAILED);
    /* A failed build is tried again when a file it read changes. */
    char broken[700];
    snprintf(broken, sizeof broken, "%s/broken.h", inc);
    write_text_file(broken, "#pragma once\nint broken(;\n");
    ck_assert_ptr_null(pch_prepare(c, "#include <broken.h>\n", NULL, args, 5, &a, &out));
    ck_assert_int_eq(out, PCH_FAILED);
    sleep(1); /* a new modification time, whatever the file system's resolution */
    write_text_file(broken, "#pragma once\nint broken(void);\n");
    pch_cache_free(c);
    c = pch_cache_new(cache_dir, &err);
    ck_assert_ptr_nonnull(pch_prepare(c, "#include <broken.h>\n", NULL, args, 5, &a, &out));
    ck_assert_int_eq(out, PCH_BUILT);
    /* A header without a guard would be read twice (PCH, then the file). */
    char bare[700];
    snprintf(bare, sizeof bare, "%s/bare.h", inc);
    write_text_file(bare, "struct S { int x; };\n");
    ck_assert_ptr_null(pch_prepare(c, "#include <bare.h>\n", NULL, args, 5, &a, &out));
    ck_assert_int_eq(out, PCH_FAILED);
    arena_free(&a);
    pch_cache_free(c);
    sb_free(&err);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* The IR of a file is the same whether its headers come from a PCH or are
 * parsed in place: positions, main-file functions, resolved types. */
START_TEST(front_end_gives_the_same_ir_with_and_without_pch)
{
    char dir[] = "/tmp/tfgradlint-pchfe-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char hdr[600], src[600], cache_dir[600];
    snprintf(hdr, sizeof hdr, "%s/mini.h", dir);
    snprintf(src, sizeof src, "%s/train.cpp", dir);
    snprintf(cache_dir, sizeof cache_dir, "%s/cache", dir);
    FILE *hf = fopen(hdr, "w");
    ck_assert_ptr_nonnull(hf);
    fprintf(hf, "#pragma once\n%s", MINI_HEADER);
    fclose(hf);
    write_text_file(src, "#include <mini.h>\n"
                    "ad::Tensor step(ad::Linear& net, ad::Tensor x) {\n"
                    "  ad::Tensor y;\n"
                    "  { ad::NoGrad g; y = net.forward(x); }\n"
                    "  ad::Tensor loss = ad::mse(y, ad::ones(3)).sum();\n"
                    "  loss.backward();\n"
                    "  return loss;\n"
                    "}\n");
    const char *args[] = {"-I", dir};
    struct strbuf err;
    sb_init(&err);
    struct pch_cache *c = pch_cache_new(cache_dir, &err);
    struct model *m = mini_model();
    char *dumps[3];
    for (int run = 0; run < 3; run++) { /* without, building, reusing */
        struct front_options fo = {args, 2, NULL, HEADERS_AUTO, run ? c : NULL, NULL, NULL};
        struct arena a;
        arena_init(&a);
        struct ir_tu tu;
        struct front_result res;
        front_analyze_file(src, &fo, m, &a, &tu, &res);
        ck_assert_msg(res.ok && res.parse_errors == 0, "%s", res.error ? res.error : "");
        ck_assert_int_eq(res.pch, run == 0 ? PCH_NONE : run == 1 ? PCH_BUILT : PCH_HIT);
        size_t len;
        FILE *f = open_memstream(&dumps[run], &len);
        ir_dump_tu(f, &tu);
        fclose(f);
        arena_free(&a);
    }
    ck_assert_ptr_nonnull(strstr(dumps[0], "forward"));
    ck_assert_str_eq(dumps[0], dumps[1]);
    ck_assert_str_eq(dumps[0], dumps[2]);
    for (int run = 0; run < 3; run++)
        free(dumps[run]);
    model_free(m);
    pch_cache_free(c);
    sb_free(&err);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* A cache file of `size` bytes last modified at `mtime` (seconds). */
static void cache_file(const char *dir, const char *name, size_t size, long mtime)
{
    char path[700];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    for (size_t i = 0; i < size; i++)
        fputc('x', f);
    fclose(f);
    struct timeval tv[2] = {{mtime, 0}, {mtime, 0}};
    ck_assert_int_eq(utimes(path, tv), 0);
}

/* A key's files as a build leaves them; its lock file's mtime is its last use. */
static void cache_key(const char *dir, const char *key, size_t pch_size, long used)
{
    char name[64];
    snprintf(name, sizeof name, "%s-00000000000000aa.pch", key);
    cache_file(dir, name, pch_size, used - 10);
    snprintf(name, sizeof name, "%s.manifest", key);
    cache_file(dir, name, 100, used - 10);
    snprintf(name, sizeof name, "%s.h", key);
    cache_file(dir, name, 20, used - 10);
    snprintf(name, sizeof name, "%s.lock", key);
    cache_file(dir, name, 0, used);
}

static bool exists_in(const char *dir, const char *name)
{
    char path[700];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return access(path, F_OK) == 0;
}

#define KEY_A "aaaaaaaaaaaaaaaa"
#define KEY_B "bbbbbbbbbbbbbbbb"
#define KEY_C "cccccccccccccccc"
#define KEY_D "dddddddddddddddd"
#define KEY_F "ffffffffffffffff"

START_TEST(eviction_removes_least_recently_used_keys_down_to_the_bound)
{
    char dir[] = "/tmp/tfgradlint-evict-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    /* Used in the order A (oldest), C, B; each about 1,120 bytes. */
    cache_key(dir, KEY_A, 1000, 1000);
    cache_key(dir, KEY_B, 1000, 3000);
    cache_key(dir, KEY_C, 1000, 2000);
    /* Leftovers: a key without a PCH, a dead build's temporary file. */
    cache_file(dir, KEY_D ".h", 20, 5000);
    cache_file(dir, KEY_D ".manifest", 100, 5000);
    cache_file(dir, KEY_B ".manifest.tmp.x1y2z3", 50, 5000);
    /* A failed build's record is kept (not a leftover), and so is any
     * file that is not the cache's. */
    cache_file(dir, KEY_F ".failed", 30, 4000);
    cache_file(dir, "notes.txt", 5000, 1);
    cache_file(dir, "ABCDEFABCDEFABCD.lock", 0, 1); /* not a key: upper case */
    struct pch_evict_stats st;
    ck_assert(pch_evict(dir, 2500, NULL, 0, &st));
    ck_assert_int_eq(st.bytes_before, 3 * 1120 + 120 + 50 + 30);
    ck_assert(!exists_in(dir, KEY_A "-00000000000000aa.pch"));
    ck_assert(!exists_in(dir, KEY_A ".manifest"));
    ck_assert(!exists_in(dir, KEY_A ".lock"));
    ck_assert(exists_in(dir, KEY_B "-00000000000000aa.pch"));
    ck_assert(exists_in(dir, KEY_C "-00000000000000aa.pch"));
    ck_assert(!exists_in(dir, KEY_D ".h"));
    ck_assert(!exists_in(dir, KEY_B ".manifest.tmp.x1y2z3"));
    ck_assert(exists_in(dir, KEY_F ".failed"));
    ck_assert(exists_in(dir, "notes.txt"));
    ck_assert(exists_in(dir, "ABCDEFABCDEFABCD.lock"));
    ck_assert_int_eq(st.keys_removed, 1);
    ck_assert_int_eq(st.bytes_after, 2 * 1120 + 30);
    ck_assert_uint_le(st.bytes_after, 2500);
    /* A tighter bound takes C (older than B) next, then B. */
    ck_assert(pch_evict(dir, 1200, NULL, 0, &st));
    ck_assert(!exists_in(dir, KEY_C ".lock"));
    ck_assert(exists_in(dir, KEY_B ".lock"));
    ck_assert(pch_evict(dir, 1000, NULL, 0, &st));
    ck_assert(!exists_in(dir, KEY_B "-00000000000000aa.pch"));
    ck_assert_int_eq(st.bytes_after, 30);
    ck_assert(exists_in(dir, KEY_F ".failed"));
    /* Bound 0 (--clear-cache) takes everything of the cache's. */
    ck_assert(pch_evict(dir, 0, NULL, 0, &st));
    ck_assert(!exists_in(dir, KEY_F ".failed"));
    ck_assert_int_eq(st.bytes_after, 0);
    ck_assert(exists_in(dir, "notes.txt"));
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

START_TEST(eviction_keeps_the_keys_in_use)
{
    char dir[] = "/tmp/tfgradlint-evict-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    cache_key(dir, KEY_A, 1000, 1000);
    cache_key(dir, KEY_B, 1000, 2000);
    cache_key(dir, KEY_C, 1000, 3000);
    /* A is this run's own (named in `keep`); B is being read by another
     * run (a shared lock on its lock file, as pch_prepare holds it). */
    char lock[700];
    snprintf(lock, sizeof lock, "%s/%s.lock", dir, KEY_B);
    int reader = pch_lock_key(lock, LOCK_SH);
    ck_assert_int_ge(reader, 0);
    const char *keep[] = {KEY_A};
    struct pch_evict_stats st;
    ck_assert(pch_evict(dir, 0, keep, 1, &st));
    ck_assert(exists_in(dir, KEY_A "-00000000000000aa.pch"));
    ck_assert(exists_in(dir, KEY_B "-00000000000000aa.pch"));
    ck_assert(!exists_in(dir, KEY_C "-00000000000000aa.pch"));
    ck_assert_int_eq(st.keys_busy, 1);
    ck_assert_int_eq(st.keys_removed, 1);
    /* Once the reader is done, B goes; a reader that then locks the key
     * again gets a fresh lock file, not the removed one. */
    close(reader);
    ck_assert(pch_evict(dir, 0, keep, 1, &st));
    ck_assert(!exists_in(dir, KEY_B "-00000000000000aa.pch"));
    ck_assert(!exists_in(dir, KEY_B ".lock"));
    reader = pch_lock_key(lock, LOCK_SH);
    ck_assert_int_ge(reader, 0);
    ck_assert(exists_in(dir, KEY_B ".lock"));
    close(reader);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

START_TEST(cache_sizes_parse_with_binary_suffixes)
{
    static const struct {
        const char *text;
        bool ok;
        unsigned long long bytes;
    } cases[] = {
        {"0", true, 0},           {"4096", true, 4096},         {"500M", true, 500ull << 20},
        {"2G", true, 2ull << 30}, {"1g", true, 1ull << 30},     {"3GiB", true, 3ull << 30},
        {"10KB", true, 10240},    {"1T", true, 1ull << 40},     {"", false, 0},
        {"-1", false, 0},         {"1.5G", false, 0},           {"12X", false, 0},
        {"M", false, 0},          {"99999999999999999T", false, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        unsigned long long got = 0;
        ck_assert_msg(pch_parse_size(cases[i].text, &got) == cases[i].ok, "case '%s'", cases[i].text);
        if (cases[i].ok)
            ck_assert_msg(got == cases[i].bytes, "case '%s': got %llu", cases[i].text, got);
    }
}
END_TEST

Suite *suite_pch(void)
{
    Suite *s = suite_create("pch");
    TCase *t = tcase_create("pch");
    tcase_set_timeout(t, 60);
    tcase_add_test(t, preamble_takes_angle_includes_until_the_first_other_line);
    tcase_add_test(t, cache_builds_once_reuses_and_rebuilds_when_a_header_changes);
    tcase_add_test(t, front_end_gives_the_same_ir_with_and_without_pch);
    tcase_add_test(t, eviction_removes_least_recently_used_keys_down_to_the_bound);
    tcase_add_test(t, eviction_keeps_the_keys_in_use);
    tcase_add_test(t, cache_sizes_parse_with_binary_suffixes);
    suite_add_tcase(s, t);
    return s;
}
