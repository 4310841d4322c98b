/*
 * matmul: C = A B for n x n matrices of doubles, row-major. Tutorial pattern: Pool.map over
 * row blocks of C: every worker computes whole rows of C from its rows of A and all of B, so
 * nothing is combined but the rows themselves.
 *
 * The work is one cache-blocked function, matmul_rows() (block.c), which every model calls on
 * its rows. Each element of C is computed by the same instruction sequence whatever rows a
 * worker holds (the k blocking and the tile arithmetic depend on n only), so C is
 * bit-identical in every model and for every worker count: the models agree exactly.
 *
 * Reference: structured inputs with a closed form. A(i,j) = i - j and B(k,j) = [k == j] + k + 1
 * (the identity plus a rank-one term), so
 *     C(i,j) = (i - j) + i n(n+1)/2 - (n-1) n (n+1)/3.
 * Every input, product and partial sum is an integer of magnitude at most
 * sum_k |i - k| (k + 2) <= (n-1) n (n+3) / 2, below 2^53 for n <= MATMUL_EXACT_N: then every
 * addition is exact in any order and any blocking, and verify compares every element of C with
 * the closed form exactly. A transposed A or B, a lost k block or a misplaced tile all change
 * some element. For general inputs the computed C obeys |C^ - C| <= gamma_n |A| |B| elementwise,
 * gamma_n = n u / (1 - n u), u = 2^-53 (Higham, Accuracy and Stability, 2nd ed., 3.5); the
 * unit test checks random inputs against a naive loop within twice that.
 */
#ifndef MATMUL_KERNEL_H
#define MATMUL_KERNEL_H

#include <stdbool.h>
#include <stddef.h>

#include "partition.h"
#include "pk_kernel.h"

/*
 * The blocking, for a 32 KiB L1 and a 1 MiB L2 (Zen 4): an MR x NR tile of C lives in 12
 * SSE2 registers (3 x 8 doubles, the largest that GCC -O2 keeps in the 16 of x86-64 without
 * spilling); a KC x NR sliver of packed B (16 KiB) stays in L1 while a MC x KC block of packed
 * A (192 KiB) streams from L2; a KC x NC panel of packed B (4 MiB) stays in L3.
 */
#define MATMUL_MR 3
#define MATMUL_NR 8
#define MATMUL_KC 256
#define MATMUL_MC 96
#define MATMUL_NC 2048

/*
 * The largest n whose partial sums stay below 2^53 (the bound above); far above MATMUL_MAX_N,
 * which memory sets (3 n^2 doubles: 38 GB) and MPI's int counts (n^2 < 2^31).
 */
#define MATMUL_EXACT_N 260000LL
#define MATMUL_MAX_N   40000LL

struct matmul_data {
    double *a, *b, *c; /* n x n each, row-major */
    double *work;      /* packing buffers: one slot of work_len doubles per worker */
    size_t work_len;   /* a multiple of 8 doubles, so slots start on their own cache lines */
    int *counts;       /* mpi: elements of A and C per rank, and where each block starts */
    int *displs;
};

/* The inputs: small integers, so every sum of their products is exact (see above). */
static inline double matmul_a(long long i, long long j)
{
    return (double)(i - j);
}

static inline double matmul_b(long long k, long long j)
{
    return (double)((k == j) + k + 1);
}

/* C(i,j) of the structured inputs, exact in 64 bits for n <= MATMUL_EXACT_N. */
static inline long long matmul_closed_form(long long n, long long i, long long j)
{
    return (i - j) + i * (n * (n + 1) / 2) - (n - 1) * n * (n + 1) / 3;
}

/* Worker w's packing buffer. */
static inline double *matmul_work(const struct matmul_data *d, int w)
{
    return d->work + (size_t)w * d->work_len;
}

/* The doubles one worker's packing buffers need for size n. */
size_t matmul_work_doubles(long long n);

/*
 * Computes rows [row_lo, row_hi) of C = A B (n x n, row-major), overwriting them; reads rows
 * [row_lo, row_hi) of A and all of B; work holds matmul_work_doubles(n) doubles of its own. An
 * empty range does nothing. One function (block.c) for every model, so all run the same code:
 * it calls matmul_rows_x86_64_v3 where the CPU has x86-64-v3 (AVX2) and the build made it,
 * else matmul_rows_generic. Both give the same bits (block.c).
 */
void matmul_rows(const double *a, const double *b, double *c, long long n, long long row_lo,
                 long long row_hi, double *work);
void matmul_rows_generic(const double *a, const double *b, double *c, long long n, long long row_lo,
                         long long row_hi, double *work);
void matmul_rows_x86_64_v3(const double *a, const double *b, double *c, long long n,
                           long long row_lo, long long row_hi, double *work);
/* True where the CPU runs x86-64-v3 code; the tile matmul_rows() runs: "x86-64-v3" or "generic". */
bool matmul_cpu_has_v3(void);
const char *matmul_tile_isa(void);

size_t matmul_bytes(const struct pk_case *c);
/* Another mpi rank touches its rows of A and C, all of B and its packing buffer. */
size_t matmul_touched(const struct pk_case *c);
int matmul_setup(struct pk_case *c, char *err, size_t errlen);
void matmul_reset(struct pk_case *c);
void matmul_verify(const struct pk_case *c, struct pk_verdict *v);
double matmul_rate(const struct pk_case *c, double seconds);

int matmul_serial(struct pk_case *c, int p);
int matmul_openmp(struct pk_case *c, int p);
int matmul_threads(struct pk_case *c, int p);
int matmul_fork(struct pk_case *c, int p);

#endif
