/* stats: order statistics and moments on samples with known answers. */
#include <check.h>
#include <math.h>

#include "stats.h"

START_TEST(test_stats_median_odd_even_and_order)
{
    double odd[] = {5, 1, 3}, even[] = {4, 1, 3, 2};
    ck_assert(pk_stats_median(odd, 3) == 3);
    ck_assert(pk_stats_median(even, 4) == 2.5);
    ck_assert(odd[0] == 5 && even[0] == 4); /* the caller's order is kept */
}
END_TEST

START_TEST(test_stats_summary_known_values)
{
    double x[] = {2, 4, 4, 4, 5, 5, 7, 9};
    struct pk_summary s;
    ck_assert_int_eq(pk_stats_summarize(x, 8, &s), 0);
    ck_assert(s.n == 8 && s.min == 2 && s.max == 9 && s.mean == 5 && s.median == 4.5);
    ck_assert(fabs(s.stddev - sqrt(32.0 / 7)) < 1e-12); /* sample standard deviation */
}
END_TEST

START_TEST(test_stats_single_sample)
{
    double x[] = {0.25};
    struct pk_summary s;
    ck_assert_int_eq(pk_stats_summarize(x, 1, &s), 0);
    ck_assert(s.median == 0.25 && s.stddev == 0 && s.min == s.max);
}
END_TEST

START_TEST(test_stats_large_sample)
{
    double x[1001];
    for (int i = 0; i < 1001; i++)
        x[i] = (double)((i * 7919) % 1001); /* a permutation of 0..1000 */
    ck_assert(pk_stats_median(x, 1001) == 500);
}
END_TEST

/* Known ranks: n = 10 gives 2 and 9; too few samples give none. */
START_TEST(test_stats_median_ci_ranks)
{
    static const size_t cases[][3] = {{6, 1, 6},   {9, 2, 8},     {10, 2, 9},
                                      {21, 6, 16}, {100, 40, 61}, {1000, 469, 532}};
    size_t lo, hi;
    ck_assert(!pk_stats_median_ci_ranks(PK_STATS_MIN_CI - 1, &lo, &hi));
    ck_assert(!pk_stats_median_ci_ranks(1, &lo, &hi));
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ck_assert(pk_stats_median_ci_ranks(cases[i][0], &lo, &hi));
        ck_assert_msg(lo == cases[i][1] && hi == cases[i][2], "n=%zu: ranks %zu, %zu", cases[i][0],
                      lo, hi);
    }
}
END_TEST

/* Binomial(n, 1/2) mass of [from, to], times 2^n, in exact integers (n <= 120). */
static unsigned __int128 binomial_mass(size_t n, size_t from, size_t to)
{
    unsigned __int128 c = 1, sum = 0; /* c = C(n, i) */
    for (size_t i = 0; i <= to && i <= n; i++) {
        if (i >= from)
            sum += c;
        c = c * (n - i) / (i + 1);
    }
    return sum;
}

/* For every n, the interval holds the median with at least 95% probability, symmetrically, and
 * one rank narrower on each side would not: exact integers, no floating point. */
START_TEST(test_stats_median_ci_ranks_cover_95_exactly)
{
    for (size_t n = PK_STATS_MIN_CI; n <= 120; n++) {
        size_t lo, hi;
        ck_assert_msg(pk_stats_median_ci_ranks(n, &lo, &hi), "n=%zu: no interval", n);
        unsigned __int128 all = (unsigned __int128)1 << n;
        /* the median lies in [x(lo), x(hi)] unless fewer than lo or more than hi - 1 lie below */
        ck_assert_msg(binomial_mass(n, lo, hi - 1) * 20 >= all * 19, "n=%zu: [%zu, %zu] < 95%%", n,
                      lo, hi);
        ck_assert_msg(lo + hi == n + 1, "n=%zu: [%zu, %zu] not symmetric", n, lo, hi);
        ck_assert_msg(binomial_mass(n, lo + 1, hi - 2) * 20 < all * 19,
                      "n=%zu: [%zu, %zu] is not the narrowest", n, lo, hi);
    }
}
END_TEST

START_TEST(test_stats_summary_interval_is_order_statistics)
{
    double x[] = {7, 3, 10, 1, 9, 2, 8, 6, 5, 4}, y[] = {1, 2, 3, 4, 5};
    struct pk_summary s;
    ck_assert_int_eq(pk_stats_summarize(x, 10, &s), 0);
    ck_assert(s.ci_lo == 2 && s.ci_hi == 9); /* the 2nd and 9th smallest */
    ck_assert_int_eq(pk_stats_summarize(y, 5, &s), 0);
    ck_assert(isnan(s.ci_lo) && isnan(s.ci_hi)); /* no interval below 6 reps */
}
END_TEST

START_TEST(test_stats_speedup_interval_is_conservative)
{
    struct pk_summary base = {10, 10, 0, 0, 0, 0, 9, 11}, t = {10, 5, 0, 0, 0, 0, 4, 6};
    struct pk_speedup s = pk_stats_speedup(&base, &t);
    ck_assert(s.s == 2 && s.lo == 1.5 && s.hi == 2.75);
    t.ci_lo = t.ci_hi = NAN;
    s = pk_stats_speedup(&base, &t);
    ck_assert(s.s == 2 && isnan(s.lo) && isnan(s.hi));
}
END_TEST

/* Times that follow Amdahl's law exactly give back its serial fraction, at every p. */
START_TEST(test_stats_karp_flatt_and_amdahl_recover_f)
{
    static const double fractions[] = {0, 0.05, 0.3, 0.9};
    for (size_t i = 0; i < sizeof fractions / sizeof fractions[0]; i++) {
        double f = fractions[i], t1 = 2.5, t[8];
        int p[8];
        for (int k = 0; k < 8; k++) {
            p[k] = 1 << k; /* 1, 2, 4, ..., 128 */
            t[k] = t1 * (f + (1 - f) / p[k]);
            if (p[k] > 1)
                ck_assert_msg(fabs(pk_stats_karp_flatt(t1 / t[k], p[k]) - f) < 1e-12,
                              "Karp-Flatt at f=%g p=%d", f, p[k]);
        }
        struct pk_amdahl fit;
        ck_assert_int_eq(pk_stats_amdahl_fit(p, t, 8, &fit), 0);
        ck_assert_msg(fabs(fit.serial_fraction - f) < 1e-12, "fit %g for f=%g", fit.serial_fraction,
                      f);
        ck_assert(fabs(fit.a - t1 * f) < 1e-12 && fabs(fit.b - t1 * (1 - f)) < 1e-12);
        if (f > 0)
            ck_assert(fabs(fit.bound - 1 / f) < 1e-9);
        else
            ck_assert(isinf(fit.bound));
    }
    ck_assert(isnan(pk_stats_karp_flatt(1.5, 1)));
    int one[] = {4, 4};
    double same[] = {1, 1};
    ck_assert_int_eq(pk_stats_amdahl_fit(one, same, 2, &(struct pk_amdahl){0}), -1);
}
END_TEST

/* U by counting pairs (x > y counts 1, a tie 1/2): independent of the rank sums used. */
static double u_by_pairs(const double *x, size_t nx, const double *y, size_t ny)
{
    double u = 0;
    for (size_t i = 0; i < nx; i++)
        for (size_t j = 0; j < ny; j++)
            u += x[i] > y[j] ? 1 : x[i] == y[j] ? 0.5 : 0;
    return u;
}

START_TEST(test_stats_mann_whitney)
{
    double x[] = {1, 2, 3, 4, 5}, y[] = {6, 7, 8, 9, 10}, u;
    /* no ties: U = 0; z = (12.5 - 0.5) / sqrt(25 * 11 / 12) = 2.5067; p = erfc(z / sqrt 2) */
    double p = pk_stats_mann_whitney(x, 5, y, 5, &u);
    ck_assert(u == 0);
    ck_assert_msg(fabs(p - 0.012186) < 1e-5, "p = %g", p);
    double a[] = {1, 2, 2, 3, 5, 5}, b[] = {2, 3, 3, 4, 5, 6, 7};
    pk_stats_mann_whitney(a, 6, b, 7, &u);
    ck_assert(u == u_by_pairs(a, 6, b, 7));
    double same[] = {4, 4, 4, 4, 4, 4, 4, 4, 4};
    ck_assert(pk_stats_mann_whitney(same, 9, same, 9, &u) == 1.0);
    ck_assert(isnan(pk_stats_mann_whitney(x, 0, y, 5, &u)));
    double shifted[9], base[9];
    for (int i = 0; i < 9; i++)
        base[i] = 1.0 + 0.01 * i, shifted[i] = base[i] + 0.001;
    ck_assert(pk_stats_mann_whitney(base, 9, shifted, 9, &u) > 0.05); /* overlapping */
}
END_TEST

/* issue 11 item 9: the shape of the times decides, not the sign of the serial fraction */
START_TEST(test_stats_amdahl_classifies_by_the_data)
{
    struct pk_amdahl fit;
    int p[] = {1, 2, 4};
    double rising[] = {1.3e-6, 8e-6, 9.2e-3}; /* once called "superlinear" */
    ck_assert_int_eq(pk_stats_amdahl_classify(p, rising, 3, &fit), PK_AMDAHL_SLOWDOWN);
    double amdahl[] = {1.0, 0.55, 0.325}; /* f = 0.1: a = 0.1, b = 0.9 */
    ck_assert_int_eq(pk_stats_amdahl_classify(p, amdahl, 3, &fit), PK_AMDAHL_FIT);
    ck_assert(fabs(fit.serial_fraction - 0.1) < 1e-12);
    double super[] = {1.0, 0.4, 0.2}; /* 0.4 * 2 < 1 * 1: faster than 1/p */
    ck_assert_int_eq(pk_stats_amdahl_classify(p, super, 3, &fit), PK_AMDAHL_SUPERLINEAR);
    double flat[] = {1.0, 1.5, 0.99}; /* b < 0 and no rise at the largest p */
    ck_assert_int_eq(pk_stats_amdahl_classify(p, flat, 3, &fit), PK_AMDAHL_FLAT);
    int q[] = {1, 1, 4};
    double misfit[] = {1.0, 3.0, 0.25}; /* a < 0, but t p never falls below t0 p0 = 1 */
    ck_assert_int_eq(pk_stats_amdahl_classify(q, misfit, 3, &fit), PK_AMDAHL_UNFIT);
    ck_assert_int_eq(pk_stats_amdahl_classify(p, amdahl, 1, &fit), PK_AMDAHL_NONE);
}
END_TEST

Suite *stats_suite(void)
{
    Suite *s = suite_create("stats");
    TCase *tc = tcase_create("summary");
    tcase_add_test(tc, test_stats_median_odd_even_and_order);
    tcase_add_test(tc, test_stats_summary_known_values);
    tcase_add_test(tc, test_stats_single_sample);
    tcase_add_test(tc, test_stats_large_sample);
    tcase_add_test(tc, test_stats_median_ci_ranks);
    tcase_add_test(tc, test_stats_median_ci_ranks_cover_95_exactly);
    tcase_add_test(tc, test_stats_summary_interval_is_order_statistics);
    tcase_add_test(tc, test_stats_speedup_interval_is_conservative);
    tcase_add_test(tc, test_stats_karp_flatt_and_amdahl_recover_f);
    tcase_add_test(tc, test_stats_mann_whitney);
    tcase_add_test(tc, test_stats_amdahl_classifies_by_the_data);
    suite_add_tcase(s, tc);
    return s;
}
