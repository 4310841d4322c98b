/*
 * montecarlo: the generator is counter-based, the hit test is exact at the disc's edge, every
 * model counts the very darts an independent Python implementation counts (for two seeds),
 * and verify catches a count off by one, a reset without a run and an implausible estimate.
 * The expected counts come from a pure-Python SplitMix64 and X*X + Y*Y < 2**64 in Python's
 * unbounded integers: they share no code with the C.
 */
#include <check.h>
#include <math.h>
#include <string.h>

#include "helpers.h"
#include "montecarlo/kernel.h"
#include "u128.h"

/* Runs (montecarlo, model, p, n) with the given seed and one timed rep; fills rec. */
static void run_seeded(enum pk_model m, int p, long long n, unsigned long long seed,
                       struct pk_record *rec)
{
    struct pk_case c;
    pk_case_init(&c, pk_kernel_find("montecarlo"), m, p, n);
    c.seed = seed;
    pk_case_execute(&c, 0, 1, rec);
}

/* A prepared serial case of n darts, seed 1, after one good run. */
static void prepare_and_run(struct pk_case *c, long long n)
{
    const struct pk_kernel *k = pk_kernel_find("montecarlo");
    char err[128];

    pk_case_init(c, k, PK_SERIAL, 1, n);
    ck_assert_msg(pk_case_prepare(c, err, sizeof err) == 0, "%s", err);
    k->reset(c);
    ck_assert_int_eq(k->run[PK_SERIAL](c, 1), 0);
}

START_TEST(test_montecarlo_generator_is_counter_based)
{
    enum { N = 4099 }; /* prime: the stride below visits every index once */
    static uint64_t in_order[N];
    /* SplitMix64 from state 1234567, as its reference code steps it: outputs 0..4 */
    static const uint64_t known[] = {6457827717110365317u, 3203168211198807973u,
                                     9817491932198370423u, 4593380528125082431u,
                                     16408922859458223821u};
    for (int i = 0; i < 5; i++)
        ck_assert_uint_eq(pk_rng_u64(1234567, i), known[i]);
    for (uint64_t i = 0; i < N; i++)
        in_order[i] = pk_rng_u64(42, i);
    for (uint64_t j = 0; j < N; j++) {
        uint64_t i = (j * 1000) % N, back = N - 1 - j; /* scattered, then backwards */
        ck_assert_uint_eq(pk_rng_u64(42, i), in_order[i]);
        ck_assert_uint_eq(pk_rng_u64(42, back), in_order[back]);
    }
    /* so darts counted block by block, last block first, add up to the count in order */
    long long darts = 0, whole = montecarlo_range(42, 0, 100003, &darts), blocks = 0;
    ck_assert_int_eq(darts, 100003);
    for (int w = 6; w >= 0; w--) {
        struct pk_range r = pk_partition_block(100003, 7, w);
        blocks += montecarlo_range(42, r.lo, r.hi, &darts);
    }
    ck_assert_int_eq(blocks, whole);
    ck_assert_int_eq(darts, 200006); /* the whole range, then its blocks */
}
END_TEST

START_TEST(test_montecarlo_inside_is_exact_at_the_edge)
{
    const uint64_t top = 0xFFFFFFFFu; /* (2^32 - 1)^2 + 92681^2 < 2^64 <= ... + 92682^2 */
    ck_assert(montecarlo_inside(0, 0));
    ck_assert(montecarlo_inside(top, 0));
    ck_assert(montecarlo_inside(0, top));
    ck_assert(montecarlo_inside(top, 92681));
    ck_assert(!montecarlo_inside(top, 92682));
    ck_assert(!montecarlo_inside(92682, top));
    ck_assert(!montecarlo_inside(top, top));
    /* on the diagonal, 2^32 / sqrt(2) = 3037000499.98: checked in Python integers */
    ck_assert(montecarlo_inside(3037000499u, 3037000499u));
    ck_assert(montecarlo_inside(3037000499u, 3037000500u));
    ck_assert(!montecarlo_inside(3037000500u, 3037000500u));
    /* and the carry test agrees with 128-bit arithmetic on a million generated points */
    for (uint64_t k = 0; k < 2000000; k += 2) {
        uint64_t x = pk_rng_u64(7, k) >> 32, y = pk_rng_u64(7, k + 1) >> 32;
        bool wide = (pk_u128)x * x + (pk_u128)y * y < (pk_u128)1 << 64;
        ck_assert(montecarlo_inside(x, y) == wide);
    }
}
END_TEST

/* Every in-process model at p in {2, 3, 7}, two seeds, n = 1000003: Python's counts. */
START_TEST(test_montecarlo_models_count_what_python_counts)
{
    static const struct {
        unsigned long long seed;
        const char *hits;
    } cases[] = {{1, "784694"}, {42, "785192"}};
    static const int workers[] = {2, 3, 7};
    enum pk_model m = (enum pk_model)_i;

    for (size_t s = 0; s < sizeof cases / sizeof cases[0]; s++)
        for (size_t w = 0; w < sizeof workers / sizeof workers[0]; w++) {
            struct pk_record rec;
            int p = m == PK_SERIAL ? 1 : workers[w];
            run_seeded(m, p, 1000003, cases[s].seed, &rec);
            ck_assert_msg(rec.status == PK_STATUS_OK, "%s p=%d seed %llu: %s", pk_model_name(m), p,
                          cases[s].seed, rec.detail);
            ck_assert_msg(strcmp(rec.result, cases[s].hits) == 0, "%s p=%d seed %llu: %s not %s",
                          pk_model_name(m), p, cases[s].seed, rec.result, cases[s].hits);
        }
}
END_TEST

START_TEST(test_montecarlo_estimate_within_5_sigma)
{
    const long long n = 1000000;
    const double q = M_PI / 4, se = 4 * sqrt(q * (1 - q) / n);
    long long hits = montecarlo_reference(1, n);
    double sigmas;

    ck_assert_int_eq(hits, 784691); /* Python */
    ck_assert_double_le(fabs(4.0 * hits / n - M_PI), 5 * se);
    ck_assert(montecarlo_plausible(hits, n, &sigmas));
    ck_assert_double_eq_tol(sigmas, (4.0 * hits / n - M_PI) / se, 1e-12);
}
END_TEST

START_TEST(test_montecarlo_count_off_by_one_fails)
{
    const struct pk_kernel *k = pk_kernel_find("montecarlo");
    struct pk_case c;
    struct pk_verdict v;
    struct montecarlo_data *d;

    prepare_and_run(&c, 100000);
    d = c.data;
    k->verify(&c, &v);
    ck_assert_int_eq(v.status, PK_STATUS_OK);
    ck_assert_str_eq(v.result, "78142"); /* Python */
    d->hits++;
    k->verify(&c, &v);
    ck_assert_int_eq(v.status, PK_STATUS_FAILED);
    ck_assert_ptr_nonnull(strstr(v.detail, "serial reference 78142"));
    d->hits -= 2;
    k->verify(&c, &v);
    ck_assert_int_eq(v.status, PK_STATUS_FAILED);
    pk_case_release(&c);
}
END_TEST

START_TEST(test_montecarlo_reset_poisons_the_count)
{
    const struct pk_kernel *k = pk_kernel_find("montecarlo");
    struct pk_case c;
    struct pk_verdict v;
    char err[128];

    pk_case_init(&c, k, PK_THREADS, 3, 1000);
    ck_assert_int_eq(pk_case_prepare(&c, err, sizeof err), 0);
    k->reset(&c);
    k->verify(&c, &v); /* a rep that did nothing must fail */
    ck_assert_int_eq(v.status, PK_STATUS_FAILED);
    for (int w = 0; w < 3; w++) /* and a thread that skips its block spoils the sum */
        ck_assert_int_eq(((struct montecarlo_data *)c.data)->part[w].hits, -1);
    ck_assert_int_eq(k->run[PK_SERIAL](&c, 1), 0);
    k->verify(&c, &v);
    ck_assert_int_eq(v.status, PK_STATUS_OK);
    k->reset(&c);
    k->verify(&c, &v);
    ck_assert_int_eq(v.status, PK_STATUS_FAILED);
    pk_case_release(&c);
}
END_TEST

START_TEST(test_montecarlo_seed_changes_the_count)
{
    struct pk_record one, two;
    run_seeded(PK_SERIAL, 1, 100000, 1, &one);
    run_seeded(PK_SERIAL, 1, 100000, 2, &two);
    ck_assert_int_eq(one.status, PK_STATUS_OK);
    ck_assert_int_eq(two.status, PK_STATUS_OK);
    ck_assert_str_eq(one.result, "78142"); /* both from Python */
    ck_assert_str_eq(two.result, "78523");
}
END_TEST

/* The 5-sigma check starts at n = 100: tiny sizes verify for every seed, whatever they draw. */
START_TEST(test_montecarlo_tiny_sizes_never_fail)
{
    static const long long sizes[] = {1, 2, 7, 97};
    const struct pk_kernel *k = pk_kernel_find("montecarlo");
    double sigmas;

    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        for (long long hits = 0; hits <= sizes[s]; hits++)
            ck_assert(montecarlo_plausible(hits, sizes[s], &sigmas));
        for (unsigned long long seed = 0; seed < 2000; seed++) {
            struct pk_case c;
            struct pk_verdict v;
            char err[128];
            pk_case_init(&c, k, PK_SERIAL, 1, sizes[s]);
            c.seed = seed;
            ck_assert_int_eq(pk_case_prepare(&c, err, sizeof err), 0);
            k->reset(&c);
            ck_assert_int_eq(k->run[PK_SERIAL](&c, 1), 0);
            k->verify(&c, &v);
            ck_assert_msg(v.status == PK_STATUS_OK, "n=%lld seed %llu: %s", sizes[s], seed,
                          v.detail);
            pk_case_release(&c);
        }
    }
    ck_assert_int_eq(montecarlo_reference(1, 1), 1); /* Python: 1, 1, 5 and 76 hits */
    ck_assert_int_eq(montecarlo_reference(1, 2), 1);
    ck_assert_int_eq(montecarlo_reference(1, 7), 5);
    ck_assert_int_eq(montecarlo_reference(1, 97), 76);
}
END_TEST

/* A count that matches its reference still fails if the estimate is far from pi. */
START_TEST(test_montecarlo_implausible_estimate_fails)
{
    const struct pk_kernel *k = pk_kernel_find("montecarlo");
    struct pk_case c;
    struct pk_verdict v;
    struct montecarlo_data *d;
    double sigmas;

    prepare_and_run(&c, 1000000);
    d = c.data;
    d->hits = d->expected = 1000000; /* every dart a hit: an estimate of 4 */
    k->verify(&c, &v);
    ck_assert_int_eq(v.status, PK_STATUS_FAILED);
    ck_assert_ptr_nonnull(strstr(v.detail, "standard errors"));
    pk_case_release(&c);
    ck_assert(!montecarlo_plausible(-1, 97, &sigmas));
    ck_assert(!montecarlo_plausible(98, 97, &sigmas));
    ck_assert(!montecarlo_plausible(56, 100, &sigmas)); /* 5.5 sigma low, at n = 100 */
    ck_assert(montecarlo_plausible(79, 100, &sigmas));
}
END_TEST

Suite *montecarlo_suite(void)
{
    Suite *s = suite_create("montecarlo");
    TCase *tc = tcase_create("darts");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_montecarlo_generator_is_counter_based);
    tcase_add_test(tc, test_montecarlo_inside_is_exact_at_the_edge);
    tcase_add_test(tc, test_montecarlo_estimate_within_5_sigma);
    tcase_add_test(tc, test_montecarlo_count_off_by_one_fails);
    tcase_add_test(tc, test_montecarlo_reset_poisons_the_count);
    tcase_add_test(tc, test_montecarlo_seed_changes_the_count);
    tcase_add_test(tc, test_montecarlo_tiny_sizes_never_fail);
    tcase_add_test(tc, test_montecarlo_implausible_estimate_fails);
    /* every in-process model; mpi's agreement across seeds is checked end to end (t202) */
    tcase_add_loop_test(tc, test_montecarlo_models_count_what_python_counts, PK_SERIAL, PK_MPI);
    suite_add_tcase(s, tc);
    return s;
}
