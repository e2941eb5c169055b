/* fuzz_analyse: what the whole-pipeline fuzz targets (fuzz_pipeline,
 * fuzz_body) do with one source file: analyse it as a worker child does,
 * send the results through the wire encoding and back as the parent gets
 * them, and print them with every reporter. Aborts where the pool would
 * lose a file's results or the IR is invalid. */
#ifndef TFG_FUZZ_ANALYSE_H
#define TFG_FUZZ_ANALYSE_H
#include "driver/pipeline.h"
#include "driver/wire.h"
#include "report/report.h"
#include "util/strbuf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every reporter, as main runs them, over what one file produced. */
static inline void fuzz_report_all(FILE *out, const struct file_status *st, const struct diag_sink *sink)
{
    struct report_input in = {st, 1, sink->diags.v, sink->diags.n, "/tmp"};
    report_text(out, &in, true);
    report_json(out, &in);
    report_sarif(out, &in);
    report_github(out, &in);
    report_gitlab(out, &in);
    report_statistics(out, &in);
}

/* Analyses `path`; returns its PCH outcome ("reused", "built", ...). */
static inline const char *fuzz_analyse(const char *path, const struct front_options *fo, const struct model *model,
                                       FILE *out)
{
    struct diag_sink sink, back;
    struct file_status st, st2;
    diag_sink_init(&sink);
    diag_sink_init(&back);
    pipeline_run_file(path, fo, model, &sink, &st, NULL);
    const char *pch = st.pch;
    if (st.error && strstr(st.error, "internal error"))
        abort(); /* invalid IR: a front-end bug */
    struct strbuf b;
    sb_init(&b);
    wire_encode(&b, &st, &sink, NULL, 0);
    char *ir = NULL;
    size_t irlen = 0;
    if (!wire_decode(b.s, b.len, &st2, &back, &ir, &irlen) || back.diags.n != sink.diags.n)
        abort(); /* the pool would lose this file's results */
    diag_sort(&back);
    fuzz_report_all(out, &st2, &back);
    free(ir);
    sb_free(&b);
    diag_sink_free(&back);
    diag_sink_free(&sink);
    return pch;
}

#endif
