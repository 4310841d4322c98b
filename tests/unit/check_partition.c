/* partition: every item owned exactly once, in order, blocks within one item of each other. */
#include <check.h>
#include <string.h>

#include "fault.h"
#include "partition.h"

START_TEST(test_partition_covers_range_once)
{
    static const long long sizes[] = {0, 1, 2, 3, 5, 7, 97, 1000, 1000003};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        long long n = sizes[s];
        for (int p = 1; p <= 64; p++) {
            long long next = 0, smallest = n, largest = 0;
            for (int w = 0; w < p; w++) {
                struct pk_range r = pk_partition_block(n, p, w);
                long long len = r.hi - r.lo;
                ck_assert_msg(r.lo == next, "n=%lld p=%d w=%d starts at %lld, not %lld", n, p, w,
                              r.lo, next);
                ck_assert_msg(len >= 0, "n=%lld p=%d w=%d has negative length", n, p, w);
                next = r.hi;
                smallest = len < smallest ? len : smallest;
                largest = len > largest ? len : largest;
            }
            ck_assert_msg(next == n, "n=%lld p=%d covers [0, %lld)", n, p, next);
            ck_assert_msg(largest - smallest <= 1, "n=%lld p=%d blocks differ by %lld", n, p,
                          largest - smallest);
        }
    }
}
END_TEST

/* The bug STYLE.md warns of: ceil(n/p) blocks hand the last worker a negative count. */
START_TEST(test_partition_n5_p4_has_no_negative_block)
{
    long long lens[4];
    for (int w = 0; w < 4; w++) {
        struct pk_range r = pk_partition_block(5, 4, w);
        lens[w] = r.hi - r.lo;
    }
    ck_assert(lens[0] == 2 && lens[1] == 1 && lens[2] == 1 && lens[3] == 1);
}
END_TEST

START_TEST(test_partition_more_workers_than_items)
{
    int nonempty = 0;
    for (int w = 0; w < 7; w++) {
        struct pk_range r = pk_partition_block(3, 7, w);
        nonempty += r.hi > r.lo;
    }
    ck_assert_int_eq(nonempty, 3);
}
END_TEST

START_TEST(test_partition_large_n_does_not_overflow)
{
    long long n = 6074001000LL * 1000;
    struct pk_range last = pk_partition_block(n, 1023, 1022);
    ck_assert(last.hi == n);
    ck_assert(last.lo > 0 && last.lo < n);
}
END_TEST

/* pk_partition_verify: the harness's coverage check accepts a tiling and nothing else. */
START_TEST(test_partition_verify_accepts_only_a_tiling)
{
    char err[256];
    const struct pk_range good[] = {{0, 4}, {4, 7}, {7, 10}};
    const struct pk_range gap[] = {{0, 4}, {5, 7}, {7, 10}};
    const struct pk_range overlap[] = {{0, 4}, {3, 7}, {7, 10}};
    const struct pk_range backwards[] = {{0, 4}, {4, 3}, {3, 10}};
    const struct pk_range shortened[] = {{0, 4}, {4, 7}, {7, 9}};
    const struct pk_range late[] = {{1, 4}, {4, 7}, {7, 10}};

    ck_assert_int_eq(pk_partition_verify(10, 3, good, err, sizeof err), 0);
    ck_assert_int_eq(pk_partition_verify(10, 3, gap, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "worker 1 holds [5, 7) after 4"), "%s", err);
    ck_assert_int_eq(pk_partition_verify(10, 3, overlap, err, sizeof err), -1);
    ck_assert_int_eq(pk_partition_verify(10, 3, backwards, err, sizeof err), -1);
    ck_assert_int_eq(pk_partition_verify(10, 3, late, err, sizeof err), -1);
    ck_assert_int_eq(pk_partition_verify(10, 3, shortened, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "covers 9 of them"), "%s", err);
    ck_assert_int_eq(pk_partition_verify(11, 3, good, err, sizeof err), -1);
    for (int p = 1; p <= 64; p++)
        ck_assert_int_eq(pk_partition_check(1031, p, err, sizeof err), 0);
    /* the drop fault is exactly what it must catch, at any p */
    pk_fault_set(&(struct pk_fault){.kind = PK_FAULT_DROP});
    for (int p = 1; p <= 64; p++)
        ck_assert_int_eq(pk_partition_check(1031, p, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "covers 1030 of them"), "%s", err);
    pk_fault_set(&(struct pk_fault){.kind = PK_FAULT_NONE});
}
END_TEST

Suite *partition_suite(void)
{
    Suite *s = suite_create("partition");
    TCase *tc = tcase_create("block");
    tcase_add_test(tc, test_partition_covers_range_once);
    tcase_add_test(tc, test_partition_n5_p4_has_no_negative_block);
    tcase_add_test(tc, test_partition_more_workers_than_items);
    tcase_add_test(tc, test_partition_large_n_does_not_overflow);
    tcase_add_test(tc, test_partition_verify_accepts_only_a_tiling);
    suite_add_tcase(s, tc);
    return s;
}
