/*
 * forkpool and threadpool: results arrive per worker in order; a dead worker is named and the
 * rest are reaped; and a stopped pool leaves no child, no descriptor and no mapping behind.
 */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arena.h"
#include "forkpool.h"
#include "threadpool.h"

static int count_fds(void)
{
    int n = 0;
    DIR *d = opendir("/proc/self/fd");
    ck_assert(d != NULL);
    for (struct dirent *e; (e = readdir(d));)
        n += e->d_name[0] != '.';
    closedir(d);
    return n - 1; /* the directory's own descriptor */
}

static int count_maps(void)
{
    FILE *f = fopen("/proc/self/maps", "r");
    int n = 0, ch;
    ck_assert(f != NULL);
    while ((ch = fgetc(f)) != EOF)
        n += ch == '\n';
    fclose(f);
    return n;
}

static bool has_children(void)
{
    return !(waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD);
}

static int square_worker(void *arg, int w, int p, void *out)
{
    long long base = *(long long *)arg, v = base + (long long)w * w + p * 1000LL;
    memcpy(out, &v, sizeof v);
    return 0;
}

START_TEST(test_forkpool_results_in_worker_order)
{
    struct pk_forkpool *pool;
    long long base = 7, results[7];
    char err[256];
    ck_assert_int_eq(pk_forkpool_start(&pool, 7, err, sizeof err), 0);
    for (int rep = 0; rep < 3; rep++) {
        memset(results, 0, sizeof results);
        ck_assert_int_eq(pk_forkpool_run(pool, square_worker, &base, results, sizeof results[0],
                                         err, sizeof err),
                         0);
        for (int w = 0; w < 7; w++)
            ck_assert(results[w] == 7 + w * w + 7000);
    }
    ck_assert_int_eq(pk_forkpool_stop(pool, err, sizeof err), 0);
}
END_TEST

static int shared_worker(void *arg, int w, int p, void *out)
{
    long long *slots = arg;
    (void)out;
    slots[w] = 100 + w + p;
    return 0;
}

START_TEST(test_forkpool_writes_reach_the_arena)
{
    struct pk_arena a;
    struct pk_forkpool *pool;
    char err[256];
    ck_assert_int_eq(pk_arena_map(&a, 4096, PK_PAGES_NORMAL, true, err, sizeof err), 0);
    long long *slots = pk_arena_alloc(&a, 4 * sizeof *slots);
    ck_assert_int_eq(pk_forkpool_start(&pool, 4, err, sizeof err), 0);
    ck_assert_int_eq(pk_forkpool_run(pool, shared_worker, slots, NULL, 0, err, sizeof err), 0);
    for (int w = 0; w < 4; w++)
        ck_assert(slots[w] == 104 + w);
    ck_assert_int_eq(pk_forkpool_stop(pool, err, sizeof err), 0);
    pk_arena_unmap(&a);
}
END_TEST

START_TEST(test_forkpool_leaves_nothing_behind)
{
    int fds = count_fds(), maps = count_maps();
    char err[256];
    long long base = 0, results[5];
    for (int round = 0; round < 3; round++) {
        struct pk_forkpool *pool;
        ck_assert_int_eq(pk_forkpool_start(&pool, 5, err, sizeof err), 0);
        ck_assert_int_eq(pk_forkpool_run(pool, square_worker, &base, results, sizeof results[0],
                                         err, sizeof err),
                         0);
        ck_assert_int_eq(pk_forkpool_stop(pool, err, sizeof err), 0);
    }
    ck_assert_msg(!has_children(), "a worker is left: zombie or running");
    ck_assert_int_eq(count_fds(), fds);
    ck_assert_int_eq(count_maps(), maps);
}
END_TEST

static int crashing_worker(void *arg, int w, int p, void *out)
{
    (void)arg, (void)p, (void)out;
    if (w == 2)
        raise(SIGSEGV);
    else
        pause(); /* the others would wait forever, as at a barrier their peer never reaches */
    return 0;
}

START_TEST(test_forkpool_names_dead_worker_and_reaps_rest)
{
    struct pk_forkpool *pool;
    char err[256] = "";
    int fds = count_fds();
    ck_assert_int_eq(pk_forkpool_start(&pool, 4, err, sizeof err), 0);
    ck_assert_int_eq(pk_forkpool_run(pool, crashing_worker, NULL, NULL, 0, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "worker 2") && strstr(err, "signal 11"), "reason: %s", err);
    ck_assert_msg(!has_children(), "workers left after a crash");
    ck_assert_int_eq(pk_forkpool_run(pool, square_worker, NULL, NULL, 0, err, sizeof err), -1);
    pk_forkpool_stop(pool, err, sizeof err);
    ck_assert_int_eq(count_fds(), fds);
}
END_TEST

static int failing_worker(void *arg, int w, int p, void *out)
{
    (void)arg, (void)p, (void)out;
    return w == 1 ? -7 : 0;
}

START_TEST(test_forkpool_reports_failed_task)
{
    struct pk_forkpool *pool;
    char err[256] = "";
    ck_assert_int_eq(pk_forkpool_start(&pool, 3, err, sizeof err), 0);
    ck_assert_int_eq(pk_forkpool_run(pool, failing_worker, NULL, NULL, 0, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "worker 1"), "reason: %s", err);
    ck_assert_int_eq(pk_forkpool_stop(pool, err, sizeof err), 0);
    ck_assert(!has_children());
}
END_TEST

static int thread_worker(void *arg, int w, int p)
{
    int *slots = arg;
    slots[w] += w + p;
    return w == 3 ? 9 : 0;
}

START_TEST(test_threadpool_runs_every_worker_each_time)
{
    struct pk_threadpool *pool;
    int slots[5] = {0};
    char err[128];
    ck_assert_int_eq(pk_threadpool_start(&pool, 5, err, sizeof err), 0);
    for (int rep = 0; rep < 100; rep++)
        ck_assert_int_eq(pk_threadpool_run(pool, thread_worker, slots), 9);
    for (int w = 0; w < 5; w++)
        ck_assert_int_eq(slots[w], 100LL * (w + 5));
    pk_threadpool_stop(pool);
}
END_TEST

Suite *forkpool_suite(void)
{
    Suite *s = suite_create("forkpool");
    TCase *tc = tcase_create("pool");
    tcase_add_test(tc, test_forkpool_results_in_worker_order);
    tcase_add_test(tc, test_forkpool_writes_reach_the_arena);
    tcase_add_test(tc, test_forkpool_leaves_nothing_behind);
    tcase_add_test(tc, test_forkpool_names_dead_worker_and_reaps_rest);
    tcase_add_test(tc, test_forkpool_reports_failed_task);
    tcase_add_test(tc, test_threadpool_runs_every_worker_each_time);
    suite_add_tcase(s, tc);
    return s;
}
