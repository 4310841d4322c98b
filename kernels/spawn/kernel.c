/* spawn: the job every model runs, setup, reset (zero every slot), the check and the rate. */
#include "kernel.h"

#include <stdio.h>
#include <string.h>

void spawn_job(struct spawn_slot *slot, int w, long long a, long long d)
{
    slot[w].out_of_turn += a != slot[w].runs; /* rounds come 0, 1, ...: one run each */
    slot[w].runs++;
    slot[w].sum += a;
    slot[w].d = d;
}

size_t spawn_bytes(const struct pk_case *c)
{
    size_t p = (size_t)c->workers;
    return sizeof(struct spawn_data) + (p + 1) * sizeof(struct spawn_slot) +
           p * (sizeof(pthread_t) + sizeof(struct spawn_arg) + sizeof(pid_t));
}

int spawn_setup(struct pk_case *c, char *err, size_t errlen)
{
    size_t p = (size_t)c->workers;
    struct spawn_data *d = pk_arena_alloc(&c->arena, sizeof *d);

    if (!d || !(d->slot = pk_arena_alloc(&c->arena, (p + 1) * sizeof *d->slot)) ||
        !(d->tid = pk_arena_alloc(&c->arena, p * sizeof *d->tid)) ||
        !(d->arg = pk_arena_alloc(&c->arena, p * sizeof *d->arg)) ||
        !(d->pid = pk_arena_alloc(&c->arena, p * sizeof *d->pid))) {
        snprintf(err, errlen, "spawn: arena too small");
        return -1;
    }
    d->nslots = c->workers + 1;
    c->data = d;
    return 0;
}

void spawn_reset(struct pk_case *c)
{
    struct spawn_data *d = c->data;
    /* zero is the poison: a rep that creates nobody leaves runs 0 and fails */
    memset(d->slot, 0, (size_t)d->nslots * sizeof *d->slot);
}

void spawn_verify(const struct pk_case *c, struct pk_verdict *v)
{
    const struct spawn_data *d = c->data;
    const struct spawn_slot *guard = &d->slot[c->workers];
    long long n = c->n, sum = n * (n - 1) / 2; /* exact: n <= 10^7 */

    v->covered = c->n; /* every worker ran each of the n rounds once, in order */
    v->status = PK_STATUS_FAILED;
    snprintf(v->result, sizeof v->result, "-");
    for (int w = 0; w < c->workers; w++) {
        const struct spawn_slot *s = &d->slot[w];
        if (s->runs != n) {
            snprintf(v->detail, sizeof v->detail, "worker %d ran %lld times in %lld rounds", w,
                     s->runs, n);
            return;
        }
        if (s->sum != sum) {
            snprintf(v->detail, sizeof v->detail, "worker %d: sum of a %lld, n(n-1)/2 is %lld", w,
                     s->sum, sum);
            return;
        }
        if (s->out_of_turn) {
            snprintf(v->detail, sizeof v->detail,
                     "worker %d ran %lld times out of turn (a round twice, another never)", w,
                     s->out_of_turn);
            return;
        }
        if (s->d != w + 1) {
            snprintf(v->detail, sizeof v->detail, "worker %d was given d %lld, not %d", w, s->d,
                     w + 1);
            return;
        }
    }
    if (guard->runs || guard->sum || guard->d || guard->out_of_turn) {
        snprintf(v->detail, sizeof v->detail, "slot %d past the %d workers was touched (runs %lld)",
                 c->workers, c->workers, guard->runs);
        return;
    }
    /* the same text for every model and every p: only the rounds count is in it */
    snprintf(v->result, sizeof v->result, "rounds=%lld each-worker-once", n);
    v->status = PK_STATUS_OK;
}

double spawn_rate(const struct pk_case *c, double seconds)
{
    return seconds * 1e6 / (double)c->n; /* microseconds per round: create p + join p */
}
