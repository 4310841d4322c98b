/*
 * pi: the reference midpoint sum and the rounding bound, the midpoint rule's known error, that
 * the check catches a result off by more than the bound (one dropped term, a left-endpoint
 * rule) or never computed, and the agreement tolerance.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "helpers.h"
#include "pi/kernel.h"

static const long long sizes[] = {1, 2, 10, 1000, 1000000};
#define NSIZES (int)(sizeof sizes / sizeof sizes[0])

/* The midpoint sum computed here, independently: long double terms, Kahan-compensated. */
static long double direct_sum(long long n)
{
    long double sum = 0.0L, comp = 0.0L;
    for (long long i = 0; i < n; i++) {
        long double x = ((long double)i + 0.5L) / (long double)n;
        long double y = 4.0L / (1.0L + x * x) - comp, t = sum + y;
        comp = (t - sum) - y;
        sum = t;
    }
    return sum / (long double)n;
}

/* The reference: a direct sum below PI_SERIES_MIN_N, the Euler-Maclaurin series from there. */
START_TEST(test_pi_reference_is_the_midpoint_sum)
{
    static const long long n[] = {1, 2, 10, 99, 100, 1000, 10000, 100000};
    for (size_t k = 0; k < sizeof n / sizeof n[0]; k++) {
        long double want = direct_sum(n[k]), got = pi_reference(n[k]);
        ck_assert_msg(fabsl(got - want) <= 1e-17L * want, "n=%lld: %.21Lg, direct %.21Lg", n[k],
                      got, want);
    }
    ck_assert(pi_reference(1) == 3.2L); /* f(1/2) = 4 / (5/4) */
}
END_TEST

/*
 * One dropped term is at least h min f = 2/n: at every class, and at any p up to the limit,
 * the bound must be far below it (so the largest sizes need no 1e10-term loop to show it).
 */
START_TEST(test_pi_bound_is_below_one_term_at_every_class)
{
    const struct pk_kernel *k = pk_kernel_find("pi");
    static const int ps[] = {1, 3, 64, PK_MAX_WORKERS};
    for (int cls = PK_CLASS_S; cls < PK_NCLASS; cls++) {
        long long n = pk_kernel_size(k, (enum pk_class)cls);
        for (size_t j = 0; j < sizeof ps / sizeof ps[0]; j++) {
            double bound = pi_rounding_bound(n, ps[j]), term = 2.0 / (double)n;
            ck_assert_msg(10 * bound < term, "class %s n=%lld p=%d: bound %g, one term %g",
                          pk_class_name((enum pk_class)cls), n, ps[j], bound, term);
            ck_assert(bound >= 4.0 * (PI_CHUNK + ps[j]) * 0x1p-53); /* no less than derived */
        }
    }
    ck_assert_int_eq(pk_kernel_size(k, PK_CLASS_C), PI_MAX_N); /* C is the largest allowed */
}
END_TEST

/* The check itself: a sum missing one term, or a left-endpoint rule, fails; the true sum not. */
START_TEST(test_pi_dropped_term_and_left_rule_fail)
{
    const struct pk_kernel *k = pk_kernel_find("pi");
    static const long long n[] = {1000, 10000000};
    for (int s = 0; s < 2; s++) {
        struct pk_case c;
        struct pk_verdict v;
        char err[128];
        double h = 1.0 / (double)n[s], left = 0.0;
        pk_case_init(&c, k, PK_THREADS, 3, n[s]);
        ck_assert_int_eq(pk_case_prepare(&c, err, sizeof err), 0);
        struct pi_data *d = c.data;
        d->pi = pi_block(0, n[s], h) * h;
        k->verify(&c, &v);
        ck_assert_msg(v.status == PK_STATUS_OK, "n=%lld: %s", n[s], v.detail);
        ck_assert_int_eq(v.covered, n[s]);
        d->pi = (pi_block(0, n[s] / 2, h) + pi_block(n[s] / 2 + 1, n[s], h)) * h; /* a middle one */
        k->verify(&c, &v);
        ck_assert_msg(v.status == PK_STATUS_FAILED, "n=%lld, middle term dropped passes", n[s]);
        d->pi = pi_block(0, n[s] - 1, h) * h; /* the last, the smallest */
        k->verify(&c, &v);
        ck_assert_msg(v.status == PK_STATUS_FAILED, "n=%lld, last term dropped passes", n[s]);
        ck_assert_ptr_nonnull(strstr(v.detail, "rounding bound"));
        for (long long i = 0; i < n[s]; i++) {
            double x = (double)i * h; /* the left end of each interval */
            left += 4.0 / (1.0 + x * x);
        }
        d->pi = left * h;
        k->verify(&c, &v);
        ck_assert_msg(v.status == PK_STATUS_FAILED, "n=%lld, left-endpoint rule passes", n[s]);
        pk_case_release(&c);
    }
}
END_TEST

/* Runs (model, p, n) once and returns its result; the run must verify. */
static double run_result(enum pk_model m, int p, long long n)
{
    struct pk_record rec;
    test_run_case(pk_kernel_find("pi"), m, p, n, -1, 0, 1, &rec);
    ck_assert_msg(rec.status == PK_STATUS_OK, "%s p=%d n=%lld: %s", pk_model_name(m), p, n,
                  rec.detail);
    return strtod(rec.result, NULL);
}

START_TEST(test_pi_within_bound_in_every_model)
{
    enum pk_model m = (enum pk_model)_i;
    for (int s = 0; s < NSIZES; s++) {
        double r = run_result(m, m == PK_SERIAL ? 1 : 3, sizes[s]);
        long double err = fabsl((long double)r - pi_reference(sizes[s]));
        ck_assert_msg(err <= pi_rounding_bound(sizes[s], 3), "%s n=%lld: %.17g", pk_model_name(m),
                      sizes[s], r);
        ck_assert_msg(r != M_PI, "%s n=%lld: exactly M_PI", pk_model_name(m), sizes[s]);
    }
}
END_TEST

/* Euler-Maclaurin: the sum exceeds pi by (h^2/24)(f'(0) - f'(1)) = h^2/12, up to O(h^6). */
START_TEST(test_pi_midpoint_error_is_h2_over_12)
{
    static const long long n[] = {10, 1000};
    for (int k = 0; k < 2; k++) {
        double h = 1.0 / (double)n[k], r = run_result(PK_SERIAL, 1, n[k]);
        ck_assert_double_eq_tol((r - M_PI) / (h * h / 12.0), 1.0, 1e-4);
    }
}
END_TEST

START_TEST(test_pi_perturbed_result_fails)
{
    const struct pk_kernel *k = pk_kernel_find("pi");
    static const long long n[] = {1000, 1000000};
    for (int s = 0; s < 2; s++) {
        struct pk_case c;
        struct pi_data *d;
        struct pk_verdict v;
        char err[128];

        pk_case_init(&c, k, PK_SERIAL, 1, n[s]);
        ck_assert_int_eq(pk_case_prepare(&c, err, sizeof err), 0);
        d = c.data;
        ck_assert_int_eq(k->run[PK_SERIAL](&c, 1), 0);
        k->verify(&c, &v);
        ck_assert_int_eq(v.status, PK_STATUS_OK);
        d->pi += 2.0 * d->bound; /* a good result moved by twice the bound */
        k->verify(&c, &v);
        ck_assert_int_eq(v.status, PK_STATUS_FAILED);
        d->pi = (double)(d->ref + 1.01L * d->bound);
        k->verify(&c, &v);
        ck_assert_int_eq(v.status, PK_STATUS_FAILED);
        d->pi = (double)(d->ref - 1.01L * d->bound);
        k->verify(&c, &v);
        ck_assert_int_eq(v.status, PK_STATUS_FAILED);
        d->pi = (double)(d->ref + 0.9L * d->bound); /* inside: the check is the bound, no less */
        k->verify(&c, &v);
        ck_assert_int_eq(v.status, PK_STATUS_OK);
        pk_case_release(&c);
    }
}
END_TEST

START_TEST(test_pi_reset_poisons_the_result)
{
    const struct pk_kernel *k = pk_kernel_find("pi");
    struct pk_case c;
    struct pk_verdict v;
    char err[128];

    pk_case_init(&c, k, PK_SERIAL, 1, 1000);
    ck_assert_int_eq(pk_case_prepare(&c, err, sizeof err), 0);
    ck_assert_int_eq(k->run[PK_SERIAL](&c, 1), 0);
    k->reset(&c);
    k->verify(&c, &v); /* a rep that did nothing must fail, even after a good one */
    ck_assert_int_eq(v.status, PK_STATUS_FAILED);
    ck_assert_int_eq(k->run[PK_SERIAL](&c, 1), 0);
    k->verify(&c, &v);
    ck_assert_int_eq(v.status, PK_STATUS_OK);
    pk_case_release(&c);

    /* and every worker's slot: a thread that skips its block spoils the sum, not reuses it */
    pk_case_init(&c, k, PK_THREADS, 3, 1000);
    ck_assert_int_eq(pk_case_prepare(&c, err, sizeof err), 0);
    for (int w = 0; w < 3; w++)
        ((struct pi_data *)c.data)->part[w].sum = 1.0;
    k->reset(&c);
    for (int w = 0; w < 3; w++)
        ck_assert(isnan(((struct pi_data *)c.data)->part[w].sum));
    pk_case_release(&c);
}
END_TEST

START_TEST(test_pi_tolerance_is_derived_and_enforced)
{
    const struct pk_kernel *k = pk_kernel_find("pi");
    double gamma = (double)(PI_MAX_N + 8) * 0x1p-53, x = 3.1415926535897931;
    char a[64], b[64];

    gamma /= 1.0 - gamma;
    ck_assert_double_eq(k->tolerance, PI_TOLERANCE);
    ck_assert_int_eq(k->max_size, PI_MAX_N);
    ck_assert(2.0 * gamma / (1.0 - gamma) <= k->tolerance); /* holds at the largest size */
    snprintf(a, sizeof a, "%.17g", x);
    snprintf(b, sizeof b, "%.17g", x * (1.0 + 2.0 * k->tolerance));
    ck_assert(!pk_results_agree(k, a, b));
    ck_assert(!pk_results_agree(k, b, a));
    snprintf(b, sizeof b, "%.17g", x * (1.0 + 0.5 * k->tolerance));
    ck_assert(pk_results_agree(k, a, b));
    ck_assert(!pk_results_agree(k, a, "nan"));
}
END_TEST

Suite *pi_suite(void)
{
    Suite *s = suite_create("pi");
    TCase *tc = tcase_create("bound");
    tcase_add_test(tc, test_pi_reference_is_the_midpoint_sum);
    tcase_add_test(tc, test_pi_bound_is_below_one_term_at_every_class);
    tcase_add_test(tc, test_pi_dropped_term_and_left_rule_fail);
    tcase_add_test(tc, test_pi_midpoint_error_is_h2_over_12);
    tcase_add_test(tc, test_pi_perturbed_result_fails);
    tcase_add_test(tc, test_pi_reset_poisons_the_result);
    tcase_add_test(tc, test_pi_tolerance_is_derived_and_enforced);
    /* every in-process model; mpi runs through the kernels suite */
    tcase_add_loop_test(tc, test_pi_within_bound_in_every_model, PK_SERIAL, PK_MPI);
    suite_add_tcase(s, tc);
    return s;
}
