/*
 * The rep loop that every runner times and verifies a configuration by (reps.h): pk-run's
 * in-process models through pk_case_execute, and pk-mpi's ranks through their hooks.
 */
#include "reps.h"

#include <stdio.h>

#include "timer.h"

/*
 * One rep: reset, run and time it, then the untimed after hook. Returns rc as every process
 * agreed on it; *who is the process whose failure counts (-1: one process, or none failed).
 */
static int one_rep(struct pk_case *c, const struct pk_reps *h, int index, double *seconds, int *who)
{
    double (*now)(void) = h->clock ? h->clock : pk_timer_now;
    double t0;
    int rc;

    if (c->kernel->reset)
        c->kernel->reset(c);
    c->error[0] = '\0';
    if (h->before)
        h->before(h->ctx, index);
    t0 = now();
    rc = h->run(h->ctx, c);
    *seconds = now() - t0;
    if (h->slowest)
        *seconds = h->slowest(h->ctx, *seconds);
    if (rc == 0 && h->after)
        rc = h->after(h->ctx, c);
    *who = h->agree ? h->agree(h->ctx, c, &rc) : -1;
    return rc;
}

/*
 * The verifier's part of rep index: checks it, records its time (a timed rep) and verdict.
 * Returns true if the run goes on.
 */
static bool judge(struct pk_case *c, const struct pk_reps *h, int index, int warmup, int total,
                  double seconds, struct pk_record *rec)
{
    struct pk_verdict v = PK_VERDICT_INIT;

    c->kernel->verify(c, &v);
    pk_verdict_cover(c, &v, h->partition);
    if (index >= warmup)
        rec->times[rec->reps++] = seconds;
    if (!pk_record_add_verdict(rec, c->kernel, index, &v))
        return false;
    if (c->progress)
        pk_progress_print(stderr, index + 1, total);
    return !(c->until_ci > 0 && pk_record_precise(rec, c->until_ci));
}

void pk_reps_run(struct pk_case *c, const struct pk_reps *h, int warmup, int reps,
                 struct pk_record *rec)
{
    bool go_on = true;

    for (int k = 0; k < warmup + reps && go_on; k++) {
        double seconds;
        int who, rc = one_rep(c, h, k, &seconds, &who);
        if (rc) {
            if (!h->follower)
                pk_record_fail(rec, rc == PK_SKIP ? PK_STATUS_SKIPPED : PK_STATUS_ERROR, who,
                               c->error[0] ? c->error : "the run function failed");
            break; /* every process agreed on rc: all leave together */
        }
        if (!h->follower)
            go_on = judge(c, h, k, warmup, warmup + reps, seconds, rec);
        if (h->share)
            go_on = h->share(h->ctx, go_on);
    }
    double share = pk_arena_huge_share(&c->arena), lo = share, hi = share;
    if (h->span)
        h->span(h->ctx, share, &lo, &hi);
    if (!h->follower) {
        pk_record_set_rate(rec, c);
        pk_record_set_pages(rec, c, lo, hi);
    }
}
