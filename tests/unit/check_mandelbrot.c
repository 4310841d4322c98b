/*
 * mandelbrot: escape counts of known points, the pixel grid, static and dynamic schedules
 * agreeing count for count, the checks catching a wrong or missing grid, and the row costs
 * that make a static split lose.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "mandelbrot/kernel.h"

static const struct pk_kernel *kernel(void)
{
    return pk_kernel_find("mandelbrot");
}

/* Runs (model, p, n) with the given schedule and chunk, `reps` verified reps, into rec. */
static void run(enum pk_model m, int p, long long n, enum mandelbrot_schedule schedule,
                long long chunk, struct pk_record *rec)
{
    struct pk_case c;
    pk_case_init(&c, kernel(), m, p, n);
    c.param[MANDELBROT_SCHEDULE] = schedule;
    c.param[MANDELBROT_CHUNK] = chunk;
    pk_case_execute(&c, 0, 2, rec);
}

START_TEST(test_mandelbrot_escape_known_points)
{
    ck_assert_int_eq(mandelbrot_escape(0.0, 0.0, 1000), 1000);      /* fixed point z = 0 */
    ck_assert_int_eq(mandelbrot_escape(-1.0, 0.0, 1000), 1000);     /* cycle 0, -1, 0, ... */
    ck_assert_int_eq(mandelbrot_escape(-2.0, 0.0, 1000), 1000);     /* -2, 2, 2, ...: |z| = 2 */
    ck_assert_int_eq(mandelbrot_escape(2.0, 0.0, 1000), 2);         /* 2 (not > 2), then 6 */
    ck_assert_int_eq(mandelbrot_escape(1.0, 0.0, 1000), 3);         /* 1, 2, 5 */
    ck_assert_int_eq(mandelbrot_escape(0.0, 2.0, 1000), 2);         /* 2i, -4 + 2i */
    ck_assert_int_eq(mandelbrot_escape(3.0, 0.0, 1000), 1);         /* 3 */
    ck_assert_int_eq(mandelbrot_escape(0.0, 1.0, 1000), 1000);      /* i, -1 + i, -i, -1 + i */
    ck_assert_int_eq(mandelbrot_escape(0.0, 0.0, 7), 7);            /* the cap is the argument */
    ck_assert_int_eq(mandelbrot_escape(0.26, 0.0, 1000) < 1000, 1); /* just past the cusp */
}
END_TEST

/* Counts are exactly symmetric under conjugation: IEEE negation commutes with every step. */
START_TEST(test_mandelbrot_escape_is_symmetric)
{
    long long n = 97;
    for (long long row = 0; row < mandelbrot_rows(n); row++)
        for (long long col = 0; col < n; col++) {
            struct mandelbrot_c c = mandelbrot_point(row, col, n);
            ck_assert_int_eq(mandelbrot_escape(c.re, c.im, 1000),
                             mandelbrot_escape(c.re, -c.im, 1000));
        }
}
END_TEST

START_TEST(test_mandelbrot_points_cover_the_upper_half)
{
    long long n = 100, h = mandelbrot_rows(n);
    struct mandelbrot_c first = mandelbrot_point(0, 0, n), last = mandelbrot_point(h - 1, n - 1, n);

    ck_assert_int_eq(h, 40);
    ck_assert_int_eq(mandelbrot_rows(MANDELBROT_MIN_N), 1);
    ck_assert_int_eq(mandelbrot_rows(MANDELBROT_MIN_N - 1), 0);
    ck_assert_double_eq_tol(first.re, -2.0 + 0.015, 1e-15); /* pixel centres: half a pixel in */
    ck_assert_double_eq_tol(first.im, 1.2 - 0.015, 1e-15);
    ck_assert_double_eq_tol(last.re, 1.0 - 0.015, 1e-15);
    ck_assert_double_eq_tol(last.im, 0.015, 1e-15); /* the last row lies just above the axis */
    /* square pixels: one column step equals one row step */
    ck_assert_double_eq_tol(mandelbrot_point(0, 1, n).re - first.re,
                            first.im - mandelbrot_point(1, 0, n).im, 1e-15);
}
END_TEST

/* Static blocks and dynamic chunks of every in-process model give the same counts at p = 3. */
START_TEST(test_mandelbrot_static_and_dynamic_agree)
{
    enum pk_model m = (enum pk_model)_i;
    static const long long chunks[] = {1, 4, 7};
    struct pk_record fixed, pulled;

    run(m, 3, 150, MANDELBROT_STATIC, 4, &fixed);
    ck_assert_msg(fixed.status == PK_STATUS_OK, "%s static: %s", pk_model_name(m), fixed.detail);
    for (size_t i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
        run(m, 3, 150, MANDELBROT_DYNAMIC, chunks[i], &pulled);
        /* OK means every count equalled the serial reference; the results must then agree */
        ck_assert_msg(pulled.status == PK_STATUS_OK, "%s dynamic chunk %lld: %s", pk_model_name(m),
                      chunks[i], pulled.detail);
        ck_assert_str_eq(pulled.result, fixed.result);
    }
}
END_TEST

/* One chunk holds the whole grid: the first worker takes it, the others find the queue empty. */
START_TEST(test_mandelbrot_chunk_larger_than_grid)
{
    enum pk_model m = (enum pk_model)_i;
    struct pk_record rec, serial;

    run(PK_SERIAL, 1, 20, MANDELBROT_DYNAMIC, 4, &serial);
    run(m, 3, 20, MANDELBROT_DYNAMIC, 4096, &rec);
    ck_assert_msg(rec.status == PK_STATUS_OK, "%s: %s", pk_model_name(m), rec.detail);
    ck_assert_str_eq(rec.result, serial.result);
}
END_TEST

START_TEST(test_mandelbrot_mpi_chunk_larger_than_grid)
{
    struct pk_record rec, serial;
    char why[512];

    if (!test_mpi_available(why, sizeof why)) {
        fprintf(stderr, "# SKIP mpi chunk test: %s\n", why);
        return;
    }
    run(PK_SERIAL, 1, 20, MANDELBROT_DYNAMIC, 4, &serial);
    ck_assert_msg(test_run_mpi(kernel(), 3, 20, MANDELBROT_CHUNK, 4096, 2, &rec, why, sizeof why) ==
                      0,
                  "%s", why);
    ck_assert_msg(rec.status == PK_STATUS_OK, "mpi: %s", rec.detail);
    ck_assert_str_eq(rec.result, serial.result);
}
END_TEST

/*
 * The mpi master-worker protocol with each worker holding MANDELBROT_AHEAD chunks: chunks of
 * one row (the most messages) on 4 ranks, and a grid of fewer rows than the workers' chunks
 * (the first answers are already stops), both equal to serial count for count.
 */
START_TEST(test_mandelbrot_mpi_workers_ahead)
{
    static const long long size[] = {200, 10}; /* 80 rows; 4 rows for 3 workers x 2 chunks */
    struct pk_record rec, serial;
    char why[512];

    if (!test_mpi_available(why, sizeof why)) {
        fprintf(stderr, "# SKIP mpi protocol test: %s\n", why);
        return;
    }
    run(PK_SERIAL, 1, size[_i], MANDELBROT_DYNAMIC, 1, &serial);
    ck_assert_msg(
        test_run_mpi(kernel(), 4, size[_i], MANDELBROT_CHUNK, 1, 2, &rec, why, sizeof why) == 0,
        "%s", why);
    ck_assert_msg(rec.status == PK_STATUS_OK, "mpi n=%lld: %s", size[_i], rec.detail);
    ck_assert_str_eq(rec.result, serial.result);
}
END_TEST

/* Prepares a serial case of size n and runs one good rep. */
static void good_run(struct pk_case *c, long long n)
{
    struct pk_verdict v;
    char err[128];

    pk_case_init(c, kernel(), PK_SERIAL, 1, n);
    ck_assert_int_eq(pk_case_prepare(c, err, sizeof err), 0);
    kernel()->reset(c);
    ck_assert_int_eq(kernel()->run[PK_SERIAL](c, 1), 0);
    kernel()->verify(c, &v);
    ck_assert_int_eq(v.status, PK_STATUS_OK);
}

START_TEST(test_mandelbrot_corrupted_count_is_caught)
{
    struct pk_case c;
    struct pk_verdict v;
    struct mandelbrot_data *d;

    good_run(&c, 97);
    d = c.data;
    d->grid[5 * d->w + 7] += 1; /* one count off by one */
    kernel()->verify(&c, &v);
    ck_assert_int_eq(v.status, PK_STATUS_FAILED);
    ck_assert_msg(strstr(v.detail, "row 5 col 7") != NULL, "detail: %s", v.detail);
    d->grid[d->h * d->w - 1] -= 1; /* a second, so the total is right again */
    kernel()->verify(&c, &v);
    ck_assert_int_eq(v.status, PK_STATUS_FAILED);
    ck_assert_msg(strstr(v.detail, "2 of") == v.detail, "detail: %s", v.detail);
    pk_case_release(&c);
}
END_TEST

START_TEST(test_mandelbrot_reset_poisons_the_grid)
{
    struct pk_case c;
    struct pk_verdict v;

    good_run(&c, 97);
    kernel()->reset(&c);
    kernel()->verify(&c, &v); /* a rep that did nothing must fail */
    ck_assert_int_eq(v.status, PK_STATUS_FAILED);
    ck_assert_msg(strstr(v.detail, ": -1, reference") != NULL, "detail: %s", v.detail);
    pk_case_release(&c);
}
END_TEST

/*
 * Another mpi rank holds only the rows it sends: under the static schedule its block, under
 * dynamic MANDELBROT_AHEAD chunks (so its memory is a sliver of rank 0's), and reset poisons
 * all of them: rows it computed in an earlier rep and sends again fail.
 */
START_TEST(test_mandelbrot_reset_poisons_a_ranks_rows)
{
    enum mandelbrot_schedule schedule = _i ? MANDELBROT_DYNAMIC : MANDELBROT_STATIC;
    struct pk_case c, first;
    char err[128];
    long long n = 997, chunk = 3;

    pk_case_init(&c, kernel(), PK_MPI, 3, n);
    c.rank = 1;
    c.ranks = 3;
    c.param[MANDELBROT_SCHEDULE] = schedule;
    c.param[MANDELBROT_CHUNK] = chunk;
    first = c;
    first.rank = 0;
    struct pk_range r = pk_partition_block(mandelbrot_rows(n), 3, 1);
    long long own = schedule == MANDELBROT_STATIC ? r.hi - r.lo : MANDELBROT_AHEAD * chunk;
    ck_assert_int_eq(mandelbrot_own_rows(&c), own);
    ck_assert_int_eq(mandelbrot_own_rows(&first), mandelbrot_rows(n));
    ck_assert_msg(kernel()->bytes(&c) * 2 < kernel()->bytes(&first), "rank 1 %zu, rank 0 %zu",
                  kernel()->bytes(&c), kernel()->bytes(&first));
    ck_assert_int_eq(pk_case_prepare(&c, err, sizeof err), 0);
    struct mandelbrot_data *d = c.data;
    ck_assert_ptr_null(d->ref);
    for (long long i = 0; i < own * d->w; i++)
        d->grid[i] = 7; /* last rep's counts */
    kernel()->reset(&c);
    for (long long i = 0; i < own * d->w; i++)
        ck_assert_int_eq(d->grid[i], -1);
    pk_case_release(&c);
}
END_TEST

/*
 * At class W the rows near the real axis hold most of the work: a static split at p = 2 gives
 * the second worker more than ten times the first's iterations (README.md), and rows differ
 * more than 200x in cost.
 */
START_TEST(test_mandelbrot_static_split_is_uneven)
{
    struct pk_case c;
    const struct mandelbrot_data *d;
    long long cheapest = -1, dearest = 0;

    good_run(&c, kernel()->size[PK_CLASS_W]);
    d = c.data;
    struct pk_range a = pk_partition_block(d->h, 2, 0), b = pk_partition_block(d->h, 2, 1);
    long long first = mandelbrot_work(d, a.lo, a.hi), second = mandelbrot_work(d, b.lo, b.hi);
    ck_assert_int_eq(first + second, mandelbrot_work(d, 0, d->h));
    ck_assert_msg(second > 10 * first, "static blocks: %lld and %lld iterations", first, second);
    for (long long row = 0; row < d->h; row++) {
        long long w = mandelbrot_work(d, row, row + 1);
        cheapest = cheapest < 0 || w < cheapest ? w : cheapest;
        dearest = w > dearest ? w : dearest;
    }
    ck_assert_msg(dearest > 200 * cheapest, "rows cost %lld to %lld", cheapest, dearest);
    pk_case_release(&c);
}
END_TEST

Suite *mandelbrot_suite(void)
{
    Suite *s = suite_create("mandelbrot");
    TCase *points = tcase_create("points"), *models = tcase_create("models");
    TCase *checks = tcase_create("checks");

    tcase_add_test(points, test_mandelbrot_escape_known_points);
    tcase_add_test(points, test_mandelbrot_escape_is_symmetric);
    tcase_add_test(points, test_mandelbrot_points_cover_the_upper_half);
    suite_add_tcase(s, points);
    tcase_set_timeout(models, 60);
    tcase_add_loop_test(models, test_mandelbrot_static_and_dynamic_agree, PK_SERIAL, PK_MPI);
    tcase_add_loop_test(models, test_mandelbrot_chunk_larger_than_grid, PK_SERIAL, PK_MPI);
    tcase_add_test(models, test_mandelbrot_mpi_chunk_larger_than_grid);
    tcase_add_loop_test(models, test_mandelbrot_mpi_workers_ahead, 0, 2);
    suite_add_tcase(s, models);
    tcase_set_timeout(checks, 30);
    tcase_add_test(checks, test_mandelbrot_corrupted_count_is_caught);
    tcase_add_test(checks, test_mandelbrot_reset_poisons_the_grid);
    tcase_add_loop_test(checks, test_mandelbrot_reset_poisons_a_ranks_rows, 0, 2);
    tcase_add_test(checks, test_mandelbrot_static_split_is_uneven);
    suite_add_tcase(s, checks);
    return s;
}
