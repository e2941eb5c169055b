/* fuzz_config: libFuzzer target for .tfgradlint.json (JSON with comments).
 *
 * The input is the configuration file: config_load strips its comments
 * (util/jsonc), parses it and resolves its rules, severities, model paths
 * and exclude globs; then the globs are matched against a few paths, as
 * the walk does for every file. Built by `make fuzz-parsers`. */
#include "driver/config.h"
#include "fuzz_util.h"
#include "util/jsonc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const paths[] = {"src/a.cpp", "third_party/x/y_pb.cc", "a/b/c/d/e/f/g/h.cpp", "x", ""};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* jsonc on its own, over every byte (the loader stops at a NUL). */
    char *text = fuzz_cstr(data, size);
    size_t bad = 0;
    if (jsonc_strip(text, &bad))
        (void)jsonc_line_of(text, strlen(text));
    else if (bad > size)
        abort();
    free(text);

    const char *path = fuzz_file(".tfgradlint.json", data, size);
    struct config c;
    struct strbuf err;
    sb_init(&err);
    if (config_load(path, &c, &err)) {
        char p[512];
        for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
            snprintf(p, sizeof p, "%s/%s", c.dir, paths[i]);
            (void)config_excludes(&c, p);
        }
        config_free(&c);
    } else if (err.len == 0) {
        abort(); /* a refusal must say why */
    }
    sb_free(&err);
    return 0;
}
