/* Order statistics on a sorted copy; the caller's sample keeps its rep order. */
#include "stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median_sorted(const double *s, size_t n)
{
    return n % 2 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
}

double pk_stats_median(const double *x, size_t n)
{
    struct pk_summary s;
    if (pk_stats_summarize(x, n, &s))
        return NAN;
    return s.median;
}

int pk_stats_summarize(const double *x, size_t n, struct pk_summary *s)
{
    double small[64], *sorted = n <= 64 ? small : malloc(n * sizeof *sorted);
    double sum = 0, squares = 0;

    if (!sorted)
        return -1;
    memcpy(sorted, x, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, compare_double);
    for (size_t i = 0; i < n; i++)
        sum += sorted[i];
    s->n = n;
    s->mean = sum / (double)n;
    for (size_t i = 0; i < n; i++)
        squares += (sorted[i] - s->mean) * (sorted[i] - s->mean);
    s->stddev = n > 1 ? sqrt(squares / (double)(n - 1)) : 0.0;
    s->median = median_sorted(sorted, n);
    s->min = sorted[0];
    s->max = sorted[n - 1];
    if (sorted != small)
        free(sorted);
    return 0;
}
