/* Unit tests: the binary on a project with a compilation database
 * (driver/plan, driver/pool): -p, discovery, --files-from-db, plugin flags,
 * header modes, and output that does not depend on -j. */
#include "suites.h"
#include "driver/options.h"
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[] = "/tmp/tfgradlint-proj-XXXXXX";
static char model[600];

static void write_file(const char *rel, const char *text)
{
    char path[700];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    write_text_file(path, text);
}

/* project/
 *   include/mini.h            reachable only through the database's -Iinclude
 *   src/step.cpp, src/ok.cpp
 *   build/compile_commands.json  (relative -I, a plugin flag) */
static void setup(void)
{
    ck_assert_ptr_nonnull(mkdtemp(root));
    char dir[700];
    const char *dirs[] = {"include", "src", "build"};
    for (int i = 0; i < 3; i++) {
        snprintf(dir, sizeof dir, "%s/%s", root, dirs[i]);
        ck_assert_int_eq(mkdir(dir, 0755), 0);
    }
    char header[4096];
    snprintf(header, sizeof header, "#pragma once\n%s", MINI_HEADER);
    write_file("include/mini.h", header);
    write_file("src/step.cpp", "#include <mini.h>\n"
                               "void step(ad::Linear& n, ad::Tensor x) {\n"
                               "  ad::NoGrad g;\n"
                               "  n.forward(x).sum().backward();\n"
                               "}\n");
    write_file("src/ok.cpp", "#include <mini.h>\n"
                             "void step(ad::Linear& n, ad::Tensor x) { n.forward(x).sum().backward(); }\n");
    char db[4096];
    snprintf(db, sizeof db,
             "[{\"directory\": \"%s/build\", \"file\": \"../src/step.cpp\",\n"
             "  \"command\": \"c++ -I../include -fplugin=/nonexistent/evil.so -c ../src/step.cpp -o step.o\"},\n"
             " {\"directory\": \"%s/build\", \"file\": \"../src/ok.cpp\",\n"
             "  \"arguments\": [\"c++\", \"-I../include\", \"-c\", \"../src/ok.cpp\"]}]\n",
             root, root);
    write_file("build/compile_commands.json", db);
    snprintf(model, sizeof model, "%s/mini.json", root);
    write_file("mini.json", MINI_MODEL_JSON);
}

static void teardown(void)
{
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    ck_assert_int_eq(system(cmd), 0);
    strcpy(root, "/tmp/tfgradlint-proj-XXXXXX");
}

static cJSON *run_json(const char *args, int want_status)
{
    char cmd[2048], *out;
    snprintf(cmd, sizeof cmd, "--format json --model %s %s 2>/dev/null", model, args);
    ck_assert_int_eq(run_tool(cmd, &out), want_status);
    cJSON *j = cJSON_Parse(out);
    ck_assert_msg(j != NULL, "no JSON: %s", out);
    free(out);
    return j;
}

static const char *file_field(const cJSON *j, int i, const char *field)
{
    const cJSON *v = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(j, "files"), i), field);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

START_TEST(p_without_files_analyses_every_file_of_the_database)
{
    char args[1024];
    snprintf(args, sizeof args, "-p %s/build", root);
    cJSON *j = run_json(args, 1);
    ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(j, "files")), 2);
    ck_assert_str_eq(file_field(j, 0, "status"), "analyzed"); /* -I../include worked */
    ck_assert_str_eq(file_field(j, 1, "status"), "analyzed");
    ck_assert(strstr(file_field(j, 0, "path"), "src/step.cpp") != NULL);
    const cJSON *diags = cJSON_GetObjectItem(j, "diagnostics");
    ck_assert_int_eq(cJSON_GetArraySize(diags), 1);
    ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(diags, 0), "rule")->valuestring, "GL001");
    cJSON_Delete(j);
    /* The plugin flag is named in one warning and never reaches clang. */
    char cmd[1024], *out;
    snprintf(cmd, sizeof cmd, "--model %s -p %s/build/compile_commands.json -v 2>&1 >/dev/null", model, root);
    ck_assert_int_eq(run_tool(cmd, &out), 1);
    ck_assert_msg(strstr(out, "ignoring flags that would load code into the analyzer: -fplugin=/nonexistent/evil.so"),
                  "%s", out);
    ck_assert(strstr(out, "step.cpp: parsed with built-in model headers") == NULL);
    ck_assert_msg(strstr(out, "step.cpp: parsed with real headers, PCH "), "%s", out);
    free(out);
}
END_TEST

START_TEST(database_is_found_upward_from_each_file)
{
    char args[1024];
    /* build/ is not an ancestor of src/: no database, mini.h unreachable;
     * the file is analysed partially, and nothing is known to report. */
    snprintf(args, sizeof args, "%s/src/step.cpp", root);
    cJSON *j = run_json(args, 0);
    ck_assert_str_eq(file_field(j, 0, "status"), "analyzed");
    ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(j, "files"), 0), "partial")));
    cJSON_Delete(j);
    snprintf(args, sizeof args, "--strict %s/src/step.cpp", root);
    j = run_json(args, 2);
    ck_assert_str_eq(file_field(j, 0, "status"), "error");
    cJSON_Delete(j);
    char from[700], to[700];
    snprintf(from, sizeof from, "%s/build/compile_commands.json", root);
    snprintf(to, sizeof to, "%s/compile_commands.json", root);
    ck_assert_int_eq(rename(from, to), 0);
    j = run_json(args, 1);
    ck_assert_str_eq(file_field(j, 0, "status"), "analyzed");
    cJSON_Delete(j);
    /* --files-from-db finds it from the working directory. */
    char cmd[1024], *out;
    snprintf(cmd, sizeof cmd, "--format json --model %s --files-from-db 2>/dev/null", model);
    char cwd[1024];
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    snprintf(from, sizeof from, "%s/src", root);
    ck_assert_int_eq(chdir(from), 0);
    int status = run_tool(cmd, &out);
    ck_assert_int_eq(chdir(cwd), 0);
    ck_assert_int_eq(status, 1);
    j = cJSON_Parse(out);
    ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(j, "files")), 2);
    ck_assert_str_eq(file_field(j, 0, "path"), "step.cpp"); /* shown relative to the working directory */
    cJSON_Delete(j);
    free(out);
}
END_TEST

START_TEST(malformed_database_is_an_error_naming_file_and_problem)
{
    write_file("build/compile_commands.json", "[{\"directory\": \"/\", \"file\": 7}]");
    char cmd[1024], *out;
    snprintf(cmd, sizeof cmd, "--model %s -p %s/build 2>&1", model, root);
    ck_assert_int_eq(run_tool(cmd, &out), 2);
    ck_assert_msg(strstr(out, "build/compile_commands.json: entry 0: needs string fields"), "%s", out);
    free(out);
    /* Found by discovery: the files under it report it; others still run. */
    write_file("src/compile_commands.json", "not json");
    snprintf(cmd, sizeof cmd, "--format json --model %s %s/src/ok.cpp %s/include/mini.h 2>/dev/null", model, root,
             root);
    ck_assert_int_eq(run_tool(cmd, &out), 2);
    cJSON *j = cJSON_Parse(out);
    ck_assert_msg(strstr(file_field(j, 0, "error"), "src/compile_commands.json: line 1: invalid JSON"), "%s",
                  file_field(j, 0, "error"));
    ck_assert_str_eq(file_field(j, 1, "status"), "analyzed");
    cJSON_Delete(j);
    free(out);
}
END_TEST

START_TEST(header_modes)
{
    write_file("src/torch_step.cpp", "#include <torch/torch.h>\nvoid f() {}\n");
    char args[1024];
    snprintf(args, sizeof args, "--headers real %s/src/torch_step.cpp", root);
    cJSON *j = run_json(args, 2);
    ck_assert_msg(strstr(file_field(j, 0, "error"), "the real framework header <torch/torch.h> is not reachable"),
                  "%s", file_field(j, 0, "error"));
    cJSON_Delete(j);
    snprintf(args, sizeof args, "--headers auto %s/src/torch_step.cpp", root);
    j = run_json(args, 0);
    ck_assert_str_eq(file_field(j, 0, "headers"), "model");
    cJSON_Delete(j);
    /* model wins even over flags that reach a header of the same name. */
    char dir[700];
    snprintf(dir, sizeof dir, "%s/include/torch", root);
    ck_assert_int_eq(mkdir(dir, 0755), 0);
    write_file("include/torch/torch.h", "#pragma once\n#error the real header was used\n");
    snprintf(args, sizeof args, "--headers model %s/src/torch_step.cpp -- -I%s/include", root, root);
    j = run_json(args, 0);
    ck_assert_str_eq(file_field(j, 0, "headers"), "model");
    cJSON_Delete(j);
    snprintf(args, sizeof args, "%s/src/torch_step.cpp -- -I%s/include", root, root);
    j = run_json(args, 0); /* auto: the reachable header is the real one (its #error: partial) */
    ck_assert_str_eq(file_field(j, 0, "headers"), "real");
    cJSON_Delete(j);
}
END_TEST

START_TEST(output_does_not_depend_on_jobs)
{
    const char *troot = getenv("TFGRADLINT_ROOT");
    ck_assert_ptr_nonnull(troot);
    char args[1024], *one, *two;
    /* The first run may build PCHs ("pch": "built" in files[]); compare
     * two runs that both find them. The directories are a mix small enough
     * for a loaded machine (all of fixtures/torch ran past the time limit):
     * several files per worker, and a header body two sources include,
     * whose finding must go to the same includer whatever the order. */
    snprintf(args, sizeof args, "-j2 %s/fixtures/torch/cpp %s/fixtures/mini %s/fixtures/projects/header_two_includers >/dev/null 2>&1", troot, troot, troot);
    run_tool(args, &one);
    free(one);
    snprintf(args, sizeof args, "--format json -j 1 %s/fixtures/torch/cpp %s/fixtures/mini %s/fixtures/projects/header_two_includers 2>/dev/null", troot, troot, troot);
    run_tool(args, &one);
    snprintf(args, sizeof args, "--format json -j2 %s/fixtures/torch/cpp %s/fixtures/mini %s/fixtures/projects/header_two_includers 2>/dev/null", troot, troot, troot);
    run_tool(args, &two);
    ck_assert_ptr_nonnull(strstr(one, "\"GL00")); /* some finding */
    ck_assert_str_eq(one, two);
    free(one);
    free(two);
}
END_TEST

START_TEST(options_for_projects)
{
    struct options o;
    struct strbuf err;
    sb_init(&err);
    char *argv1[] = {"tfgradlint", "-p", "build", "-j3", NULL};
    ck_assert(options_parse(4, argv1, &o, &err));
    ck_assert_str_eq(o.compdb, "build");
    ck_assert_int_eq(o.jobs, 3);
    ck_assert(o.files_from_db); /* only -p: the database's files */
    options_free(&o);
    char *argv2[] = {"tfgradlint", "--files-from-db", "a.cpp", NULL};
    ck_assert(!options_parse(3, argv2, &o, &err));
    ck_assert_str_eq(sb_str(&err), "--files-from-db takes no file arguments");
    options_free(&o);
    char *argv3[] = {"tfgradlint", "-j", "0", "a.cpp", NULL};
    ck_assert(!options_parse(4, argv3, &o, &err));
    options_free(&o);
    char *argv4[] = {"tfgradlint", "--jobs=2", "--no-cache", "--cache-dir", "/c", "-p=b", "a.cpp", NULL};
    ck_assert(options_parse(7, argv4, &o, &err));
    ck_assert(o.jobs == 2 && o.no_cache && !o.files_from_db);
    ck_assert_str_eq(o.cache_dir, "/c");
    options_free(&o);
    sb_free(&err);
}
END_TEST

/* Two runs sharing a cold cache: both analyse correctly, and they leave
 * one PCH (the second waits for the first's build, or finds it). */
START_TEST(two_runs_share_a_cold_cache)
{
    char cmd[8192], out_a[700], out_b[700], cache[700];
    snprintf(cache, sizeof cache, "%s/cache", root);
    snprintf(out_a, sizeof out_a, "%s/a.json", root);
    snprintf(out_b, sizeof out_b, "%s/b.json", root);
    const char *bin = getenv("TFGRADLINT_BIN");
    snprintf(cmd, sizeof cmd,
             "'%s' --format json --model %s --cache-dir %s -p %s/build > %s 2>/dev/null & "
             "'%s' --format json --model %s --cache-dir %s -p %s/build > %s 2>/dev/null; wait; "
             "ls %s/*.pch | wc -l",
             bin, model, cache, root, out_a, bin, model, cache, root, out_b, cache);
    FILE *p = popen(cmd, "r");
    int npch = -1;
    ck_assert_int_eq(fscanf(p, "%d", &npch), 1);
    pclose(p);
    ck_assert_int_eq(npch, 1);
    for (int i = 0; i < 2; i++) {
        FILE *f = fopen(i ? out_b : out_a, "r");
        ck_assert_ptr_nonnull(f);
        char buf[8192];
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        buf[n] = '\0';
        fclose(f);
        cJSON *j = cJSON_Parse(buf);
        ck_assert_ptr_nonnull(j);
        ck_assert_str_eq(file_field(j, 0, "status"), "analyzed");
        ck_assert_str_eq(file_field(j, 1, "status"), "analyzed");
        ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(j, "diagnostics")), 1);
        cJSON_Delete(j);
    }
}
END_TEST

Suite *suite_project(void)
{
    Suite *s = suite_create("project");
    TCase *t = tcase_create("project");
    tcase_set_timeout(t, 120);
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, p_without_files_analyses_every_file_of_the_database);
    tcase_add_test(t, database_is_found_upward_from_each_file);
    tcase_add_test(t, malformed_database_is_an_error_naming_file_and_problem);
    tcase_add_test(t, header_modes);
    tcase_add_test(t, output_does_not_depend_on_jobs);
    tcase_add_test(t, two_runs_share_a_cold_cache);
    tcase_add_test(t, options_for_projects);
    suite_add_tcase(s, t);
    return s;
}
