/* diag: collecting, de-duplicating and ordering diagnostics. */
#include "diag.h"
#include <stdlib.h>
#include <string.h>

void diag_sink_init(struct diag_sink *s)
{
    memset(s, 0, sizeof *s);
    arena_init(&s->arena);
}

void diag_sink_free(struct diag_sink *s)
{
    VEC_FREE(s->diags);
    arena_free(&s->arena);
}

static bool same_place(const struct diag *d, int rule, const char *file, struct ir_loc loc)
{
    return d->rule == rule && d->loc.line == loc.line && d->loc.col == loc.col && strcmp(d->file, file) == 0;
}

void diag_report(struct diag_sink *s, int rule, enum severity sev, const char *file, struct ir_loc loc,
                 struct ir_loc end, const char *message, const struct diag_note *notes, size_t nnotes)
{
    bool own = !s->policy_file || strcmp(s->policy_file, file) == 0;
    if (own && s->enabled && !s->enabled[rule])
        return;
    if (own && s->severity && s->severity[rule])
        sev = s->severity[rule];
    diag_add(s, rule, sev, file, loc, end, message, notes, nnotes);
}

void diag_add(struct diag_sink *s, int rule, enum severity sev, const char *file, struct ir_loc loc,
              struct ir_loc end, const char *message, const struct diag_note *notes, size_t nnotes)
{
    for (size_t i = 0; i < s->diags.n; i++)
        if (same_place(&s->diags.v[i], rule, file, loc))
            return;
    struct diag d = {rule, sev, arena_strdup(&s->arena, file), loc, end, arena_strdup(&s->arena, message),
                     NULL, nnotes};
    if (nnotes) {
        d.notes = arena_alloc(&s->arena, nnotes * sizeof *d.notes);
        for (size_t i = 0; i < nnotes; i++) {
            d.notes[i].file = arena_strdup(&s->arena, notes[i].file);
            d.notes[i].loc = notes[i].loc;
            d.notes[i].message = arena_strdup(&s->arena, notes[i].message);
        }
    }
    VEC_PUSH(s->diags, d);
}

static int cmp_diag(const void *pa, const void *pb)
{
    const struct diag *a = pa, *b = pb;
    int c = strcmp(a->file, b->file);
    if (c)
        return c;
    if (a->loc.line != b->loc.line)
        return a->loc.line < b->loc.line ? -1 : 1;
    if (a->loc.col != b->loc.col)
        return a->loc.col < b->loc.col ? -1 : 1;
    return a->rule - b->rule;
}

void diag_sort(struct diag_sink *s)
{
    if (s->diags.n > 1)
        qsort(s->diags.v, s->diags.n, sizeof *s->diags.v, cmp_diag);
}
