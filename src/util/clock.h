/* clock: monotonic time in seconds, for the per-phase timings `-v` prints
 * and the benchmarks read. */
#ifndef TFG_UTIL_CLOCK_H
#define TFG_UTIL_CLOCK_H

double clock_seconds(void);

#endif
