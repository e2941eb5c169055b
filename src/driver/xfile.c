/* driver/xfile: the definition table and the IR linker (see xfile.h). */
#include "xfile.h"
#include "../ir/serial.h"
#include "../util/alloc.h"
#include "../util/vec.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void xfile_init(struct xfile *x, size_t nfiles)
{
    memset(x, 0, sizeof *x);
    x->n = nfiles;
    x->units = xcalloc(nfiles ? nfiles : 1, sizeof *x->units);
    arena_init(&x->arena);
    strmap_init(&x->defs);
}

void xfile_free(struct xfile *x)
{
    for (size_t i = 0; i < x->n; i++)
        free(x->units[i].bytes);
    free(x->units);
    arena_free(&x->arena);
    strmap_free(&x->defs);
}

void xfile_keep(struct xfile *x, size_t i, char *bytes, size_t len)
{
    /* Whether the total passes the bound does not depend on the order the
     * files arrive in, so neither does the outcome. */
    if (i >= x->n || !bytes || x->over || len > XFILE_MAX_TU_BYTES || x->total + len > XFILE_MAX_TOTAL_BYTES) {
        x->over |= bytes && (len > XFILE_MAX_TU_BYTES || x->total + len > XFILE_MAX_TOTAL_BYTES);
        free(bytes);
        return;
    }
    free(x->units[i].bytes);
    x->units[i].bytes = bytes;
    x->units[i].len = len;
    x->total += len;
}

static uint64_t pack(size_t unit, uint32_t fn) { return ((uint64_t)unit << 32 | fn) + 1; }

static const struct ir_fn *unpack(const struct xfile *x, uint64_t d)
{
    return x->units[(d - 1) >> 32].tu.fns[(uint32_t)((d - 1) & 0xffffffffu)];
}

/* The definitions of one USR, one per defining file, in plan order. */
struct def {
    uint64_t at; /* pack() */
    struct def *next;
};

void xfile_index(struct xfile *x)
{
    for (size_t i = 0; i < x->n && !x->over; i++) {
        struct xfile_unit *u = &x->units[i];
        if (!u->bytes)
            continue;
        if (!ir_deserialize(u->bytes, u->len, &x->arena, &u->tu)) {
            x->undecoded++;
            continue;
        }
        for (uint32_t f = 0; f < u->tu.nfns; f++) {
            const struct ir_fn *fn = u->tu.fns[f];
            if (fn->is_lambda || !fn->usr || !*fn->usr)
                continue;
            /* The same file's definition seen from several files (a
             * header's inline function) is one definition. */
            struct def *head = strmap_get(&x->defs, fn->usr), **tail = &head;
            for (; *tail && strcmp(unpack(x, (*tail)->at)->file, fn->file) != 0; tail = &(*tail)->next)
                ;
            if (*tail)
                continue;
            *tail = arena_alloc(&x->arena, sizeof **tail);
            (*tail)->at = pack(i, f);
            if (*tail == head)
                strmap_put(&x->defs, fn->usr, head);
        }
    }
}

/* How many leading directories the paths `a` and `b` share. */
static unsigned shared_dirs(const char *a, const char *b)
{
    unsigned n = 0;
    for (size_t i = 0; a[i] && a[i] == b[i]; i++)
        n += a[i] == '/';
    return n;
}

/* The definition of `usr` that a call in file `unit` means, as pack()
 * made it, or 0. Several files defining it are several programs side by
 * side (examples, each with its own Net::forward): the one nearest the
 * caller in the directory tree is meant; a tie is not known. */
static uint64_t definition(const struct xfile *x, const char *usr, size_t unit)
{
    const char *from = x->units[unit].tu.path;
    uint64_t best = 0;
    unsigned best_score = 0, nbest = 0;
    for (const struct def *d = strmap_get(&x->defs, usr); d; d = d->next) {
        if (((d->at - 1) >> 32) == unit)
            continue;
        unsigned score = shared_dirs(from, unpack(x, d->at)->file);
        if (!best || score > best_score) {
            best = d->at;
            best_score = score;
            nbest = 1;
        } else if (score == best_score) {
            nbest++;
        }
    }
    return nbest == 1 ? best : 0;
}

unsigned xfile_resolvable(const struct xfile *x, size_t i)
{
    unsigned n = 0;
    if (i >= x->n || x->over)
        return 0;
    const struct ir_tu *tu = &x->units[i].tu;
    for (uint32_t f = 0; f < tu->nfns; f++)
        for (uint32_t k = 0; k < tu->fns[f]->nxcalls; k++)
            n += definition(x, tu->fns[f]->xcalls[k].usr, i) != 0;
    return n;
}

/* ---- linking: copies of functions, their indices renumbered ---- */

struct queued {
    size_t unit; /* the file it comes from */
    uint32_t fn; /* its index in the linked IR */
    int depth;   /* cross-file hops from the analysed file */
};

struct linker {
    struct xfile *x;
    struct arena *a;
    size_t host;
    VEC(struct ir_fn *) fns;
    VEC(struct queued) queue;
    struct u64map at; /* pack(unit, fn) -> index in the linked IR + 1 */
    size_t nodes;
    bool capped;
};

/* The linked index of function `f` of file `unit`, copying it on first
 * use; -1 past a bound. */
static int32_t import(struct linker *l, size_t unit, uint32_t f, int depth)
{
    size_t hit;
    if (u64map_get_index(&l->at, pack(unit, f), &hit))
        return (int32_t)hit;
    const struct ir_fn *src = l->x->units[unit].tu.fns[f];
    if (l->fns.n >= XFILE_MAX_FNS || l->nodes + src->nnodes > XFILE_MAX_NODES) {
        l->capped = true;
        return -1;
    }
    struct ir_fn *fn = arena_alloc(l->a, sizeof *fn);
    *fn = *src;
    fn->index = (uint32_t)l->fns.n;
    fn->nodes = src->nnodes ? arena_memdup(l->a, src->nodes, src->nnodes, sizeof *src->nodes) : NULL;
    VEC_PUSH(l->fns, fn);
    u64map_put_index(&l->at, pack(unit, f), fn->index);
    l->nodes += src->nnodes;
    struct queued q = {unit, fn->index, depth};
    VEC_PUSH(l->queue, q);
    return (int32_t)fn->index;
}

/* Renumbers what function q refers to in its own file, and resolves its
 * calls into other files; returns how many of those it resolved. */
static unsigned relink(struct linker *l, struct queued q)
{
    struct ir_fn *fn = l->fns.v[q.fn];
    if (fn->parent >= 0)
        fn->parent = import(l, q.unit, (uint32_t)fn->parent, q.depth);
    for (uint32_t i = 0; i < fn->nnodes; i++) {
        struct ir_node *n = &fn->nodes[i];
        if (n->callee >= 0)
            n->callee = import(l, q.unit, (uint32_t)n->callee, q.depth);
        if (n->forward >= 0)
            n->forward = import(l, q.unit, (uint32_t)n->forward, q.depth);
        if ((n->kind == IR_LAMBDA || (n->flags & IRF_FNREF)) && n->aux >= 0)
            n->aux = import(l, q.unit, (uint32_t)n->aux, q.depth);
    }
    unsigned resolved = 0;
    for (uint32_t k = 0; k < fn->nxcalls && q.depth < XFILE_MAX_DEPTH; k++) {
        uint64_t d = definition(l->x, fn->xcalls[k].usr, q.unit);
        if (!d)
            continue;
        int32_t to = import(l, (size_t)((d - 1) >> 32), (uint32_t)((d - 1) & 0xffffffffu), q.depth + 1);
        if (to >= 0) {
            struct ir_node *n = &fn->nodes[fn->xcalls[k].node];
            *(n->flags & IRF_FNREF ? &n->aux : &n->callee) = to;
            resolved += !(n->flags & IRF_FNREF); /* a callback named is no call */
        }
    }
    return resolved;
}

bool xfile_link(struct xfile *x, size_t i, struct arena *a, struct ir_tu *out, unsigned *resolved)
{
    struct linker l = {x, a, i, {0}, {0}, {0}, 0, false};
    u64map_init(&l.at);
    const struct ir_tu *own = &x->units[i].tu;
    *resolved = 0;
    /* The file's own functions keep their indices. */
    for (uint32_t f = 0; f < own->nfns && !x->over; f++)
        import(&l, i, f, 0);
    for (size_t k = 0; k < l.queue.n && !l.capped; k++) {
        unsigned r = relink(&l, l.queue.v[k]);
        if (l.queue.v[k].depth == 0)
            *resolved += r;
    }
    bool ok = !l.capped && !x->over && own->nfns;
    if (ok) {
        out->path = own->path;
        out->nfns = (uint32_t)l.fns.n;
        out->fns = arena_memdup(a, l.fns.v, l.fns.n, sizeof *l.fns.v);
    }
    VEC_FREE(l.fns);
    VEC_FREE(l.queue);
    u64map_free(&l.at);
    return ok;
}
