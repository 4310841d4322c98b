/*
 * histogram: the counts against serial in every model and --sync mode, the race's verdict, the
 * check catching a moved count, a wrong total and a rep that did nothing, and the generator's
 * bins looking uniform.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "histogram/kernel.h"

#define MAX_TEST_BINS 256

/* What one rep of one configuration left in the shared counters, and its verdict. */
struct outcome {
    unsigned long long bins[MAX_TEST_BINS], total;
    struct pk_verdict verdict;
};

static const struct pk_kernel *kernel(void)
{
    return pk_kernel_find("histogram");
}

/* Prepares c for (model, p, n, sync, nbins), starting the model's pool. */
static void prepare(struct pk_case *c, enum pk_model m, int p, long long n,
                    enum histogram_sync sync, long long nbins)
{
    char err[256] = "";

    ck_assert_int_le(nbins, MAX_TEST_BINS);
    pk_case_init(c, kernel(), m, p, n);
    c->param[HISTOGRAM_PARAM_SYNC] = sync;
    c->param[HISTOGRAM_PARAM_BINS] = nbins;
    ck_assert_msg(pk_case_prepare(c, err, sizeof err) == 0, "prepare: %s", err);
    if (m == PK_FORK)
        ck_assert_msg(pk_forkpool_start(&c->forks, p, err, sizeof err) == 0, "%s", err);
    if (m == PK_THREADS)
        ck_assert_msg(pk_threadpool_start(&c->threads, p, err, sizeof err) == 0, "%s", err);
}

static void finish(struct pk_case *c)
{
    char err[256];
    ck_assert_msg(pk_forkpool_stop(c->forks, err, sizeof err) == 0, "%s", err);
    pk_threadpool_stop(c->threads);
    pk_case_release(c);
}

/* One reset, run and verify of (model, p, n, sync, nbins); the counters it left go to o. */
static void run_once(enum pk_model m, int p, long long n, enum histogram_sync sync, long long nbins,
                     struct outcome *o)
{
    struct pk_case c;
    struct histogram_data *d;

    prepare(&c, m, p, n, sync, nbins);
    d = c.data;
    kernel()->reset(&c);
    ck_assert_msg(kernel()->run[m](&c, p) == 0, "%s: %s", pk_model_name(m), c.error);
    kernel()->verify(&c, &o->verdict);
    memcpy(o->bins, d->bins, (size_t)nbins * sizeof *o->bins);
    o->total = *d->total;
    finish(&c);
}

START_TEST(test_histogram_bins_sum_to_n)
{
    static const long long nbins[] = {1, 7, 16, 256};
    for (size_t k = 0; k < sizeof nbins / sizeof nbins[0]; k++) {
        struct outcome o;
        unsigned long long sum = 0;
        run_once(PK_SERIAL, 1, 12345, HISTOGRAM_PRIVATE, nbins[k], &o);
        for (long long b = 0; b < nbins[k]; b++)
            sum += o.bins[b];
        ck_assert_uint_eq(sum, 12345);
        ck_assert_uint_eq(o.total, 12345);
        ck_assert_int_eq(o.verdict.status, PK_STATUS_OK);
    }
}
END_TEST

/* Every synchronised mode at p = 3 leaves the very counts serial leaves. */
START_TEST(test_histogram_each_mode_at_p3_equals_serial)
{
    static const enum histogram_sync syncs[] = {HISTOGRAM_PRIVATE, HISTOGRAM_ATOMIC,
                                                HISTOGRAM_LOCK};
    enum pk_model m = (enum pk_model)_i;
    struct outcome serial, o;

    run_once(PK_SERIAL, 1, 100003, HISTOGRAM_PRIVATE, 61, &serial);
    for (size_t s = 0; s < sizeof syncs / sizeof syncs[0]; s++) {
        run_once(m, 3, 100003, syncs[s], 61, &o);
        ck_assert_msg(o.verdict.status == PK_STATUS_OK, "%s sync %d: %s", pk_model_name(m),
                      syncs[s], o.verdict.detail);
        ck_assert_msg(memcmp(o.bins, serial.bins, 61 * sizeof o.bins[0]) == 0,
                      "%s sync %d: bins differ from serial", pk_model_name(m), syncs[s]);
        ck_assert_uint_eq(o.total, 100003);
        ck_assert_str_eq(o.verdict.result, serial.verdict.result);
    }
}
END_TEST

/* The mpi model at p = 3, through mpirun: the same result text (bin hash and total) as serial. */
START_TEST(test_histogram_mpi_modes_at_p3_equal_serial)
{
    static const enum histogram_sync syncs[] = {HISTOGRAM_PRIVATE, HISTOGRAM_ATOMIC,
                                                HISTOGRAM_LOCK};
    struct outcome serial;
    char why[512];

    if (!test_mpi_available(why, sizeof why)) {
        fprintf(stderr, "# SKIP histogram mpi: %s\n", why);
        return;
    }
    run_once(PK_SERIAL, 1, 100003, HISTOGRAM_PRIVATE, 256, &serial);
    for (size_t s = 0; s < sizeof syncs / sizeof syncs[0]; s++) {
        struct pk_record rec;
        ck_assert_msg(test_run_mpi(kernel(), 3, 100003, HISTOGRAM_PARAM_SYNC, syncs[s], 2, &rec,
                                   why, sizeof why) == 0,
                      "mpi sync %d: %s", syncs[s], why);
        ck_assert_msg(rec.status == PK_STATUS_OK, "mpi sync %d: %s", syncs[s], rec.detail);
        ck_assert_str_eq(rec.result, serial.verdict.result);
    }
}
END_TEST

/* One worker cannot race with itself: --sync none at p = 1 verifies like the rest. */
START_TEST(test_histogram_none_with_one_worker_is_ok)
{
    enum pk_model m = (enum pk_model)_i;
    struct outcome serial, o;

    run_once(PK_SERIAL, 1, 50000, HISTOGRAM_PRIVATE, 256, &serial);
    run_once(m, 1, 50000, HISTOGRAM_NONE, 256, &o);
    ck_assert_msg(o.verdict.status == PK_STATUS_OK, "%s: %s", pk_model_name(m), o.verdict.detail);
    ck_assert_str_eq(o.verdict.result, serial.verdict.result);
}
END_TEST

/* With two workers --sync none is a race, whatever it lost: never ok, never failed. */
START_TEST(test_histogram_none_with_two_workers_is_a_race)
{
    struct outcome o;
    unsigned long long sum = 0;
    char want[128];

    run_once(PK_THREADS, 2, 200000, HISTOGRAM_NONE, 16, &o);
    ck_assert_int_eq(o.verdict.status, PK_STATUS_RACE);
    for (int b = 0; b < 16; b++)
        sum += o.bins[b];
    ck_assert_uint_le(sum, 200000);
    ck_assert_uint_le(o.total, 200000);
    snprintf(want, sizeof want,
             "lost %llu of 200000 updates (--sync none races on purpose); the total lost %llu",
             200000 - sum, 200000 - o.total);
    ck_assert_str_eq(o.verdict.detail, want);
}
END_TEST

/* A good serial rep, then `corrupt` applied to its counters: the check must fail. */
static void check_corruption_fails(void (*corrupt)(struct histogram_data *), const char *what)
{
    struct pk_case c;
    struct pk_verdict v;

    prepare(&c, PK_SERIAL, 1, 10000, HISTOGRAM_PRIVATE, 16);
    kernel()->reset(&c);
    ck_assert_int_eq(kernel()->run[PK_SERIAL](&c, 1), 0);
    kernel()->verify(&c, &v);
    ck_assert_msg(v.status == PK_STATUS_OK, "before %s: %s", what, v.detail);
    corrupt(c.data);
    kernel()->verify(&c, &v);
    ck_assert_msg(v.status == PK_STATUS_FAILED, "%s was not caught", what);
    ck_assert_str_ne(v.detail, "-");
    finish(&c);
}

static void move_one_count(struct histogram_data *d)
{
    d->bins[3]--; /* the sum of the bins and the total stay n */
    d->bins[11]++;
}

static void total_one_more(struct histogram_data *d)
{
    (*d->total)++;
}

static void total_one_less(struct histogram_data *d)
{
    (*d->total)--;
}

START_TEST(test_histogram_moved_count_fails)
{
    check_corruption_fails(move_one_count, "a count moved between bins");
}
END_TEST

START_TEST(test_histogram_total_off_by_one_fails)
{
    check_corruption_fails(total_one_more, "a total one too high");
    check_corruption_fails(total_one_less, "a total one too low");
}
END_TEST

/* A rep that does nothing must fail, even right after a good rep left the right counts. */
START_TEST(test_histogram_reset_then_verify_fails)
{
    struct pk_case c;
    struct pk_verdict v;

    prepare(&c, PK_THREADS, 2, 10000, HISTOGRAM_PRIVATE, 16);
    kernel()->reset(&c);
    kernel()->verify(&c, &v);
    ck_assert_int_eq(v.status, PK_STATUS_FAILED);
    ck_assert_int_eq(kernel()->run[PK_THREADS](&c, 2), 0);
    kernel()->verify(&c, &v);
    ck_assert_int_eq(v.status, PK_STATUS_OK);
    kernel()->reset(&c);
    kernel()->verify(&c, &v);
    ck_assert_int_eq(v.status, PK_STATUS_FAILED);
    finish(&c);
}
END_TEST

/* B = 16, n = 160000: every bin within 5 binomial standard deviations of n / B. */
START_TEST(test_histogram_bins_look_uniform)
{
    const double n = 160000, nbins = 16, q = 1 / nbins;
    const double mean = n * q, sigma = sqrt(n * q * (1 - q)); /* 10000 and about 96.8 */
    struct outcome o;

    run_once(PK_SERIAL, 1, (long long)n, HISTOGRAM_PRIVATE, (long long)nbins, &o);
    ck_assert_int_eq(o.verdict.status, PK_STATUS_OK);
    for (int b = 0; b < (int)nbins; b++)
        ck_assert_msg(fabs((double)o.bins[b] - mean) <= 5 * sigma,
                      "bin %d holds %llu, %.1f sigma from %.0f", b, o.bins[b],
                      ((double)o.bins[b] - mean) / sigma, mean);
}
END_TEST

Suite *histogram_suite(void)
{
    Suite *s = suite_create("histogram");
    TCase *check = tcase_create("check");
    TCase *models = tcase_create("models");

    tcase_add_test(check, test_histogram_bins_sum_to_n);
    tcase_add_test(check, test_histogram_moved_count_fails);
    tcase_add_test(check, test_histogram_total_off_by_one_fails);
    tcase_add_test(check, test_histogram_reset_then_verify_fails);
    tcase_add_test(check, test_histogram_bins_look_uniform);
    suite_add_tcase(s, check);
    /* one process per model: openmp must never share a process with the fork pool */
    tcase_set_timeout(models, 60);
    tcase_add_loop_test(models, test_histogram_each_mode_at_p3_equals_serial, PK_OPENMP, PK_MPI);
    tcase_add_loop_test(models, test_histogram_none_with_one_worker_is_ok, PK_OPENMP, PK_MPI);
    tcase_add_test(models, test_histogram_none_with_two_workers_is_a_race);
    tcase_add_test(models, test_histogram_mpi_modes_at_p3_equal_serial);
    suite_add_tcase(s, models);
    return s;
}
