/* front/pch: precompiled headers for the includes a file starts with.
 *
 * Parsing LibTorch's headers costs seconds and the C++ standard headers
 * behind the model headers most of a zero-config run, while most files of
 * a project start with the same `#include <...>` lines. For each distinct
 * (clang version, flags, include list) a PCH is built once and kept in a
 * cache directory with a manifest of the files it was built from (path,
 * size, modification time); a PCH whose manifest no longer matches the
 * disk is rebuilt, never used. Writers take a lock file per key and
 * publish with rename(), so concurrent runs and threads can share a
 * directory: a reader sees either no manifest or a complete PCH.
 *
 * A pch_cache is shared by the worker threads of one run (it remembers
 * which keys failed to build, so a broken include list is tried once). */
#ifndef TFG_FRONT_PCH_H
#define TFG_FRONT_PCH_H
#include "../util/arena.h"
#include "../util/strbuf.h"
#include "../util/vec.h"
#include <stdbool.h>
#include <stddef.h>

struct pch_cache;

enum pch_outcome { PCH_NONE, PCH_HIT, PCH_BUILT, PCH_FAILED };

/* A cache in `dir` (created if missing). NULL with a message appended to `err` when
 * the directory cannot be created. */
struct pch_cache *pch_cache_new(const char *dir, struct strbuf *err);
void pch_cache_free(struct pch_cache *c);
/* The bound on the directory's size (default PCH_CACHE_DEFAULT_MAX; 0:
 * none), enforced each time this cache builds a PCH (front/pch_evict.h).
 * The PCHs a cache uses are locked against eviction by other processes
 * until it is freed. */
void pch_cache_set_max(struct pch_cache *c, unsigned long long max_bytes);

/* The path of a valid PCH (arena string) for the `#include <...>` lines of
 * `text`'s preamble, up to the last one that names a header found in
 * `framework_dir` (the model headers' directory; NULL: all of them),
 * parsed with `args` (which must start with "-x" and the language),
 * building it now if needed; NULL when the file has no such lines or the
 * build failed (then parse without). */
const char *pch_prepare(struct pch_cache *c, const char *text, const char *framework_dir, const char *const *args,
                        size_t nargs, struct arena *a, enum pch_outcome *outcome);

/* pch_prepare without the includes named in `exclude` (the file's own
 * project headers and the includes served by stand-ins, which differ from
 * file to file and must not be baked into a PCH other files share), and
 * with the framework header `reached` (NULL: none) added when the list
 * has none: a file that reaches <torch/torch.h> through "model.h" shares
 * the PCH of the files that include it directly. A
 * key whose build failed is remembered on disk (<key>.failed, with the
 * files the build read) and not tried again until one of them changes. */
const char *pch_prepare_excluding(struct pch_cache *c, const char *text, const char *framework_dir,
                                  const char *const *args, size_t nargs, const char *const *exclude, size_t nexclude,
                                  const char *reached, struct arena *a, enum pch_outcome *outcome);

/* The `<...>` includes of the preamble: the lines before the first one
 * that is not blank, a comment, `#include` or `#pragma once`. No #define or
 * #if of the file comes before them. The PCH is read before the file's
 * own quoted includes, so a project header included first that configures
 * a framework header with macros is not seen by it (a known limit; such a
 * file can be run with --no-cache). Arena strings, in order. */
void pch_preamble_includes(const char *text, struct arena *a, const_str_vec *out);

#endif
