/*
 * Deliberately wrong runs must be caught. With the test-only "drop" fault, the partition hands
 * the last worker one item too few: every partitioned model (threads, fork) of every kernel
 * listed below must then FAIL its check, exact and floating-point kernels alike.
 */
#include <check.h>
#include <string.h>

#include "fault.h"
#include "helpers.h"

/* Kernels whose every item reaches the result (montecarlo may drop a miss; spawn has none). */
static const char *const droppable[] = {"histogram", "matmul", "mandelbrot", "pi",
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
    pk_fault.kind = PK_FAULT_DROP;
    test_run_case(k, m, 3, k->size[PK_CLASS_S], schedule, 0, 1, &rec);
    ck_assert_msg(rec.status == PK_STATUS_FAILED, "%s %s with a dropped item: %s (%s)", k->name,
                  pk_model_name(m), pk_status_name(rec.status), rec.detail);
    pk_fault.kind = PK_FAULT_NONE;
    test_run_case(k, m, 3, k->size[PK_CLASS_S], schedule, 0, 1, &rec);
    ck_assert_msg(rec.status == PK_STATUS_OK, "%s %s without the fault: %s", k->name,
                  pk_model_name(m), rec.detail);
}
END_TEST

START_TEST(test_fork_worker_crash_is_an_error_naming_the_worker)
{
    struct pk_record rec;
    /* the pool's tasks: 1 places the workers, 2 is the first rep, 3 the second */
    pk_fault = (struct pk_fault){PK_FAULT_CRASH, "", "", 1, 3};
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
    tcase_add_test(tc, test_fork_worker_crash_is_an_error_naming_the_worker);
    suite_add_tcase(s, tc);
    return s;
}
