/*
 * bench/dgemm: OpenBLAS's cblas_dgemm, the outside reference for the matmul kernel. Times
 * C = A B for n x n row-major doubles (a warm-up call, then REPS timed calls) with the thread
 * count OpenBLAS was given (OPENBLAS_NUM_THREADS), counting 2 n^3 flops per product as pk's
 * matmul does. Checks one entry of C against a dot product it computes itself, so a broken
 * library cannot post a figure. Prints one reference line (bench/README.md):
 *   dgemm,openblas,THREADS,N,median,min,max,REPS,GFLOP/s
 */
#include <cblas.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "stats.h"
#include "timer.h"

int openblas_get_num_threads(void); /* OpenBLAS's own; not in every cblas.h */

#define MAX_REPS 100

int main(int argc, char **argv)
{
    char err[256];
    int n, reps;

    if (argc != 3) {
        fprintf(stderr, "usage: dgemm N REPS   (threads: OPENBLAS_NUM_THREADS)\n");
        return 2;
    }
    if (pk_cli_parse_int("n", argv[1], 1, 100000, &n, err, sizeof err) ||
        pk_cli_parse_int("reps", argv[2], 1, MAX_REPS, &reps, err, sizeof err)) {
        fprintf(stderr, "dgemm: %s\n", err);
        return 2;
    }
    size_t nn = (size_t)n * (size_t)n;
    double *a = malloc(nn * sizeof *a), *b = malloc(nn * sizeof *b), *c = malloc(nn * sizeof *c);
    if (!a || !b || !c) {
        fprintf(stderr, "dgemm: out of memory for n = %d\n", n);
        return 1;
    }
    for (size_t k = 0; k < nn; k++) { /* small integers: every product and sum is exact */
        a[k] = (double)(k % 7) - 3.0;
        b[k] = (double)(k % 5) - 2.0;
    }

    double gflops[MAX_REPS], flops = 2.0 * n * (double)n * n;
    for (int r = -1; r < reps; r++) { /* rep -1 warms up: OpenBLAS starts its threads there */
        double t0 = pk_timer_now();
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0, a, n, b, n, 0.0, c, n);
        double t = pk_timer_now() - t0;
        if (r >= 0)
            gflops[r] = flops / t * 1e-9;
    }
    int i = n / 3, j = n - 1;
    double want = 0.0;
    for (int k = 0; k < n; k++)
        want += a[(size_t)i * n + k] * b[(size_t)k * n + j];
    if (c[(size_t)i * n + j] != want) {
        fprintf(stderr, "dgemm: C[%d][%d] = %g, expected %g\n", i, j, c[(size_t)i * n + j], want);
        return 1;
    }

    struct pk_summary s;
    if (pk_stats_summarize(gflops, (size_t)reps, &s))
        return 1;
    printf("dgemm,openblas,%d,%d,%.6g,%.6g,%.6g,%d,GFLOP/s\n", openblas_get_num_threads(), n,
           s.median, s.min, s.max, reps);
    free(a);
    free(b);
    free(c);
    return fflush(stdout) || ferror(stdout) ? 1 : 0;
}
