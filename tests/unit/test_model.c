/* Unit tests: model loading, validation messages and name lookup. */
#include "suites.h"
#include "util/strbuf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *load_error(const char *json)
{
    static char msg[512];
    struct model *m = model_new();
    struct strbuf err;
    sb_init(&err);
    bool ok = model_add_text(m, "bad.json", json, &err);
    snprintf(msg, sizeof msg, "%s", ok ? "" : sb_str(&err));
    sb_free(&err);
    model_free(m);
    return msg;
}

START_TEST(malformed_models_name_the_file_and_json_path)
{
    ck_assert_str_eq(load_error("{\n\"calls\": [\n}"), "bad.json: line 3: invalid JSON");
    ck_assert_str_eq(load_error("{\"colls\": []}"), "bad.json: $.colls: unknown key");
    ck_assert_str_eq(load_error("{\"calls\": [{\"names\": [\"f\"], \"class\": \"magic\"}]}"),
                     "bad.json: $.calls[0].class: expected an op class (differentiable, nondifferentiable, "
                     "zero-gradient, detach, host-extract, host-construct, gradient, recording-switch, "
                     "trainable-source, requires-grad-option, factory, module-call, metadata, optimizer-step, "
                     "gradient-registration, op-builder)");
    ck_assert_str_eq(load_error("{\"calls\": [{\"names\": [\"f\"], \"class\": \"gradient\"}]}"),
                     "bad.json: $.calls[0].target: a gradient call needs a target argument");
    ck_assert_str_eq(load_error("{\"calls\": [{\"names\": [], \"class\": \"detach\"}]}"),
                     "bad.json: $.calls[0].names: expected a non-empty array of qualified names");
    ck_assert_str_eq(load_error("{\"recording_guards\": [{\"type\": \"G\", \"recording\": \"sometimes\"}]}"),
                     "bad.json: $.recording_guards[0].recording: expected one of \"off\", \"on\", \"arg\", \"not-arg\"");
    ck_assert_str_eq(load_error("{\"calls\": [{\"names\": [\"f\"], \"class\": \"gradient\", \"target\": -1}]}"),
                     "bad.json: $.calls[0].target: expected an argument index (0-31) or \"receiver\"");
    ck_assert_str_eq(load_error("{\"types\": {\"tensor\": [3]}}"),
                     "bad.json: $.types.tensor[0]: expected a non-empty string");
}
END_TEST

/* Every class name in op_class.def loads as its class, and the properties
 * the analyses ask for hold where the rules rely on them. */
START_TEST(op_classes_come_from_one_table)
{
    for (unsigned i = 0; i < OP_CLASS_COUNT; i++) {
        enum op_class c;
        ck_assert(op_class_find(op_class_name((enum op_class)i), &c));
        ck_assert_int_eq(c, i);
    }
    enum op_class c;
    ck_assert(!op_class_find("magic", &c));
    ck_assert(op_class_has(OP_DETACH, OPF_CUTS | OPF_DELIBERATE));
    ck_assert(!op_class_has(OP_DIFFERENTIABLE, ~0u));
    ck_assert(op_class_has(OP_ZERO_GRADIENT, OPF_CUTS) && !op_class_has(OP_ZERO_GRADIENT, OPF_STOPS_WALK));
    ck_assert(op_class_has(OP_FACTORY, OPF_NEW_LEAF) && op_class_has(OP_HOST_CONSTRUCT, OPF_NEW_LEAF));
    ck_assert(!op_class_has(OP_HOST_EXTRACT, OPF_DELIBERATE) && !op_class_has(OP_GRADIENT, OPF_CUTS));
    ck_assert(op_class_has(OP_NONDIFFERENTIABLE, OPF_NO_GRADIENT) && !op_class_has(OP_DETACH, OPF_NO_GRADIENT));
}
END_TEST

START_TEST(missing_model_file_is_an_error)
{
    struct strbuf err;
    sb_init(&err);
    const char *paths[] = {"/nonexistent/model.json"};
    ck_assert_ptr_null(model_load(paths, 1, &err));
    ck_assert_ptr_nonnull(strstr(sb_str(&err), "/nonexistent/model.json: cannot read model file"));
    sb_free(&err);
}
END_TEST

START_TEST(lookup_uses_aliases_tensor_classes_and_inplace_suffix)
{
    struct model *m = model_new();
    struct strbuf err;
    sb_init(&err);
    ck_assert(model_add_text(m, "t.json",
                             "{\"namespace_aliases\": [[\"torch\", \"at\"]],"
                             " \"types\": {\"tensor\": [\"at::Tensor\", \"at::TensorBase\"]},"
                             " \"calls\": [{\"names\": [\"at::argmax\", \"at::Tensor::item\"], \"class\": \"nondifferentiable\"},"
                             "             {\"names\": [\"at::Tensor::detach_\"], \"class\": \"detach\", \"inplace\": true},"
                             "             {\"names\": [\"torch::*\"], \"class\": \"factory\"},"
                             "             {\"names\": [\"at::operator*\"], \"class\": \"differentiable\","
                             "              \"number_args_save_nothing\": [0, 1]}],"
                             " \"inplace\": {\"method_suffixes\": [\"_\"]}}",
                             &err));
    ck_assert_int_eq(model_call(m, "at::argmax")->cls, OP_NONDIFFERENTIABLE);
    ck_assert_int_eq(model_call(m, "torch::argmax")->cls, OP_NONDIFFERENTIABLE); /* alias */
    ck_assert_int_eq(model_call(m, "at::TensorBase::item")->cls, OP_NONDIFFERENTIABLE);
    ck_assert(model_call(m, "at::Tensor::detach_")->inplace);
    ck_assert_int_eq(model_call(m, "at::Tensor::detach_")->cls, OP_DETACH);
    ck_assert(model_call(m, "at::Tensor::mul_")->inplace);       /* suffix rule */
    ck_assert_ptr_null(model_call(m, "other::Thing::mul_"));     /* only tensor methods */
    ck_assert_ptr_null(model_call(m, "at::Tensor::operator_"));
    ck_assert_int_eq(model_call(m, "torch::randn")->cls, OP_FACTORY); /* glob: one component */
    ck_assert_ptr_null(model_call(m, "torch::nn::randn"));
    ck_assert_ptr_null(model_call(m, "at::mean"));
    /* an operator's name with '*' in it is a name, not a pattern */
    ck_assert_uint_eq(model_call(m, "at::operator*")->number_args_save_nothing, 3u);
    ck_assert_ptr_null(model_call(m, "at::operator-"));
    ck_assert_int_eq(model_type_role(m, "at::TensorBase"), ROLE_TENSOR);
    sb_free(&err);
    model_free(m);
}
END_TEST

START_TEST(shipped_models_validate)
{
    const char *root = getenv("TFGRADLINT_ROOT");
    ck_assert_ptr_nonnull(root);
    char path[4096];
    snprintf(path, sizeof path, "%s/rules/torch.json", root);
    const char *paths[] = {path};
    struct strbuf err;
    sb_init(&err);
    struct model *m = model_load(paths, 1, &err);
    ck_assert_msg(m != NULL, "%s", sb_str(&err));
    const struct model_call *bw = model_call(m, "at::Tensor::backward");
    ck_assert_int_eq(bw->cls, OP_GRADIENT);
    ck_assert_int_eq(bw->target_arg, ARG_RECEIVER);
    ck_assert_int_eq(model_call(m, "torch::autograd::grad")->retain_graph_arg, 3);
    ck_assert_ptr_nonnull(model_guard(m, "c10::NoGradGuard"));
    ck_assert_int_eq(model_guard(m, "c10::InferenceMode")->recording, REC_FROM_NOT_ARG);
    /* Generated facts (rules/generated/torch_ops.json, included by torch.json). */
    ck_assert_int_eq(model_call(m, "torch::mse_loss")->cls, OP_DIFFERENTIABLE);
    ck_assert_int_eq(model_call(m, "torch::mse_loss")->saves, SAVES_TENSORS);
    ck_assert_int_eq(model_call(m, "torch::histc")->cls, OP_NONDIFFERENTIABLE);
    ck_assert_int_eq(model_call(m, "at::Tensor::view")->saves, SAVES_NOTHING);
    ck_assert_ptr_null(model_call_output(model_call(m, "at::Tensor::max"), 0));
    ck_assert_int_eq(model_call_output(model_call(m, "at::Tensor::max"), 1)->cls, OP_NONDIFFERENTIABLE);
    ck_assert_int_eq(model_call_output(model_call(m, "torch::sort"), 1)->cls, OP_NONDIFFERENTIABLE);
    /* torch:: factories honour requires_grad; the at:: ones do not. */
    ck_assert_int_eq(model_call(m, "torch::logspace")->cls, OP_FACTORY);
    ck_assert_int_eq(model_call(m, "at::logspace")->cls, OP_NONDIFFERENTIABLE);
    ck_assert_int_eq(model_call(m, "torch::normal")->cls, OP_ZERO_GRADIENT); /* a sampler, via at::normal */
    /* Hand-curated facts override the generated ones. */
    ck_assert_int_eq(model_call(m, "at::Tensor::to")->saves, SAVES_NOTHING);
    ck_assert_ptr_nonnull(model_call(m, "at::Tensor::to")->nondiff_when_given);
    ck_assert_int_eq(model_call(m, "at::Tensor::detach")->cls, OP_DETACH);
    sb_free(&err);
    model_free(m);
}
END_TEST

/* Graph-mode requests accept any upstream value as a source; LibTorch's
 * and the eager tape's do not (their sources must be trainable). */
START_TEST(sources_any_upstream_is_read_and_off_by_default)
{
    const char *root = getenv("TFGRADLINT_ROOT");
    ck_assert_ptr_nonnull(root);
    char tf[4096], torch[4096];
    snprintf(tf, sizeof tf, "%s/rules/tensorflow.json", root);
    snprintf(torch, sizeof torch, "%s/rules/torch.json", root);
    const char *paths[] = {tf, torch};
    struct strbuf err;
    sb_init(&err);
    struct model *m = model_load(paths, 2, &err);
    ck_assert_msg(m != NULL, "%s", sb_str(&err));
    ck_assert(model_call(m, "TF_AddGradients")->sources_any_upstream);
    ck_assert(model_call(m, "tensorflow::AddSymbolicGradients")->sources_any_upstream);
    ck_assert(!model_call(m, "tensorflow::gradients::Tape::ComputeGradient")->sources_any_upstream);
    ck_assert(!model_call(m, "torch::autograd::grad")->sources_any_upstream);
    ck_assert(!model_call(m, "at::Tensor::backward")->sources_any_upstream);
    /* Not a boolean: the error names the key. */
    ck_assert_ptr_nonnull(strstr(load_error("{\"calls\": [{\"names\": [\"g\"], \"class\": \"gradient\","
                                            " \"target\": 0, \"sources_any_upstream\": 1}]}"),
                                 "sources_any_upstream"));
    sb_free(&err);
    model_free(m);
}
END_TEST

START_TEST(included_files_load_first_and_the_includer_overrides)
{
    char dir[] = "/tmp/tfg_model_XXXXXX", sub[64], a[96], b[96];
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(sub, sizeof sub, "%s/gen", dir);
    ck_assert_int_eq(mkdir(sub, 0700), 0);
    snprintf(a, sizeof a, "%s/hand.json", dir);
    snprintf(b, sizeof b, "%s/gen/ops.json", dir);
    write_text_file(a, "{\"include\": [\"gen/ops.json\"], \"calls\": [{\"names\": [\"f\"], \"class\": \"detach\"}]}");
    write_text_file(b, "{\"calls\": [{\"names\": [\"f\", \"g\"], \"class\": \"differentiable\","
                  " \"nondiff_outputs\": [1], \"saves_tensors\": false}]}");
    const char *paths[] = {a};
    struct strbuf err;
    sb_init(&err);
    struct model *m = model_load(paths, 1, &err);
    ck_assert_msg(m != NULL, "%s", sb_str(&err));
    ck_assert_int_eq(model_call(m, "f")->cls, OP_DETACH);
    ck_assert_int_eq(model_call(m, "g")->saves, SAVES_NOTHING);
    ck_assert_int_eq(model_call_output(model_call(m, "g"), 1)->cls, OP_NONDIFFERENTIABLE);
    ck_assert_ptr_null(model_call_output(model_call(m, "g"), 0));
    ck_assert_int_eq(model_call(m, "f")->saves, SAVES_UNKNOWN);
    model_free(m);
    /* A broken include names the included file and the includer. */
    write_text_file(b, "{\"calls\": [{\"names\": [\"g\"], \"class\": \"differentiable\", \"saves_tensors\": 1}]}");
    sb_free(&err);
    sb_init(&err);
    ck_assert_ptr_null(model_load(paths, 1, &err));
    ck_assert_ptr_nonnull(strstr(sb_str(&err), "gen/ops.json: $.calls[0].saves_tensors: expected true or false"));
    ck_assert_ptr_nonnull(strstr(sb_str(&err), "(included by "));
    /* An include cycle stops with a message. */
    write_text_file(b, "{\"include\": [\"../hand.json\"]}");
    sb_free(&err);
    sb_init(&err);
    ck_assert_ptr_null(model_load(paths, 1, &err));
    ck_assert_ptr_nonnull(strstr(sb_str(&err), "includes nest too deep"));
    sb_free(&err);
    remove(a);
    remove(b);
    rmdir(sub);
    rmdir(dir);
}
END_TEST

Suite *suite_model(void)
{
    Suite *s = suite_create("model");
    TCase *t = tcase_create("core");
    tcase_add_test(t, malformed_models_name_the_file_and_json_path);
    tcase_add_test(t, missing_model_file_is_an_error);
    tcase_add_test(t, op_classes_come_from_one_table);
    tcase_add_test(t, lookup_uses_aliases_tensor_classes_and_inplace_suffix);
    tcase_add_test(t, shipped_models_validate);
    tcase_add_test(t, sources_any_upstream_is_read_and_off_by_default);
    tcase_add_test(t, included_files_load_first_and_the_includer_overrides);
    suite_add_tcase(s, t);
    return s;
}
