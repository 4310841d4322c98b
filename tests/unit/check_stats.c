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

Suite *stats_suite(void)
{
    Suite *s = suite_create("stats");
    TCase *tc = tcase_create("summary");
    tcase_add_test(tc, test_stats_median_odd_even_and_order);
    tcase_add_test(tc, test_stats_summary_known_values);
    tcase_add_test(tc, test_stats_single_sample);
    tcase_add_test(tc, test_stats_large_sample);
    suite_add_tcase(s, tc);
    return s;
}
