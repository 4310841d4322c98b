/*
 * The questions a kernel asks of its case instead of naming the model (pk_kernel.h):
 * pk_case_local_range, pk_case_local_workers, pk_case_distributed, pk_case_process_shared and
 * pk_case_pool_workers, for every model, with the values each must give: serial, openmp,
 * threads and fork at p = 4 in one process, mpi rank 1 of 3, hybrid 2 ranks x 2 threads.
 */
#include <check.h>

#include "helpers.h"

#define N 1000 /* blocks of 3 ranks: [0, 334) [334, 667) [667, 1000) */

/* A case of model m at p workers, as the runner makes it: rank of ranks, t threads a rank. */
static struct pk_case make(enum pk_model m, int p, int rank, int ranks, int t)
{
    struct pk_case c;
    pk_case_init(&c, pk_kernel_find("stream"), m, p, N);
    c.rank = rank;
    c.ranks = ranks;
    c.threads_per_rank = t;
    return c;
}

static void expect(const struct pk_case *c, long long lo, long long hi, int local, bool dist,
                   bool shared, int pool)
{
    const char *m = pk_model_name(c->model);
    struct pk_range r = pk_case_local_range(c);

    ck_assert_msg(r.lo == lo && r.hi == hi,
                  "%s rank %d of %d: local range [%lld, %lld), not "
                  "[%lld, %lld)",
                  m, c->rank, c->ranks, r.lo, r.hi, lo, hi);
    ck_assert_msg(pk_case_local_workers(c) == local, "%s: %d local workers, not %d", m,
                  pk_case_local_workers(c), local);
    ck_assert_msg(pk_case_distributed(c) == dist, "%s: distributed %d", m, !dist);
    ck_assert_msg(pk_case_process_shared(c) == shared, "%s: process-shared %d", m, !shared);
    ck_assert_msg(pk_case_pool_workers(c) == pool, "%s: %d pool workers, not %d", m,
                  pk_case_pool_workers(c), pool);
}

START_TEST(test_case_in_process_models)
{
    struct pk_case serial = make(PK_SERIAL, 1, 0, 1, 1);
    struct pk_case openmp = make(PK_OPENMP, 4, 0, 1, 1);
    struct pk_case threads = make(PK_THREADS, 4, 0, 1, 1);
    struct pk_case fork = make(PK_FORK, 4, 0, 1, 1);

    /* range, local workers, distributed, process-shared, pool workers */
    expect(&serial, 0, N, 1, false, false, 0);
    expect(&openmp, 0, N, 4, false, false, 0); /* a team, but not the harness's pool */
    expect(&threads, 0, N, 4, false, false, 4);
    expect(&fork, 0, N, 4, false, true, 4);
}
END_TEST

START_TEST(test_case_mpi_rank_1_of_3)
{
    struct pk_case c = make(PK_MPI, 3, 1, 3, 1);
    expect(&c, 334, 667, 1, true, false, 0); /* the rank is its only worker */
    c.rank = 0;
    expect(&c, 0, 334, 1, true, false, 0);
    c.rank = 2;
    expect(&c, 667, N, 1, true, false, 0);
}
END_TEST

START_TEST(test_case_hybrid_2_ranks_of_2_threads)
{
    struct pk_case c = make(PK_HYBRID, 4, 0, 2, 2);
    expect(&c, 0, 500, 2, true, false, 0); /* its OpenMP team of 2, not p = 4 */
    c.rank = 1;
    expect(&c, 500, N, 2, true, false, 0);
}
END_TEST

/* The serial model is one loop whatever p says: one worker, so histogram never races there. */
START_TEST(test_case_serial_is_one_worker)
{
    struct pk_case c = make(PK_SERIAL, 7, 0, 1, 1);
    ck_assert_int_eq(pk_case_local_workers(&c), 1);
}
END_TEST

/* Every model has facts: one process holds all of p, one, or its team; pk_model_* agrees. */
START_TEST(test_case_every_model_has_facts)
{
    for (int m = 0; m < PK_NMODEL; m++) {
        const struct pk_model_facts *f = pk_model_facts((enum pk_model)m);
        ck_assert(f->local == PK_LOCAL_ALL || f->local == PK_LOCAL_ONE ||
                  f->local == PK_LOCAL_TEAM);
        ck_assert(f->distributed == pk_model_is_distributed((enum pk_model)m));
        ck_assert_msg(!(f->distributed && (f->thread_pool || f->process_workers)),
                      "%s: a distributed model has no in-process pool",
                      pk_model_name((enum pk_model)m));
    }
    ck_assert(pk_model_is_distributed(PK_MPI) && pk_model_is_distributed(PK_HYBRID));
    ck_assert(!pk_model_is_distributed(PK_FORK) && !pk_model_is_distributed(PK_SERIAL));
}
END_TEST

Suite *case_suite(void)
{
    Suite *s = suite_create("case");
    TCase *tc = tcase_create("questions");
    tcase_add_test(tc, test_case_in_process_models);
    tcase_add_test(tc, test_case_mpi_rank_1_of_3);
    tcase_add_test(tc, test_case_hybrid_2_ranks_of_2_threads);
    tcase_add_test(tc, test_case_serial_is_one_worker);
    tcase_add_test(tc, test_case_every_model_has_facts);
    suite_add_tcase(s, tc);
    return s;
}
