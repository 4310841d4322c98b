/*
 * square: known values computed apart from the C code, the hash against its definition, that
 * verify catches a wrong, swapped, corrupted or missing output, and every model agrees at p=3.
 */
#include <check.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "square/kernel.h"

/*
 * x[0..4] and the hash of their squares for seed 1, computed with Python's integers straight
 * from the definitions (SplitMix64, Lemire's map to [-(2^31-1), 2^31-1], Horner mod 2^64).
 */
static const long long known_x[5] = {285879788, 1055624609, 2022941423, -238975343, -239381287};
static const long long known_y[5] = {81727253186924944, 1114343315126402881, 4092292000889264929,
                                     57109214561967649, 57303400565776369};
#define KNOWN_HASH_5     "62cc20908063c797"
#define KNOWN_HASH_10000 "bd2be76bbbce3b2f" /* class S */

/* A serial case of n elements, prepared, filled, run once and checked ok; release it after. */
static void good_run(struct pk_case *c, long long n)
{
    const struct pk_kernel *k = pk_kernel_find("square");
    struct pk_verdict v;
    char err[128];

    pk_case_init(c, k, PK_SERIAL, 1, n);
    ck_assert_msg(pk_case_prepare(c, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(k->init[PK_SERIAL](c, 1), 0);
    k->reset(c);
    ck_assert_int_eq(k->run[PK_SERIAL](c, 1), 0);
    k->verify(c, &v);
    ck_assert_msg(v.status == PK_STATUS_OK, "%s", v.detail);
}

static struct pk_verdict verdict(const struct pk_case *c)
{
    struct pk_verdict v = PK_VERDICT_INIT;
    c->kernel->verify(c, &v);
    return v;
}

START_TEST(test_square_known_small_case)
{
    struct pk_case c;
    const struct square_data *d;

    good_run(&c, 5);
    d = c.data;
    for (int i = 0; i < 5; i++) {
        ck_assert_int_eq(square_input(1, i), known_x[i]);
        ck_assert_int_eq(d->x[i], known_x[i]);
        ck_assert_int_eq(d->y[i], known_y[i]);
    }
    ck_assert_str_eq(verdict(&c).result, KNOWN_HASH_5);
    pk_case_release(&c);
}
END_TEST

START_TEST(test_square_inputs_stay_below_2_to_31)
{
    long long lo = 0, hi = 0;
    for (long long i = 0; i < 200000; i++) {
        long long x = square_input(7, i);
        lo = x < lo ? x : lo;
        hi = x > hi ? x : hi;
    }
    ck_assert(lo >= -SQUARE_X_MAX && hi <= SQUARE_X_MAX);
    ck_assert(lo < -(1LL << 30) && hi > (1LL << 30)); /* both signs, and the whole range used */
    ck_assert_int_eq(square_of(-SQUARE_X_MAX), 0x3FFFFFFF00000001LL);
}
END_TEST

/* The four-words-a-step hash equals the polynomial it defines, for every tail length. */
START_TEST(test_square_hash_matches_horner)
{
    long long y[13];
    for (int i = 0; i < 13; i++)
        y[i] = square_of(square_input(3, i));
    for (long long n = 0; n <= 13; n++) {
        uint64_t h = 0xcbf29ce484222325u;
        for (long long i = 0; i < n; i++)
            h = h * 0x100000001b3u + (uint64_t)y[i];
        ck_assert_msg(square_hash(y, n) == h, "n=%lld", n);
    }
}
END_TEST

START_TEST(test_square_corrupted_output_fails)
{
    struct pk_case c;
    struct square_data *d;
    struct pk_verdict v;

    good_run(&c, 1000);
    d = c.data;
    d->y[617] += 1;
    v = verdict(&c);
    ck_assert_int_eq(v.status, PK_STATUS_FAILED);
    ck_assert_msg(strstr(v.detail, "y[617]") != NULL, "detail '%s' names no element", v.detail);
    pk_case_release(&c);
}
END_TEST

/* verify regenerates x rather than reading it: a corrupted input makes the next rep fail. */
START_TEST(test_square_corrupted_input_fails)
{
    struct pk_case c;
    struct square_data *d;

    good_run(&c, 1000);
    d = c.data;
    d->x[999] = d->x[999] / 2 + 1;
    c.kernel->reset(&c);
    ck_assert_int_eq(c.kernel->run[PK_SERIAL](&c, 1), 0);
    ck_assert_int_eq(verdict(&c).status, PK_STATUS_FAILED);
    pk_case_release(&c);
}
END_TEST

START_TEST(test_square_swapped_pair_changes_hash)
{
    static const long long pairs[][2] = {{0, 1}, {41, 42}, {3, 700}, {0, 999}};
    struct pk_case c;
    struct square_data *d;
    char good[128];

    good_run(&c, 1000);
    d = c.data;
    snprintf(good, sizeof good, "%s", verdict(&c).result);
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        long long i = pairs[k][0], j = pairs[k][1], t = d->y[i];
        struct pk_verdict v;
        d->y[i] = d->y[j];
        d->y[j] = t;
        v = verdict(&c);
        ck_assert_int_eq(v.status, PK_STATUS_FAILED);
        ck_assert_msg(strcmp(v.result, good) != 0, "swap %lld, %lld kept hash %s", i, j, good);
        d->y[j] = d->y[i]; /* swap back */
        d->y[i] = t;
    }
    ck_assert_str_eq(verdict(&c).result, good);
    pk_case_release(&c);
}
END_TEST

START_TEST(test_square_reset_without_run_fails)
{
    const struct pk_kernel *k = pk_kernel_find("square");
    struct pk_case c;

    good_run(&c, 1000);
    k->reset(&c); /* a rep that did nothing must fail */
    ck_assert_int_eq(verdict(&c).status, PK_STATUS_FAILED);
    ck_assert_int_eq(((struct square_data *)c.data)->y[0], -1);
    pk_case_release(&c);
}
END_TEST

/* In-process models: setup touches no page of x or y; the threads' init touches all of them. */
START_TEST(test_square_setup_leaves_pages_for_the_workers)
{
    const struct pk_kernel *k = pk_kernel_find("square");
    long long n = 1 << 20; /* 8 MiB per array */
    size_t bytes = (size_t)n * sizeof(long long);
    struct square_data *d;
    struct pk_case c;
    char err[128];

    pk_case_init(&c, k, PK_THREADS, 3, n);
    ck_assert_msg(pk_case_prepare(&c, err, sizeof err) == 0, "%s", err);
    d = c.data;
    ck_assert_int_eq(test_resident_pages(d->x, bytes) + test_resident_pages(d->y, bytes), 0);
    ck_assert_int_eq(pk_threadpool_start(&c.threads, 3, err, sizeof err), 0);
    ck_assert_int_eq(k->init[PK_THREADS](&c, 3), 0);
    ck_assert_int_eq(test_resident_pages(d->x, bytes), test_pages_spanned(d->x, bytes));
    ck_assert_int_eq(test_resident_pages(d->y, bytes), test_pages_spanned(d->y, bytes));
    ck_assert_int_eq(k->run[PK_THREADS](&c, 3), 0);
    ck_assert_int_eq(verdict(&c).status, PK_STATUS_OK);
    pk_threadpool_stop(c.threads);
    pk_case_release(&c);
}
END_TEST

/*
 * An mpi rank other than 0 touches only its own block: its x poisoned (a skipped Scatterv must
 * fail) and its y by reset. Its resident memory is its block, not the full-size arrays.
 */
START_TEST(test_square_mpi_rank_touches_only_its_block)
{
    const struct pk_kernel *k = pk_kernel_find("square");
    long long n = 3 << 20; /* 24 MiB per array, 8 MiB per rank */
    size_t bytes = (size_t)n * sizeof(long long), page = (size_t)sysconf(_SC_PAGESIZE);
    struct pk_range r = pk_partition_block(n, 3, 1);
    struct square_data *d;
    struct pk_case c;
    char err[128];

    pk_case_init(&c, k, PK_MPI, 3, n);
    c.rank = 1;
    c.ranks = 3;
    ck_assert_msg(pk_case_prepare(&c, err, sizeof err) == 0, "%s", err);
    k->reset(&c);
    d = c.data;
    /* the block's pages, and at most one page more at each end of it */
    ck_assert_int_le(test_resident_pages(d->x, bytes), (long)(bytes / 3 / page) + 2);
    ck_assert_int_le(test_resident_pages(d->y, bytes), (long)(bytes / 3 / page) + 2);
    for (long long i = 0; i < n; i += 4093) {
        int mine = i >= r.lo && i < r.hi;
        ck_assert_int_eq(d->x[i], mine ? SQUARE_X_POISON : 0);
        ck_assert_int_eq(d->y[i], mine ? -1 : 0);
    }
    ck_assert(square_of(SQUARE_X_POISON) > square_of(SQUARE_X_MAX)); /* no input's square */
    pk_case_release(&c);
}
END_TEST

START_TEST(test_square_bytes_and_rate)
{
    const struct pk_kernel *k = pk_kernel_find("square");
    struct pk_case c;

    pk_case_init(&c, k, PK_SERIAL, 1, 1000000);
    /* the two arrays, each with the arena's worst-case alignment and stagger */
    ck_assert(k->bytes(&c) >= 16000000 && k->bytes(&c) < 16000000 + 2 * PK_ARENA_SPAN + 4096);
    ck_assert(k->rate(&c, 0.5) == 0.032); /* 16 MB in half a second */
    ck_assert_str_eq(k->unit, "GB/s");
}
END_TEST

/* Every in-process model at p = 3 with n = 5 (and at class S) gives serial's known hash. */
START_TEST(test_square_models_agree_at_p3)
{
    static const struct {
        long long n;
        const char *hash;
    } cases[] = {{5, KNOWN_HASH_5}, {10000, KNOWN_HASH_10000}};
    const struct pk_kernel *k = pk_kernel_find("square");
    enum pk_model m = (enum pk_model)_i;

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct pk_record rec;
        test_run_case(k, m, m == PK_SERIAL ? 1 : 3, cases[i].n, -1, 0, 2, &rec);
        ck_assert_msg(rec.status == PK_STATUS_OK, "%s: %s", pk_model_name(m), rec.detail);
        ck_assert_str_eq(rec.result, cases[i].hash);
    }
}
END_TEST

Suite *square_suite(void)
{
    Suite *s = suite_create("square");
    TCase *tc = tcase_create("square");
    tcase_add_test(tc, test_square_known_small_case);
    tcase_add_test(tc, test_square_inputs_stay_below_2_to_31);
    tcase_add_test(tc, test_square_hash_matches_horner);
    tcase_add_test(tc, test_square_corrupted_output_fails);
    tcase_add_test(tc, test_square_corrupted_input_fails);
    tcase_add_test(tc, test_square_swapped_pair_changes_hash);
    tcase_add_test(tc, test_square_reset_without_run_fails);
    tcase_add_test(tc, test_square_setup_leaves_pages_for_the_workers);
    tcase_add_test(tc, test_square_mpi_rank_touches_only_its_block);
    tcase_add_test(tc, test_square_bytes_and_rate);
    /* every in-process model; mpi is checked against serial in the kernels suite */
    tcase_add_loop_test(tc, test_square_models_agree_at_p3, PK_SERIAL, PK_MPI);
    suite_add_tcase(s, tc);
    return s;
}
