/* front: the only part of tfgradlint that talks to libclang.
 *
 * front_analyze_file parses one file into a translation unit and turns every
 * function, method and lambda body defined in it into IR (ir/ir.h), using
 * the framework model to classify calls. Nothing in the rest of the
 * pipeline sees a CXCursor. */
#ifndef TFG_FRONT_FRONT_H
#define TFG_FRONT_FRONT_H
#include "../ir/ir.h"
#include "../model/model.h"
#include "../util/arena.h"
#include "pch.h"
#include <stdbool.h>
#include <stddef.h>

enum header_mode { HEADERS_AUTO, HEADERS_MODEL, HEADERS_REAL };

struct front_options {
    const char *const *compiler_args; /* flags after `--` */
    size_t ncompiler_args;
    const char *model_include_dir;    /* zero-config API model headers */
    enum header_mode headers;
    struct pch_cache *pch;            /* NULL: parse every header every time */
    /* Root of the project the file belongs to (nearest ancestor holding
     * .git, CMakeLists.txt, ...), or NULL when none was found. Function
     * bodies in files under it (headers included) are the user's code. */
    const char *project_root;
    const char *outer_root; /* see struct inc_config */
};

struct front_result {
    bool ok;                  /* false: the file could not be analysed at all */
    const char *error;        /* why, or the first parse error (arena-owned) */
    unsigned parse_errors;    /* errors clang reported while parsing */
    unsigned missing_headers; /* includes served by an empty stand-in */
    unsigned unresolved_names; /* undeclared names and dropped declarations */
    bool partial;             /* parsed with errors: some values are unknown */
    bool used_model_headers;
    enum pch_outcome pch;     /* whether a cached PCH was used or built */
    double pch_seconds;       /* finding or building the PCH */
    double parse_seconds;     /* libclang's parse of the file */
    double build_seconds;     /* turning the AST into IR */
};

/* Parses `path` and builds its IR into `out`; all memory in `arena`. */
void front_analyze_file(const char *path, const struct front_options *opts, const struct model *model,
                        struct arena *arena, struct ir_tu *out, struct front_result *res);

#endif
