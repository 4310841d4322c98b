/*
 * matmul: the closed form against brute force, exact results in every model at sizes that are
 * not multiples of the blocks, random inputs against a naive loop within the error bound, the
 * bit-identical claim for any split into rows, and that verify catches one wrong element.
 */
#include <check.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "context.h"
#include "helpers.h"
#include "matmul/kernel.h"
#include "rng.h"
#include "u128.h"

/* -n^3 (n^2 - 1) / 12: the sum of all C(i,j) of the structured inputs, as verify prints it. */
static const char *expected_sum(long long n, char *buf, size_t len)
{
    __int128 s = (__int128)n * n * n * (n * n - 1) / 12;
    char digits[48];
    snprintf(buf, len, "%s%s", s ? "-" : "", pk_u128_format(digits, sizeof digits, (pk_u128)s));
    return buf;
}

/* Sizes off the blocks: 1 to 3 (under a tile), 97 and 128 (edge tiles), 300 (two k blocks). */
static const long long exact_sizes[] = {1, 2, 3, 97, 128, 300};

START_TEST(test_matmul_closed_form_matches_brute_force)
{
    long long wrong = 0;
    for (long long n = 1; n <= 40; n++)
        for (long long i = 0; i < n; i++)
            for (long long j = 0; j < n; j++) {
                long long s = 0;
                for (long long k = 0; k < n; k++)
                    s += (long long)matmul_a(i, k) * (long long)matmul_b(k, j);
                wrong += s != matmul_closed_form(n, i, j);
            }
    ck_assert_int_eq(wrong, 0);
}
END_TEST

/* The bounds the limits rest on: partial sums below 2^53, n^2 within MPI's int counts. */
START_TEST(test_matmul_limits_hold)
{
    long long n = MATMUL_EXACT_N;
    ck_assert((double)(n - 1) * n * (n + 3) / 2 < 0x1p53);
    ck_assert(MATMUL_MAX_N <= MATMUL_EXACT_N);
    ck_assert(MATMUL_MAX_N * MATMUL_MAX_N <= INT_MAX);
}
END_TEST

START_TEST(test_matmul_exact_in_every_model)
{
    const struct pk_kernel *k = pk_kernel_find("matmul");
    enum pk_model m = (enum pk_model)_i;
    char want[64];

    for (size_t s = 0; s < sizeof exact_sizes / sizeof exact_sizes[0]; s++) {
        struct pk_record rec;
        long long n = exact_sizes[s];
        test_run_case(k, m, m == PK_SERIAL ? 1 : 3, n, -1, 0, 1, &rec);
        ck_assert_msg(rec.status == PK_STATUS_OK, "%s n=%lld: %s", pk_model_name(m), n, rec.detail);
        ck_assert_str_eq(rec.result, expected_sum(n, want, sizeof want));
    }
}
END_TEST

START_TEST(test_matmul_mpi_exact_over_two_k_blocks)
{
    const struct pk_kernel *k = pk_kernel_find("matmul");
    struct pk_record rec;
    char why[512], want[64];

    if (!test_mpi_available(why, sizeof why)) {
        fprintf(stderr, "# SKIP matmul mpi: %s\n", why);
        return;
    }
    ck_assert_msg(test_run_mpi(k, 3, 300, -1, 0, 2, &rec, why, sizeof why) == 0, "%s", why);
    ck_assert_msg(rec.status == PK_STATUS_OK, "%s", rec.detail);
    ck_assert_str_eq(rec.result, expected_sum(300, want, sizeof want));
}
END_TEST

/* Random n x n inputs in [-1, 1), and a work buffer, all on the heap. */
struct random_case {
    long long n;
    double *a, *b, *c, *work;
};

static void random_case_init(struct random_case *r, long long n, unsigned long long seed)
{
    size_t n2 = (size_t)(n * n);
    r->n = n;
    r->a = malloc(n2 * sizeof *r->a);
    r->b = malloc(n2 * sizeof *r->b);
    r->c = malloc(n2 * sizeof *r->c);
    r->work = malloc(matmul_work_doubles(n) * sizeof *r->work);
    ck_assert(r->a && r->b && r->c && r->work);
    for (size_t x = 0; x < n2; x++) {
        r->a[x] = 2 * pk_rng_unit(seed, x) - 1;
        r->b[x] = 2 * pk_rng_unit(seed + 1, x) - 1;
    }
}

static void random_case_free(struct random_case *r)
{
    free(r->a);
    free(r->b);
    free(r->c);
    free(r->work);
}

/*
 * Both the blocked and the naive product are within gamma_n (|A||B|)_ij of the true one
 * (gamma_n = n u / (1 - n u)), so they differ by at most twice that, element by element.
 */
START_TEST(test_matmul_random_within_bound_of_naive)
{
    static const long long sizes[] = {50, 300};
    long long n = sizes[_i];
    double u = DBL_EPSILON / 2, gamma = n * u / (1 - n * u);
    struct random_case r;

    long long outside = 0;
    double worst = 0; /* the largest |difference| / bound */

    random_case_init(&r, n, 42);
    matmul_rows(r.a, r.b, r.c, n, 0, n, r.work);
    for (long long i = 0; i < n; i++)
        for (long long j = 0; j < n; j++) {
            double naive = 0, scale = 0, diff;
            for (long long k = 0; k < n; k++) {
                naive += r.a[i * n + k] * r.b[k * n + j];
                scale += fabs(r.a[i * n + k]) * fabs(r.b[k * n + j]);
            }
            diff = fabs(r.c[i * n + j] - naive);
            outside += !(diff <= 2 * gamma * scale); /* counts a NaN too */
            worst = fmax(worst, diff / (2 * gamma * scale));
        }
    random_case_free(&r);
    /* asserted once: check records every passing assertion, too slow for n^2 of them */
    ck_assert_msg(outside == 0, "n=%lld: %lld elements outside the bound", n, outside);
    ck_assert_msg(worst <= 1, "n=%lld: worst difference %g of the bound", n, worst);
}
END_TEST

/* Any split into row ranges gives the same bits as one range: why models agree exactly. */
START_TEST(test_matmul_any_row_split_is_bit_identical)
{
    static const long long cuts[] = {0, 1, 5, 50, 97, 98, 200, 301};
    long long n = 301;
    struct random_case r;
    double *whole = malloc((size_t)(n * n) * sizeof *whole);

    ck_assert(whole);
    random_case_init(&r, n, 7);
    matmul_rows(r.a, r.b, whole, n, 0, n, r.work);
    memset(r.c, 0xff, (size_t)(n * n) * sizeof *r.c);
    for (size_t s = 0; s + 1 < sizeof cuts / sizeof cuts[0]; s++)
        matmul_rows(r.a, r.b, r.c, n, cuts[s], cuts[s + 1], r.work);
    ck_assert(memcmp(whole, r.c, (size_t)(n * n) * sizeof *whole) == 0);
    free(whole);
    random_case_free(&r);
}
END_TEST

/*
 * The AVX2 build of the tile gives the portable build's bits on random (inexact) inputs, so
 * results never depend on which CPU ran them; and matmul_rows() gives them too. On a CPU
 * without x86-64-v3 the AVX2 build cannot run: only the dispatch is compared there.
 */
START_TEST(test_matmul_isa_builds_bit_identical)
{
    long long n = 301;
    size_t bytes = (size_t)(n * n) * sizeof(double);
    struct random_case r;
    double *generic = malloc(bytes);

    ck_assert(generic);
    random_case_init(&r, n, 11);
    matmul_rows_generic(r.a, r.b, generic, n, 0, n, r.work);
    matmul_rows(r.a, r.b, r.c, n, 0, n, r.work);
    ck_assert(memcmp(generic, r.c, bytes) == 0);
#ifdef MATMUL_DISPATCH_V3
    if (matmul_cpu_has_v3()) {
        memset(r.c, 0xff, bytes);
        matmul_rows_x86_64_v3(r.a, r.b, r.c, n, 3, n, r.work);
        matmul_rows_x86_64_v3(r.a, r.b, r.c, n, 0, 3, r.work);
        ck_assert(memcmp(generic, r.c, bytes) == 0);
    }
#endif
    free(generic);
    random_case_free(&r);
}
END_TEST

/* Wider than a B panel (NC): the jc loop and its edge, on a few rows only to keep it quick. */
/* Every flag of x86-64-v3 in /proc/cpuinfo's first flags line; -1 where it cannot be read. */
static int cpuinfo_has_v3(void)
{
    static const char *const v3[] = {"avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe"};
    char line[8192];
    FILE *f = fopen("/proc/cpuinfo", "r");
    int found = -1;

    if (!f)
        return -1;
    while (found < 0 && fgets(line, sizeof line, f))
        if (strncmp(line, "flags", 5) == 0) {
            found = 1;
            for (size_t i = 0; i < sizeof v3 / sizeof v3[0]; i++) {
                char word[16];
                snprintf(word, sizeof word, " %s", v3[i]);
                const char *at = strstr(line, word);
                size_t len = strlen(word);
                while (at && at[len] != ' ' && at[len] != '\n')
                    at = strstr(at + 1, word); /* " avx" inside " avx2": look on */
                found &= at != NULL;
            }
        }
    fclose(f);
    return found;
}

/*
 * The build that made the AVX2 tile runs it wherever the CPU has x86-64-v3, with any compiler:
 * clang defines __GNUC__ as 4, and a dispatch that tested __GNUC__ >= 12 once sent every clang
 * build to the SSE2 tile. The oracle is /proc/cpuinfo, not the compiler's builtin.
 */
START_TEST(test_matmul_dispatch_takes_the_avx2_tile)
{
    int has = cpuinfo_has_v3();

#ifdef MATMUL_DISPATCH_V3
    if (has < 0)
        return; /* no /proc/cpuinfo: nothing to hold the dispatch against */
    ck_assert_int_eq(matmul_cpu_has_v3(), has);
    ck_assert_str_eq(matmul_tile_isa(), has ? "x86-64-v3" : "generic");
#else
    (void)has;
    ck_assert_str_eq(matmul_tile_isa(), "generic");
#endif
}
END_TEST

/* Every result's context names the tile this machine runs, as matmul_rows() picks it. */
START_TEST(test_matmul_tile_is_in_the_context)
{
    struct pk_context ctx;
    char want[64];

    pk_context_gather(&ctx, 0);
    snprintf(want, sizeof want, "matmul %s", matmul_tile_isa());
    ck_assert_ptr_nonnull(pk_context_get(&ctx, "code paths"));
    ck_assert_str_eq(pk_context_get(&ctx, "code paths"), want);
}
END_TEST

START_TEST(test_matmul_rows_wider_than_a_panel)
{
    long long n = MATMUL_NC + 37, lo = 5, hi = 9, wrong = 0;
    double *a = calloc((size_t)(n * n), sizeof *a), *c = calloc((size_t)(n * n), sizeof *c);
    double *b = malloc((size_t)(n * n) * sizeof *b);
    double *work = malloc(matmul_work_doubles(n) * sizeof *work);

    ck_assert(a && b && c && work);
    for (long long i = 0; i < n; i++)
        for (long long j = 0; j < n; j++) {
            if (i >= lo && i < hi)
                a[i * n + j] = matmul_a(i, j);
            b[i * n + j] = matmul_b(i, j);
        }
    matmul_rows(a, b, c, n, lo, hi, work);
    for (long long i = 0; i < n; i++)
        for (long long j = 0; j < n; j++) /* rows outside [lo, hi) must stay untouched */
            wrong += c[i * n + j] != (i >= lo && i < hi ? (double)matmul_closed_form(n, i, j) : 0);
    ck_assert_msg(wrong == 0, "%lld elements wrong", wrong);
    free(a);
    free(b);
    free(c);
    free(work);
}
END_TEST

/* A prepared serial case of size n, run once (or only reset when run is false). */
static void prepare(struct pk_case *c, long long n, bool run)
{
    const struct pk_kernel *k = pk_kernel_find("matmul");
    char err[128];

    pk_case_init(c, k, PK_SERIAL, 1, n);
    ck_assert_int_eq(pk_case_prepare(c, err, sizeof err), 0);
    k->reset(c);
    if (run)
        ck_assert_int_eq(k->run[PK_SERIAL](c, 1), 0);
}

START_TEST(test_matmul_reset_poisons_c)
{
    struct pk_case c;
    struct pk_verdict v;

    prepare(&c, 97, false);
    c.kernel->verify(&c, &v); /* a rep that did nothing must fail */
    ck_assert_int_eq(v.status, PK_STATUS_FAILED);
    ck_assert_msg(strstr(v.detail, "9409 of 9409") != NULL, "%s", v.detail);
    ck_assert_int_eq(c.kernel->run[PK_SERIAL](&c, 1), 0);
    c.kernel->verify(&c, &v);
    ck_assert_int_eq(v.status, PK_STATUS_OK);
    pk_case_release(&c);
}
END_TEST

START_TEST(test_matmul_one_wrong_element_fails)
{
    static const long long where[][2] = {{0, 0}, {41, 77}, {96, 96}};
    struct pk_case c;
    struct pk_verdict v;
    char at[64];

    prepare(&c, 97, true);
    for (size_t w = 0; w < sizeof where / sizeof where[0]; w++) {
        struct matmul_data *d = c.data;
        double *x = &d->c[where[w][0] * 97 + where[w][1]], good = *x;
        *x = nextafter(good, INFINITY); /* one ulp off */
        c.kernel->verify(&c, &v);
        ck_assert_int_eq(v.status, PK_STATUS_FAILED);
        snprintf(at, sizeof at, "1 of 9409 elements wrong; first C(%lld,%lld)", where[w][0],
                 where[w][1]);
        ck_assert_msg(strstr(v.detail, at) != NULL, "%s", v.detail);
        *x = good;
        c.kernel->verify(&c, &v);
        ck_assert_int_eq(v.status, PK_STATUS_OK);
    }
    pk_case_release(&c);
}
END_TEST

Suite *matmul_suite(void)
{
    Suite *s = suite_create("matmul");
    TCase *tc = tcase_create("exact");
    TCase *fp = tcase_create("float");

    tcase_add_test(tc, test_matmul_closed_form_matches_brute_force);
    tcase_add_test(tc, test_matmul_limits_hold);
    tcase_add_test(tc, test_matmul_reset_poisons_c);
    tcase_add_test(tc, test_matmul_one_wrong_element_fails);
    tcase_add_loop_test(tc, test_matmul_exact_in_every_model, PK_SERIAL, PK_MPI);
    tcase_add_test(tc, test_matmul_mpi_exact_over_two_k_blocks);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);
    tcase_add_loop_test(fp, test_matmul_random_within_bound_of_naive, 0, 2);
    tcase_add_test(fp, test_matmul_any_row_split_is_bit_identical);
    tcase_add_test(fp, test_matmul_rows_wider_than_a_panel);
    tcase_add_test(fp, test_matmul_isa_builds_bit_identical);
    tcase_add_test(fp, test_matmul_dispatch_takes_the_avx2_tile);
    tcase_add_test(fp, test_matmul_tile_is_in_the_context);
    tcase_set_timeout(fp, 60);
    suite_add_tcase(s, fp);
    return s;
}
