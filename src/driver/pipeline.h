/* driver/pipeline: one file through front end -> IR -> analyses -> rules. */
#ifndef TFG_DRIVER_PIPELINE_H
#define TFG_DRIVER_PIPELINE_H
#include "../diag/diag.h"
#include "../front/front.h"
#include "../report/report.h"
#include "../util/strbuf.h"
#include <stdio.h>

/* Analyses `path`, adding its diagnostics to `sink` and filling `status`
 * (strings copied into the sink's arena). With `dump_ir`, prints the IR to
 * `dump_ir` instead of running rules. */
void pipeline_run_file(const char *path, const struct front_options *fo, const struct model *model,
                       struct diag_sink *sink, struct file_status *status, FILE *dump_ir);

/* The same, and with `keep_ir` the file's IR serialised (ir/serial.h) is
 * appended there, unless it takes more than `keep_max` bytes: the first
 * phase of a multi-file run (driver/xfile.h). */
void pipeline_run_file_keep(const char *path, const struct front_options *fo, const struct model *model,
                            struct diag_sink *sink, struct file_status *status, FILE *dump_ir,
                            struct strbuf *keep_ir, size_t keep_max);

/* Runs the rules on `tu`, a file's IR (its first `nown` functions) with
 * definitions from other files linked in (the second phase), adding to `sink`; the time goes to
 * status->xfile_seconds. Debug builds check the linked IR first; invalid
 * IR clears status->ok (the file keeps its single-file results). */
void pipeline_run_linked(const struct ir_tu *tu, uint32_t nown, const struct model *model, struct diag_sink *sink,
                         struct file_status *status);

#endif
