/* driver/pool: analyses the planned files, N at a time.
 *
 * Each file is analysed in a child process of its own, with its own
 * diagnostics sink, IR arena and libclang index; a child that crashes or
 * runs past the time limit costs only its file, which is reported as an
 * error. Results are merged in the plan's order afterwards, so the output
 * never depends on which child finished first. */
#ifndef TFG_DRIVER_POOL_H
#define TFG_DRIVER_POOL_H
#include "../diag/diag.h"
#include "../front/front.h"
#include "../report/report.h"
#include "plan.h"
#include "settings.h"
#include <stdio.h>

/* What a multi-file run did across files (xfile.h). */
struct pool_stats {
    bool cross_file;          /* the run had a second phase */
    unsigned xcalls_resolved; /* calls resolved to definitions in other files */
    unsigned files_linked;    /* files analysed again with them */
    unsigned link_failed;     /* files whose second run failed or hit a bound */
    unsigned undecoded;       /* files whose kept IR did not decode (their definitions unknown) */
    double phase1_seconds, phase2_seconds; /* wall time */
};

/* Runs every job of `plan` with `base` options (its compiler_args replaced
 * by each job's) and its settings `per[i]` (model, enabled rules and their
 * severities), `jobs` at a time, each for at most `timeout` seconds. Diagnostics go into `sink` and file
 * statuses into `status` (one per job, strings in the sink's arena). With
 * `dump_ir`, the IR of each file is printed there, in plan order. With
 * `cross_file` and more than one file (and no `dump_ir`), calls into other
 * files are resolved in a second phase (xfile.h); `stats` (or NULL) says
 * what it did. */
void pool_run(const struct plan *plan, const struct front_options *base, const struct file_settings *const *per,
              int jobs, double timeout, struct diag_sink *sink, struct file_status *status, FILE *dump_ir,
              bool cross_file, struct pool_stats *stats);

/* The number of online cores (at least 1). */
int pool_default_jobs(void);

/* Ends the process (after flushing stdio) without running the exit
 * handlers, which are libLLVM's static destructors: about 280 page faults
 * of work for a process that is done. Under AddressSanitizer it is exit(),
 * where LeakSanitizer checks; valgrind checks at _exit too. */
_Noreturn void pool_exit(int status);

#endif
