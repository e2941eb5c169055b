/* fuzz_body: the cheap whole-pipeline libFuzzer target.
 *
 * A full file per input (fuzz_pipeline.c) makes libclang rebuild or at
 * least re-validate whatever headers the input chose, which runs at a few
 * executions per second. Here the headers are fixed: every input is the
 * body of one function appended to a fixed prefix of framework includes
 * (LibTorch and TensorFlow model headers), and that prefix is parsed once into a PCH. The input's
 * preprocessor directives are neutralised ('#', the "%:" digraph, the
 * "??=" trigraph and _Pragma are blanked), so no input can change the
 * include list and make the PCH rebuild; a run that rebuilds it aborts.
 *
 * Each run goes through the front end, the IR (validated: the library is
 * built with TFG_VALIDATE_IR), the analyses, every rule, the wire encoding
 * the worker pool uses and every reporter. An input may close the wrapper
 * function with '}' and define more functions: the seeds made from the
 * fixtures do (tests/fuzz/seeds_body.sh). Built by `make fuzz-body`. */
#include "driver/datadir.h"
#include "driver/pipeline.h"
#include "driver/wire.h"
#include "fuzz_analyse.h"
#include "report/report.h"
#include "util/alloc.h"
#include "util/strbuf.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Two prefixes, since TensorFlow's eager experimental ops and its C++
 * client ops cannot share a translation unit (both declare
 * tensorflow::ops::Sum). An input starting with 'C' gets the C++ client
 * one (the 'C' is not part of the body); any other, the eager one. Each
 * has its own PCH, built once. */
/* (No standard header first: libstdc++'s <cstdio> and <iostream> begin
 * with a pragma before their guard, and the PCH builder refuses a list
 * with a top-level header clang does not see as guarded.) */
#define COMMON_INCLUDES                                                                                             \
    "#include <torch/torch.h>\n"                                                                                     \
    "#include <tensorflow/c/c_api.h>\n"
#define WRAPPER                                                                                                     \
    "void tfg_fuzz_body(torch::Tensor x, torch::Tensor y, torch::nn::Linear m,\n"                                    \
    "                   torch::optim::SGD& opt, int n) {\n"
static const char prefix_eager[] = COMMON_INCLUDES
    "#include <tensorflow/c/eager/gradients.h>\n"
    "#include <tensorflow/c/experimental/gradients/math_grad.h>\n"
    "#include <tensorflow/c/experimental/gradients/nn_grad.h>\n"
    "#include <tensorflow/c/experimental/gradients/not_differentiable.h>\n"
    "#include <tensorflow/c/experimental/gradients/tape/tape_context.h>\n"
    "#include <tensorflow/c/experimental/ops/math_ops.h>\n"
    "#include <tensorflow/c/experimental/ops/nn_ops.h>\n" WRAPPER;
static const char prefix_cc[] = COMMON_INCLUDES
    "#include <tensorflow/cc/client/client_session.h>\n"
    "#include <tensorflow/cc/framework/grad_op_registry.h>\n"
    "#include <tensorflow/cc/framework/gradients.h>\n"
    "#include <tensorflow/cc/ops/standard_ops.h>\n" WRAPPER;
static const char suffix[] = "\n}\n";

static struct model *model;
static struct front_options fo;
static char path[4096], include_dir[4096];
static FILE *devnull;
static struct strbuf text;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Blanks every byte that could start a preprocessor directive or pragma,
 * keeping the length and the line structure of the input. */
static void neutralise(char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '#')
            s[i] = ' ';
        else if (s[i] == '%' && i + 1 < n && s[i + 1] == ':')
            s[i + 1] = ' ';
        else if (s[i] == '?' && i + 2 < n && s[i + 1] == '?' && s[i + 2] == '=')
            s[i + 2] = ' ';
        else if (s[i] == '_' && n - i >= 7 && memcmp(s + i, "_Pragma", 7) == 0)
            s[i] = ' ';
    }
}

static void write_input(const uint8_t *data, size_t size)
{
    text.len = 0;
    if (size > 0 && data[0] == 'C') {
        sb_addn(&text, prefix_cc, sizeof prefix_cc - 1);
        data++, size--;
    } else {
        sb_addn(&text, prefix_eager, sizeof prefix_eager - 1);
    }
    size_t at = text.len;
    sb_addn(&text, (const char *)data, size);
    neutralise(text.s + at, size);
    sb_addn(&text, suffix, sizeof suffix - 1);
    FILE *f = fopen(path, "wb");
    if (!f) {
        perror(path);
        abort();
    }
    fwrite(text.s, 1, text.len, f);
    fclose(f);
}

static struct model *load_model(const char *datadir)
{
    str_vec files = {0};
    datadir_models(datadir, &files);
    struct strbuf err;
    sb_init(&err);
    struct model *m = model_load((const char *const *)files.v, files.n, &err);
    if (!m)
        fprintf(stderr, "fuzz_body: %s\n", sb_str(&err));
    for (size_t i = 0; i < files.n; i++)
        free(files.v[i]);
    VEC_FREE(files);
    sb_free(&err);
    return m;
}

/* One input through the pipeline, the wire and the reporters; returns the
 * PCH outcome ("reused", "built", ...). */
static const char *run_one(const uint8_t *data, size_t size)
{
    write_input(data, size);
    return fuzz_analyse(path, &fo, model, devnull);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    setenv("LIBCLANG_NOTHREADS", "1", 1);
    char *datadir = datadir_find();
    if (!datadir) {
        fputs("fuzz_body: set TFGRADLINT_DATADIR to the repository's rules/\n", stderr);
        exit(1);
    }
    model = load_model(datadir);
    if (!model)
        exit(1);
    snprintf(include_dir, sizeof include_dir, "%s/include", datadir);
    free(datadir);
    const char *pch_dir = getenv("FUZZ_PCH_DIR");
    char perr[512];
    struct pch_cache *pch = pch_cache_new(pch_dir ? pch_dir : "pch", perr, sizeof perr);
    if (!pch) {
        fprintf(stderr, "fuzz_body: %s\n", perr);
        exit(1);
    }
    fo = (struct front_options){NULL, 0, include_dir, HEADERS_MODEL, pch, NULL};
    snprintf(path, sizeof path, "/tmp/tfgradlint-fuzz-body-%ld.cpp", (long)getpid());
    devnull = fopen("/dev/null", "w");
    sb_init(&text);
    /* Builds (or finds) each prefix's PCH once, before any input. */
    for (int i = 0; i < 2; i++) {
        const char *first = run_one((const uint8_t *)"C", (size_t)i);
        if (strcmp(first, "built") != 0 && strcmp(first, "reused") != 0) {
            fprintf(stderr, "fuzz_body: prefix %d's PCH could not be built (%s)\n", i, first);
            exit(1);
        }
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* "failed" is not a rebuild: the front end retries without the PCH
     * when a parse ends in a fatal error with no location, which clang's
     * "too many errors emitted" also is. */
    const char *pch = run_one(data, size);
    if (strcmp(pch, "built") == 0) {
        fprintf(stderr, "fuzz_body: an input changed the PCH (%s)\n", pch);
        abort();
    }
    return 0;
}
