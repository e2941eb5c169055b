/* clock: the calling thread's CPU time in seconds, for the per-phase
 * timings `-v` prints and the benchmarks read. CPU time, not wall time:
 * on a busy machine, wall time measures the other processes too. */
#ifndef TFG_UTIL_CLOCK_H
#define TFG_UTIL_CLOCK_H

double clock_thread_seconds(void);

#endif
