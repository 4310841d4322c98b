/* report: the summary sentence under each table, asked of the models' facts, not their names. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

static void result(struct pk_result *r, const char *kernel, const char *model, int p, double t,
                   double rate)
{
    memset(r, 0, sizeof *r);
    pk_record_init(&r->rec);
    snprintf(r->rec.kernel, sizeof r->rec.kernel, "%s", kernel);
    snprintf(r->rec.model, sizeof r->rec.model, "%s", model);
    r->rec.workers = p;
    r->rec.threads = 1;
    r->rec.n = 10;
    r->rec.seed = 1;
    r->rec.status = PK_STATUS_OK;
    r->rec.reps = 10;
    for (int k = 0; k < 10; k++)
        r->rec.times[k] = t * (1 + 0.001 * k);
    r->rec.rate = rate;
    strcpy(r->rec.result, "1");
    strcpy(r->run, "r");
    r->startup_s = NAN;
    r->kernel = pk_kernel_find(kernel);
    ck_assert(r->kernel);
}

/* The summary of all[0..n) as one string (static: one call at a time). */
static const char *summary(const struct pk_result *all, int n)
{
    static char text[1024];
    FILE *f = fmemopen(text, sizeof text, "w");
    ck_assert(f);
    pk_report_summary(f, all, n, 0, n);
    fclose(f);
    return text;
}

/* spawn creates its workers: each model but the baseline its cost at its largest p, a
 * distributed one its launcher's start-up */
START_TEST(test_report_summary_of_creation)
{
    struct pk_result r[5];
    result(&r[0], "spawn", "serial", 1, 0.001, 1);
    result(&r[1], "spawn", "openmp", 2, 0.001, 10);
    result(&r[2], "spawn", "threads", 1, 0.001, 15);
    result(&r[3], "spawn", "threads", 2, 0.001, 20);
    result(&r[4], "spawn", "mpi", 2, 0.001, 30);
    r[4].startup_s = 0.5;
    ck_assert_str_eq(summary(r, 5), "  Summary: creating and joining workers costs openmp 10 "
                                    "us/round at p=2; threads 20 us/round at p=2; mpi at p=2: its "
                                    "launcher, 500ms once.\n");
}
END_TEST

/* the baseline is the base of the speedup, never the "fastest" configuration */
START_TEST(test_report_summary_never_names_the_baseline)
{
    struct pk_result r[3];
    result(&r[0], "polysum", "serial", 1, 0.001, NAN);
    result(&r[1], "polysum", "threads", 2, 0.004, NAN);
    result(&r[2], "polysum", "fork", 2, 0.0005, NAN);
    const char *s = summary(r, 3);
    ck_assert_msg(strstr(s, "Summary: fork at p=2 was fastest, 2.00x serial"), "%s", s);
    result(&r[2], "polysum", "fork", 2, 0.002, NAN);
    s = summary(r, 3);
    ck_assert_msg(strstr(s, "no parallel configuration was significantly faster than serial; "
                            "the best, fork at p=2"),
                  "%s", s);
}
END_TEST

Suite *report_suite(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("summary");
    tcase_add_test(tc, test_report_summary_of_creation);
    tcase_add_test(tc, test_report_summary_never_names_the_baseline);
    suite_add_tcase(s, tc);
    return s;
}
