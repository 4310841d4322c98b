/*
 * spawn: a run fills exactly p slots, verify catches every kind of wrong record, a reset
 * without a run fails, the fork model leaves no child and no descriptor behind, and the
 * result text is the same for every model and p.
 */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "helpers.h"
#include "spawn/kernel.h"

static const struct pk_kernel *spawn(void)
{
    return pk_kernel_find("spawn");
}

/* Prepares (spawn, model, p, n) in this process, with no pool: spawn's runs need none. */
static void prepare(struct pk_case *c, enum pk_model model, int p, long long n)
{
    char err[256];
    pk_case_init(c, spawn(), model, p, n);
    ck_assert_msg(pk_case_prepare(c, err, sizeof err) == 0, "prepare: %s", err);
    c->kernel->reset(c);
}

/* Runs one rep of c's model and checks that it returned 0. */
static void run_once(struct pk_case *c)
{
    int rc = c->kernel->run[c->model](c, c->workers);
    ck_assert_msg(rc == 0, "%s run: %d (%s)", pk_model_name(c->model), rc, c->error);
}

static enum pk_status verdict(const struct pk_case *c, struct pk_verdict *v)
{
    c->kernel->verify(c, v);
    return v->status;
}

START_TEST(test_spawn_run_fills_p_slots_and_no_more)
{
    enum pk_model m = (enum pk_model)_i;
    int p = m == PK_SERIAL ? 1 : 3;
    long long n = 25;
    struct pk_case c;
    struct spawn_data *d;

    prepare(&c, m, p, n);
    d = c.data;
    run_once(&c);
    for (int w = 0; w < p; w++) {
        ck_assert_int_eq(d->slot[w].runs, n);
        ck_assert_int_eq(d->slot[w].sum, n * (n - 1) / 2);
        ck_assert_int_eq(d->slot[w].d, w + 1);
    }
    ck_assert_int_eq(d->slot[p].runs, 0);
    ck_assert_int_eq(d->slot[p].sum, 0);
    ck_assert_int_eq(d->slot[p].d, 0);
    pk_case_release(&c);
}
END_TEST

START_TEST(test_spawn_verify_catches_wrong_records)
{
    struct pk_case c;
    struct pk_verdict v;
    struct spawn_data *d;
    struct spawn_slot saved;

    prepare(&c, PK_THREADS, 3, 20);
    d = c.data;
    run_once(&c);
    ck_assert_int_eq(verdict(&c, &v), PK_STATUS_OK);
    ck_assert_str_eq(v.result, "rounds=20 each-worker-once");

    saved = d->slot[1];
    d->slot[1].runs = 19; /* one round where worker 1 never ran */
    ck_assert_int_eq(verdict(&c, &v), PK_STATUS_FAILED);
    ck_assert_msg(strstr(v.detail, "worker 1") != NULL, "detail '%s'", v.detail);
    ck_assert_str_eq(v.result, "-");
    d->slot[1] = saved;

    saved = d->slot[2];
    d->slot[2].d = 2; /* worker 2 given worker 1's d */
    ck_assert_int_eq(verdict(&c, &v), PK_STATUS_FAILED);
    d->slot[2] = saved;

    saved = d->slot[0];
    d->slot[0].sum += 1; /* one a off by one */
    ck_assert_int_eq(verdict(&c, &v), PK_STATUS_FAILED);
    d->slot[0] = saved;

    d->slot[3].runs = 1; /* a fourth worker at p = 3 */
    ck_assert_int_eq(verdict(&c, &v), PK_STATUS_FAILED);
    ck_assert_msg(strstr(v.detail, "slot 3") != NULL, "detail '%s'", v.detail);
    d->slot[3].runs = 0;

    ck_assert_int_eq(verdict(&c, &v), PK_STATUS_OK);
    pk_case_release(&c);
}
END_TEST

/*
 * A worker that ran one round three times and the two others never made n runs whose rounds sum
 * to n(n-1)/2, with the right d: only the runs out of turn show it.
 */
START_TEST(test_spawn_verify_catches_a_round_run_twice_and_one_never)
{
    struct pk_case c;
    struct pk_verdict v;
    struct spawn_data *d;

    prepare(&c, PK_SERIAL, 1, 3);
    d = c.data;
    for (int k = 0; k < 3; k++)
        spawn_job(d->slot, 0, 1, 1); /* rounds 1, 1, 1 instead of 0, 1, 2 */
    ck_assert_int_eq(d->slot[0].runs, 3);
    ck_assert_int_eq(d->slot[0].sum, 3);
    ck_assert_int_eq(verdict(&c, &v), PK_STATUS_FAILED);
    ck_assert_msg(strstr(v.detail, "out of turn") != NULL, "detail '%s'", v.detail);
    c.kernel->reset(&c);
    for (int k = 0; k < 3; k++)
        spawn_job(d->slot, 0, k, 1);
    ck_assert_int_eq(verdict(&c, &v), PK_STATUS_OK);
    pk_case_release(&c);
}
END_TEST

/* A rep whose arguments are swapped (job(d, a)) must fail, even when n is small. */
START_TEST(test_spawn_verify_catches_swapped_arguments)
{
    struct pk_case c;
    struct pk_verdict v;
    struct spawn_data *d;

    prepare(&c, PK_SERIAL, 1, 3);
    d = c.data;
    for (long long a = 0; a < c.n; a++)
        spawn_job(d->slot, 0, 0 + 1, a);
    ck_assert_int_eq(verdict(&c, &v), PK_STATUS_FAILED);
    pk_case_release(&c);
}
END_TEST

START_TEST(test_spawn_reset_then_verify_fails)
{
    struct pk_case c;
    struct pk_verdict v;

    prepare(&c, PK_FORK, 2, 10);
    ck_assert_int_eq(verdict(&c, &v), PK_STATUS_FAILED); /* nobody created: runs 0 */
    run_once(&c);
    ck_assert_int_eq(verdict(&c, &v), PK_STATUS_OK);
    c.kernel->reset(&c);
    ck_assert_int_eq(verdict(&c, &v), PK_STATUS_FAILED);
    pk_case_release(&c);
}
END_TEST

static int count_fds(void)
{
    DIR *dir = opendir("/proc/self/fd");
    int n = 0;
    ck_assert_msg(dir != NULL, "opendir /proc/self/fd: %s", strerror(errno));
    while (readdir(dir))
        n++;
    closedir(dir);
    return n;
}

static void assert_no_child_left(void)
{
    errno = 0;
    ck_assert_int_eq(waitpid(-1, NULL, WNOHANG), -1);
    ck_assert_int_eq(errno, ECHILD);
}

START_TEST(test_spawn_fork_leaves_no_child_nor_descriptor)
{
    int before = count_fds();
    struct pk_case c;
    struct pk_verdict v;

    prepare(&c, PK_FORK, 3, 50);
    run_once(&c);
    assert_no_child_left();
    ck_assert_int_eq(verdict(&c, &v), PK_STATUS_OK);
    pk_case_release(&c);
    ck_assert_int_eq(count_fds(), before);
}
END_TEST

/* The same through pk's loop, with the fork pool alive beside the spawned children. */
START_TEST(test_spawn_fork_beside_the_pool_leaves_nothing)
{
    int before = count_fds();
    struct pk_record rec;

    test_run_case(spawn(), PK_FORK, 2, 30, -1, 0, 3, &rec);
    ck_assert_msg(rec.status == PK_STATUS_OK, "fork: %s", rec.detail);
    assert_no_child_left();
    ck_assert_int_eq(count_fds(), before);
}
END_TEST

/* This process's mapped bytes (VmSize), from /proc/self/status. */
static unsigned long long mapped_bytes(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    unsigned long long kib = 0;
    ck_assert_msg(f != NULL, "open /proc/self/status: %s", strerror(errno));
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmSize: %llu kB", &kib) == 1) /* NOLINT(cert-err34-c): the kernel's */
            break;
    fclose(f);
    ck_assert_msg(kib > 0, "no VmSize in /proc/self/status");
    return kib * 1024;
}

/*
 * With address space for two default thread stacks but not three, pthread_create fails in the
 * first round: the run joins the two it made and returns negative with the reason.
 */
START_TEST(test_spawn_threads_report_a_failed_create)
{
    struct pk_case c;
    struct rlimit limit;
    pthread_attr_t attr;
    size_t stack;
    int rc;

    prepare(&c, PK_THREADS, 3, 5);
    ck_assert_int_eq(getrlimit(RLIMIT_AS, &limit), 0);
    ck_assert_int_eq(pthread_getattr_default_np(&attr), 0);
    ck_assert_int_eq(pthread_attr_getstacksize(&attr, &stack), 0);
    pthread_attr_destroy(&attr);
    limit.rlim_cur = mapped_bytes() + 2 * stack + stack / 2;
    ck_assert_int_eq(setrlimit(RLIMIT_AS, &limit), 0);
    rc = c.kernel->run[PK_THREADS](&c, 3);
    ck_assert_int_lt(rc, 0);
    ck_assert_msg(strstr(c.error, "pthread_create of worker 2 of 3 in round 0") != NULL,
                  "error '%s'", c.error);
    pk_case_release(&c);
}
END_TEST

START_TEST(test_spawn_result_is_the_same_for_every_model_and_p)
{
    enum pk_model m = (enum pk_model)_i;
    for (int p = 1; p <= (m == PK_SERIAL ? 1 : 4); p++) {
        struct pk_record rec;
        test_run_case(spawn(), m, p, 97, -1, 0, 2, &rec);
        ck_assert_msg(rec.status == PK_STATUS_OK, "%s p=%d: %s", pk_model_name(m), p, rec.detail);
        ck_assert_str_eq(rec.result, "rounds=97 each-worker-once");
        ck_assert_str_eq(rec.unit, "us/round");
    }
}
END_TEST

START_TEST(test_spawn_rate_is_microseconds_per_round)
{
    struct pk_case c;
    pk_case_init(&c, spawn(), PK_FORK, 2, 1000);
    ck_assert_double_eq_tol(spawn_rate(&c, 0.25), 250.0, 1e-9);
    ck_assert_str_eq(spawn()->unit, "us/round");
}
END_TEST

START_TEST(test_spawn_arena_grows_with_workers)
{
    struct pk_case c1, c8;
    pk_case_init(&c1, spawn(), PK_THREADS, 1, 10);
    pk_case_init(&c8, spawn(), PK_THREADS, 8, 10);
    ck_assert_uint_ge(spawn_bytes(&c1), 2 * sizeof(struct spawn_slot));
    ck_assert_uint_ge(spawn_bytes(&c8) - spawn_bytes(&c1), 7 * sizeof(struct spawn_slot));
}
END_TEST

Suite *spawn_suite(void)
{
    Suite *s = suite_create("spawn");
    TCase *tc = tcase_create("records");
    tcase_add_loop_test(tc, test_spawn_run_fills_p_slots_and_no_more, PK_SERIAL, PK_MPI);
    tcase_add_test(tc, test_spawn_verify_catches_wrong_records);
    tcase_add_test(tc, test_spawn_verify_catches_swapped_arguments);
    tcase_add_test(tc, test_spawn_verify_catches_a_round_run_twice_and_one_never);
    tcase_add_test(tc, test_spawn_reset_then_verify_fails);
    tcase_add_test(tc, test_spawn_fork_leaves_no_child_nor_descriptor);
    tcase_add_test(tc, test_spawn_fork_beside_the_pool_leaves_nothing);
    tcase_add_test(tc, test_spawn_threads_report_a_failed_create);
    tcase_add_loop_test(tc, test_spawn_result_is_the_same_for_every_model_and_p, PK_SERIAL, PK_MPI);
    tcase_add_test(tc, test_spawn_rate_is_microseconds_per_round);
    tcase_add_test(tc, test_spawn_arena_grows_with_workers);
    suite_add_tcase(s, tc);
    return s;
}
