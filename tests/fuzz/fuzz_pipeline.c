/* fuzz_pipeline: libFuzzer target for the whole analysis of one file.
 *
 * The input bytes are a C++ translation unit. Each run writes them to a
 * file, sends it through the front end, the IR, the analyses and the
 * rules (pipeline_run_file, as a child of the pool does), through the
 * wire encoding the pool uses, and through every reporter. The models and
 * the model headers are those of the repository (TFGRADLINT_DATADIR, or
 * the data directory found next to the binary). Built by `make fuzz`. */
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

static struct model *model;
static struct front_options fo;
static char path[4096], include_dir[4096], fixture_include[4200];
static const char *args[1];
static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    setenv("LIBCLANG_NOTHREADS", "1", 1);
    char *datadir = datadir_find();
    if (!datadir) {
        fputs("fuzz_pipeline: set TFGRADLINT_DATADIR to the repository's rules/\n", stderr);
        exit(1);
    }
    str_vec files = {0};
    datadir_models(datadir, &files);
    struct strbuf err;
    sb_init(&err);
    model = model_load((const char *const *)files.v, files.n, &err);
    if (!model) {
        fprintf(stderr, "fuzz_pipeline: %s\n", sb_str(&err));
        exit(1);
    }
    for (size_t i = 0; i < files.n; i++)
        free(files.v[i]);
    VEC_FREE(files);
    sb_free(&err);
    snprintf(include_dir, sizeof include_dir, "%s/include", datadir);
    /* The seed corpus is the fixtures, which include "oracle.h". */
    snprintf(fixture_include, sizeof fixture_include, "-I%s/../fixtures/torch", datadir);
    args[0] = fixture_include;
    free(datadir);
    /* Framework headers through a PCH cache (FUZZ_PCH_DIR), as the tool
     * runs by default: parsing them on every run would make fuzzing a
     * hundred times slower. */
    const char *pch_dir = getenv("FUZZ_PCH_DIR");
    char perr[512];
    struct pch_cache *pch = pch_dir ? pch_cache_new(pch_dir, perr, sizeof perr) : NULL;
    fo = (struct front_options){args, 1, include_dir, HEADERS_MODEL, pch};
    snprintf(path, sizeof path, "/tmp/tfgradlint-fuzz-%ld.cpp", (long)getpid());
    devnull = fopen("/dev/null", "w");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    fuzz_analyse(path, &fo, model, devnull);
    return 0;
}
