/* Runs every unit-test suite; shared fixtures for the suites. */
#include "suites.h"
#include "util/strbuf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The mini framework is written once, in fixtures/mini/ (mini.h and
 * mini.json), which its fixtures and the golden tests use too; main() reads
 * it from the repository before any suite runs. */
const char *MINI_HEADER;
const char *MINI_MODEL_JSON;

static char *read_mini(const char *root, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/fixtures/mini/%s", root, name);
    struct strbuf err;
    sb_init(&err);
    char *text = sb_read_file(path, "the mini framework", &err);
    if (!text) {
        fprintf(stderr, "%s\n", sb_str(&err));
        exit(EXIT_FAILURE);
    }
    sb_free(&err);
    return text;
}

/* Loads MINI_HEADER and MINI_MODEL_JSON. The header's `#pragma once` is
 * blanked (keeping the line count): the tests paste the header into the
 * main file, where clang would warn about it. */
static void load_mini(void)
{
    const char *root = getenv("TFGRADLINT_ROOT");
    if (!root) {
        fputs("TFGRADLINT_ROOT is not set (make unit sets it)\n", stderr);
        exit(EXIT_FAILURE);
    }
    char *header = read_mini(root, "mini.h");
    char *pragma = strstr(header, "#pragma once");
    if (pragma)
        memset(pragma, ' ', strlen("#pragma once"));
    MINI_HEADER = header;
    MINI_MODEL_JSON = read_mini(root, "mini.json");
}

struct model *mini_model(void)
{
    struct model *m = model_new();
    struct strbuf err;
    sb_init(&err);
    if (!model_add_text(m, "mini.json", MINI_MODEL_JSON, &err)) {
        fprintf(stderr, "mini model: %s\n", sb_str(&err));
        abort();
    }
    sb_free(&err);
    return m;
}

void write_text_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    ck_assert_msg(f != NULL, "cannot write %s", path);
    fputs(text, f);
    fclose(f);
}

struct front_result build_source(const char *source, const struct model *m, struct arena *a, struct ir_tu *out)
{
    char path[] = "/tmp/tfgradlint-test-XXXXXX.cpp";
    int fd = mkstemps(path, 4);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    fputs(MINI_HEADER, f);
    fputs(source, f);
    fclose(f);
    struct front_options fo = {0};
    struct front_result res;
    front_analyze_file(path, &fo, m, a, out, &res);
    unlink(path);
    return res;
}

const struct ir_fn *find_fn(const struct ir_tu *tu, const char *name)
{
    for (uint32_t i = 0; i < tu->nfns; i++)
        if (strcmp(tu->fns[i]->name, name) == 0)
            return tu->fns[i];
    return NULL;
}

ir_id find_call(const struct ir_fn *fn, const char *callee, ir_id from)
{
    size_t cl = strlen(callee);
    for (ir_id i = from; i < fn->nnodes; i++) {
        const struct ir_node *n = &fn->nodes[i];
        if (!n->name || (n->kind != IR_CALL && n->kind != IR_VAR))
            continue;
        size_t nl = strlen(n->name);
        if (nl >= cl && strcmp(n->name + nl - cl, callee) == 0)
            return i;
    }
    return IR_NONE;
}

int run_tool(const char *args, char **out)
{
    const char *bin = getenv("TFGRADLINT_BIN");
    ck_assert_msg(bin != NULL, "TFGRADLINT_BIN is not set");
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "'%s' %s", bin, args);
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    struct strbuf b;
    sb_init(&b);
    sb_read_stream(&b, p);
    int status = pclose(p);
    *out = sb_detach(&b);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int main(void)
{
    load_mini();
    SRunner *sr = srunner_create(suite_util());
    srunner_add_suite(sr, suite_model());
    srunner_add_suite(sr, suite_front());
    srunner_add_suite(sr, suite_optypes());
    srunner_add_suite(sr, suite_wire());
    srunner_add_suite(sr, suite_xfile());
    srunner_add_suite(sr, suite_bound_calls());
    srunner_add_suite(sr, suite_recording());
    srunner_add_suite(sr, suite_flow());
    srunner_add_suite(sr, suite_trained());
    srunner_add_suite(sr, suite_graph());
    srunner_add_suite(sr, suite_rules());
    srunner_add_suite(sr, suite_report());
    srunner_add_suite(sr, suite_driver());
    srunner_add_suite(sr, suite_docinfo());
    srunner_add_suite(sr, suite_formats());
    srunner_add_suite(sr, suite_nolint());
    srunner_add_suite(sr, suite_config());
    srunner_add_suite(sr, suite_compdb());
    srunner_add_suite(sr, suite_pch());
    srunner_add_suite(sr, suite_includes());
    srunner_add_suite(sr, suite_project());
    srunner_add_suite(sr, suite_project_std());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
