/*
 * Statistics of rep samples and of scaling: what every report is built from. The rules follow
 * Hoefler and Belli, "Scientific Benchmarking of Parallel Computing Systems" (SC15): medians
 * with nonparametric confidence intervals, no means of ratios.
 */
#ifndef PK_STATS_H
#define PK_STATS_H

#include <stdbool.h>
#include <stddef.h>

#define PK_STATS_MIN_CI 6 /* fewer reps than this: no interval */

struct pk_summary {
    size_t n;                /* samples */
    double median, min, max; /* order statistics */
    double mean, stddev;     /* sample standard deviation (n - 1); 0 when n < 2 */
    double ci_lo, ci_hi;     /* 95% interval of the median; NAN when n < PK_STATS_MIN_CI */
};

/* The median of x[0..n) (mean of the middle two when n is even); x is not modified. n >= 1.
 * Returns NAN only when memory for a sorted copy of a large sample cannot be had. */
double pk_stats_median(const double *x, size_t n);

/* Fills *s from x[0..n); n >= 1. Returns 0, or -1 when memory for a sorted copy is lacking. */
int pk_stats_summarize(const double *x, size_t n, struct pk_summary *s);

/*
 * The 1-based ranks [lo, hi] of the order statistics bounding a 95% confidence interval of the
 * median of n samples, exact and symmetric (Le Boudec, Performance Evaluation, Thm. 2.1): the
 * largest lo with P(B < lo) <= 2.5% for B ~ Binomial(n, 1/2), and hi = n + 1 - lo. n = 10
 * gives 2 and 9 (97.9%), n = 21 gives 6 and 16. Returns false (no interval) when n <
 * PK_STATS_MIN_CI, the least n with an interval (n = 5: even [min, max] covers only 93.8%).
 */
bool pk_stats_median_ci_ranks(size_t n, size_t *lo, size_t *hi);

/*
 * Speedup S = base / t with a conservative interval from the intervals of both medians:
 * [base_lo / t_hi, base_hi / t_lo]; the interval is NAN when either side has none.
 */
struct pk_speedup {
    double s, lo, hi;
};
struct pk_speedup pk_stats_speedup(const struct pk_summary *base, const struct pk_summary *t);

/* Karp-Flatt experimentally determined serial fraction (1/S - 1/p) / (1 - 1/p); NAN for p <= 1. */
double pk_stats_karp_flatt(double speedup, int p);

/*
 * Least-squares fit of Amdahl's law T(p) = a + b / p to m points (p[i], t[i]) with at least
 * two distinct p. Gives a, b, the serial fraction a / (a + b) and the speedup bound 1 + b / a
 * (infinite when a <= 0). Returns 0, or -1 when the points cannot determine the fit.
 */
struct pk_amdahl {
    double a, b, serial_fraction, bound;
};
int pk_stats_amdahl_fit(const int *p, const double *t, size_t m, struct pk_amdahl *fit);

/* What the times themselves say, before any Amdahl fit is believed. */
enum pk_amdahl_shape {
    PK_AMDAHL_FIT,         /* the times fall with p, no faster than 1/p: a >= 0, b > 0 */
    PK_AMDAHL_NONE,        /* fewer than two distinct p: nothing to fit */
    PK_AMDAHL_SLOWDOWN,    /* the time at the largest p is above the time at the smallest */
    PK_AMDAHL_FLAT,        /* the times do not fall with p (b <= 0) */
    PK_AMDAHL_SUPERLINEAR, /* a time fell faster than 1/p: t(p) p < t(p0) p0 at some p */
    PK_AMDAHL_UNFIT,       /* a < 0 although no time fell faster than 1/p: the law misfits */
};

/*
 * Fits Amdahl's law to (p[i], t[i]) (as pk_stats_amdahl_fit, into *fit) and classifies the
 * points by the data: p0 is the smallest p and t0 its time. Only PK_AMDAHL_FIT is a fit to
 * report or draw; each other shape says why not.
 */
enum pk_amdahl_shape pk_stats_amdahl_classify(const int *p, const double *t, size_t m,
                                              struct pk_amdahl *fit);

/*
 * Mann-Whitney U test of two samples (ties get mid-ranks; normal approximation with tie
 * correction and continuity correction): returns the two-sided p-value, or NAN when either
 * sample is empty. *u gets U of the first sample.
 */
double pk_stats_mann_whitney(const double *x, size_t nx, const double *y, size_t ny, double *u);

#endif
