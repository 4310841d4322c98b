/*
 * arena: large allocations are staggered, so no two of a kernel's large arrays share their
 * address modulo a large power of two (they would collide in cache sets and DRAM banks), in
 * every model; the kernels' bytes() cover the padding; the page size is read back and recorded.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "helpers.h"
#include "histogram/kernel.h"
#include "mandelbrot/kernel.h"
#include "matmul/kernel.h"
#include "square/kernel.h"
#include "stencil/kernel.h"
#include "stream/kernel.h"

#define MIB ((uintptr_t)1 << 20)

/* Fails unless the n addresses differ pairwise modulo `modulus`. */
static void assert_distinct_mod(void *const *at, int n, uintptr_t modulus, const char *what)
{
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            ck_assert_msg((uintptr_t)at[i] % modulus != (uintptr_t)at[j] % modulus,
                          "%s: arrays %d and %d both at %#lx modulo %#lx", what, i, j,
                          (unsigned long)((uintptr_t)at[i] % modulus), (unsigned long)modulus);
}

START_TEST(test_arena_large_allocations_differ_modulo_every_power)
{
    size_t big = (size_t)256 << 20; /* stream's class A arrays on this machine */
    struct pk_arena a;
    char err[128];
    void *at[3];

    /* exactly what the three need by pk_arena_bytes, the accounting every bytes() uses */
    ck_assert_int_eq(
        pk_arena_map(&a, 3 * pk_arena_bytes(big), PK_PAGES_NORMAL, true, err, sizeof err), 0);
    for (int i = 0; i < 3; i++) {
        at[i] = pk_arena_alloc(&a, big);
        ck_assert_ptr_nonnull(at[i]);
        ck_assert_uint_eq((uintptr_t)at[i] % 64, 0);
    }
    for (uintptr_t m = 4096; m <= big; m *= 2)
        assert_distinct_mod(at, 3, m, "three 256 MiB arrays");
    /* small ones stay packed: 64-byte aligned, right after each other */
    char *s1 = pk_arena_alloc(&a, 100), *s2 = pk_arena_alloc(&a, 100);
    ck_assert_ptr_nonnull(s1);
    ck_assert_ptr_eq(s2, s1 + 128);
    pk_arena_unmap(&a);
}
END_TEST

START_TEST(test_arena_many_arrays_stay_apart)
{
    struct pk_arena a;
    char err[128];
    void *at[64];
    size_t size = (size_t)1 << 20; /* a power of two: the worst case */

    ck_assert_int_eq(
        pk_arena_map(&a, 64 * pk_arena_bytes(size), PK_PAGES_NORMAL, false, err, sizeof err), 0);
    for (int i = 0; i < 64; i++)
        ck_assert_ptr_nonnull(at[i] = pk_arena_alloc(&a, size));
    assert_distinct_mod(at, 64, 4096, "64 arrays of 1 MiB");
    assert_distinct_mod(at, 64, MIB, "64 arrays of 1 MiB");
    ck_assert_ptr_null(pk_arena_alloc(&a, a.size)); /* and the arena knows when it is full */
    pk_arena_unmap(&a);
}
END_TEST

/* One kernel at a size where its arrays are large (64 KiB and up), and how to find them. */
struct layout_case {
    const char *kernel;
    long long n;
    const char *param, *value; /* a parameter that makes the arrays large, or NULL */
    int (*arrays)(const struct pk_case *c, void **at); /* its large arrays; returns how many */
};

static int stream_arrays(const struct pk_case *c, void **at)
{
    const struct stream_data *d = c->data;
    at[0] = d->a, at[1] = d->b, at[2] = d->c;
    return 3;
}

static int square_arrays(const struct pk_case *c, void **at)
{
    const struct square_data *d = c->data;
    at[0] = d->x, at[1] = d->y;
    return 2;
}

static int stencil_arrays(const struct pk_case *c, void **at)
{
    const struct stencil_data *d = c->data;
    at[0] = d->init, at[1] = d->work[0], at[2] = d->work[1], at[3] = d->ref;
    return 4;
}

static int matmul_arrays(const struct pk_case *c, void **at)
{
    const struct matmul_data *d = c->data;
    at[0] = d->a, at[1] = d->b, at[2] = d->c;
    return 3;
}

static int mandelbrot_arrays(const struct pk_case *c, void **at)
{
    const struct mandelbrot_data *d = c->data;
    at[0] = d->grid, at[1] = d->ref;
    return 2;
}

static int histogram_arrays(const struct pk_case *c, void **at)
{
    const struct histogram_data *d = c->data;
    int k = 0;
    at[k++] = d->bins, at[k++] = d->part;
    if (d->expected)
        at[k++] = d->expected;
    return k;
}

static const struct layout_case layouts[] = {
    {"stream", 1 << 17, NULL, NULL, stream_arrays},         /* 1 MiB each: a power of two */
    {"square", 1 << 17, NULL, NULL, square_arrays},         /* 1 MiB each */
    {"stencil", 512, NULL, NULL, stencil_arrays},           /* 2 MiB grids */
    {"matmul", 128, NULL, NULL, matmul_arrays},             /* 128 KiB matrices */
    {"mandelbrot", 1280, NULL, NULL, mandelbrot_arrays},    /* 2.5 MiB images */
    {"histogram", 1000, "bins", "32768", histogram_arrays}, /* 256 KiB blocks */
};

/* Every model's layout, mpi ranks (first and last of 3) and hybrid included. */
static const struct {
    enum pk_model model;
    int workers, ranks, rank;
} layout_models[] = {
    {PK_SERIAL, 1, 1, 0}, {PK_OPENMP, 2, 1, 0}, {PK_THREADS, 2, 1, 0}, {PK_FORK, 2, 1, 0},
    {PK_MPI, 3, 3, 0},    {PK_MPI, 3, 3, 2},    {PK_HYBRID, 6, 3, 0},
};

START_TEST(test_arena_kernel_arrays_do_not_alias)
{
    const struct layout_case *lc = &layouts[_i];
    const struct pk_kernel *k = pk_kernel_find(lc->kernel);
    ck_assert_ptr_nonnull(k);
    for (size_t m = 0; m < sizeof layout_models / sizeof layout_models[0]; m++) {
        struct pk_case c;
        char err[256], what[96];
        void *at[8];

        pk_case_init(&c, k, layout_models[m].model, layout_models[m].workers, lc->n);
        c.ranks = layout_models[m].ranks;
        c.rank = layout_models[m].rank;
        c.threads_per_rank = c.workers / c.ranks;
        if (lc->param)
            ck_assert_int_eq(pk_case_set_param(&c, lc->param, lc->value, err, sizeof err), 0);
        ck_assert_msg(pk_case_prepare(&c, err, sizeof err) == 0, "%s", err);
        int n = lc->arrays(&c, at);
        snprintf(what, sizeof what, "%s %s rank %d", lc->kernel,
                 pk_model_name(layout_models[m].model), c.rank);
        assert_distinct_mod(at, n, MIB, what);
        assert_distinct_mod(at, n, 4096, what);
        /* bytes() counts what the arena took, padding included */
        ck_assert_uint_le(c.arena.used, k->bytes(&c));
        pk_case_release(&c);
    }
}
END_TEST

/* The bytes of c's arena that are resident: the pages its setup and reset touched. */
static size_t arena_resident(const struct pk_case *c)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE), pages = (c->arena.used + page - 1) / page;
    unsigned char *in = calloc(pages ? pages : 1, 1);
    size_t count = 0;
    ck_assert_ptr_nonnull(in);
    ck_assert_int_eq(mincore(c->arena.base, pages * page, in), 0);
    for (size_t i = 0; i < pages; i++)
        count += in[i] & 1;
    free(in);
    return count * page;
}

/*
 * A kernel's touched() (what pk's memory check counts for each mpi rank) is all of bytes() on
 * rank 0, and on another rank less, yet every page that its setup and reset touch
 * (mincore; the rows that its collectives then receive are the formula's alone). Class W, 4
 * ranks: a rank's block is a quarter of the rows.
 */
START_TEST(test_arena_touched_holds_a_ranks_pages)
{
    int kernels = 0;
    for (int i = 0; i < pk_nkernels; i++) {
        const struct pk_kernel *k = &pk_kernels[i];
        if (!k->touched)
            continue;
        kernels++;
        for (int rank = 0; rank < 4; rank += 3) {
            struct pk_case c;
            char err[256];
            pk_case_init(&c, k, PK_MPI, 4, k->size[PK_CLASS_W]);
            c.ranks = 4;
            c.rank = rank;
            size_t touched = k->touched(&c), bytes = k->bytes(&c);
            if (rank == 0) {
                ck_assert_uint_eq(touched, bytes);
                continue;
            }
            ck_assert_msg(touched < bytes, "%s rank %d: touches %zu of %zu", k->name, rank, touched,
                          bytes);
            ck_assert_msg(pk_case_prepare(&c, err, sizeof err) == 0, "%s", err);
            k->reset(&c);
            /* a partly touched page at each end of each array: 8 arrays at most */
            ck_assert_msg(arena_resident(&c) <= touched + 16 * (size_t)sysconf(_SC_PAGESIZE),
                          "%s rank %d: %zu bytes resident, touched() says %zu", k->name, rank,
                          arena_resident(&c), touched);
            pk_case_release(&c);
        }
    }
    ck_assert_int_gt(kernels, 0);
}
END_TEST

/* The page size a configuration got is in its record; huge pages refused are said. */
START_TEST(test_arena_pages_recorded)
{
    const struct pk_kernel *k = pk_kernel_find("stream");
    struct pk_record rec;
    struct pk_case c;

    pk_case_init(&c, k, PK_SERIAL, 1, 1 << 19); /* 4 MiB per array */
    pk_case_execute(&c, 0, 1, &rec);
    ck_assert_int_eq(rec.status, PK_STATUS_OK);
    ck_assert_str_eq(rec.pages, "4k"); /* normal: MADV_NOHUGEPAGE, whatever THP's setting */
    ck_assert_str_eq(rec.detail, "-");

    pk_case_init(&c, k, PK_SERIAL, 1, 1 << 19);
    c.pages = PK_PAGES_HUGE;
    pk_case_execute(&c, 0, 1, &rec);
    ck_assert_int_eq(rec.status, PK_STATUS_OK);
    /* whether THP had a huge page free is the kernel's business; the field says which */
    ck_assert_msg(strcmp(rec.pages, "4k") == 0 || strncmp(rec.pages, "2m", 2) == 0, "pages %s",
                  rec.pages);
    if (pk_arena_huge_refused(false))
        ck_assert_ptr_nonnull(strstr(rec.detail, "--pages huge refused"));
}
END_TEST

START_TEST(test_arena_fork_says_when_shared_memory_has_no_huge_pages)
{
    const struct pk_kernel *k = pk_kernel_find("stream");
    struct pk_record rec;
    struct pk_case c;

    pk_case_init(&c, k, PK_FORK, 2, 1 << 19);
    c.pages = PK_PAGES_HUGE;
    pk_case_execute(&c, 0, 1, &rec);
    ck_assert_int_eq(rec.status, PK_STATUS_OK);
    if (pk_arena_huge_refused(true)) {
        ck_assert_str_eq(rec.pages, "4k");
        ck_assert_ptr_nonnull(strstr(rec.detail, "--pages huge refused"));
        ck_assert_ptr_nonnull(strstr(rec.detail, "shmem_enabled"));
    } else {
        ck_assert_str_eq(rec.detail, "-");
    }
}
END_TEST

START_TEST(test_arena_huge_share_reads_smaps)
{
    struct pk_arena a;
    char err[128];
    size_t size = (size_t)8 << 20;

    ck_assert_int_eq(pk_arena_map(&a, size, PK_PAGES_NORMAL, false, err, sizeof err), 0);
    ck_assert(pk_arena_huge_share(&a) == 0); /* found, nothing resident */
    memset(pk_arena_alloc(&a, size / 2), 1, size / 2);
    ck_assert(pk_arena_huge_share(&a) == 0); /* resident, all in base pages */
    pk_arena_unmap(&a);
    ck_assert(pk_arena_huge_share(&a) < 0); /* no mapping: unknown */
}
END_TEST

START_TEST(test_arena_pages_words)
{
    enum pk_pages p;
    ck_assert_int_eq(pk_pages_parse("huge", &p), 0);
    ck_assert_int_eq(p, PK_PAGES_HUGE);
    ck_assert_str_eq(pk_pages_name(p), "huge");
    ck_assert_int_eq(pk_pages_parse("normal", &p), 0);
    ck_assert_int_eq(p, PK_PAGES_NORMAL);
    ck_assert_int_eq(pk_pages_parse("giant", &p), -1);
}
END_TEST

Suite *arena_suite(void)
{
    Suite *s = suite_create("arena");
    TCase *tc = tcase_create("layout");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_arena_large_allocations_differ_modulo_every_power);
    tcase_add_test(tc, test_arena_many_arrays_stay_apart);
    tcase_add_loop_test(tc, test_arena_kernel_arrays_do_not_alias, 0,
                        (int)(sizeof layouts / sizeof layouts[0]));
    suite_add_tcase(s, tc);
    tc = tcase_create("pages");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_arena_pages_recorded);
    tcase_add_test(tc, test_arena_touched_holds_a_ranks_pages);
    tcase_add_test(tc, test_arena_fork_says_when_shared_memory_has_no_huge_pages);
    tcase_add_test(tc, test_arena_huge_share_reads_smaps);
    tcase_add_test(tc, test_arena_pages_words);
    suite_add_tcase(s, tc);
    return s;
}
