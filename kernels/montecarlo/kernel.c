/* montecarlo: the block count every model but openmp calls, setup, the reference and the check. */
#include "kernel.h"

#include <math.h>
#include <stdio.h>

#include "u128.h"

long long montecarlo_range(uint64_t seed, long long lo, long long hi, long long *darts)
{
    long long hits = 0, thrown = 0;
    for (long long i = lo; i < hi; i++, thrown++)
        hits += montecarlo_hit(seed, i);
    *darts += thrown;
    return hits;
}

/*
 * The same darts from the same generator, but not through montecarlo_hit: the coordinates are
 * drawn here and the test is a 128-bit comparison, so a slip in either form shows as a
 * disagreement.
 */
long long montecarlo_reference(uint64_t seed, long long n)
{
    const pk_u128 radius2 = (pk_u128)1 << 64;
    long long hits = 0;
    for (uint64_t k = 0; k < 2 * (uint64_t)n; k += 2) {
        uint64_t x = pk_rng_u64(seed, k) >> 32, y = pk_rng_u64(seed, k + 1) >> 32;
        hits += (pk_u128)(x * x) + (pk_u128)(y * y) < radius2; /* each square is exact in 64 bits */
    }
    return hits;
}

bool montecarlo_plausible(long long hits, long long n, double *sigmas)
{
    const double q = M_PI / 4;
    double se = 4 * sqrt(q * (1 - q) / (double)n);

    *sigmas = (4.0 * (double)hits / (double)n - M_PI) / se;
    if (hits < 0 || hits > n)
        return false;
    /*
     * Below STAT_MIN_N the binomial is too coarse for a normal bound: at n = 7 one outcome in
     * 5e4 falls outside 5 sigma, so any seed could fail. From n = 100 on, exact binomial tails
     * put at most 3.1e-6 of outcomes outside (5.7e-7 for large n). n <= 6 could never fail.
     */
    return n < MONTECARLO_STAT_MIN_N || fabs(*sigmas) <= MONTECARLO_SIGMAS;
}

size_t montecarlo_bytes(const struct pk_case *c)
{
    return sizeof(struct montecarlo_data) + (size_t)c->workers * sizeof(struct montecarlo_slot);
}

int montecarlo_setup(struct pk_case *c, char *err, size_t errlen)
{
    struct montecarlo_data *d = pk_arena_alloc(&c->arena, sizeof *d);
    if (!d || !(d->part = pk_arena_alloc(&c->arena, (size_t)c->workers * sizeof *d->part))) {
        snprintf(err, errlen, "montecarlo: arena too small");
        return -1;
    }
    /* only rank 0 verifies: the other mpi ranks skip the serial pass */
    d->expected = c->rank == 0 ? montecarlo_reference(c->seed, c->n) : -1;
    c->data = d;
    return 0;
}

void montecarlo_reset(struct pk_case *c)
{
    struct montecarlo_data *d = c->data;
    d->hits = d->darts = -1;             /* no count is negative */
    for (int w = 0; w < c->workers; w++) /* a thread that skips its block spoils the sums */
        d->part[w].hits = d->part[w].darts = -1;
}

void montecarlo_verify(const struct pk_case *c, struct pk_verdict *v)
{
    const struct montecarlo_data *d = c->data;
    double sigmas;

    snprintf(v->result, sizeof v->result, "%lld", d->hits);
    v->covered = d->darts;
    if (d->darts != c->n) {
        v->status = PK_STATUS_FAILED;
        snprintf(v->detail, sizeof v->detail, "%lld darts thrown of %lld (%lld hits)", d->darts,
                 c->n, d->hits);
        return;
    }
    if (d->hits != d->expected) {
        v->status = PK_STATUS_FAILED;
        snprintf(v->detail, sizeof v->detail, "hits %lld, serial reference %lld", d->hits,
                 d->expected);
        return;
    }
    if (!montecarlo_plausible(d->hits, c->n, &sigmas)) {
        v->status = PK_STATUS_FAILED;
        snprintf(v->detail, sizeof v->detail,
                 "estimate %.9f of %lld darts is %.1f standard errors from pi (at most %g)",
                 4.0 * (double)d->hits / (double)c->n, c->n, sigmas, MONTECARLO_SIGMAS);
        return;
    }
    v->status = PK_STATUS_OK;
}

double montecarlo_rate(const struct pk_case *c, double seconds)
{
    return seconds > 0 ? (double)c->n / seconds / 1e6 : NAN; /* NAN: no figure */
}
