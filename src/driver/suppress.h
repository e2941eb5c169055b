/* driver/suppress: applies the NOLINT comments of the source files to the
 * finished list of diagnostics, and reports unmatched NOLINTBEGIN/END
 * comments as diagnostics of the pseudo-rule tfgradlint-nolint. */
#ifndef TFG_DRIVER_SUPPRESS_H
#define TFG_DRIVER_SUPPRESS_H
#include "../diag/diag.h"
#include "../report/report.h"

/* Drops every diagnostic of `sink` whose primary line is covered by a
 * NOLINT comment of its file, then adds one diagnostic per unmatched
 * region comment in the analysed `files`. Returns how many were dropped. */
size_t suppress_apply(struct diag_sink *sink, const struct file_status *files, size_t nfiles);

#endif
