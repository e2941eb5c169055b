/* fuzz_options: libFuzzer target for the command line.
 *
 * The input is an argv: its words separated by NUL bytes (argv[0] is
 * "tfgradlint"). It is parsed as main parses it, and the rule selection
 * of a parsed line is resolved. Built by `make fuzz-parsers`. */
#include "driver/options.h"
#include "fuzz_util.h"
#include "rules/registry.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    char *text = fuzz_cstr(data, size);
    int argc = 1;
    for (size_t i = 0; i < size; i++)
        argc += data[i] == '\0';
    argc++;
    char **argv = calloc((size_t)argc + 1, sizeof *argv);
    argv[0] = "tfgradlint";
    int n = 1;
    for (char *p = text, *end = text + size;; p += strlen(p) + 1) {
        argv[n++] = p;
        if (p + strlen(p) >= end)
            break;
    }
    struct options o;
    struct strbuf err;
    sb_init(&err);
    if (options_parse(n, argv, &o, &err)) {
        bool enabled[RULE_COUNT];
        if (!options_rule_mask(&o, enabled, &err) && !err.len)
            abort(); /* a refusal must say why */
    } else if (!err.len) {
        abort();
    }
    sb_free(&err);
    options_free(&o); /* after a refusal too, as main does */
    free(argv);
    free(text);
    return 0;
}
