/* analysis: context set-up. */
#include "analysis.h"
#include <string.h>

void analysis_init(struct analysis *a, const struct ir_tu *tu, const struct model *model, struct arena *arena)
{
    memset(a, 0, sizeof *a);
    a->tu = tu;
    a->model = model;
    a->arena = arena;
    a->max_passes = ANALYSIS_MAX_PASSES;
}
