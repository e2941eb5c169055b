/* GL006 dead-loss-term: one term of the loss gives no gradient to the
 * variables the optimizer trains, while the rest of the loss trains them
 * (an auxiliary loss added through item(), a temperature that only enters
 * through argmax, a term built only from detached values). It is the
 * warning half of GL002's check of the cuts on the loss path, which
 * gl002_nondiff_on_loss_path.c implements for both. */
#include "common.h"

void rule_gl006(struct rule_ctx *ctx) { rule_loss_cuts(ctx, LOSS_CUT_TERMS); }
