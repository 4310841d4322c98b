/*
 * stream: the STREAM triad a[i] = b[i] + s * c[i] over three arrays far larger than the last
 * level cache: memory bandwidth, the limit a parallel model can only share, never raise.
 * Tutorial pattern: Pool.map over a shared Array, where the work is the memory traffic.
 *
 * First touch: setup only maps the arrays; each model's init fills them from the very workers
 * (and the very partition) that run the triad, so every page lives where it is used (on a
 * NUMA machine that decides the bandwidth). mpi ranks own and fill only their block.
 * Reference: the closed form a[i] = (i mod 1024) + 3 (i mod 13), exact in double (every value
 * is a small integer), checked for every element; the sum of a is exact too (below 2^53 for
 * any allowed n), so every model must agree on it exactly.
 * Rate: GB/s counting 24 bytes per element (read b and c, write a), STREAM's convention; the
 * write-allocate read of a that most caches add is not counted.
 */
#ifndef STREAM_KERNEL_H
#define STREAM_KERNEL_H

#include "partition.h"
#include "pk_kernel.h"

#define STREAM_SCALAR 3.0
#define STREAM_MAX_N  (1LL << 32) /* 96 GiB of arrays; the sum of a stays below 2^53 */

struct stream_data {
    double *a, *b, *c;  /* this process's elements: all of them, or an mpi rank's block */
    long long offset;   /* the global index of element 0 (mpi: the rank's block start) */
    long long length;   /* elements held */
    long long mismatch; /* mpi: wrong elements over all ranks, collected on rank 0 */
    double sum;         /* mpi: the sum of a over all ranks, collected on rank 0 */
    long long checked;  /* mpi: the elements the ranks checked, summed on rank 0 */
};

/* The triad for one element: written once, used by every model. */
static inline double stream_triad(double b, double c)
{
    return b + STREAM_SCALAR * c;
}

/* The inputs of element i (global index) and the value the triad must give it. */
static inline double stream_b(long long i)
{
    return (double)(i % 1024);
}

static inline double stream_c(long long i)
{
    return (double)(i % 13);
}

static inline double stream_expected(long long i)
{
    return (double)(i % 1024) + 3.0 * (double)(i % 13);
}

/* The triad over local elements [lo, hi). */
static inline void stream_block(struct stream_data *d, long long lo, long long hi)
{
    double *restrict a = d->a;
    const double *restrict b = d->b, *restrict c = d->c;
    for (long long i = lo; i < hi; i++)
        a[i] = stream_triad(b[i], c[i]);
}

/* Fills (first-touches) local elements [lo, hi): b and c with the inputs, a with NaN. */
void stream_fill(struct stream_data *d, long long lo, long long hi);

/* Checks local elements; returns how many differ from the closed form, their sum in *sum. */
long long stream_check(const struct stream_data *d, double *sum, long long *first_bad);

/*
 * n per class on this machine: A puts each array at 4x the last-level cache at least (STREAM's
 * rule), rounded up to a power of two, never below 2^25 (256 MiB per array); W is A/8, B 2A,
 * C 4A; S stays 1000 so tests do not depend on the machine.
 */
long long stream_class_size(enum pk_class cls);

size_t stream_bytes(const struct pk_case *c);
int stream_setup(struct pk_case *c, char *err, size_t errlen);
void stream_reset(struct pk_case *c);
void stream_verify(const struct pk_case *c, struct pk_verdict *v);
double stream_rate(const struct pk_case *c, double seconds);

int stream_serial_init(struct pk_case *c, int p);
int stream_openmp_init(struct pk_case *c, int p);
int stream_threads_init(struct pk_case *c, int p);
int stream_fork_init(struct pk_case *c, int p);
int stream_serial(struct pk_case *c, int p);
int stream_openmp(struct pk_case *c, int p);
int stream_threads(struct pk_case *c, int p);
int stream_fork(struct pk_case *c, int p);

#endif
