/* mandelbrot: setup with the serial reference, reset, the count-by-count check and the rate. */
#include "kernel.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

long long mandelbrot_work(const struct mandelbrot_data *d, long long lo, long long hi)
{
    long long sum = 0;
    for (long long i = lo * d->w; i < hi * d->w; i++)
        sum += d->ref[i];
    return sum;
}

long long mandelbrot_own_rows(const struct pk_case *c)
{
    long long h = mandelbrot_rows(c->n), chunk = c->param[MANDELBROT_CHUNK];
    if (c->rank == 0)
        return h;
    if (c->param[MANDELBROT_SCHEDULE] == MANDELBROT_STATIC) {
        struct pk_range r = pk_partition_block(h, c->ranks, c->rank);
        return r.hi - r.lo;
    }
    return MANDELBROT_AHEAD * (chunk < h ? chunk : h);
}

size_t mandelbrot_bytes(const struct pk_case *c)
{
    size_t pixels = (size_t)mandelbrot_rows(c->n) * (size_t)c->n;
    size_t own = (size_t)mandelbrot_own_rows(c) * (size_t)c->n, ranks = (size_t)c->ranks;
    return pk_arena_bytes(sizeof(struct mandelbrot_data)) + pk_arena_bytes(own * sizeof(int)) +
           (c->rank == 0 ? pk_arena_bytes(pixels * sizeof(int)) : 0) +
           2 * pk_arena_bytes(ranks * sizeof(int)) +
           pk_arena_bytes(ranks * MANDELBROT_AHEAD * sizeof(long long));
}

int mandelbrot_setup(struct pk_case *c, char *err, size_t errlen)
{
    struct mandelbrot_data *d = pk_arena_alloc(&c->arena, sizeof *d);
    long long w = c->n, h = mandelbrot_rows(c->n);
    size_t pixels = (size_t)(h * w), own = (size_t)(mandelbrot_own_rows(c) * w);
    size_t ranks = (size_t)c->ranks;

    if (!d || !(d->grid = pk_arena_alloc(&c->arena, own * sizeof(int))) ||
        (c->rank == 0 && !(d->ref = pk_arena_alloc(&c->arena, pixels * sizeof(int)))) ||
        !(d->counts = pk_arena_alloc(&c->arena, ranks * sizeof(int))) ||
        !(d->displs = pk_arena_alloc(&c->arena, ranks * sizeof(int))) ||
        !(d->given = pk_arena_alloc(&c->arena, ranks * MANDELBROT_AHEAD * sizeof(long long)))) {
        snprintf(err, errlen, "mandelbrot: arena too small");
        return -1;
    }
    atomic_init(&d->next, 0);
    d->w = w;
    d->h = h;
    /* only rank 0 verifies: the other ranks have no reference */
    if (c->rank == 0)
        for (long long row = 0; row < h; row++)
            mandelbrot_row(row, w, d->ref + row * w);
    c->data = d;
    return 0;
}

void mandelbrot_reset(struct pk_case *c)
{
    struct mandelbrot_data *d = c->data;
    /*
     * -1: no count is negative. Another mpi rank poisons every row it holds, the rows it
     * sends, so a rank that sends rows it computed in an earlier rep sends -1 or another
     * chunk's rows, and fails.
     */
    memset(d->grid, 0xff, (size_t)(mandelbrot_own_rows(c) * d->w) * sizeof(int));
}

/* FNV-1a over the counts as 32-bit words: one grid, one hash, on every machine. */
static uint64_t grid_hash(const int *grid, long long pixels)
{
    uint64_t hash = 14695981039346656037ULL;
    for (long long i = 0; i < pixels; i++) {
        hash ^= (uint32_t)grid[i];
        hash *= 1099511628211ULL;
    }
    return hash;
}

void mandelbrot_verify(const struct pk_case *c, struct pk_verdict *v)
{
    const struct mandelbrot_data *d = c->data;
    long long pixels = d->h * d->w, total = 0, wrong = 0, first = -1;

    v->covered = c->n; /* every pixel of every row against the serial reference */
    for (long long i = 0; i < pixels; i++) {
        total += d->grid[i];
        if (d->grid[i] != d->ref[i] && wrong++ == 0)
            first = i;
    }
    snprintf(v->result, sizeof v->result, "%lld:%016llx", total,
             (unsigned long long)grid_hash(d->grid, pixels));
    if (wrong == 0) {
        v->status = PK_STATUS_OK;
        return;
    }
    v->status = PK_STATUS_FAILED;
    snprintf(v->detail, sizeof v->detail,
             "%lld of %lld counts differ from the serial reference; first at row %lld col %lld: "
             "%d, reference %d",
             wrong, pixels, first / d->w, first % d->w, d->grid[first], d->ref[first]);
}

double mandelbrot_rate(const struct pk_case *c, double seconds)
{
    return (double)(mandelbrot_rows(c->n) * c->n) / seconds / 1e6;
}

void mandelbrot_worker(const struct pk_case *c, int w, int p)
{
    struct mandelbrot_data *d = c->data;
    long long n = d->w, h = d->h, chunk = c->param[MANDELBROT_CHUNK];

    if (c->param[MANDELBROT_SCHEDULE] == MANDELBROT_STATIC) {
        struct pk_range r = pk_partition_block(h, p, w);
        for (long long row = r.lo; row < r.hi; row++)
            mandelbrot_row(row, n, d->grid + row * n);
        return;
    }
    for (;;) {
        /* relaxed: a claim only has to be unique; the pool's end of task publishes the rows */
        long long lo = atomic_fetch_add_explicit(&d->next, chunk, memory_order_relaxed);
        long long hi = lo + chunk < h ? lo + chunk : h;
        if (lo >= h)
            return;
        for (long long row = lo; row < hi; row++)
            mandelbrot_row(row, n, d->grid + row * n);
    }
}
