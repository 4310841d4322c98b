/* polysum: the closed form, its 128-bit limit, and the tutorial's numbers in every model. */
#include <check.h>
#include <string.h>

#include "helpers.h"
#include "polysum/kernel.h"

/* The sum by brute force in 128 bits, for small n: an independent check of the closed form. */
static pk_u128 brute(long long n)
{
    pk_u128 s = 0;
    for (pk_u128 i = 0; i < (pk_u128)n; i++)
        s += i + i * i + i * i * i;
    return s;
}

START_TEST(test_polysum_closed_form_matches_brute_force)
{
    for (long long n = 1; n <= 3000; n += (n < 50 ? 1 : 37)) {
        pk_u128 sum;
        ck_assert(polysum_closed_form(n, &sum));
        ck_assert_msg(sum == brute(n), "closed form differs from the loop at n=%lld", n);
    }
}
END_TEST

START_TEST(test_polysum_closed_form_limit_is_exact)
{
    pk_u128 sum;
    char text[48];
    ck_assert(polysum_closed_form(POLYSUM_MAX_N, &sum));
    /* the largest sum below 2^128, computed independently with Python's integers */
    ck_assert_str_eq(pk_u128_format(text, sizeof text, sum),
                     "340282366894324050245223001951475583000");
    ck_assert(!polysum_closed_form(POLYSUM_MAX_N + 1, &sum));
}
END_TEST

START_TEST(test_polysum_tutorial_values_in_every_model)
{
    static const struct {
        long long n;
        const char *sum;
    } cases[] = {{1000, "249833583000"}, {1000000, "249999833333583333000000"}};
    const struct pk_kernel *k = pk_kernel_find("polysum");
    enum pk_model m = (enum pk_model)_i;

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct pk_record rec;
        test_run_case(k, m, m == PK_SERIAL ? 1 : 2, cases[i].n, -1, 0, 1, &rec);
        ck_assert_msg(rec.status == PK_STATUS_OK, "%s: %s", pk_model_name(m), rec.detail);
        ck_assert_str_eq(rec.result, cases[i].sum);
    }
}
END_TEST

START_TEST(test_polysum_reset_poisons_the_sum)
{
    const struct pk_kernel *k = pk_kernel_find("polysum");
    struct pk_case c;
    struct pk_verdict v;
    char err[128];

    pk_case_init(&c, k, PK_SERIAL, 1, 1000);
    ck_assert_int_eq(pk_case_prepare(&c, err, sizeof err), 0);
    k->reset(&c);
    k->verify(&c, &v); /* a rep that did nothing must fail */
    ck_assert_int_eq(v.status, PK_STATUS_FAILED);
    ck_assert_int_eq(k->run[PK_SERIAL](&c, 1), 0);
    k->verify(&c, &v);
    ck_assert_int_eq(v.status, PK_STATUS_OK);
    pk_case_release(&c);

    /* and every worker's slot: a thread that skips its block spoils the sum, not reuses it */
    pk_case_init(&c, k, PK_THREADS, 3, 1000);
    ck_assert_int_eq(pk_case_prepare(&c, err, sizeof err), 0);
    for (int w = 0; w < 3; w++)
        ((struct polysum_data *)c.data)->part[w].sum = 5;
    k->reset(&c);
    for (int w = 0; w < 3; w++)
        ck_assert(((struct polysum_data *)c.data)->part[w].sum == ~(pk_u128)0);
    pk_case_release(&c);
}
END_TEST

Suite *polysum_suite(void)
{
    Suite *s = suite_create("polysum");
    TCase *tc = tcase_create("closed_form");
    tcase_add_test(tc, test_polysum_closed_form_matches_brute_force);
    tcase_add_test(tc, test_polysum_closed_form_limit_is_exact);
    tcase_add_test(tc, test_polysum_reset_poisons_the_sum);
    /* every in-process model; mpi's tutorial values are checked end to end (t201) */
    tcase_add_loop_test(tc, test_polysum_tutorial_values_in_every_model, PK_SERIAL, PK_MPI);
    suite_add_tcase(s, tc);
    return s;
}
