/* driver/pipeline: per-file analysis with a per-file arena. */
#include "pipeline.h"
#include "../analysis/analysis.h"
#include "../analysis/bound_calls.h"
#include "../analysis/flow.h"
#include "../rules/common.h"
#include "../rules/registry.h"
#include "../ir/serial.h"
#include "../util/clock.h"
#include <string.h>

static const char *pch_name(enum pch_outcome o)
{
    static const char *const names[] = {"none", "reused", "built", "failed"};
    return names[o];
}

/* Counts the gradient requests of the file's functions (its own and its
 * project headers', not definitions linked from other files: the first
 * `nown`) and those whose loss a known trainable object reaches (see
 * file_status). */
static void count_requests(struct analysis *an, uint32_t nown, struct file_status *st)
{
    const struct ir_tu *tu = an->tu;
    st->grad_requests = st->grad_requests_known = 0;
    for (uint32_t f = 0; f < nown && f < tu->nfns; f++) {
        for (ir_id i = 0; i < tu->fns[f]->nnodes; i++) {
            ir_id target = rule_gradient_target(&tu->fns[f]->nodes[i]);
            if (target == IR_NONE)
                continue;
            st->grad_requests++;
            const struct flow_fact *t = &flow_facts(an, &rule_gradient_spec, f, TRI_ON)[target];
            bool known = t->norigins > 0 || t->clean_trust == TRUST_DEFINITE;
            for (uint8_t k = 0; k < t->ncuts && !known; k++)
                known = t->cuts[k].origin_trust == TRUST_DEFINITE;
            st->grad_requests_known += known;
        }
    }
}

void pipeline_run_file(const char *path, const struct front_options *fo, const struct model *model,
                       struct diag_sink *sink, struct file_status *status, FILE *dump_ir)
{
    pipeline_run_file_keep(path, fo, model, sink, status, dump_ir, NULL, 0);
}

void pipeline_run_file_keep(const char *path, const struct front_options *fo, const struct model *model,
                            struct diag_sink *sink, struct file_status *status, FILE *dump_ir,
                            struct strbuf *keep_ir, size_t keep_max)
{
    struct arena arena;
    arena_init(&arena);
    struct ir_tu tu;
    struct front_result res;
    front_analyze_file(path, fo, model, &arena, &tu, &res);
    /* A file clang parsed with errors is analysed like any other: what it
     * could not resolve is unknown in the IR (IRF_UNRESOLVED, partial
     * bodies), and the rules make no claim that rests on it. */
    res.partial = res.ok && res.parse_errors > 0;
    res.unresolved_names = res.ok ? ir_count_unresolved(&tu) : 0;
    memset(status, 0, sizeof *status);
    status->path = arena_strdup(&sink->arena, path);
    status->ok = res.ok;
    status->parse_errors = res.parse_errors;
    status->partial = res.partial;
    status->unresolved_names = res.unresolved_names;
    status->missing_headers = res.missing_headers;
    status->model_headers = res.used_model_headers;
    status->pch = pch_name(res.pch);
    status->pch_seconds = res.pch_seconds;
    status->parse_seconds = res.parse_seconds;
    double t0 = clock_thread_seconds();
    if (!res.ok)
        status->error = arena_strdup(&sink->arena, res.error ? res.error : "could not be analysed");
    else if (res.partial)
        status->parse_error = arena_strdup(&sink->arena, res.error ? res.error : "?");
#ifdef TFG_VALIDATE_IR
    /* Debug and sanitizer builds check the IR's invariants before any
     * analysis reads it, as sparse validates between passes. */
    for (uint32_t i = 0; res.ok && i < tu.nfns; i++)
        if (!ir_validate_fn(tu.fns[i], stderr)) {
            status->ok = false;
            status->error = arena_printf(&sink->arena, "internal error: invalid IR in %s", tu.fns[i]->name);
            res.ok = false;
        }
#endif
    if (res.ok)
        bound_calls_bind(tu.fns, tu.nfns);
    if (res.ok && dump_ir) {
        ir_dump_tu(dump_ir, &tu);
    } else if (res.ok) {
        struct analysis an;
        analysis_init(&an, &tu, model, &arena);
        rules_run_all(&an, sink);
        count_requests(&an, tu.nfns, status);
    }
    status->ir_seconds = res.build_seconds;
    status->analysis_seconds = clock_thread_seconds() - t0;
    if (res.ok && keep_ir) {
        double t1 = clock_thread_seconds();
        size_t before = keep_ir->len;
        ir_serialize(keep_ir, &tu);
        if (keep_ir->len - before > keep_max) /* past the cap: its definitions stay unknown to others */
            keep_ir->len = before;
        status->xfile_seconds = clock_thread_seconds() - t1;
    }
    arena_free(&arena);
}

void pipeline_run_linked(const struct ir_tu *tu, uint32_t nown, const struct model *model, struct diag_sink *sink,
                         struct file_status *status)
{
    double t0 = clock_thread_seconds();
#ifdef TFG_VALIDATE_IR
    /* Linking renumbered calls and lambdas: check the result as the
     * builder's output is checked. */
    for (uint32_t i = 0; i < tu->nfns; i++)
        if (!ir_validate_fn(tu->fns[i], stderr)) {
            status->ok = false;
            return;
        }
#endif
    struct arena arena;
    arena_init(&arena);
    struct analysis an;
    analysis_init(&an, tu, model, &arena);
    rules_run_all(&an, sink);
    count_requests(&an, nown, status);
    arena_free(&arena);
    status->xfile_seconds += clock_thread_seconds() - t0;
}
