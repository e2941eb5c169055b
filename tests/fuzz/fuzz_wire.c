/* fuzz_wire: libFuzzer target for the worker wire protocol, parent side.
 *
 * The input is what a hostile or broken child writes to its pipe: the
 * parent decodes it and, when it decodes, sorts the diagnostics and runs
 * every reporter over them, as the merge does. With FUZZ_WIRE_SEEDS=DIR
 * the target first writes well-formed messages into DIR as seeds.
 * (The other direction carries no bytes: a child gets its job from the
 * parent's memory across fork(). fuzz_wire_encode fuzzes what a child
 * encodes from hostile source text.) Built by `make fuzz-parsers`. */
#include "driver/wire.h"
#include "fuzz_util.h"
#include "rules/registry.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *devnull;

static void write_seed(const char *dir, int k, const struct file_status *st, const struct diag_sink *sink,
                       const char *ir)
{
    struct strbuf b;
    sb_init(&b);
    wire_encode(&b, st, sink, ir, ir ? strlen(ir) : 0);
    char path[512];
    snprintf(path, sizeof path, "%s/wire-%d", dir, k);
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(b.s, 1, b.len, f);
        fclose(f);
    }
    sb_free(&b);
}

static void write_seeds(const char *dir)
{
    struct diag_sink s;
    diag_sink_init(&s);
    struct file_status st = {.path = "a.cpp", .ok = true, .model_headers = true, .pch = "reused",
                             .pch_seconds = 0.1, .parse_seconds = 0.2, .ir_seconds = 0.3, .analysis_seconds = 0.4};
    write_seed(dir, 0, &st, &s, NULL);
    struct diag_note note = {"a.cpp", {3, 4}, "the guard starts here"};
    diag_report(&s, 0, SEV_ERROR, "a.cpp", (struct ir_loc){7, 9}, (struct ir_loc){7, 20}, "loss computed", &note, 1);
    diag_report(&s, RULE_COUNT - 1, SEV_WARNING, "b.h", (struct ir_loc){1, 1}, (struct ir_loc){0, 0}, "m", NULL, 0);
    diag_add(&s, RULE_NOLINT, SEV_WARNING, "a.cpp", (struct ir_loc){2, 1}, (struct ir_loc){2, 9}, "unmatched", NULL, 0);
    st.error = "2 errors while parsing";
    st.parse_errors = 2;
    st.db = "build/compile_commands.json";
    write_seed(dir, 1, &st, &s, "fn main\n  %0 = call\n");
    diag_sink_free(&s);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    devnull = fopen("/dev/null", "w");
    const char *dir = getenv("FUZZ_WIRE_SEEDS");
    if (dir)
        write_seeds(dir);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct diag_sink sink;
    struct file_status st;
    diag_sink_init(&sink);
    char *ir = NULL;
    size_t irlen = 0;
    if (wire_decode((const char *)data, size, &st, &sink, &ir, &irlen)) {
        /* The parent names the file itself when the child did not. */
        if (!st.path)
            st.path = "a.cpp";
        diag_sort(&sink);
        struct report_input in = {&st, 1, sink.diags.v, sink.diags.n, "/tmp"};
        report_text(devnull, &in, true);
        report_json(devnull, &in);
        report_sarif(devnull, &in);
        report_github(devnull, &in);
        report_gitlab(devnull, &in);
        report_statistics(devnull, &in);
        (void)report_count(&in, SEV_ERROR);
        if (ir)
            fwrite(ir, 1, irlen, devnull);
        free(ir);
    } else if (ir || sink.diags.n) {
        abort(); /* a refused message must leave nothing behind */
    }
    diag_sink_free(&sink);
    return 0;
}
