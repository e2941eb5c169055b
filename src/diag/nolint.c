/* diag/nolint: finding NOLINT directives and matching rules against them. */
#include "nolint.h"
#include "../util/alloc.h"
#include <ctype.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kind { NOLINT_LINE, NOLINT_NEXT, NOLINT_BEGIN, NOLINT_END };

struct directive {
    enum kind kind;
    unsigned line, col, len;
    char *rules; /* heap; NULL: every rule */
};

typedef VEC(struct directive) directive_vec;

/* Longest keyword first, so NOLINT does not claim NOLINTNEXTLINE. */
static const struct { const char *word; enum kind kind; } KEYWORDS[] = {
    {"NOLINTNEXTLINE", NOLINT_NEXT}, {"NOLINTBEGIN", NOLINT_BEGIN}, {"NOLINTEND", NOLINT_END}, {"NOLINT", NOLINT_LINE}};

/* The rule list in parentheses at `p` without white space; *len gets the
 * characters consumed. NULL (every rule) without parentheses. */
static char *rule_list(const char *p, const char *eol, size_t *len)
{
    *len = 0;
    if (*p != '(')
        return NULL;
    const char *close = memchr(p, ')', (size_t)(eol - p));
    if (!close)
        return NULL;
    *len = (size_t)(close - p) + 1;
    char *out = xmalloc(*len);
    size_t n = 0;
    for (const char *q = p + 1; q < close; q++)
        if (!isspace((unsigned char)*q))
            out[n++] = *q;
    out[n] = '\0';
    return out;
}

/* Directives on one line [p, eol): only after a comment opener. */
static void scan_line(const char *p, const char *eol, unsigned line, directive_vec *out)
{
    const char *c1 = NULL, *c2 = NULL;
    for (const char *q = p; q + 1 < eol && !c1; q++)
        if (q[0] == '/' && (q[1] == '/' || q[1] == '*'))
            c1 = q;
    for (const char *q = c1; q && q + 6 <= eol; q = c2 + 1) {
        c2 = NULL;
        for (const char *r = q; r + 6 <= eol && !c2; r++)
            if (strncmp(r, "NOLINT", 6) == 0)
                c2 = r;
        if (!c2)
            break;
        for (size_t k = 0; k < sizeof KEYWORDS / sizeof KEYWORDS[0]; k++) {
            size_t wl = strlen(KEYWORDS[k].word);
            if ((size_t)(eol - c2) < wl || strncmp(c2, KEYWORDS[k].word, wl) != 0)
                continue;
            const char *after = c2 + wl;
            if (after < eol && (isalnum((unsigned char)*after) || *after == '_'))
                break; /* NOLINTFOO is not a directive */
            size_t list_len;
            char *rules = after < eol ? rule_list(after, eol, &list_len) : (list_len = 0, NULL);
            struct directive d = {KEYWORDS[k].kind, line, (unsigned)(c2 - p) + 1, (unsigned)(wl + list_len), rules};
            VEC_PUSH(*out, d);
            c2 = after + list_len - 1;
            break;
        }
    }
}

static bool same_list(const char *a, const char *b) { return a == b || (a && b && strcmp(a, b) == 0); }

static void add_span(struct nolint_set *s, unsigned first, unsigned last, const char *rules)
{
    struct nolint_span sp = {first, last, rules ? xstrdup(rules) : NULL};
    VEC_PUSH(s->spans, sp);
}

static void add_unmatched(struct nolint_set *s, const struct directive *d, const char *text_line)
{
    struct nolint_unmatched u = {d->line, d->col, d->len, d->kind == NOLINT_BEGIN,
                                 xstrndup(text_line + d->col - 1, d->len)};
    VEC_PUSH(s->unmatched, u);
}

/* Pairs each END with the latest open BEGIN of the same list. */
static void pair_regions(struct nolint_set *s, directive_vec *ds, const char *const *line_starts)
{
    VEC(size_t) open = {0};
    for (size_t i = 0; i < ds->n; i++) {
        struct directive *d = &ds->v[i];
        if (d->kind == NOLINT_BEGIN) {
            VEC_PUSH(open, i);
            continue;
        }
        if (d->kind != NOLINT_END)
            continue;
        size_t k = open.n;
        while (k > 0 && !same_list(ds->v[open.v[k - 1]].rules, d->rules))
            k--;
        if (k == 0) {
            add_unmatched(s, d, line_starts[d->line - 1]);
            continue;
        }
        const struct directive *b = &ds->v[open.v[k - 1]];
        add_span(s, b->line, d->line, b->rules);
        memmove(open.v + k - 1, open.v + k, (open.n - k) * sizeof *open.v);
        open.n--;
    }
    for (size_t k = 0; k < open.n; k++)
        add_unmatched(s, &ds->v[open.v[k]], line_starts[ds->v[open.v[k]].line - 1]);
    VEC_FREE(open);
}

void nolint_scan(const char *text, struct nolint_set *out)
{
    memset(out, 0, sizeof *out);
    directive_vec ds = {0};
    VEC(const char *) starts = {0};
    unsigned line = 1;
    for (const char *p = text;; line++) {
        const char *eol = strchr(p, '\n');
        if (!eol)
            eol = p + strlen(p);
        VEC_PUSH(starts, p);
        scan_line(p, eol, line, &ds);
        if (!*eol)
            break;
        p = eol + 1;
    }
    for (size_t i = 0; i < ds.n; i++) {
        const struct directive *d = &ds.v[i];
        if (d->kind == NOLINT_LINE)
            add_span(out, d->line, d->line, d->rules);
        else if (d->kind == NOLINT_NEXT)
            add_span(out, d->line + 1, d->line + 1, d->rules);
    }
    pair_regions(out, &ds, starts.v);
    for (size_t i = 0; i < ds.n; i++)
        free(ds.v[i].rules);
    VEC_FREE(ds);
    VEC_FREE(starts);
}

void nolint_free(struct nolint_set *s)
{
    for (size_t i = 0; i < s->spans.n; i++)
        free(s->spans.v[i].rules);
    for (size_t i = 0; i < s->unmatched.n; i++)
        free(s->unmatched.v[i].directive);
    VEC_FREE(s->spans);
    VEC_FREE(s->unmatched);
}

static bool name_matches(const char *pattern, const char *id, const char *name)
{
    const char *cands[2] = {id, name};
    for (int i = 0; i < 2; i++) {
        char prefixed[128]; /* a rule id or name, a few dozen bytes at most */
        snprintf(prefixed, sizeof prefixed, "tfgradlint-%s", cands[i]);
        if (fnmatch(pattern, cands[i], 0) == 0 || fnmatch(pattern, prefixed, 0) == 0)
            return true;
    }
    return false;
}

static bool list_matches(const char *list, const char *id, const char *name)
{
    if (!list)
        return true;
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, ",");
        if (n > 0) {
            char *pattern = xstrndup(p, n);
            bool hit = name_matches(pattern, id, name);
            free(pattern);
            if (hit)
                return true;
        }
        p += n + (p[n] == ',');
    }
    return false;
}

bool nolint_covers(const struct nolint_set *s, const char *rule_id, const char *rule_name, unsigned line)
{
    for (size_t i = 0; i < s->spans.n; i++) {
        const struct nolint_span *sp = &s->spans.v[i];
        if (line >= sp->first && line <= sp->last && list_matches(sp->rules, rule_id, rule_name))
            return true;
    }
    return false;
}
