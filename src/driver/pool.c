/* driver/pool: the files of a run, each analysed in a child process.
 *
 * Why processes: libclang can crash or recurse out of its stack on
 * hostile input (an expression of 300,000 terms overflows even a 64 MB
 * stack inside clang's parser), and a signal cannot be recovered from in
 * the process that took it. A child per file contains any crash to that
 * file, and gives the per-file time limit for free: the parent kills a
 * child that runs past --timeout. The parent stays single-threaded, so
 * fork() never copies a lock another thread held. */
#include "pool.h"
#include "pipeline.h"
#include "wire.h"
#include "xfile.h"
#include "../analysis/bound_calls.h"
#include "../analysis/optype_calls.h"
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Deeply nested code recurses deeply in libclang and in the IR builder:
 * the analysis runs on a thread with room for it. */
#define WORKER_STACK (64u << 20)

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
    /* A multi-file run (xfile.h): the first phase keeps each file's IR in
     * `x`; the second analyses linked IR into `second`. */
    struct xfile *x;
    int phase;
    struct result *second;
};

/* A running child: the job it analyses and what it has written so far. */
struct child {
    pid_t pid;
    int fd;
    size_t job;
    double deadline;
    struct strbuf out;
};

int pool_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct job_call {
    struct pool *p;
    size_t i;
};

/* Analyses job `i` into results[i], with the file's rule policy. */
static void *run_job(void *arg)
{
    struct job_call *c = arg;
    struct pool *p = c->p;
    const struct job *j = &p->plan->jobs.v[c->i];
    struct result *r = &p->results[c->i];
    r->sink.enabled = p->per[c->i]->enabled;
    r->sink.severity = p->per[c->i]->severity;
    r->sink.policy_file = j->path;
    struct front_options fo = *p->base;
    fo.compiler_args = j->args;
    fo.ncompiler_args = j->nargs;
    fo.project_root = j->root;
    fo.outer_root = j->outer;
    FILE *ir = p->dump_ir ? open_memstream(&r->ir_text, &r->ir_len) : NULL;
    struct strbuf keep;
    sb_init(&keep);
    pipeline_run_file_keep(j->path, &fo, p->per[c->i]->model, &r->sink, &r->status, ir, p->x ? &keep : NULL,
                           XFILE_MAX_TU_BYTES);
    if (ir)
        fclose(ir);
    if (p->x && keep.len) {
        r->ir_len = keep.len;
        r->ir_text = sb_detach(&keep);
    }
    sb_free(&keep);
    r->status.db = j->db ? arena_strdup(&r->sink.arena, j->db) : NULL;
    r->sink.enabled = NULL;
    r->sink.severity = NULL;
    r->sink.policy_file = NULL;
    return NULL;
}

/* The second phase of job `i`: its rules again, on its IR with the
 * definitions of other files linked in, into second[i]. */
static void *relink_job(void *arg)
{
    struct job_call *c = arg;
    struct pool *p = c->p;
    struct result *first = &p->results[c->i], *r = &p->second[c->i];
    /* The first run's status, its strings in this sink (which replaces
     * the first one's). */
    struct arena *own = &r->sink.arena;
    file_status_copy(&r->status, &first->status, own);
    r->status.ok = false;
    r->sink.enabled = p->per[c->i]->enabled;
    r->sink.severity = p->per[c->i]->severity;
    r->sink.policy_file = p->plan->jobs.v[c->i].path;
    struct arena a;
    arena_init(&a);
    struct ir_tu tu;
    unsigned resolved = 0;
    if (xfile_link(p->x, c->i, &a, &tu, &resolved)) {
        r->status.ok = true;
        r->status.xcalls_resolved = resolved;
        /* A call into a helper of another file that builds an op of the
         * type its caller names is classed now that the helper is in
         * sight (the other file's gradient registrations are not). */
        optype_class_helper_calls(tu.fns, tu.nfns, p->per[c->i]->model, NULL, &a);
        bound_calls_bind(tu.fns, tu.nfns);
        pipeline_run_linked(&tu, p->x->units[c->i].tu.nfns, p->per[c->i]->model, &r->sink, &r->status);
    }
    arena_free(&a);
    r->sink.enabled = NULL;
    r->sink.severity = NULL;
    r->sink.policy_file = NULL;
    return NULL;
}

/* Runs job `i` in this process, on a thread with a large stack. */
static void run_here(struct pool *p, size_t i)
{
    struct job_call c = {p, i};
    void *(*body)(void *) = p->phase == 2 ? relink_job : run_job;
    pthread_attr_t attr;
    pthread_t t;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, WORKER_STACK);
    if (pthread_create(&t, &attr, body, &c) == 0)
        pthread_join(t, NULL);
    else
        body(&c);
    pthread_attr_destroy(&attr);
}

static bool write_all(int fd, const char *s, size_t n)
{
    while (n) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        s += w;
        n -= (size_t)w;
    }
    return true;
}

/* Test hook: the child for a file named $TFGRADLINT_TEST_HANG (its last
 * path component) never finishes, so the --timeout path can be tested
 * without depending on how fast this machine parses anything. */
static void hang_if_asked(const char *path)
{
    const char *name = getenv("TFGRADLINT_TEST_HANG");
    const char *base = strrchr(path, '/');
    if (name && *name && strcmp(base ? base + 1 : path, name) == 0)
        for (;;)
            pause();
}

/* LeakSanitizer checks at exit(), from an exit handler. */
#if defined(__SANITIZE_ADDRESS__)
#define LEAK_CHECK_AT_EXIT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LEAK_CHECK_AT_EXIT 1
#endif
#endif

_Noreturn void pool_exit(int status)
{
    fflush(NULL);
#ifdef LEAK_CHECK_AT_EXIT
    exit(status);
#else
    _exit(status);
#endif
}

/* The child: analyse, send the results, and end. The parent flushed its
 * stdio buffers before forking, so nothing is written twice. */
static _Noreturn void child_main(struct pool *p, size_t i, int fd)
{
    struct result *r = p->phase == 2 ? &p->second[i] : &p->results[i];
    hang_if_asked(p->plan->jobs.v[i].path);
    /* The analysis thread allocates while this one waits: with one arena
     * for both, it grows the heap in a few steps instead of growing an
     * arena of its own a page at a time (745 mprotect calls for a
     * LibTorch file, 22 with this). */
    mallopt(M_ARENA_MAX, 1);
    run_here(p, i);
    struct strbuf b;
    sb_init(&b);
    wire_encode(&b, &r->status, &r->sink, r->ir_text, r->ir_len);
    bool ok = write_all(fd, b.s, b.len);
    sb_free(&b);
    free(r->ir_text);
    diag_sink_free(&r->sink);
    pool_exit(ok ? 0 : 3);
}

/* Starts a child for job `i`; false if none could be started. */
static bool spawn(struct pool *p, size_t i, double timeout, struct child *c)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        return false;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return false;
    }
    if (pid == 0) {
        close(fds[0]);
        child_main(p, i, fds[1]);
    }
    close(fds[1]);
    *c = (struct child){pid, fds[0], i, now() + timeout, {0}};
    sb_init(&c->out);
    return true;
}

static void fail(struct result *r, const char *path, const char *why)
{
    r->status.path = arena_strdup(&r->sink.arena, path);
    r->status.ok = false;
    r->status.error = arena_strdup(&r->sink.arena, why);
}

/* Collects a finished (or killed) child and decodes its results. */
static void reap(struct pool *p, struct child *c, bool timed_out, double timeout)
{
    close(c->fd);
    int ws = 0;
    while (waitpid(c->pid, &ws, 0) < 0 && errno == EINTR)
        ;
    struct result *r = p->phase == 2 ? &p->second[c->job] : &p->results[c->job];
    const char *path = p->plan->jobs.v[c->job].path;
    char why[160]; /* a number and a signal's short name: bounded */
    if (timed_out) {
        snprintf(why, sizeof why, "timed out after %g s (--timeout); not analysed", timeout);
        fail(r, path, why);
    } else if (WIFSIGNALED(ws)) {
        snprintf(why, sizeof why, "the analysis crashed (signal %d, %s); not analysed", WTERMSIG(ws),
                 strsignal(WTERMSIG(ws)));
        fail(r, path, why);
    } else if (!WIFEXITED(ws) || WEXITSTATUS(ws) != 0 ||
               !wire_decode(c->out.s, c->out.len, &r->status, &r->sink, &r->ir_text, &r->ir_len)) {
        snprintf(why, sizeof why, "the analysis process failed (exit status %d); not analysed",
                 WIFEXITED(ws) ? WEXITSTATUS(ws) : -1);
        fail(r, path, why);
    }
    sb_free(&c->out);
}

/* Reads what child `c` has to give; true at its end of output. */
static bool drain(struct child *c)
{
    char buf[65536];
    ssize_t n = read(c->fd, buf, sizeof buf);
    if (n < 0)
        return errno != EINTR && errno != EAGAIN;
    if (n == 0)
        return true;
    sb_addn(&c->out, buf, (size_t)n);
    return false;
}

/* Waits for output from the children (until the nearest deadline) and
 * reaps those that finished or ran out of time. Returns how many remain. */
static size_t step(struct pool *p, struct child *kids, size_t nk, double timeout)
{
    struct pollfd fds[nk];
    double first = kids[0].deadline;
    for (size_t k = 0; k < nk; k++) {
        fds[k] = (struct pollfd){kids[k].fd, POLLIN, 0};
        if (kids[k].deadline < first)
            first = kids[k].deadline;
    }
    double wait = first - now();
    int ms = wait <= 0 ? 0 : wait > 60 ? 60000 : (int)(wait * 1000) + 1;
    if (poll(fds, nk, ms) < 0 && errno != EINTR)
        return nk;
    size_t kept = 0;
    double t = now();
    for (size_t k = 0; k < nk; k++) {
        bool done = fds[k].revents && drain(&kids[k]);
        bool late = !done && t >= kids[k].deadline;
        if (late)
            kill(kids[k].pid, SIGKILL);
        if (done || late)
            reap(p, &kids[k], late, timeout);
        else
            kids[kept++] = kids[k];
    }
    return kept;
}

/* Moves one file's results into the run's sink and status table. */
static void merge(struct result *r, struct diag_sink *sink, struct file_status *st, FILE *dump_ir)
{
    file_status_copy(st, &r->status, &sink->arena);
    for (size_t k = 0; k < r->sink.diags.n; k++) {
        const struct diag *d = &r->sink.diags.v[k];
        diag_add(sink, d->rule, d->severity, d->file, d->loc, d->end, d->message, d->notes, d->nnotes);
    }
    if (dump_ir && r->ir_text)
        fwrite(r->ir_text, 1, r->ir_len, dump_ir);
    free(r->ir_text);
    diag_sink_free(&r->sink);
}

/* Runs `run[i]` jobs of the current phase, `slots` at a time. */
static void run_phase(struct pool *p, const bool *run, size_t slots, double timeout)
{
    size_t n = p->plan->jobs.n, nk = 0;
    struct result *res = p->phase == 2 ? p->second : p->results;
    struct child *kids = xcalloc(slots, sizeof *kids);
    for (size_t i = 0; i < n || nk;) {
        while (i < n && nk < slots) {
            const struct job *j = &p->plan->jobs.v[i];
            diag_sink_init(&res[i].sink);
            if (!run[i])
                ;
            else if (j->error)
                fail(&res[i], j->path, j->error);
            else if (!spawn(p, i, timeout, &kids[nk]))
                run_here(p, i); /* no process to spare: analyse here, unprotected */
            else
                nk++;
            i++;
        }
        if (nk)
            nk = step(p, kids, nk, timeout);
    }
    free(kids);
}

/* The second phase: every file with calls into other files is analysed
 * again with their definitions; a file whose second run fails keeps its
 * first results (the calls stay unknown). */
static void second_phase(struct pool *p, size_t slots, double timeout, struct pool_stats *stats)
{
    size_t n = p->plan->jobs.n;
    for (size_t i = 0; i < n; i++) {
        xfile_keep(p->x, i, p->results[i].ir_text, p->results[i].ir_len);
        p->results[i].ir_text = NULL;
        p->results[i].ir_len = 0;
    }
    xfile_index(p->x);
    stats->undecoded = p->x->undecoded;
    bool *run = xcalloc(n, sizeof *run);
    for (size_t i = 0; i < n; i++)
        run[i] = p->results[i].status.ok && xfile_resolvable(p->x, i) > 0;
    p->phase = 2;
    p->second = xcalloc(n, sizeof *p->second);
    run_phase(p, run, slots, timeout);
    for (size_t i = 0; i < n; i++) {
        struct result *r = &p->results[i], *s = &p->second[i];
        if (run[i] && s->status.ok) {
            /* The second run's status is the first's (copied in the child)
             * with its own counts and time; its strings are in its sink. */
            diag_sink_free(&r->sink);
            r->sink = s->sink;
            r->status = s->status;
            stats->xcalls_resolved += s->status.xcalls_resolved;
            stats->files_linked++;
        } else {
            stats->link_failed += run[i];
            diag_sink_free(&s->sink);
        }
        free(s->ir_text);
    }
    free(p->second);
    free(run);
}

void pool_run(const struct plan *plan, const struct front_options *base, const struct file_settings *const *per,
              int jobs, double timeout, struct diag_sink *sink, struct file_status *status, FILE *dump_ir,
              bool cross_file, struct pool_stats *stats)
{
    size_t n = plan->jobs.n;
    struct pool_stats none;
    stats = stats ? stats : &none;
    memset(stats, 0, sizeof *stats);
    struct xfile x;
    bool multi = cross_file && n > 1 && !dump_ir;
    if (multi)
        xfile_init(&x, n);
    struct pool p = {plan, base, per, dump_ir != NULL, xcalloc(n ? n : 1, sizeof *p.results), multi ? &x : NULL, 1,
                     NULL};
    size_t slots = jobs < 1 ? 1 : (size_t)jobs;
    bool *all = xcalloc(n ? n : 1, sizeof *all);
    memset(all, 1, n * sizeof *all);
    double t0 = now();
    run_phase(&p, all, slots, timeout);
    stats->phase1_seconds = now() - t0;
    free(all);
    if (multi) {
        double t1 = now();
        second_phase(&p, slots, timeout, stats);
        stats->phase2_seconds = now() - t1;
        stats->cross_file = true;
        xfile_free(&x);
    }
    for (size_t i = 0; i < n; i++)
        merge(&p.results[i], sink, &status[i], dump_ir);
    free(p.results);
}
