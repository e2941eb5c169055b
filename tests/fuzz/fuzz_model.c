/* fuzz_model: libFuzzer target for framework models (JSON).
 *
 * The input is one model file, added to an empty model as --model or a
 * configuration's "models" adds it; then the lookups the front end makes
 * are asked of the result. Built by `make fuzz-parsers`. */
#include "fuzz_util.h"
#include "model/model.h"
#include "util/strbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[] = {"torch::Tensor", "at::Tensor::backward", "torch::NoGradGuard",
                                    "tensorflow::GradientTape", "Tensor", "", "::", "a::b::c"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_cstr(data, size);
    struct model *m = model_new();
    struct strbuf err;
    sb_init(&err);
    if (model_add_text(m, "fuzz.json", text, &err)) {
        for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
            (void)model_type_role(m, names[i]);
            (void)model_type_is_handle(m, names[i]);
            (void)model_guard(m, names[i]);
            (void)model_call(m, names[i]);
            (void)model_op_type(m, names[i]);
            (void)model_tape(m, names[i]);
        }
    } else if (err.len == 0) {
        abort(); /* a refusal must say why */
    }
    sb_free(&err);
    model_free(m);
    free(text);
    return 0;
}
