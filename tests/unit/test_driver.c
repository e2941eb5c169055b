/* Unit tests: options, directory walking, and the binary end to end. */
#include "suites.h"
#include "driver/options.h"
#include "driver/walk.h"
#include "driver/vendored.h"
#include "rules/docs.h"
#include "rules/registry.h"
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Parses `line` split at spaces; `err` is emptied first. */
static bool parse(const char *line, struct options *o, struct strbuf *err)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", line);
    char *argv[32];
    int argc = 0;
    for (char *t = strtok(buf, " "); t && argc < 32; t = strtok(NULL, " "))
        argv[argc++] = t;
    static char keep[512];
    memcpy(keep, buf, sizeof keep); /* argv strings must outlive the options */
    for (int i = 0; i < argc; i++)
        argv[i] = keep + (argv[i] - buf);
    err->len = 0;
    sb_addn(err, "", 0);
    return options_parse(argc, argv, o, err);
}

START_TEST(options_parse_values_and_compiler_flags)
{
    struct options o;
    struct strbuf err;
    sb_init(&err);
    ck_assert(parse("tfgradlint --format=json --select GL001 a.cpp dir -- -Iinc -DX", &o, &err));
    ck_assert_int_eq(o.format, FORMAT_JSON);
    ck_assert_uint_eq(o.paths.n, 2);
    ck_assert_uint_eq(o.compiler_args.n, 2);
    ck_assert_str_eq(o.compiler_args.v[0], "-Iinc");
    bool enabled[RULE_COUNT];
    ck_assert(options_rule_mask(&o, enabled, &err));
    ck_assert(enabled[RULE_GL001]);
    options_free(&o);
    ck_assert(!parse("tfgradlint --format xml a.cpp", &o, &err));
    ck_assert_str_eq(sb_str(&err), "unknown format 'xml' (expected text, json, sarif, github or gitlab)");
    options_free(&o);
    ck_assert(!parse("tfgradlint --frobnicate a.cpp", &o, &err));
    ck_assert_str_eq(sb_str(&err), "unknown option '--frobnicate' (see --help)");
    options_free(&o);
    ck_assert(!parse("tfgradlint", &o, &err));
    options_free(&o);
    ck_assert(parse("tfgradlint --ignore loss-outside-tape a.cpp", &o, &err));
    ck_assert(options_rule_mask(&o, enabled, &err));
    ck_assert(!enabled[RULE_GL001]);
    options_free(&o);
    ck_assert(parse("tfgradlint --select GL999 a.cpp", &o, &err));
    err.len = 0;
    ck_assert(!options_rule_mask(&o, enabled, &err));
    ck_assert_str_eq(sb_str(&err), "unknown rule 'GL999' (see --list-rules)");
    options_free(&o);
    sb_free(&err);
}
END_TEST

/* A usage error names its subject whole, however long (a fixed buffer
 * once cut these at 256 bytes, and a rule name at 255). */
START_TEST(option_errors_are_never_truncated)
{
    static char opt[1200], list[1200];
    memset(opt, 'x', sizeof opt - 1);
    memcpy(opt, "--", 2);
    memset(list, 'y', sizeof list - 1);
    char *argv[] = {"tfgradlint", opt, "a.cpp", NULL};
    struct options o;
    struct strbuf err, want;
    sb_init(&err);
    sb_init(&want);
    ck_assert(!options_parse(3, argv, &o, &err));
    sb_printf(&want, "unknown option '%s' (see --help)", opt);
    ck_assert_str_eq(sb_str(&err), sb_str(&want));
    options_free(&o);
    bool in[RULE_COUNT] = {false};
    err.len = want.len = 0;
    ck_assert(!options_rule_list(list, in, &err));
    sb_printf(&want, "unknown rule '%s' (see --list-rules)", list);
    ck_assert_str_eq(sb_str(&err), sb_str(&want));
    sb_free(&err);
    sb_free(&want);
}
END_TEST

static void touch(const char *path)
{
    write_text_file(path, "");
}

START_TEST(walk_sorts_filters_and_keeps_missing_paths)
{
    char dir[] = "/tmp/tfgradlint-walk-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char p[512];
    snprintf(p, sizeof p, "%s/b.cpp", dir), touch(p);
    snprintf(p, sizeof p, "%s/a.cc", dir), touch(p);
    snprintf(p, sizeof p, "%s/notes.txt", dir), touch(p);
    snprintf(p, sizeof p, "%s/sub", dir), mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/sub/c.h", dir), touch(p);
    snprintf(p, sizeof p, "%s/loop", dir);
    ck_assert_int_eq(symlink(dir, p), 0); /* not followed */
    const char *args[] = {dir, "/nonexistent.cpp"};
    path_list l = {0};
    walk_paths(args, 2, NULL, NULL, &l, NULL);
    ck_assert_uint_eq(l.n, 4);
    ck_assert_ptr_nonnull(strstr(l.v[0], "/a.cc"));
    ck_assert_ptr_nonnull(strstr(l.v[1], "/b.cpp"));
    ck_assert_ptr_nonnull(strstr(l.v[2], "/sub/c.h"));
    ck_assert_str_eq(l.v[3], "/nonexistent.cpp");
    walk_free(&l);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* Makes the directories of `rel` below `root` and an empty file there. */
static void touch_below(const char *root, const char *rel)
{
    char p[600];
    snprintf(p, sizeof p, "%s/%s", root, rel);
    for (char *s = p + strlen(root) + 1; (s = strchr(s, '/')); s++) {
        *s = '\0';
        mkdir(p, 0755);
        *s = '/';
    }
    touch(p);
}

/* A model directory with four LibTorch header paths and the model's own
 * directory; a project holding a copy of three of them (left out), one of
 * its own torch/ wrapper with two (kept), and one with the model's own
 * directory only (kept). A directory named on the command line is walked
 * even when it is a copy. */
START_TEST(walk_leaves_out_copies_of_a_framework_s_headers)
{
    char dir[] = "/tmp/tfgradlint-vendored-XXXXXX", model[600], copy[600];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    const char *model_files[] = {"model/torch/torch.h", "model/torch/nn.h", "model/ATen/ATen.h",
                                 "model/c10/core/Device.h", "model/tfgradlint_model/ops.h"};
    const char *project_files[] = {"proj/train.cpp", "proj/libtorch/include/torch/torch.h",
                                   "proj/libtorch/include/ATen/ATen.h", "proj/libtorch/include/c10/core/Device.h",
                                   "proj/wrap/torch/torch.h", "proj/wrap/torch/nn.h", "proj/own/tfgradlint_model/ops.h",
                                   "proj/own/a.h", "proj/own/b.h"};
    for (size_t i = 0; i < sizeof model_files / sizeof *model_files; i++)
        touch_below(dir, model_files[i]);
    for (size_t i = 0; i < sizeof project_files / sizeof *project_files; i++)
        touch_below(dir, project_files[i]);
    snprintf(model, sizeof model, "%s/model", dir);
    struct arena a;
    arena_init(&a);
    struct vendored v;
    vendored_init(&v, model, &a);
    ck_assert_uint_eq(v.headers.n, 4);
    snprintf(copy, sizeof copy, "%s/proj/libtorch/include", dir);
    ck_assert(vendored_framework_dir(copy, &v));
    snprintf(copy, sizeof copy, "%s/proj/wrap", dir);
    ck_assert(!vendored_framework_dir(copy, &v));

    char proj[600];
    snprintf(proj, sizeof proj, "%s/proj", dir);
    const char *args[] = {proj};
    path_list files = {0}, skipped = {0};
    walk_paths(args, 1, vendored_framework_dir, &v, &files, &skipped);
    ck_assert_uint_eq(skipped.n, 1);
    ck_assert_ptr_nonnull(strstr(skipped.v[0], "/proj/libtorch"));
    ck_assert_uint_eq(files.n, 6); /* own/a.h, own/b.h, own/tfgradlint_model/ops.h, train.cpp, wrap/torch/{nn,torch}.h */
    walk_free(&files);
    walk_free(&skipped);
    snprintf(copy, sizeof copy, "%s/proj/libtorch/include", dir);
    const char *named[] = {copy};
    walk_paths(named, 1, vendored_framework_dir, &v, &files, &skipped);
    ck_assert_uint_eq(files.n, 3);
    ck_assert_uint_eq(skipped.n, 0);
    walk_free(&files);
    walk_free(&skipped);
    vendored_free(&v);
    arena_free(&a);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

START_TEST(binary_informational_commands)
{
    char *out;
    ck_assert_int_eq(run_tool("--version", &out), 0);
    ck_assert_ptr_nonnull(strstr(out, "tfgradlint "));
    free(out);
    ck_assert_int_eq(run_tool("--list-rules", &out), 0);
    ck_assert_ptr_nonnull(strstr(out, "GL001  loss-outside-tape          error   Finds a loss whose path"));
    free(out);
    ck_assert_int_eq(run_tool("--explain GL001", &out), 0);
    for (const char *sec = "## What it does\0## Why is this bad\0## Example\0## Use instead\0"; *sec;
         sec += strlen(sec) + 1)
        ck_assert_msg(strstr(out, sec) != NULL, "missing section %s", sec);
    free(out);
    ck_assert_int_eq(run_tool("--explain GL999 2>/dev/null", &out), 2);
    free(out);
    ck_assert_int_eq(run_tool("--bogus 2>/dev/null", &out), 2);
    free(out);
}
END_TEST

START_TEST(binary_reports_bad_files_and_still_analyses_the_others)
{
    char model[] = "/tmp/tfgradlint-mini-XXXXXX.json", src[] = "/tmp/tfgradlint-e2e-XXXXXX.cpp";
    int fd = mkstemps(model, 5);
    ck_assert_int_eq(write(fd, MINI_MODEL_JSON, strlen(MINI_MODEL_JSON)), (ssize_t)strlen(MINI_MODEL_JSON));
    close(fd);
    fd = mkstemps(src, 4);
    FILE *f = fdopen(fd, "w");
    fprintf(f, "%svoid step(ad::Linear& n, ad::Tensor x) {\n  ad::NoGrad g;\n  n.forward(x).sum().backward();\n}\n",
            MINI_HEADER);
    fclose(f);
    char args[512], *out;
    snprintf(args, sizeof args, "--format json --model %s /nonexistent/a.cpp %s 2>/dev/null", model, src);
    ck_assert_int_eq(run_tool(args, &out), 2);
    cJSON *root = cJSON_Parse(out);
    ck_assert_ptr_nonnull(root);
    cJSON *files = cJSON_GetObjectItem(root, "files");
    ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(files, 0), "status")->valuestring, "error");
    ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(files, 1), "status")->valuestring, "analyzed");
    ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(root, "diagnostics")), 1);
    cJSON_Delete(root);
    free(out);
    snprintf(args, sizeof args, "--model %s %s", model, src);
    ck_assert_int_eq(run_tool(args, &out), 1);
    free(out);
    snprintf(args, sizeof args, "--exit-zero --model %s %s", model, src);
    ck_assert_int_eq(run_tool(args, &out), 0);
    free(out);
    snprintf(args, sizeof args, "--model /nonexistent.json %s 2>&1", src);
    ck_assert_int_eq(run_tool(args, &out), 2);
    ck_assert_ptr_nonnull(strstr(out, "/nonexistent.json: cannot read model file"));
    free(out);
    unlink(model);
    unlink(src);
}
END_TEST

/* Messages name the cut and, for a host round trip, where the numbers
 * become a tensor again; notes point at the places involved. */
START_TEST(messages_name_the_cut_and_the_rebuilt_leaf)
{
    const char *root = getenv("TFGRADLINT_ROOT");
    char args[1024], *out;
    snprintf(args, sizeof args, "--color never %s/fixtures/torch/gl002_item_rebuilt.cpp", root);
    ck_assert_int_eq(run_tool(args, &out), 1);
    ck_assert_ptr_nonnull(strstr(out, "`item` reads the value back to the host; the tensor built from it by `tensor` at line 18 is a new leaf"));
    ck_assert_ptr_nonnull(strstr(out, "18:17: note: a new tensor with no history is built here"));
    free(out);
    snprintf(args, sizeof args, "--color never %s/fixtures/torch/gl004_optimizer_wrong_module.cpp", root);
    ck_assert_int_eq(run_tool(args, &out), 1);
    ck_assert_ptr_nonnull(strstr(out, "does not depend on `head`, the variables `opt` updates at line 19"));
    ck_assert_ptr_nonnull(strstr(out, "note: `head` is the trained object the loss never reaches"));
    free(out);
    /* A `true` meant as create_graph in the retain_graph slot is named as such. */
    snprintf(args, sizeof args, "--color never %s/fixtures/torch/gl006_penalty_create_graph_in_retain_slot.cpp",
             root);
    ck_assert_int_eq(run_tool(args, &out), 1);
    ck_assert_ptr_nonnull(strstr(out, "its 4th positional argument is retain_graph: the `true` there keeps the graph, "
                                      "and create_graph, the 5th, stays false"));
    free(out);
    /* An autograd::grad input the outputs never use throws whatever it is. */
    snprintf(args, sizeof args, "--color never %s/fixtures/torch/cpp/gl004_autograd_grad_untrainable_unused_input.cpp",
             root);
    ck_assert_int_eq(run_tool(args, &out), 1);
    ck_assert_ptr_nonnull(strstr(out, "input `offset` of `grad` is not used by the outputs: the call throws whatever"));
    free(out);
}
END_TEST

/* Every registered rule has a doc with the fixed sections, at least one
 * bug fixture (a file expecting it), and in every directory holding one, a
 * clean fixture that names the rule it guards (`// clean-for: GL003`; the
 * fixture runner checks that it runs the rule and does not expect it). */
START_TEST(every_rule_has_a_doc_a_bug_fixture_and_a_clean_fixture)
{
    const char *root = getenv("TFGRADLINT_ROOT");
    ck_assert_ptr_nonnull(root);
    for (int r = 0; r < RULE_COUNT; r++) {
        const char *id = rule_table[r].id;
        const char *doc = rule_doc(id);
        ck_assert_msg(doc != NULL, "%s has no doc under rules/docs", id);
        ck_assert_msg(strstr(doc, "## What it does") && strstr(doc, "## Why is this bad") &&
                          strstr(doc, "## Example") && strstr(doc, "## Use instead"),
                      "%s doc lacks a section", id);
        /* Directories with a bug fixture of the rule, and among them those
         * with no clean fixture saying `// clean-for: <id>`. */
        char cmd[2048];
        snprintf(cmd, sizeof cmd,
                 "cd '%s' && grep -rl --include='*.c' --include='*.cc' --include='*.cpp' 'expect[-a-z]*:.*%s' fixtures"
                 " | xargs -r -n1 dirname | sort -u",
                 root, id);
        FILE *p = popen(cmd, "r");
        char dir[512];
        int dirs = 0;
        while (fgets(dir, sizeof dir, p)) {
            dir[strcspn(dir, "\n")] = '\0';
            dirs++;
            /* A project's clean twin is the project next to it, `<name>_clean`. */
            char grep[1536];
            snprintf(grep, sizeof grep,
                     "cd '%s' && d='%s' && { [ -f \"$d/CMakeLists.txt\" ] && [ -d \"${d}_clean\" ] && d=\"${d}_clean\"; };"
                     " grep -l 'clean-for:.*%s' \"$d\"/*.c*",
                     root, dir, id);
            FILE *g = popen(grep, "r");
            char clean[512];
            bool found = fgets(clean, sizeof clean, g) != NULL;
            pclose(g);
            ck_assert_msg(found, "%s: no clean fixture in %s says `// clean-for: %s`", id, dir, id);
        }
        pclose(p);
        ck_assert_msg(dirs > 0, "%s: no bug fixture under fixtures/", id);
    }
}
END_TEST

Suite *suite_driver(void)
{
    Suite *s = suite_create("driver");
    TCase *t = tcase_create("cli");
    tcase_set_timeout(t, 60);
    tcase_add_test(t, options_parse_values_and_compiler_flags);
    tcase_add_test(t, option_errors_are_never_truncated);
    tcase_add_test(t, walk_sorts_filters_and_keeps_missing_paths);
    tcase_add_test(t, walk_leaves_out_copies_of_a_framework_s_headers);
    tcase_add_test(t, binary_informational_commands);
    tcase_add_test(t, binary_reports_bad_files_and_still_analyses_the_others);
    tcase_add_test(t, messages_name_the_cut_and_the_rebuilt_leaf);
    tcase_add_test(t, every_rule_has_a_doc_a_bug_fixture_and_a_clean_fixture);
    suite_add_tcase(s, t);
    return s;
}
