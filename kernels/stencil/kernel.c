/* stencil: the row every model sweeps, setup with its serial reference, reset, verify, rate. */
#include "kernel.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "barrier.h"
#include "rng.h"

void stencil_rows(const double *restrict src, double *restrict dst, long long N, long long lo,
                  long long hi)
{
    long long i = lo;

    /* each point is still stencil_point's three adds and a multiply: the bits do not change */
    for (; i + STENCIL_JAM <= hi; i += STENCIL_JAM)
        for (long long j = 1; j < N - 1; j++) {
            dst[i * N + j] = stencil_point(src, N, i, j);
            dst[(i + 1) * N + j] = stencil_point(src, N, i + 1, j);
            dst[(i + 2) * N + j] = stencil_point(src, N, i + 2, j);
            dst[(i + 3) * N + j] = stencil_point(src, N, i + 3, j);
        }
    for (; i < hi; i++)
        for (long long j = 1; j < N - 1; j++)
            dst[i * N + j] = stencil_point(src, N, i, j);
}

unsigned long long stencil_hash(const double *u, long long N)
{
    uint64_t h = 0xcbf29ce484222325u; /* FNV-1a over 64-bit words */
    for (long long k = 0; k < N * N; k++) {
        uint64_t w;
        memcpy(&w, &u[k], sizeof w);
        /* mix each word first: FNV's multiply alone carries a word's high bits nowhere */
        h = (h ^ pk_rng_u64(0, w)) * 0x100000001b3u;
    }
    return h;
}

/*
 * The grid rows [lo, hi) this process writes: every interior row, or under mpi the rank's
 * block (rank 0 excepted: the whole grid is gathered into its memory).
 */
static struct pk_range rows_owned(const struct pk_case *c)
{
    if (!pk_case_distributed(c) || c->rank == 0)
        return (struct pk_range){1, c->n - 1};
    struct pk_range b = pk_partition_block(c->n - 2, c->ranks, c->rank);
    return (struct pk_range){b.lo + 1, b.hi + 1};
}

/*
 * Point (i, j) of the starting grid. random: a warm boundary 2 + ((i + 2j) mod 8) / 8 around a
 * cooler interior, uniform in [0, 1) from the counter-based generator at index iN + j, so any
 * process can fill any rows alone. linear: the closed form.
 */
static double start_value(int field, unsigned long long seed, long long N, long long i, long long j)
{
    if (field == STENCIL_LINEAR)
        return stencil_linear(i, j);
    if (i == 0 || j == 0 || i == N - 1 || j == N - 1)
        return 2.0 + (double)((i + 2 * j) % 8) / 8.0;
    return pk_rng_unit(seed, (uint64_t)(i * N + j));
}

void stencil_fill(struct pk_case *c, long long lo, long long hi)
{
    struct stencil_data *d = c->data;
    long long N = c->n;

    for (long long i = lo; i < hi; i++)
        for (long long j = 0; j < N; j++)
            d->init[i * N + j] = d->work[0][i * N + j] = d->work[1][i * N + j] =
                start_value(d->field, c->seed, N, i, j);
}

void stencil_fill_block(struct pk_case *c, int w, int p)
{
    long long N = c->n;
    struct pk_range r = pk_partition_block(N - 2, p, w);

    /* the first worker also fills boundary row 0, the last one row N - 1 */
    stencil_fill(c, w == 0 ? 0 : r.lo + 1, w == p - 1 ? N : r.hi + 1);
}

/*
 * The reference: T sweeps by a plain loop of its own (not stencil_rows, not a model's loop)
 * from a start grid of its own (start_value, not the grid the workers filled), ping-ponging
 * between ref and work[0] so that the last sweep lands in ref. Reset poisons work[0]'s
 * interior afterwards.
 */
void stencil_reference(struct pk_case *c)
{
    struct stencil_data *d = c->data;
    long long N = c->n;
    double *first = (d->sweeps - 1) % 2 == 0 ? d->ref : d->work[0]; /* sweep 0 writes it */
    const double *src = first == d->ref ? d->work[0] : d->ref;

    for (long long i = 0; i < N; i++) /* both get the start grid: boundary and all */
        for (long long j = 0; j < N; j++)
            d->ref[i * N + j] = d->work[0][i * N + j] = start_value(d->field, c->seed, N, i, j);
    for (long long s = 0; s < d->sweeps; s++) {
        double *dst = (d->sweeps - 1 - s) % 2 == 0 ? d->ref : d->work[0];
        for (long long i = 1; i < N - 1; i++)
            for (long long j = 1; j < N - 1; j++)
                dst[i * N + j] = stencil_point(src, N, i, j);
        src = dst;
    }
    d->ref_hash = stencil_hash(d->ref, N);
}

size_t stencil_bytes(const struct pk_case *c)
{
    size_t grid = (size_t)c->n * (size_t)c->n * sizeof(double);
    return pk_arena_bytes(sizeof(struct stencil_data)) + 4 * pk_arena_bytes(grid) +
           2 * pk_arena_bytes((size_t)c->ranks * sizeof(int));
}

size_t stencil_touched(const struct pk_case *c)
{
    if (!pk_case_distributed(c) || c->rank == 0)
        return stencil_bytes(c);
    struct pk_range own = rows_owned(c);
    size_t held = own.lo < own.hi ? (size_t)(own.hi - own.lo + 2) : 0;
    return pk_arena_bytes(sizeof(struct stencil_data)) +
           3 * pk_arena_bytes(held * (size_t)c->n * sizeof(double)) +
           2 * pk_arena_bytes((size_t)c->ranks * sizeof(int));
}

int stencil_setup(struct pk_case *c, char *err, size_t errlen)
{
    long long N = c->n;
    size_t grid = (size_t)N * (size_t)N * sizeof(double);
    size_t ints = (size_t)c->ranks * sizeof(int);
    struct stencil_data *d = pk_arena_alloc(&c->arena, sizeof *d);
    struct pk_range own = rows_owned(c);
    struct pk_range held = own.lo < own.hi ? (struct pk_range){own.lo - 1, own.hi + 1} : own;
    int rc, parties;

    /* full-size grids on every rank: pages are mapped lazily, a rank touches only its rows */
    if (!d || !(d->init = pk_arena_alloc(&c->arena, grid)) ||
        !(d->work[0] = pk_arena_alloc(&c->arena, grid)) ||
        !(d->work[1] = pk_arena_alloc(&c->arena, grid)) ||
        !(d->ref = pk_arena_alloc(&c->arena, grid)) ||
        !(d->counts = pk_arena_alloc(&c->arena, ints)) ||
        !(d->displs = pk_arena_alloc(&c->arena, ints))) {
        snprintf(err, errlen, "stencil: arena too small");
        return -1;
    }
    d->sweeps = c->param[STENCIL_SWEEPS];
    d->field = (int)c->param[STENCIL_FIELD];

    for (int w = 0; w < c->ranks; w++) {
        struct pk_range b = pk_partition_block(N - 2, c->ranks, w);
        d->counts[w] = (int)((b.hi - b.lo) * N); /* N^2 <= INT_MAX (STENCIL_MAX_N) */
        d->displs[w] = (int)((b.lo + 1) * N);
    }
    /* the pool's workers meet between sweeps; openmp's team and mpi's ranks have their own */
    if ((parties = pk_case_pool_workers(c)) > 0) {
        if (pk_case_process_shared(c)) {
            if (pk_barrier_init_shared(&d->barrier, (unsigned)parties, err, errlen))
                return -1;
        } else if ((rc = pthread_barrier_init(&d->barrier, NULL, (unsigned)parties))) {
            snprintf(err, errlen, "stencil: cannot make a barrier for %d threads: %s", parties,
                     strerror(rc));
            return -1;
        }
        d->parties = parties; /* no destroy: glibc's barrier holds nothing beyond its bytes */
    }
    /*
     * An mpi rank fills the rows it owns and their halos itself, and rank 0 makes the
     * reference. In one process the model's init does both after the pool starts, so that
     * each page is first touched by the worker that sweeps it.
     */
    c->data = d;
    if (pk_case_distributed(c)) {
        stencil_fill(c, held.lo, held.hi);
        if (c->rank == 0)
            stencil_reference(c);
    }
    return 0;
}

void stencil_reset(struct pk_case *c)
{
    struct stencil_data *d = c->data;
    struct pk_range own = rows_owned(c);
    long long N = c->n;

    for (int g = 0; g < 2; g++)
        for (long long i = own.lo; i < own.hi; i++)
            for (long long j = 1; j < N - 1; j++)
                d->work[g][i * N + j] = NAN;
}

/* Whether two doubles have the same bits (NaN equals itself, 0.0 differs from -0.0). */
static bool same_bits(double a, double b)
{
    /* NOLINTNEXTLINE(bugprone-suspicious-memory-comparison,cert-exp42-c,cert-flp37-c): bits */
    return memcmp(&a, &b, sizeof a) == 0;
}

void stencil_verify(const struct pk_case *c, struct pk_verdict *v)
{
    const struct stencil_data *d = c->data;
    const double *out = stencil_dst(d, d->sweeps - 1);
    long long N = c->n, differ = 0, first = -1;

    v->covered = c->n; /* every point of the grid against the serial reference */
    v->status = PK_STATUS_FAILED;
    if (memcmp(out, d->ref, (size_t)N * (size_t)N * sizeof *out) != 0) {
        for (long long k = 0; k < N * N; k++)
            if (!same_bits(out[k], d->ref[k]) && differ++ == 0)
                first = k;
        snprintf(v->result, sizeof v->result, "%016llx", stencil_hash(out, N));
        snprintf(v->detail, sizeof v->detail,
                 "%lld of %lld points differ from the serial reference; first (%lld, %lld): "
                 "%.17g, reference %.17g",
                 differ, N * N, first / N, first % N, out[first], d->ref[first]);
        return;
    }
    snprintf(v->result, sizeof v->result, "%016llx", d->ref_hash); /* out has ref's bits */
    for (long long k = 0; d->field == STENCIL_LINEAR && k < N * N; k++)
        if (!same_bits(out[k], stencil_linear(k / N, k % N))) {
            snprintf(v->detail, sizeof v->detail,
                     "point (%lld, %lld) is %.17g, the linear field %g", k / N, k % N, out[k],
                     stencil_linear(k / N, k % N));
            return;
        }
    v->status = PK_STATUS_OK;
}

double stencil_rate(const struct pk_case *c, double seconds)
{
    /* 4 flops per interior point and sweep: 3 additions and 1 multiply */
    double interior = (double)(c->n - 2) * (double)(c->n - 2);
    return 4.0 * interior * (double)c->param[STENCIL_SWEEPS] / seconds * 1e-9;
}

void stencil_worker(const struct pk_case *c, int w, int p)
{
    struct stencil_data *d = c->data; /* 1. aliases */
    long long N = c->n, T = d->sweeps;
    struct pk_range r = pk_partition_block(N - 2, p, w); /* 2. split: interior rows r.lo + 1.. */

    for (long long s = 0; s < T; s++) {
        const double *src = stencil_src(d, s);
        double *dst = stencil_dst(d, s);
        stencil_rows(src, dst, N, r.lo + 1, r.hi + 1); /* 3. work */
        pthread_barrier_wait(&d->barrier);
    }
}
