/*
 * stencil: the closed forms of Jacobi (a linear field stays put, a hot point gives a quarter to
 * each neighbour), the jammed row sweep writing exactly its rows, first touch by the workers,
 * every model bit for bit against serial where N - 2 does not divide by p, and verify catching
 * a flipped bit and a rep that did nothing.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "stencil/kernel.h"

/* Prepares a serial case of size N with T sweeps and the given field; the caller releases. */
static void prepare(struct pk_case *c, long long N, long long T, int field)
{
    char err[128];
    pk_case_init(c, pk_kernel_find("stencil"), PK_SERIAL, 1, N);
    c->param[STENCIL_SWEEPS] = T;
    c->param[STENCIL_FIELD] = field;
    ck_assert_msg(pk_case_prepare(c, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(c->kernel->init[PK_SERIAL](c, 1), 0); /* fills the grids, the reference */
}

static bool same_bits(double a, double b)
{
    /* NOLINTNEXTLINE(bugprone-suspicious-memory-comparison,cert-exp42-c,cert-flp37-c): bits */
    return memcmp(&a, &b, sizeof a) == 0;
}

/* u = 3i - 2j + 7 on boundary and interior: every sweep leaves every point exactly as it was. */
START_TEST(test_stencil_linear_field_is_unchanged)
{
    static const long long sizes[] = {3, 4, 37};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++)
        for (long long T = 1; T <= 4; T++) {
            long long N = sizes[k];
            struct pk_case c;
            prepare(&c, N, T, STENCIL_LINEAR);
            struct stencil_data *d = c.data;
            c.kernel->reset(&c);
            ck_assert_int_eq(stencil_serial(&c, 1), 0);
            const double *out = stencil_dst(d, T - 1);
            for (long long i = 0; i < N; i++)
                for (long long j = 0; j < N; j++)
                    ck_assert_msg(same_bits(out[i * N + j], 3.0 * i - 2.0 * j + 7.0),
                                  "N=%lld T=%lld (%lld, %lld): %.17g", N, T, i, j, out[i * N + j]);
            pk_case_release(&c);
        }
}
END_TEST

/* A 1 on a field of zeros: after one sweep each of its neighbours holds exactly 0.25. */
START_TEST(test_stencil_hot_point_gives_a_quarter_to_each_neighbour)
{
    const long long N = 7, hot = 3 * N + 2; /* (3, 2) */
    struct pk_case c;
    prepare(&c, N, 1, STENCIL_RANDOM);
    struct stencil_data *d = c.data;
    size_t grid = (size_t)(N * N) * sizeof(double);

    memset(d->init, 0, grid); /* zero boundary in every grid, one hot interior point */
    memset(d->work[0], 0, grid);
    memset(d->work[1], 0, grid);
    d->init[hot] = 1.0;
    c.kernel->reset(&c);
    ck_assert_int_eq(stencil_serial(&c, 1), 0);
    for (long long k = 0; k < N * N; k++) {
        bool next = k == hot - N || k == hot + N || k == hot - 1 || k == hot + 1;
        ck_assert_msg(same_bits(d->work[0][k], next ? 0.25 : 0.0), "(%lld, %lld): %.17g", k / N,
                      k % N, d->work[0][k]);
    }
    pk_case_release(&c);
}
END_TEST

/*
 * stencil_rows over every [lo, hi) of a 13 x 13 grid (whole groups of STENCIL_JAM rows and every
 * remainder): the rows inside get exactly stencil_point, every other point keeps its poison. And
 * the groups that openmp deals out tile [lo, hi) with no gap or overlap.
 */
START_TEST(test_stencil_rows_writes_exactly_its_rows)
{
    enum { N = 13 };
    static double src[N * N], dst[N * N];

    for (long long k = 0; k < N * N; k++)
        src[k] = (double)((k * 37) % 101) / 8.0;
    for (long long lo = 1; lo <= N - 1; lo++)
        for (long long hi = lo; hi <= N - 1; hi++) {
            for (long long k = 0; k < N * N; k++)
                dst[k] = -1.0;
            stencil_rows(src, dst, N, lo, hi);
            for (long long i = 0; i < N; i++)
                for (long long j = 0; j < N; j++) {
                    bool mine = i >= lo && i < hi && j >= 1 && j < N - 1;
                    double want = mine ? stencil_point(src, N, i, j) : -1.0;
                    ck_assert_msg(same_bits(dst[i * N + j], want), "[%lld, %lld): (%lld, %lld) %g",
                                  lo, hi, i, j, dst[i * N + j]);
                }
            long long next = lo, groups = stencil_groups(lo, hi);
            for (long long g = 0; g < groups; g++) {
                struct pk_range r = stencil_group(lo, hi, g);
                ck_assert(r.lo == next && r.hi > r.lo && r.hi - r.lo <= STENCIL_JAM);
                next = r.hi;
            }
            ck_assert_int_eq(next, hi);
        }
}
END_TEST

/*
 * First touch: in one process, setup leaves the grids untouched and the model's init fills them
 * from the workers (fork: the pool's processes, seen through the shared mapping); the reference
 * it makes after them agrees with the sweeps.
 */
START_TEST(test_stencil_setup_leaves_pages_for_the_workers)
{
    const struct pk_kernel *k = pk_kernel_find("stencil");
    struct pk_case c;
    struct pk_verdict v;
    char err[128];
    const long long N = 1000; /* 8 MB a grid */
    size_t bytes = (size_t)(N * N) * sizeof(double);

    pk_case_init(&c, k, PK_FORK, 3, N);
    c.param[STENCIL_SWEEPS] = 3;
    ck_assert_int_eq(pk_case_prepare(&c, err, sizeof err), 0);
    struct stencil_data *d = c.data;
    ck_assert_int_eq(test_resident_pages(d->init, bytes) + test_resident_pages(d->work[0], bytes) +
                         test_resident_pages(d->work[1], bytes),
                     0); /* setup touched nothing */
    ck_assert_int_eq(pk_forkpool_start(&c.forks, 3, err, sizeof err), 0);
    ck_assert_int_eq(k->init[PK_FORK](&c, 3), 0);
    ck_assert_int_eq(test_resident_pages(d->init, bytes), test_pages_spanned(d->init, bytes));
    ck_assert_int_eq(test_resident_pages(d->work[1], bytes), test_pages_spanned(d->work[1], bytes));
    k->reset(&c);
    ck_assert_int_eq(k->run[PK_FORK](&c, 3), 0);
    k->verify(&c, &v);
    ck_assert_msg(v.status == PK_STATUS_OK, "%s", v.detail);
    ck_assert_int_eq(pk_forkpool_stop(c.forks, err, sizeof err), 0);
    pk_case_release(&c);
}
END_TEST

/* (model, p, N) with N - 2 in {3, 35}: no p in {2, 3, 7} divides it evenly. */
static const int models[] = {PK_OPENMP, PK_THREADS, PK_FORK, PK_MPI};
static const int workers[] = {2, 3, 7};
static const long long sides[] = {5, 37};
#define NWORKERS 3
#define NSIDES   2
#define NCOMBOS  ((int)(sizeof models / sizeof models[0]) * NWORKERS * NSIDES)

START_TEST(test_stencil_models_match_serial_bit_for_bit)
{
    const struct pk_kernel *k = pk_kernel_find("stencil");
    enum pk_model m = (enum pk_model)models[_i / (NWORKERS * NSIDES)];
    int p = workers[_i / NSIDES % NWORKERS];
    long long N = sides[_i % NSIDES];
    struct pk_record serial, rec;
    char why[512];

    for (int field = STENCIL_RANDOM; field <= STENCIL_LINEAR; field++) {
        test_run_case(k, PK_SERIAL, 1, N, STENCIL_FIELD, field, 1, &serial);
        ck_assert_msg(serial.status == PK_STATUS_OK, "serial N=%lld: %s", N, serial.detail);
        if (m == PK_MPI) {
            if (!test_mpi_available(why, sizeof why))
                return;
            ck_assert_msg(test_run_mpi(k, p, N, STENCIL_FIELD, field, 2, &rec, why, sizeof why) ==
                              0,
                          "mpi p=%d N=%lld: %s", p, N, why);
        } else {
            test_run_case(k, m, p, N, STENCIL_FIELD, field, 2, &rec);
        }
        /* ok means the grid equals the serial reference bit for bit; the hash must match too */
        ck_assert_msg(rec.status == PK_STATUS_OK, "%s p=%d N=%lld field %d: %s", pk_model_name(m),
                      p, N, field, rec.detail);
        ck_assert_str_eq(rec.result, serial.result);
    }
}
END_TEST

/* One flipped bit anywhere in the final grid fails the check. */
START_TEST(test_stencil_flipped_bit_fails_verify)
{
    const long long N = 37, T = 5;
    static const long long points[] = {1 * 37 + 1, 18 * 37 + 20, 35 * 37 + 35, 0};
    struct pk_case c;
    struct pk_verdict v;
    prepare(&c, N, T, STENCIL_RANDOM);
    struct stencil_data *d = c.data;

    c.kernel->reset(&c);
    ck_assert_int_eq(stencil_serial(&c, 1), 0);
    c.kernel->verify(&c, &v);
    ck_assert_int_eq(v.status, PK_STATUS_OK);
    char good[sizeof v.result];
    snprintf(good, sizeof good, "%s", v.result);
    for (size_t k = 0; k < sizeof points / sizeof points[0]; k++) {
        uint64_t bits;
        double *x = &stencil_dst(d, T - 1)[points[k]];
        memcpy(&bits, x, sizeof bits);
        bits ^= 1; /* the last bit of the mantissa */
        memcpy(x, &bits, sizeof bits);
        c.kernel->verify(&c, &v);
        ck_assert_msg(v.status == PK_STATUS_FAILED, "flip at %lld passed", points[k]);
        ck_assert_str_ne(v.result, good);
        bits ^= 1;
        memcpy(x, &bits, sizeof bits);
        c.kernel->verify(&c, &v);
        ck_assert_int_eq(v.status, PK_STATUS_OK);
    }
    pk_case_release(&c);
}
END_TEST

/* reset then verify, with no run between: fails for both fields, odd and even T. */
START_TEST(test_stencil_reset_without_run_fails_verify)
{
    for (int field = STENCIL_RANDOM; field <= STENCIL_LINEAR; field++)
        for (long long T = 1; T <= 2; T++) {
            struct pk_case c;
            struct pk_verdict v;
            prepare(&c, 3 + 34 * (T - 1), T, field);
            c.kernel->reset(&c);
            c.kernel->verify(&c, &v);
            ck_assert_msg(v.status == PK_STATUS_FAILED, "field %d T=%lld passed", field, T);
            c.kernel->reset(&c);
            ck_assert_int_eq(stencil_serial(&c, 1), 0);
            c.kernel->verify(&c, &v);
            ck_assert_int_eq(v.status, PK_STATUS_OK);
            pk_case_release(&c);
        }
}
END_TEST

Suite *stencil_suite(void)
{
    Suite *s = suite_create("stencil");
    TCase *tc = tcase_create("closed_form");
    tcase_add_test(tc, test_stencil_linear_field_is_unchanged);
    tcase_add_test(tc, test_stencil_hot_point_gives_a_quarter_to_each_neighbour);
    tcase_add_test(tc, test_stencil_flipped_bit_fails_verify);
    tcase_add_test(tc, test_stencil_reset_without_run_fails_verify);
    tcase_add_test(tc, test_stencil_rows_writes_exactly_its_rows);
    tcase_add_test(tc, test_stencil_setup_leaves_pages_for_the_workers);
    suite_add_tcase(s, tc);
    tc = tcase_create("models");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_stencil_models_match_serial_bit_for_bit, 0, NCOMBOS);
    suite_add_tcase(s, tc);
    return s;
}
