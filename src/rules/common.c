/* rules/common: helpers shared by rule passes. */
#include "common.h"
#include <string.h>

const char *rule_short_name(const char *q)
{
    if (!q)
        return "?";
    const char *last = q;
    int depth = 0;
    for (const char *p = q; *p; p++) {
        if (*p == '<' || *p == '(')
            depth++;
        else if ((*p == '>' || *p == ')') && depth > 0)
            depth--;
        else if (depth == 0 && p[0] == ':' && p[1] == ':')
            last = p + 2;
    }
    return last;
}

bool rule_is_gradient_call(const struct ir_node *n)
{
    return n->kind == IR_CALL && n->op && n->op->cls == OP_GRADIENT;
}

ir_id rule_gradient_target(const struct ir_node *n)
{
    return rule_is_gradient_call(n) ? ir_call_operand(n, n->op->target_arg) : IR_NONE;
}

struct diag_note rule_note(const struct analysis *a, struct node_ref at, const char *message)
{
    const struct ir_node *n = analysis_node(a, at);
    struct diag_note note = {a->tu->fns[at.fn]->file, n->loc, message};
    return note;
}
