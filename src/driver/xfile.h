/* driver/xfile: project-wide summaries for a run over several files.
 *
 * Analysis is per translation unit: a call to a function another file
 * defines (Model::forward in model.cpp, called from train.cpp) is unknown.
 * A multi-file run adds a second phase. In the first, every file is
 * parsed and analysed as alone, and its IR travels back to the parent
 * serialised (ir/serial.h); the parent indexes the functions each file
 * defines by clang USR, in plan order (the first of several copies of one
 * definition wins, so the table never depends on which worker finished
 * first). A USR defined in several different files (programs side by
 * side, each with its own `Net::forward`) resolves to the definition
 * nearest the caller in the directory tree; a tie resolves nothing, as
 * which one a call means is not known. In the second, a
 * file that calls into another file gets those definitions linked into
 * its own IR (with what they call in their own files, and their own calls
 * into further files, up to XFILE_MAX_DEPTH hops) and its rules run
 * again; the per-function summaries the analyses compute on demand then
 * follow the call as if the callee were in the file. Nothing is parsed
 * twice. Files with no such call keep their first-phase results, so a
 * file analysed alone behaves exactly as without this module.
 *
 * Bounds: each kept IR is at most XFILE_MAX_TU_BYTES and all of them at
 * most XFILE_MAX_TOTAL_BYTES (past that no file is linked); one link
 * imports at most XFILE_MAX_FNS functions and XFILE_MAX_NODES nodes.
 * Reaching a bound leaves the calls unresolved, i.e. unknown: the file
 * keeps its single-file results. */
#ifndef TFG_DRIVER_XFILE_H
#define TFG_DRIVER_XFILE_H
#include "../ir/ir.h"
#include "../util/arena.h"
#include "../util/hashmap.h"
#include <stdbool.h>
#include <stddef.h>

#define XFILE_MAX_TU_BYTES ((size_t)64 << 20)
#define XFILE_MAX_TOTAL_BYTES ((size_t)1 << 30)
#define XFILE_MAX_DEPTH 8
#define XFILE_MAX_FNS 4096
#define XFILE_MAX_NODES (1u << 21)

struct xfile_unit {
    char *bytes; /* serialised IR from the first phase (malloc'd), or NULL */
    size_t len;
    struct ir_tu tu; /* decoded by xfile_index; nfns 0 when absent */
};

struct xfile {
    size_t n;
    struct xfile_unit *units; /* one per planned file */
    size_t total;             /* bytes kept */
    bool over;                /* past XFILE_MAX_TOTAL_BYTES: no file is linked */
    unsigned undecoded;       /* kept IR that did not decode (an internal error) */
    struct arena arena;       /* decoded IR */
    struct strmap defs;       /* USR -> its definitions (xfile.c) */
};

void xfile_init(struct xfile *x, size_t nfiles);
void xfile_free(struct xfile *x);
/* Keeps file `i`'s first-phase IR bytes (takes `bytes`, malloc'd). */
void xfile_keep(struct xfile *x, size_t i, char *bytes, size_t len);
/* Decodes the kept IR and indexes the definitions, in plan order. */
void xfile_index(struct xfile *x);
/* How many calls of file `i` have a definition in another file. */
unsigned xfile_resolvable(const struct xfile *x, size_t i);
/* File `i`'s IR with the definitions it reaches in other files linked in,
 * everything new in `a` (file i's own IR is changed in place: call it in
 * a child process). `*resolved` counts file i's own calls resolved. False
 * when a bound was reached; then `out` must not be used. */
bool xfile_link(struct xfile *x, size_t i, struct arena *a, struct ir_tu *out, unsigned *resolved);

#endif
