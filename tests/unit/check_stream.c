/*
 * stream: the closed form, first touch by the model's workers (not by setup), and a wrong
 * element caught.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "stream/kernel.h"

START_TEST(test_stream_setup_leaves_pages_for_the_workers)
{
    const struct pk_kernel *k = pk_kernel_find("stream");
    struct pk_case c;
    char err[128];
    long long n = 1 << 20; /* 8 MiB per array */
    size_t bytes = (size_t)n * sizeof(double);

    pk_case_init(&c, k, PK_FORK, 3, n);
    ck_assert_int_eq(pk_case_prepare(&c, err, sizeof err), 0);
    struct stream_data *d = c.data;
    ck_assert_int_eq(test_resident_pages(d->b, bytes), 0); /* setup touched nothing */
    ck_assert_int_eq(pk_forkpool_start(&c.forks, 3, err, sizeof err), 0);
    ck_assert_int_eq(k->init[PK_FORK](&c, 3), 0);
    /* the workers' touches of the shared mapping are visible here */
    ck_assert_int_eq(test_resident_pages(d->b, bytes), test_pages_spanned(d->b, bytes));
    ck_assert_int_eq(k->run[PK_FORK](&c, 3), 0);
    struct pk_verdict v;
    k->verify(&c, &v);
    ck_assert_int_eq(v.status, PK_STATUS_OK);
    ck_assert_int_eq(pk_forkpool_stop(c.forks, err, sizeof err), 0);
    pk_case_release(&c);
}
END_TEST

START_TEST(test_stream_closed_form_and_sum)
{
    struct pk_record rec;
    long long n = 2048, expected = 0;
    for (long long i = 0; i < n; i++)
        expected += (i % 1024) + 3 * (i % 13);
    test_run_case(pk_kernel_find("stream"), PK_THREADS, 3, n, -1, 0, 2, &rec);
    ck_assert_msg(rec.status == PK_STATUS_OK, "%s", rec.detail);
    char want[32];
    snprintf(want, sizeof want, "%lld", expected);
    ck_assert_str_eq(rec.result, want);
    ck_assert(rec.rate > 0);
}
END_TEST

START_TEST(test_stream_wrong_element_and_no_run_fail)
{
    const struct pk_kernel *k = pk_kernel_find("stream");
    struct pk_case c;
    struct pk_verdict v;
    char err[128];

    pk_case_init(&c, k, PK_SERIAL, 1, 1000);
    ck_assert_int_eq(pk_case_prepare(&c, err, sizeof err), 0);
    ck_assert_int_eq(k->init[PK_SERIAL](&c, 1), 0);
    k->reset(&c);
    k->verify(&c, &v);
    ck_assert_int_eq(v.status, PK_STATUS_FAILED); /* nothing ran */
    ck_assert_int_eq(k->run[PK_SERIAL](&c, 1), 0);
    k->verify(&c, &v);
    ck_assert_int_eq(v.status, PK_STATUS_OK);
    ((struct stream_data *)c.data)->a[999] += 1;
    k->verify(&c, &v);
    ck_assert_int_eq(v.status, PK_STATUS_FAILED);
    ck_assert_msg(strstr(v.detail, "a[999]") != NULL, "detail: %s", v.detail);
    pk_case_release(&c);
}
END_TEST

Suite *stream_suite(void)
{
    Suite *s = suite_create("stream");
    TCase *tc = tcase_create("triad");
    tcase_add_test(tc, test_stream_setup_leaves_pages_for_the_workers);
    tcase_add_test(tc, test_stream_closed_form_and_sum);
    tcase_add_test(tc, test_stream_wrong_element_and_no_run_fail);
    suite_add_tcase(s, tc);
    return s;
}
