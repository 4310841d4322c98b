/*
 * The unit-test runner: one suite per tests/unit/check_<area>.c (the Makefile lists them in
 * suites.h). Every test runs in its own forked process (CK_FORK), so this main() must never
 * run OpenMP itself: a test forked after it would hang in libgomp.
 * Select with CK_RUN_SUITE=kernels CK_RUN_CASE=fork; CK_VERBOSITY=verbose lists every test.
 */
#include <check.h>
#include <stdlib.h>

#define PK_SUITE(area) Suite *area##_suite(void);
#include "suites.h"
#undef PK_SUITE

int main(void)
{
    SRunner *runner = srunner_create(NULL);
    int failed;

#define PK_SUITE(area) srunner_add_suite(runner, area##_suite());
#include "suites.h"
#undef PK_SUITE
    srunner_run_all(runner, CK_ENV);
    failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
