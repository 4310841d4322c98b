/*
 * team: the OpenMP team check refuses what would shrink a team, naming the cause, and passes
 * the team the runtime really gives. Each test runs in its own forked child (CK_FORK), so the
 * OpenMP state set here (through the API: the runtime reads the variables once, at start)
 * never reaches another test. This file is not built with -fopenmp: it calls, never opens.
 */
#include <check.h>
#include <omp.h>
#include <string.h>

#include "team.h"

START_TEST(test_team_full_team_passes)
{
    char err[256] = "";
    for (int p = 1; p <= 4; p++)
        ck_assert_msg(pk_team_check(p, err, sizeof err) == 0, "p=%d: %s", p, err);
}
END_TEST

START_TEST(test_team_dynamic_adjustment_is_refused)
{
    char err[256] = "";
    omp_set_dynamic(1);
    ck_assert_int_eq(pk_team_check(2, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "OMP_DYNAMIC"), "%s", err);
    ck_assert_int_eq(pk_team_check(1, err, sizeof err), 0); /* one thread cannot shrink */
}
END_TEST

START_TEST(test_team_no_active_level_is_refused)
{
    char err[256] = "";
    omp_set_max_active_levels(0);
    ck_assert_int_eq(pk_team_check(3, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "OMP_MAX_ACTIVE_LEVELS"), "%s", err);
}
END_TEST

Suite *team_suite(void)
{
    Suite *s = suite_create("team");
    TCase *tc = tcase_create("openmp");
    tcase_add_test(tc, test_team_full_team_passes);
    tcase_add_test(tc, test_team_dynamic_adjustment_is_refused);
    tcase_add_test(tc, test_team_no_active_level_is_refused);
    suite_add_tcase(s, tc);
    return s;
}
