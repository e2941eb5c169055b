/* front/pch_evict: keeping the PCH cache directory within a size bound.
 *
 * Every distinct include list and flag set makes a new PCH of 5-20 MB, and
 * nothing else ever removes one, so a cache used by CI or an editor grows
 * by gigabytes. After a run builds a PCH, the directory is brought back
 * under its bound by removing whole keys (the PCH with its manifest,
 * generated header, failure record and lock file), least recently used
 * first: a key's last use is the modification time of its lock file,
 * which every run that uses the key touches. Leftovers are removed on the
 * way: temporary files of builds that died, and the files of a key that
 * has no PCH (and no failure record to keep).
 *
 * Concurrency: a run holds a shared lock on a key's lock file from the
 * moment it finds the key's PCH valid until it exits, and a builder holds
 * an exclusive one; eviction takes the exclusive lock without waiting and
 * skips any key it cannot get, so a PCH that another process is reading
 * or building is never removed. Only file names of the cache's own
 * scheme are ever touched: other files in the directory stay. */
#ifndef TFG_FRONT_PCH_EVICT_H
#define TFG_FRONT_PCH_EVICT_H
#include <stdbool.h>
#include <stddef.h>

/* The default bound (--cache-max-size). */
#define PCH_CACHE_DEFAULT_MAX (1024ull * 1024 * 1024)

struct pch_evict_stats {
    unsigned long long bytes_before, bytes_after;
    unsigned keys_removed;  /* whole keys, for the bound */
    unsigned files_removed; /* all files, including leftovers */
    unsigned keys_busy;     /* keys in use by another process, kept */
};

/* Removes least recently used keys of `dir` until the cache files total at
 * most `max_bytes` (0 removes every key it can lock), and the leftovers;
 * never a key named in `keep` (16-hex-digit keys the caller uses). False
 * when the directory cannot be read. */
bool pch_evict(const char *dir, unsigned long long max_bytes, const char *const *keep, size_t nkeep,
               struct pch_evict_stats *stats);

/* Opens `lock_path` (created if missing) and takes the flock operation `op`
 * (LOCK_SH or LOCK_EX, with LOCK_NB to not wait) on it, making sure the
 * file locked is still the one at that path (eviction may have removed
 * it); -1 when it cannot. Closing the descriptor releases the lock. */
int pch_lock_key(const char *lock_path, int op);

/* Parses a size: bytes, or a number with K, M, G or T (powers of 1024,
 * an optional trailing B or iB). False when it is not one. */
bool pch_parse_size(const char *text, unsigned long long *bytes);

#endif
