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

bool pk_stats_median_ci_ranks(size_t n, size_t *lo, size_t *hi)
{
    /* B, the number of samples below the true median, is Binomial(n, 1/2); the interval
     * [x(j), x(n + 1 - j)] misses the median when B < j or B > n - j, each P(B < j). */
    double log_all = lgamma((double)n + 1) + (double)n * log(0.5), below = 0;
    size_t j = 0;
    for (size_t i = 0; i < n / 2; i++) { /* below = P(B <= i) */
        below += exp(log_all - lgamma((double)i + 1) - lgamma((double)(n - i) + 1));
        if (below > 0.025)
            break;
        j = i + 1;
    }
    if (n < PK_STATS_MIN_CI || j == 0)
        return false;
    *lo = j;
    *hi = n + 1 - j;
    return true;
}

int pk_stats_summarize(const double *x, size_t n, struct pk_summary *s)
{
    double small[64], *sorted = n <= 64 ? small : malloc(n * sizeof *sorted);
    double sum = 0, squares = 0;
    size_t lo, hi;

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
    s->ci_lo = s->ci_hi = NAN;
    if (pk_stats_median_ci_ranks(n, &lo, &hi)) {
        s->ci_lo = sorted[lo - 1];
        s->ci_hi = sorted[hi - 1];
    }
    if (sorted != small)
        free(sorted);
    return 0;
}

struct pk_speedup pk_stats_speedup(const struct pk_summary *base, const struct pk_summary *t)
{
    struct pk_speedup r = {base->median / t->median, NAN, NAN};
    if (!isnan(base->ci_lo) && !isnan(t->ci_lo)) {
        r.lo = base->ci_lo / t->ci_hi;
        r.hi = base->ci_hi / t->ci_lo;
    }
    return r;
}

double pk_stats_karp_flatt(double speedup, int p)
{
    if (p <= 1 || !(speedup > 0))
        return NAN;
    return (1 / speedup - 1.0 / p) / (1 - 1.0 / p);
}

int pk_stats_amdahl_fit(const int *p, const double *t, size_t m, struct pk_amdahl *fit)
{
    /* linear least squares of t on x = 1/p: t = a + b x */
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (size_t i = 0; i < m; i++) {
        double x = 1.0 / p[i];
        sx += x, sy += t[i], sxx += x * x, sxy += x * t[i];
    }
    double det = (double)m * sxx - sx * sx;
    if (m < 2 || !(fabs(det) > 1e-300 * (1 + sxx)))
        return -1;
    fit->b = ((double)m * sxy - sx * sy) / det;
    fit->a = (sy - fit->b * sx) / (double)m;
    fit->serial_fraction = fit->a / (fit->a + fit->b);
    fit->bound = fit->a > 0 ? 1 + fit->b / fit->a : INFINITY;
    return 0;
}

enum pk_amdahl_shape pk_stats_amdahl_classify(const int *p, const double *t, size_t m,
                                              struct pk_amdahl *fit)
{
    if (pk_stats_amdahl_fit(p, t, m, fit))
        return PK_AMDAHL_NONE;
    size_t lo = 0, hi = 0;
    for (size_t i = 1; i < m; i++) {
        lo = p[i] < p[lo] ? i : lo;
        hi = p[i] > p[hi] ? i : hi;
    }
    if (t[hi] > t[lo])
        return PK_AMDAHL_SLOWDOWN;
    if (!(fit->b > 0))
        return PK_AMDAHL_FLAT;
    if (fit->a >= 0)
        return PK_AMDAHL_FIT;
    for (size_t i = 0; i < m; i++)
        if (t[i] * p[i] < t[lo] * p[lo])
            return PK_AMDAHL_SUPERLINEAR;
    return PK_AMDAHL_UNFIT;
}

struct ranked {
    double v;
    int from_x;
};

static int compare_ranked(const void *a, const void *b)
{
    return compare_double(&((const struct ranked *)a)->v, &((const struct ranked *)b)->v);
}

double pk_stats_mann_whitney(const double *x, size_t nx, const double *y, size_t ny, double *u)
{
    size_t n = nx + ny;
    struct ranked *all;
    double rank_sum_x = 0, tie_term = 0;

    *u = NAN;
    if (nx == 0 || ny == 0 || !(all = malloc(n * sizeof *all)))
        return NAN;
    for (size_t i = 0; i < nx; i++)
        all[i] = (struct ranked){x[i], 1};
    for (size_t i = 0; i < ny; i++)
        all[nx + i] = (struct ranked){y[i], 0};
    qsort(all, n, sizeof *all, compare_ranked);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && all[j].v == all[i].v)
            j++;
        double mid_rank = (double)(i + 1 + j) / 2, ties = (double)(j - i);
        for (size_t k = i; k < j; k++)
            if (all[k].from_x)
                rank_sum_x += mid_rank;
        tie_term += ties * ties * ties - ties;
        i = j;
    }
    free(all);
    *u = rank_sum_x - (double)nx * (double)(nx + 1) / 2;
    double mean = (double)nx * (double)ny / 2;
    double var =
        (double)nx * (double)ny / 12 * ((double)(n + 1) - tie_term / ((double)n * (double)(n - 1)));
    if (!(var > 0))
        return 1.0; /* every value tied: no evidence of a difference */
    double z = (fabs(*u - mean) - 0.5) / sqrt(var);
    if (z < 0)
        z = 0;
    return erfc(z / sqrt(2.0));
}
