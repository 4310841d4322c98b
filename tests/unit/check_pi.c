/*
 * pi: the error bound and its derivation, the midpoint rule's known error, that the check
 * catches a result off by more than the bound or never computed, and the agreement tolerance.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "helpers.h"
#include "pi/kernel.h"

static const long long sizes[] = {1, 2, 10, 1000, 1000000};
#define NSIZES (int)(sizeof sizes / sizeof sizes[0])

/* f''(x) for f = 4/(1+x^2), written out independently of the kernel. */
static double f2(double x)
{
    double d = 1.0 + x * x;
    return 8.0 * (3.0 * x * x - 1.0) / (d * d * d);
}

START_TEST(test_pi_bound_derivation)
{
    double worst = 0.0;
    for (int k = 0; k <= 100000; k++)
        worst = fmax(worst, fabs(f2(k / 100000.0)));
    ck_assert_double_eq(worst, 8.0); /* max|f''| on [0,1] is |f''(0)| */
    ck_assert_double_eq(f2(1.0), 2.0);
    for (int s = 0; s < NSIZES; s++) {
        double h = 1.0 / (double)sizes[s];
        ck_assert_double_eq_tol(pi_discretisation_bound(sizes[s]), h * h / 3.0, 1e-15 * h * h);
        ck_assert(pi_rounding_bound(sizes[s]) >= 4.0 * (double)sizes[s] * 0x1p-53);
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
        ck_assert_msg(fabs(r - M_PI) <= pi_error_bound(sizes[s]), "%s n=%lld: %.17g",
                      pk_model_name(m), sizes[s], r);
        ck_assert_msg(r != M_PI, "%s n=%lld: exactly M_PI", pk_model_name(m), sizes[s]);
    }
}
END_TEST

/* Euler-Maclaurin: the sum exceeds pi by (h^2/24)(f'(0) - f'(1)) = h^2/12, up to O(h^4). */
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
        d->pi = M_PI + 1.01 * d->bound;
        k->verify(&c, &v);
        ck_assert_int_eq(v.status, PK_STATUS_FAILED);
        d->pi = M_PI - 1.01 * d->bound;
        k->verify(&c, &v);
        ck_assert_int_eq(v.status, PK_STATUS_FAILED);
        d->pi = M_PI + 0.99 * d->bound; /* inside the bound: the check is the bound, no less */
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
    tcase_add_test(tc, test_pi_bound_derivation);
    tcase_add_test(tc, test_pi_midpoint_error_is_h2_over_12);
    tcase_add_test(tc, test_pi_perturbed_result_fails);
    tcase_add_test(tc, test_pi_reset_poisons_the_result);
    tcase_add_test(tc, test_pi_tolerance_is_derived_and_enforced);
    /* every in-process model; mpi runs through the kernels suite */
    tcase_add_loop_test(tc, test_pi_within_bound_in_every_model, PK_SERIAL, PK_MPI);
    suite_add_tcase(s, tc);
    return s;
}
