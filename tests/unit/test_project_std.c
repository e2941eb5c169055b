/* Unit tests: the C++ standard read from a project's build files
 * (driver/project_std). */
#include "suites.h"
#include "driver/project_std.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

START_TEST(cmake_spellings_name_their_level)
{
    ck_assert_int_eq(project_std_level("set(CMAKE_CXX_STANDARD 20)\n"), 20);
    ck_assert_int_eq(project_std_level("set(CMAKE_CXX_STANDARD \"17\")"), 17);
    ck_assert_int_eq(project_std_level("set_target_properties(t PROPERTIES CXX_STANDARD 23)"), 23);
    ck_assert_int_eq(project_std_level("target_compile_features(t PUBLIC cxx_std_20)"), 20);
    ck_assert_int_eq(project_std_level("set(CMAKE_CXX_FLAGS \"${CMAKE_CXX_FLAGS} -std=c++2a -O2\")"), 20);
    ck_assert_int_eq(project_std_level("CXXFLAGS = -O2 -std=gnu++14\n"), 14);
    ck_assert_int_eq(project_std_level("project('p', 'cpp', default_options : ['cpp_std=c++20'])"), 20);
    ck_assert_int_eq(project_std_level("build --action_env=BAZEL_CXXOPTS=\"-std=c++20\"\n"), 20);
    ck_assert_int_eq(project_std_level("cc_binary(name = \"train\", copts = [\"-std=c++17\"])"), 17);
}
END_TEST

START_TEST(what_is_not_a_declaration_names_nothing)
{
    /* CMAKE_CXX_STANDARD_REQUIRED is another variable; a variable's value
     * is not known; a commented-out line does not count. */
    ck_assert_int_eq(project_std_level("set(CMAKE_CXX_STANDARD_REQUIRED ON)\n"), 0);
    ck_assert_int_eq(project_std_level("set(CMAKE_CXX_STANDARD ${STD})\n"), 0);
    ck_assert_int_eq(project_std_level("# set(CMAKE_CXX_STANDARD 20)\nset(CMAKE_CXX_STANDARD 17)\n"), 17);
    ck_assert_int_eq(project_std_level("-std=c++201"), 0);
    ck_assert_int_eq(project_std_level(""), 0);
}
END_TEST

START_TEST(the_newest_spelling_of_a_file_wins)
{
    ck_assert_int_eq(project_std_level("if(MSVC)\n set(CMAKE_CXX_STANDARD 20)\nelse()\n set(CMAKE_CXX_STANDARD 17)\nendif()\n"), 20);
}
END_TEST

START_TEST(only_cxx20_and_later_change_the_default)
{
    ck_assert_ptr_null(project_std_flag_for(0));
    ck_assert_ptr_null(project_std_flag_for(14));
    ck_assert_ptr_null(project_std_flag_for(17));
    ck_assert_str_eq(project_std_flag_for(20), "-std=c++20");
    ck_assert_str_eq(project_std_flag_for(23), "-std=c++2b");
    ck_assert_str_eq(project_std_flag_for(26), "-std=c++2b");
}
END_TEST

/* Removes the `files` then the `dirs` (innermost last in the list) under `root`. */
static void remove_tree(const char *root, const char *const *dirs, size_t ndirs, const char *const *files,
                        size_t nfiles)
{
    char path[600];
    for (size_t i = 0; i < nfiles; i++) {
        snprintf(path, sizeof path, "%s/%s", root, files[i]);
        ck_assert_int_eq(unlink(path), 0);
    }
    for (size_t i = ndirs; i-- > 0;) {
        snprintf(path, sizeof path, "%s/%s", root, dirs[i]);
        ck_assert_int_eq(rmdir(path), 0);
    }
    ck_assert_int_eq(rmdir(root), 0);
}

/* root/CMakeLists.txt (C++20); lib/CMakeLists.txt (C++17, nearer);
 * app/src/main.cpp (nothing until root/); a Bazel workspace bzl/ whose
 * .bazelrc declares C++20 above the package bzl/pkg/ (the project root of
 * its file); a repository repo/ (.git) that declares nothing, under root/. */
START_TEST(the_nearest_declaring_directory_below_the_repository_top_wins)
{
    char root[] = "/tmp/tfgradlint-std-XXXXXX", path[600], pkg[600];
    ck_assert_ptr_nonnull(mkdtemp(root));
    const char *const dirs[] = {"lib", "app", "app/src", "bzl", "bzl/pkg", "repo", "repo/.git", "repo/src"};
    const char *const files[] = {"CMakeLists.txt", "lib/CMakeLists.txt", "lib/a.cpp", "app/src/main.cpp",
                                 "bzl/MODULE.bazel", "bzl/.bazelrc", "bzl/pkg/BUILD", "bzl/pkg/b.cpp", "repo/src/c.cpp"};
    const char *const texts[] = {"set(CMAKE_CXX_STANDARD 20)\n", "set(CMAKE_CXX_STANDARD 17)\n", "", "", "",
                                 "build --cxxopt=-std=c++20\n", "cc_binary(name = \"b\")\n", "", ""};
    size_t ndirs = sizeof dirs / sizeof dirs[0], nfiles = sizeof files / sizeof files[0];
    for (size_t i = 0; i < ndirs; i++) {
        snprintf(path, sizeof path, "%s/%s", root, dirs[i]);
        ck_assert_int_eq(mkdir(path, 0755), 0);
    }
    for (size_t i = 0; i < nfiles; i++) {
        snprintf(path, sizeof path, "%s/%s", root, files[i]);
        write_text_file(path, texts[i]);
    }
    struct project_std ps;
    project_std_init(&ps);
    snprintf(path, sizeof path, "%s/app/src/main.cpp", root);
    ck_assert_str_eq(project_std_flag(&ps, path, root), "-std=c++20");
    snprintf(path, sizeof path, "%s/lib/a.cpp", root);
    ck_assert_ptr_null(project_std_flag(&ps, path, root));
    snprintf(path, sizeof path, "%s/bzl/pkg/b.cpp", root);
    snprintf(pkg, sizeof pkg, "%s/bzl/pkg", root);
    ck_assert_str_eq(project_std_flag(&ps, path, pkg), "-std=c++20");
    snprintf(path, sizeof path, "%s/repo/src/c.cpp", root);
    ck_assert_ptr_null(project_std_flag(&ps, path, NULL));
    ck_assert_ptr_null(project_std_flag(&ps, "/nonexistent/dir/y.cpp", NULL));
    project_std_free(&ps);
    remove_tree(root, dirs, ndirs, files, nfiles);
}
END_TEST

Suite *suite_project_std(void)
{
    Suite *s = suite_create("project_std");
    TCase *t = tcase_create("project_std");
    tcase_add_test(t, cmake_spellings_name_their_level);
    tcase_add_test(t, what_is_not_a_declaration_names_nothing);
    tcase_add_test(t, the_newest_spelling_of_a_file_wins);
    tcase_add_test(t, only_cxx20_and_later_change_the_default);
    tcase_add_test(t, the_nearest_declaring_directory_below_the_repository_top_wins);
    suite_add_tcase(s, t);
    return s;
}
