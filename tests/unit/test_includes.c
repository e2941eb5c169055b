/* Unit tests: the zero-config include graph (front/includes): project
 * roots, #include lines, the header index and transitive scans. */
#include "suites.h"
#include "front/includes.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[] = "/tmp/tfgradlint-inc-XXXXXX";
static char real_root[PATH_MAX];

static void put(const char *rel, const char *text)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    /* every parent directory */
    for (char *p = path + strlen(root) + 1; (p = strchr(p, '/')); p++) {
        *p = '\0';
        mkdir(path, 0755);
        *p = '/';
    }
    write_text_file(path, text);
}

/* An absolute path under the temporary root (four live at a time). */
static const char *at(const char *rel)
{
    static char buf[4][PATH_MAX + 64];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", real_root, rel);
    return buf[k];
}

/* proj/                       (CMakeLists.txt: the project root)
 *   src/train.cpp             "model.h", <opencv2/core.hpp>, "ai/ppo/losses.h"
 *   src/model.h               <fw/fw.h> (a framework header of the model)
 *   include/ai/ppo/losses.h   found only by the index
 *   third/vendor/ai/ppo/losses.h  a farther copy
 *   sub/CMakeLists.txt, sub/x.cpp   a nested project
 * model/fw/fw.h               the model headers */
static void setup(void)
{
    ck_assert_ptr_nonnull(mkdtemp(root));
    ck_assert_ptr_nonnull(realpath(root, real_root));
    put("proj/CMakeLists.txt", "");
    put("proj/src/train.cpp", "#include \"model.h\"\n#include <opencv2/core.hpp>\n#include \"ai/ppo/losses.h\"\n"
                              "#include <vector>\nint main() { return 0; }\n");
    put("proj/src/model.h", "#pragma once\n/* #include <commented/out.h>\n*/\n#include <fw/fw.h>\n");
    put("proj/include/ai/ppo/losses.h", "#pragma once\n#include \"detail.h\"\n");
    put("proj/include/ai/ppo/detail.h", "#pragma once\n");
    put("proj/third/vendor/ai/ppo/losses.h", "#pragma once\n");
    put("proj/sub/CMakeLists.txt", "");
    put("proj/sub/x.cpp", "#include <fw/fw.h>\n");
    put("model/fw/fw.h", "#pragma once\n");
    inc_cache_clear();
}

static void teardown(void)
{
    char cmd[PATH_MAX + 16];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    ck_assert_int_eq(system(cmd), 0);
    inc_cache_clear();
}

START_TEST(project_root_is_the_nearest_ancestor_with_a_marker)
{
    ck_assert_str_eq(inc_project_root(at("proj/src/train.cpp")), at("proj"));
    ck_assert_str_eq(inc_project_root(at("proj/include/ai/ppo/losses.h")), at("proj"));
    ck_assert_str_eq(inc_project_root(at("proj/sub/x.cpp")), at("proj/sub"));
    ck_assert_str_eq(inc_project_root(at("proj")), at("proj"));
    ck_assert_ptr_null(inc_project_root(at("model/fw/fw.h")));
    ck_assert_ptr_null(inc_project_root(at("proj/src/absent.cpp")));
}
END_TEST

START_TEST(directives_are_the_include_lines_outside_comments)
{
    struct arena a;
    arena_init(&a);
    inc_directive_vec v = {0};
    inc_parse_directives("#include <a.h>\n  #  include \"b/c.h\" // x\n#include_next <n.h>\n#import <i.h>\n"
                         "/* #include <in_comment.h> */\n/* open\n#include <still_comment.h>\n*/ #include <x.h>\n"
                         "#include MACRO\n#include <>\n#if 0\n#include <under_if.h>\n#endif\n#include \"unterminated\n",
                         &a, &v);
    /* a comment closed before `#` leaves a directive, as in clang */
    ck_assert_uint_eq(v.n, 4);
    ck_assert_str_eq(v.v[0].name, "a.h");
    ck_assert(!v.v[0].quoted);
    ck_assert_str_eq(v.v[1].name, "b/c.h");
    ck_assert(v.v[1].quoted);
    ck_assert_str_eq(v.v[2].name, "x.h");
    ck_assert_str_eq(v.v[3].name, "under_if.h");
    VEC_FREE(v);
    arena_free(&a);
}
END_TEST

START_TEST(index_prefers_the_header_nearest_the_includer)
{
    char proj[PATH_MAX + 64];
    snprintf(proj, sizeof proj, "%s", at("proj"));
    ck_assert_str_eq(inc_index_lookup(proj, "ai/ppo/losses.h", at("proj/src")), at("proj/include/ai/ppo/losses.h"));
    ck_assert_str_eq(inc_index_lookup(proj, "ai/ppo/losses.h", at("proj/third/x")), at("proj/third/vendor/ai/ppo/losses.h"));
    ck_assert_str_eq(inc_index_lookup(proj, "ppo/losses.h", at("proj/third")), at("proj/third/vendor/ai/ppo/losses.h"));
    /* whole components only, no parent references */
    ck_assert_ptr_null(inc_index_lookup(proj, "po/losses.h", at("proj/src")));
    ck_assert_ptr_null(inc_index_lookup(proj, "../include/ai/ppo/losses.h", at("proj/src")));
    ck_assert_ptr_null(inc_index_lookup(proj, "absent.h", at("proj/src")));
}
END_TEST

static bool has(const const_str_vec *v, const char *s)
{
    for (size_t i = 0; i < v->n; i++)
        if (strcmp(v->v[i], s) == 0)
            return true;
    return false;
}

START_TEST(scan_follows_project_headers_to_the_framework)
{
    struct arena a;
    arena_init(&a);
    struct inc_config cfg = {NULL, 0, at("model"), false, at("proj"), NULL};
    struct inc_scan s;
    inc_scan_file(at("proj/src/train.cpp"), NULL, &cfg, &a, &s);
    /* <fw/fw.h> is reached through "model.h" */
    ck_assert_str_eq(s.framework, "fw/fw.h");
    ck_assert_uint_eq(s.inferred.n, 1);
    ck_assert_str_eq(s.inferred.v[0], at("proj/include"));
    ck_assert_uint_eq(s.missing.n, 1);
    ck_assert_str_eq(s.missing.v[0], "opencv2/core.hpp");
    ck_assert(has(&s.reached, at("proj/src/model.h")));
    ck_assert(has(&s.reached, at("proj/include/ai/ppo/losses.h")));
    ck_assert(has(&s.reached, at("proj/include/ai/ppo/detail.h")));
    ck_assert(!has(&s.reached, at("model/fw/fw.h")));
    /* the file's own project and missing includes stay out of shared PCHs */
    ck_assert(has(&s.local, "model.h") && has(&s.local, "opencv2/core.hpp") && has(&s.local, "ai/ppo/losses.h"));
    ck_assert(!has(&s.local, "vector"));
    ck_assert(!has(&s.missing, "vector") && !has(&s.missing, "commented/out.h"));
    inc_scan_free(&s);
    arena_free(&a);
}
END_TEST

/* A header the file tests for with __has_include gets no stand-in: the
 * test fails as on a machine without it, and the guarded include is
 * skipped. A plain include of a missing header still gets one. */
START_TEST(headers_tested_with_has_include_stay_missing)
{
    struct arena a;
    arena_init(&a);
    inc_directive_vec v = {0};
    const char *text = "#if __has_include(<json/json.hpp>) && defined(X)\n#include <json/json.hpp>\n#endif\n"
                       "#elif __has_include( \"cfg.h\" )\n#include <absent/plain.h>\n";
    inc_parse_directives(text, &a, &v);
    ck_assert_uint_eq(v.n, 4);
    ck_assert(v.v[0].probe && strcmp(v.v[0].name, "json/json.hpp") == 0);
    ck_assert(!v.v[1].probe && strcmp(v.v[1].name, "json/json.hpp") == 0);
    ck_assert(v.v[2].probe && v.v[2].quoted && strcmp(v.v[2].name, "cfg.h") == 0);
    struct inc_config cfg = {NULL, 0, at("model"), false, at("proj"), NULL};
    struct inc_scan s;
    inc_scan_file(at("proj/src/train.cpp"), text, &cfg, &a, &s);
    ck_assert(!has(&s.missing, "json/json.hpp"));
    ck_assert(has(&s.missing, "absent/plain.h"));
    inc_scan_free(&s);
    VEC_FREE(v);
    arena_free(&a);
}
END_TEST

START_TEST(explicit_flags_win_over_inference_and_the_model)
{
    struct arena a;
    arena_init(&a);
    char inc[PATH_MAX], mod[PATH_MAX];
    snprintf(inc, sizeof inc, "-I%s", at("proj/third/vendor"));
    snprintf(mod, sizeof mod, "%s", at("model"));
    const char *args[] = {inc, "-isystem", mod};
    struct inc_config cfg = {args, 3, at("model"), false, at("proj"), NULL};
    struct inc_scan s;
    inc_scan_file(at("proj/src/train.cpp"), NULL, &cfg, &a, &s);
    /* the framework header is reachable with the flags: real headers */
    ck_assert_ptr_null(s.framework);
    /* losses.h comes from -I third, so nothing is inferred */
    ck_assert_uint_eq(s.inferred.n, 0);
    ck_assert(has(&s.reached, at("proj/third/vendor/ai/ppo/losses.h")));
    inc_scan_free(&s);
    /* no project root: nothing inferred, the include is missing */
    struct inc_config bare = {NULL, 0, at("model"), false, NULL, NULL};
    inc_scan_file(at("proj/src/train.cpp"), NULL, &bare, &a, &s);
    ck_assert_uint_eq(s.inferred.n, 0);
    ck_assert(has(&s.missing, "ai/ppo/losses.h"));
    inc_scan_free(&s);
    arena_free(&a);
}
END_TEST

/* Without any flag, a framework header the system's directories hold is
 * still served by the model (such installs rarely work without their
 * build's flags); with flags, the system's copy counts as reachable.
 * stdio.h stands for the framework header here. */
START_TEST(system_copy_of_a_framework_header_counts_only_with_flags)
{
    struct arena a;
    arena_init(&a);
    put("model/stdio.h", "#pragma once\n");
    put("proj/src/io.cpp", "#include <stdio.h>\n");
    struct inc_config bare = {NULL, 0, at("model"), false, at("proj"), NULL};
    struct inc_scan s;
    inc_scan_file(at("proj/src/io.cpp"), NULL, &bare, &a, &s);
    ck_assert_str_eq(s.framework, "stdio.h");
    inc_scan_free(&s);
    const char *args[] = {"-DWITH_FLAGS"};
    struct inc_config flagged = {args, 1, at("model"), false, at("proj"), NULL};
    inc_scan_file(at("proj/src/io.cpp"), NULL, &flagged, &a, &s);
    ck_assert_ptr_null(s.framework);
    inc_scan_free(&s);
    arena_free(&a);
}
END_TEST

/* A header under a directory of the model that the model lacks is never
 * the system's real copy: it is listed for a stand-in searched first. */
START_TEST(gaps_in_the_model_are_shadowed_not_mixed)
{
    struct arena a;
    arena_init(&a);
    put("proj/src/gap.cpp", "#include <fw/fw.h>\n#include <fw/util/extra.h>\n#include <fwx/other.h>\n");
    struct inc_config cfg = {NULL, 0, at("model"), false, at("proj"), NULL};
    struct inc_scan s;
    inc_scan_file(at("proj/src/gap.cpp"), NULL, &cfg, &a, &s);
    ck_assert_uint_eq(s.shadowed.n, 1);
    ck_assert_str_eq(s.shadowed.v[0], "fw/util/extra.h");
    ck_assert(has(&s.missing, "fwx/other.h") && !has(&s.missing, "fw/util/extra.h"));
    inc_scan_free(&s);
    arena_free(&a);
}
END_TEST

START_TEST(scan_is_bounded_and_survives_cycles)
{
    struct arena a;
    arena_init(&a);
    put("proj/cyc/a.h", "#include \"b.h\"\n");
    put("proj/cyc/b.h", "#include \"a.h\"\n#include <fw/fw.h>\n");
    char chain[64];
    for (int i = 0; i < INC_MAX_DEPTH + 5; i++) {
        char rel[64], text[64];
        snprintf(rel, sizeof rel, "proj/deep/h%d.h", i);
        snprintf(text, sizeof text, "#include \"h%d.h\"\n", i + 1);
        put(rel, text);
    }
    snprintf(chain, sizeof chain, "proj/deep/h%d.h", INC_MAX_DEPTH + 5);
    put(chain, "#include <fw/fw.h>\n");
    struct inc_config cfg = {NULL, 0, at("model"), false, at("proj"), NULL};
    struct inc_scan s;
    inc_scan_file(at("proj/cyc/a.h"), NULL, &cfg, &a, &s);
    ck_assert_str_eq(s.framework, "fw/fw.h");
    ck_assert(!s.truncated);
    inc_scan_free(&s);
    inc_scan_file(at("proj/deep/h0.h"), NULL, &cfg, &a, &s);
    ck_assert_ptr_null(s.framework);
    ck_assert(s.truncated);
    inc_scan_free(&s);
    arena_free(&a);
}
END_TEST

Suite *suite_includes(void)
{
    Suite *s = suite_create("includes");
    TCase *t = tcase_create("includes");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, project_root_is_the_nearest_ancestor_with_a_marker);
    tcase_add_test(t, directives_are_the_include_lines_outside_comments);
    tcase_add_test(t, index_prefers_the_header_nearest_the_includer);
    tcase_add_test(t, scan_follows_project_headers_to_the_framework);
    tcase_add_test(t, headers_tested_with_has_include_stay_missing);
    tcase_add_test(t, explicit_flags_win_over_inference_and_the_model);
    tcase_add_test(t, system_copy_of_a_framework_header_counts_only_with_flags);
    tcase_add_test(t, gaps_in_the_model_are_shadowed_not_mixed);
    tcase_add_test(t, scan_is_bounded_and_survives_cycles);
    suite_add_tcase(s, t);
    return s;
}
