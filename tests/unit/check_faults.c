/*
 * Deliberately wrong runs must be caught. With the test-only "drop" fault, the partition hands
 * the last worker one item too few: every partitioned model (threads, fork) of every kernel
 * must then FAIL, exact and floating-point kernels alike, and by the kernel's own check where
 * every item reaches its result (all but spawn, which has no partition: there the harness's
 * coverage check does). The harness's coverage check itself (pk_verdict_cover) is tested here.
 */
#include <check.h>
#include <string.h>

#include "fault.h"
#include "helpers.h"

/* Kernels whose every item reaches the result (montecarlo: its darts are counted too). */
static const char *const droppable[] = {"histogram", "matmul", "mandelbrot", "montecarlo", "pi",
                                        "polysum",   "square", "stencil",    "stream"};
#define NDROPPABLE (int)(sizeof droppable / sizeof droppable[0])

START_TEST(test_dropped_item_fails_the_check)
{
    const struct pk_kernel *k = pk_kernel_find(droppable[_i / 2]);
    enum pk_model m = _i % 2 ? PK_FORK : PK_THREADS;
    struct pk_record rec;

    if (!k)
        return; /* not in this build's registry */
    /* a dynamic schedule takes chunks from a shared counter, not the partition: use static */
    int schedule = pk_kernel_param_index(k, "schedule");
    pk_fault_set(&(struct pk_fault){.kind = PK_FAULT_DROP});
    test_run_case(k, m, 3, k->size[PK_CLASS_S], schedule, 0, 1, &rec);
    ck_assert_msg(rec.status == PK_STATUS_FAILED, "%s %s with a dropped item: %s (%s)", k->name,
                  pk_model_name(m), pk_status_name(rec.status), rec.detail);
    /* the kernel's own check saw it: its finding wins over the harness's partition check */
    ck_assert_msg(!strstr(rec.detail, "partition of"), "%s %s: only the harness saw it: %s",
                  k->name, pk_model_name(m), rec.detail);
    pk_fault_set(&(struct pk_fault){.kind = PK_FAULT_NONE});
    test_run_case(k, m, 3, k->size[PK_CLASS_S], schedule, 0, 1, &rec);
    ck_assert_msg(rec.status == PK_STATUS_OK, "%s %s without the fault: %s", k->name,
                  pk_model_name(m), rec.detail);
}
END_TEST

/* spawn has no partition to drop from: the harness's check of the partition still fails it */
START_TEST(test_dropped_item_without_kernel_check_fails_by_the_harness)
{
    struct pk_record rec;
    pk_fault_set(&(struct pk_fault){.kind = PK_FAULT_DROP});
    test_run_case(pk_kernel_find("spawn"), PK_THREADS, 3, 10, -1, 0, 1, &rec);
    ck_assert_int_eq(rec.status, PK_STATUS_FAILED);
    ck_assert_msg(strstr(rec.detail, "covers 9 of them"), "%s", rec.detail);
    pk_fault_set(&(struct pk_fault){.kind = PK_FAULT_NONE});
}
END_TEST

/* pk_verdict_cover: an ok verdict must cover all n items and come from a tiling partition. */
START_TEST(test_verdict_cover_fails_what_the_check_did_not_see)
{
    struct pk_case c;
    struct pk_verdict v = PK_VERDICT_INIT;
    pk_case_init(&c, pk_kernel_find("stream"), PK_MPI, 3, 1031);

    ck_assert_int_eq(v.covered, -1); /* a check that says nothing covered nothing */
    v.status = PK_STATUS_OK;
    pk_verdict_cover(&c, &v, "");
    ck_assert_int_eq(v.status, PK_STATUS_FAILED);
    ck_assert_msg(strstr(v.detail, "did not say"), "%s", v.detail);
    v = (struct pk_verdict){PK_STATUS_OK, "542286", "-", 1030};
    pk_verdict_cover(&c, &v, "");
    ck_assert_int_eq(v.status, PK_STATUS_FAILED);
    ck_assert_str_eq(v.detail, "the check covered 1030 of 1031 items");
    v = (struct pk_verdict){PK_STATUS_OK, "542301", "-", 1031};
    pk_verdict_cover(&c, &v, "the partition is wrong");
    ck_assert_int_eq(v.status, PK_STATUS_FAILED);
    ck_assert_str_eq(v.detail, "the partition is wrong");
    v = (struct pk_verdict){PK_STATUS_OK, "542301", "-", 1031};
    pk_verdict_cover(&c, &v, "");
    ck_assert_int_eq(v.status, PK_STATUS_OK);
    v = (struct pk_verdict){PK_STATUS_FAILED, "-", "a[3] is wrong", 1030};
    pk_verdict_cover(&c, &v, "the partition is wrong"); /* the kernel's finding stays */
    ck_assert_str_eq(v.detail, "a[3] is wrong");
    v = (struct pk_verdict){PK_STATUS_RACE, "x", "lost 3 updates", 0};
    pk_verdict_cover(&c, &v, ""); /* a race is reported as a race */
    ck_assert_int_eq(v.status, PK_STATUS_RACE);
    /* the in-process partition check: serial has none; the others tile [0, n) unless dropped */
    char err[256] = "";
    c.model = PK_THREADS;
    ck_assert_int_eq(pk_case_partition(&c, err, sizeof err), 0);
    pk_fault_set(&(struct pk_fault){.kind = PK_FAULT_DROP});
    ck_assert_int_eq(pk_case_partition(&c, err, sizeof err), -1);
    c.model = PK_SERIAL;
    ck_assert_int_eq(pk_case_partition(&c, err, sizeof err), 0);
    pk_fault_set(&(struct pk_fault){.kind = PK_FAULT_NONE});
}
END_TEST

START_TEST(test_fork_worker_crash_is_an_error_naming_the_worker)
{
    struct pk_record rec;
    /* the pool's tasks: 1 places the workers, 2 is the first rep, 3 the second */
    pk_fault_set(&(struct pk_fault){PK_FAULT_CRASH, "", "", 1, 3});
    test_run_case(pk_kernel_find("polysum"), PK_FORK, 3, 1000, -1, 0, 3, &rec);
    ck_assert_int_eq(rec.status, PK_STATUS_ERROR);
    ck_assert_msg(strstr(rec.detail, "worker 1") && strstr(rec.detail, "signal 11"), "%s",
                  rec.detail);
    ck_assert_int_eq(rec.reps, 1); /* the first rep was measured before the crash */
}
END_TEST

Suite *faults_suite(void)
{
    Suite *s = suite_create("faults");
    TCase *tc = tcase_create("injected");
    tcase_add_loop_test(tc, test_dropped_item_fails_the_check, 0, 2 * NDROPPABLE);
    tcase_add_test(tc, test_dropped_item_without_kernel_check_fails_by_the_harness);
    tcase_add_test(tc, test_verdict_cover_fails_what_the_check_did_not_see);
    tcase_add_test(tc, test_fork_worker_crash_is_an_error_naming_the_worker);
    suite_add_tcase(s, tc);
    return s;
}
