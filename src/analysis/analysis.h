/* analysis: the shared context of the analyses of one translation unit.
 *
 * Analyses are computed on demand and memoised per function and per entry
 * recording state; everything they allocate lives in the TU arena. Rules
 * only call the query functions of recording.h and flow.h. */
#ifndef TFG_ANALYSIS_ANALYSIS_H
#define TFG_ANALYSIS_ANALYSIS_H
#include "../ir/ir.h"
#include "../model/model.h"
#include "../util/arena.h"
#include <stdbool.h>

/* A node of some function of the TU. */
struct node_ref {
    uint32_t fn;
    ir_id node;
};

struct rec_cache;
struct flow_cache;
struct member_cache;

struct analysis {
    const struct ir_tu *tu;
    const struct model *model;
    struct arena *arena;
    struct rec_cache *rec;   /* recording.c */
    struct flow_cache *flow; /* flow.c */
    struct member_cache *members; /* members.c */
    /* Fixpoints iterate to convergence; this bounds their passes (a safety
     * cap). A fixpoint that hits it sets `capped`: its results are not
     * known, and the rules' findings on the file are dropped. */
    uint32_t max_passes;
    bool capped;
};

#define ANALYSIS_MAX_PASSES 256

void analysis_init(struct analysis *a, const struct ir_tu *tu, const struct model *model, struct arena *arena);

static inline const struct ir_node *analysis_node(const struct analysis *a, struct node_ref r)
{
    return &a->tu->fns[r.fn]->nodes[r.node];
}

#endif
