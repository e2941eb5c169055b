/* Runs every unit-test suite; shared fixtures for the suites. */
#include "suites.h"
#include "util/strbuf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *const MINI_HEADER =
    "namespace ad {\n"
    "struct Tensor {\n"
    "  Tensor();\n"
    "  Tensor(const Tensor&);\n"
    "  Tensor& operator=(const Tensor&);\n"
    "  Tensor operator*(const Tensor&) const;\n"
    "  Tensor operator+(const Tensor&) const;\n"
    "  Tensor& operator+=(const Tensor&);\n"
    "  Tensor sum() const;\n"
    "  Tensor argmax() const;\n"
    "  Tensor& add_(const Tensor&);\n"
    "  Tensor& detach_();\n"
    "  void backward() const;\n"
    "  float item() const;\n"
    "};\n"
    "struct Module { virtual ~Module(); };\n"
    "struct Linear : Module { Tensor forward(const Tensor&); };\n"
    "struct NoGrad { NoGrad(); ~NoGrad(); };\n"
    "struct GradMode { static void set_enabled(bool); };\n"
    "struct SetGrad { explicit SetGrad(bool); ~SetGrad(); };\n"
    "Tensor randn(int n, bool requires_grad = true);\n"
    "Tensor ones(int n);\n"
    "Tensor mse(const Tensor&, const Tensor&);\n"
    "void grad(const Tensor& loss, const Tensor& wrt);\n"
    "}\n";

const char *const MINI_MODEL_JSON =
    "{\"framework\": \"mini\",\n"
    " \"types\": {\"tensor\": [\"ad::Tensor\"], \"module\": [\"ad::Module\"]},\n"
    " \"recording_guards\": [{\"type\": \"ad::NoGrad\", \"recording\": \"off\"},\n"
    "                        {\"type\": \"ad::SetGrad\", \"recording\": \"arg\", \"arg\": 0}],\n"
    " \"calls\": [\n"
    "  {\"names\": [\"ad::Tensor::backward\"], \"class\": \"gradient\", \"target\": \"receiver\"},\n"
    "  {\"names\": [\"ad::grad\"], \"class\": \"gradient\", \"target\": 0, \"sources\": 1},\n"
    "  {\"names\": [\"ad::GradMode::set_enabled\"], \"class\": \"recording-switch\", \"recording\": \"arg\"},\n"
    "  {\"names\": [\"ad::randn\"], \"class\": \"trainable-source\", \"unless_false\": 1},\n"
    "  {\"names\": [\"ad::ones\"], \"class\": \"factory\"},\n"
    "  {\"names\": [\"ad::Tensor::argmax\"], \"class\": \"nondifferentiable\", \"why\": \"has no gradient\"},\n"
    "  {\"names\": [\"ad::Tensor::detach_\"], \"class\": \"detach\", \"inplace\": true}\n"
    " ],\n"
    " \"inplace\": {\"method_suffixes\": [\"_\"]}\n"
    "}\n";

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
    SRunner *sr = srunner_create(suite_util());
    srunner_add_suite(sr, suite_model());
    srunner_add_suite(sr, suite_front());
    srunner_add_suite(sr, suite_optypes());
    srunner_add_suite(sr, suite_wire());
    srunner_add_suite(sr, suite_xfile());
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
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
