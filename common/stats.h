/* Summary statistics of a rep sample: the numbers every report is built from. */
#ifndef PK_STATS_H
#define PK_STATS_H

#include <stddef.h>

struct pk_summary {
    size_t n;                /* samples */
    double median, min, max; /* order statistics */
    double mean, stddev;     /* sample standard deviation (n - 1); 0 when n < 2 */
};

/*
 * The median of x[0..n) (mean of the middle two when n is even); x is not modified. n >= 1.
 * Returns NAN only when memory for a sorted copy of a large sample cannot be had.
 */
double pk_stats_median(const double *x, size_t n);

/* Fills *s from x[0..n); n >= 1. Returns 0, or -1 when memory for a sorted copy is lacking. */
int pk_stats_summarize(const double *x, size_t n, struct pk_summary *s);

#endif
