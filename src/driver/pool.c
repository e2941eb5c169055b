/* driver/pool: a pthread pool over the files of a run. */
#include "pool.h"
#include "pipeline.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* What one file produced, kept until the merge. */
struct result {
    struct diag_sink sink;
    struct file_status status;
    char *ir_text;   /* --dump-ir output */
    size_t ir_len;
};

struct pool {
    const struct plan *plan;
    const struct front_options *base;
    const struct file_settings *const *per;
    bool dump_ir;
    struct result *results;
    pthread_mutex_t lock;
    size_t next;     /* next job to hand out */
};

int pool_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

static void run_job(struct pool *p, size_t i)
{
    const struct job *j = &p->plan->jobs.v[i];
    struct result *r = &p->results[i];
    diag_sink_init(&r->sink);
    r->sink.enabled = p->per[i]->enabled;
    r->sink.severity = p->per[i]->severity;
    if (j->error) {
        r->status.path = arena_strdup(&r->sink.arena, j->path);
        r->status.error = arena_strdup(&r->sink.arena, j->error);
        return;
    }
    struct front_options fo = *p->base;
    fo.compiler_args = j->args;
    fo.ncompiler_args = j->nargs;
    FILE *ir = p->dump_ir ? open_memstream(&r->ir_text, &r->ir_len) : NULL;
    pipeline_run_file(j->path, &fo, p->per[i]->model, &r->sink, &r->status, ir);
    if (ir)
        fclose(ir);
    r->status.db = j->db ? arena_strdup(&r->sink.arena, j->db) : NULL;
}

static void *worker(void *arg)
{
    struct pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        size_t i = p->next++;
        pthread_mutex_unlock(&p->lock);
        if (i >= p->plan->jobs.n)
            return NULL;
        run_job(p, i);
    }
}

static const char *copy(struct arena *a, const char *s) { return s ? arena_strdup(a, s) : NULL; }

/* Moves one file's results into the run's sink and status table. */
static void merge(struct result *r, struct diag_sink *sink, struct file_status *st, FILE *dump_ir)
{
    *st = r->status;
    st->path = copy(&sink->arena, r->status.path);
    st->error = copy(&sink->arena, r->status.error);
    st->db = copy(&sink->arena, r->status.db);
    for (size_t k = 0; k < r->sink.diags.n; k++) {
        const struct diag *d = &r->sink.diags.v[k];
        diag_report(sink, d->rule, d->severity, d->file, d->loc, d->end, d->message, d->notes, d->nnotes);
    }
    if (dump_ir && r->ir_text)
        fwrite(r->ir_text, 1, r->ir_len, dump_ir);
    free(r->ir_text);
    diag_sink_free(&r->sink);
}

void pool_run(const struct plan *plan, const struct front_options *base, const struct file_settings *const *per,
              int jobs, struct diag_sink *sink, struct file_status *status, FILE *dump_ir)
{
    size_t n = plan->jobs.n;
    struct pool p = {plan, base, per, dump_ir != NULL, xcalloc(n ? n : 1, sizeof *p.results),
                     PTHREAD_MUTEX_INITIALIZER, 0};
    size_t nthreads = jobs < 1 ? 1 : (size_t)jobs;
    if (nthreads > n)
        nthreads = n ? n : 1;
    /* Deeply nested code recurses deeply in libclang and in the IR
     * builder; give workers the room the main thread would have. */
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 64u << 20);
    pthread_t *threads = xcalloc(nthreads, sizeof *threads);
    size_t started = 0;
    for (size_t t = 0; t < nthreads; t++)
        if (pthread_create(&threads[t], &attr, worker, &p) == 0)
            started++;
        else
            break;
    if (started == 0)
        worker(&p); /* no threads available: do the work here */
    for (size_t t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    pthread_attr_destroy(&attr);
    free(threads);
    for (size_t i = 0; i < n; i++)
        merge(&p.results[i], sink, &status[i], dump_ir);
    pthread_mutex_destroy(&p.lock);
    free(p.results);
}
