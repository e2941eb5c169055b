/* driver/pipeline: one file through front end -> IR -> analyses -> rules. */
#ifndef TFG_DRIVER_PIPELINE_H
#define TFG_DRIVER_PIPELINE_H
#include "../diag/diag.h"
#include "../front/front.h"
#include "../report/report.h"
#include <stdio.h>

/* Analyses `path`, adding its diagnostics to `sink` and filling `status`
 * (strings copied into the sink's arena). With `dump_ir`, prints the IR to
 * `dump_ir` instead of running rules. */
void pipeline_run_file(const char *path, const struct front_options *fo, const struct model *model,
                       struct diag_sink *sink, struct file_status *status, FILE *dump_ir);

#endif
