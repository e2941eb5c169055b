/* fuzz_nolint: libFuzzer target for NOLINT comments.
 *
 * The input is source text: its directives are scanned as for every
 * analysed file, and whether they cover each rule on each line (and a
 * line past the end) is asked, as the sink asks for each diagnostic.
 * Built by `make fuzz-parsers`. */
#include "diag/nolint.h"
#include "fuzz_util.h"
#include "rules/registry.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_cstr(data, size);
    struct nolint_set s;
    nolint_scan(text, &s);
    unsigned lines = 2;
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n';
    for (unsigned line = 0; line <= lines && line < 256; line++)
        for (int r = 0; r < RULE_COUNT; r++)
            (void)nolint_covers(&s, rule_get(r)->id, rule_get(r)->name, line);
    (void)nolint_covers(&s, "GL999", "no-such-rule", 1);
    for (size_t i = 0; i < s.spans.n; i++)
        if (s.spans.v[i].first > s.spans.v[i].last)
            abort();
    nolint_free(&s);
    free(text);
    return 0;
}
