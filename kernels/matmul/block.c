/*
 * matmul: the cache-blocked product of a block of rows, the one piece of arithmetic every model
 * runs. The loop nest is Goto's (Goto and van de Geijn, ACM TOMS 34(3), 2008): for each KC x NC
 * panel of B, packed into NR-wide slivers; for each MC x KC block of A in the worker's rows,
 * packed into MR-tall slivers; an MR x NR tile of C accumulates in registers over KC. C11 but
 * for the tile's GNU vectors (below): with SSE2 24 mulpd and addpd per k step, no spills
 * (objdump), at -O2 and -O3 alike.
 *
 * Compiled twice: as itself (matmul_rows_generic, the portable build's SSE2) and, through
 * block_v3.c, with -march=x86-64-v3 (matmul_rows_x86_64_v3: the same tile in AVX2, 12 vector
 * operations per k step, about twice the rate). matmul_rows() picks one at run time by what
 * the CPU supports. Both do the same IEEE multiplies and adds in the same order (no FMA:
 * -ffp-contract=off), so C is bit-identical whichever runs, on any input.
 */
#include "kernel.h"

#include <stdbool.h>
#include <string.h>

#ifndef MATMUL_ISA
#define MATMUL_ISA    generic
#define MATMUL_SHARED /* this compile also holds what does not depend on the instruction set */
#endif
#define ROWS_NAME2(isa) matmul_rows_##isa
#define ROWS_NAME(isa)  ROWS_NAME2(isa)

#define MR MATMUL_MR
#define NR MATMUL_NR
#define KC MATMUL_KC
#define MC MATMUL_MC
#define NC MATMUL_NC

/*
 * The tile's rows in GNU vectors (gcc, clang) of the width the compile targets: 4 doubles with
 * AVX (the v3 compile), else 2 (SSE2, NEON). Its code is then what it says at any -O: left to
 * the vectorisers, the same loops in plain C got two lane permutes per k step (vpermpd) from
 * gcc 12 at -O3 -march=native and took half again as long as at -O2. A vector wider than the
 * target gcc keeps in memory, so the width follows the target.
 */
#ifdef __AVX__
#define LANES 4
#else
#define LANES 2
#endif
#define ROW_VECS (NR / LANES)
typedef double lanes __attribute__((vector_size(LANES * sizeof(double))));
_Static_assert(NR % LANES == 0, "a tile row is whole vectors");

static long long min_ll(long long x, long long y)
{
    return x < y ? x : y;
}

static long long round_up(long long x, long long m)
{
    return (x + m - 1) / m * m;
}

/* Packed B needs a KC x NC panel (NC rounded to NR); packed A a MC x KC block (MC to MR). */
static size_t bpack_doubles(long long n)
{
    return (size_t)(min_ll(n, KC) * round_up(min_ll(n, NC), NR));
}

#ifdef MATMUL_SHARED
size_t matmul_work_doubles(long long n)
{
    size_t apack = (size_t)(round_up(min_ll(n, MC), MR) * min_ll(n, KC));
    return bpack_doubles(n) + apack;
}

/*
 * GCC 12 names the level; clang (14) and older GCC name only features, and clang defines
 * __GNUC__ as 4, so a test of __GNUC__ alone once sent every clang build to the SSE2 tile
 * (3x slower). AVX2, FMA, BMI1 and BMI2 stand for the level there: the v3 tile as gcc 12 and
 * clang 14 compile it uses AVX and AVX2 instructions alone (objdump), fewer than these.
 */
bool matmul_cpu_has_v3(void)
{
#if defined(__x86_64__) && !defined(__clang__) && __GNUC__ >= 12
    return __builtin_cpu_supports("x86-64-v3");
#elif defined(__x86_64__) && defined(__GNUC__)
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") &&
           __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2");
#else
    return false;
#endif
}

/* The one decision: the AVX2 tile where the build made it (the Makefile) and the CPU runs it. */
static bool runs_v3(void)
{
#ifdef MATMUL_DISPATCH_V3
    return matmul_cpu_has_v3();
#else
    return false;
#endif
}

const char *matmul_tile_isa(void)
{
    return runs_v3() ? "x86-64-v3" : "generic";
}

void matmul_rows(const double *a, const double *b, double *c, long long n, long long row_lo,
                 long long row_hi, double *work)
{
    if (runs_v3())
        matmul_rows_x86_64_v3(a, b, c, n, row_lo, row_hi, work);
    else
        matmul_rows_generic(a, b, c, n, row_lo, row_hi, work);
}
#endif

/*
 * B[pc .. pc+kc, jc .. jc+nc) into slivers of NR columns, each kc rows of NR contiguous doubles;
 * columns past n are zero, so the tile never needs a narrow variant.
 */
static void pack_b(const double *b, long long n, long long pc, long long kc, long long jc,
                   long long nc, double *bp)
{
    for (long long jr = 0; jr < nc; jr += NR) {
        long long nr = min_ll(NR, nc - jr);
        for (long long k = 0; k < kc; k++, bp += NR) {
            const double *row = b + (pc + k) * n + jc + jr;
            for (long long j = 0; j < nr; j++)
                bp[j] = row[j];
            for (long long j = nr; j < NR; j++)
                bp[j] = 0;
        }
    }
}

/* A[ic .. ic+mc, pc .. pc+kc) into slivers of MR rows, each kc columns of MR; zero-padded. */
static void pack_a(const double *a, long long n, long long ic, long long mc, long long pc,
                   long long kc, double *ap)
{
    for (long long ir = 0; ir < mc; ir += MR) {
        long long mr = min_ll(MR, mc - ir);
        for (long long k = 0; k < kc; k++, ap += MR) {
            for (long long i = 0; i < mr; i++)
                ap[i] = a[(ic + ir + i) * n + pc + k];
            for (long long i = mr; i < MR; i++)
                ap[i] = 0;
        }
    }
}

/*
 * One MR x NR tile: acc = sum over k of a sliver column times a sliver row, in order; then the
 * first mr x nr of it is stored into C (first k block) or added to it. Every element of C is
 * thus acc(k block 0) + acc(k block 1) + ..., the same operations wherever its row lies.
 */
static void tile(long long kc, const double *restrict ap, const double *restrict bp,
                 double *restrict c, long long ldc, long long mr, long long nr, bool first)
{
    lanes acc[MR][ROW_VECS] = {{{0}}};

    for (long long k = 0; k < kc; k++, ap += MR, bp += NR) {
        lanes b[ROW_VECS];
        /* one load per vector: a copy of the whole row went through 16-byte moves that a
           32-byte load then could not forward from, a stall every k step */
#pragma GCC unroll 8
        for (int v = 0; v < ROW_VECS; v++)
            memcpy(&b[v], bp + v * LANES, sizeof b[v]);
#pragma GCC unroll 8
        for (int i = 0; i < MR; i++)
#pragma GCC unroll 8
            for (int v = 0; v < ROW_VECS; v++)
                acc[i][v] += b[v] * ap[i];
    }
    /* read lane by lane, acc would live in memory inside the loop too: copy it out once */
    double sum[MR][NR];
    memcpy(sum, acc, sizeof sum);
    /* an edge tile stores fewer of the same sums; a select here stopped the vectoriser */
    if (first) {
        for (long long i = 0; i < mr; i++)
            for (long long j = 0; j < nr; j++)
                c[i * ldc + j] = sum[i][j];
    } else {
        for (long long i = 0; i < mr; i++)
            for (long long j = 0; j < nr; j++)
                c[i * ldc + j] += sum[i][j];
    }
}

void ROWS_NAME(MATMUL_ISA)(const double *a, const double *b, double *c, long long n,
                           long long row_lo, long long row_hi, double *work)
{
    double *bp = work, *ap = work + bpack_doubles(n);

    if (row_lo >= row_hi)
        return;
    for (long long jc = 0; jc < n; jc += NC) {
        long long nc = min_ll(NC, n - jc);
        for (long long pc = 0; pc < n; pc += KC) {
            long long kc = min_ll(KC, n - pc);
            pack_b(b, n, pc, kc, jc, nc, bp);
            for (long long ic = row_lo; ic < row_hi; ic += MC) {
                long long mc = min_ll(MC, row_hi - ic);
                pack_a(a, n, ic, mc, pc, kc, ap);
                /* a B sliver stays in L1 while the A slivers of the block pass it */
                for (long long jr = 0; jr < nc; jr += NR)
                    for (long long ir = 0; ir < mc; ir += MR)
                        tile(kc, ap + ir * kc, bp + jr * kc, c + (ic + ir) * n + jc + jr, n,
                             min_ll(MR, mc - ir), min_ll(NR, nc - jr), pc == 0);
            }
        }
    }
}
