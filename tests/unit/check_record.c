/* record: the result line round-trips, and every broken line is refused, never half-read. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"

static void sample(struct pk_record *r)
{
    pk_record_init(r);
    strcpy(r->kernel, "polysum");
    strcpy(r->model, "fork");
    r->workers = 3;
    r->n = 1000;
    strcpy(r->params, "sync:lock/bins:16");
    r->seed = 42;
    r->status = PK_STATUS_FAILED;
    r->reps = 3;
    r->warmup = 1;
    r->times[0] = 0.5;
    r->times[1] = 1.25e-6;
    r->times[2] = 3;
    r->setup_s = 0.01;
    r->rate = 12.5;
    strcpy(r->unit, "GB/s");
    strcpy(r->result, "249833583000");
    strcpy(r->detail, "rep 2: sum 1, closed form 2 (100% wrong)\tand a tab");
}

static char *format(const struct pk_record *r)
{
    static char line[65536];
    FILE *f = fmemopen(line, sizeof line, "w");
    ck_assert(f != NULL);
    ck_assert_int_eq(pk_record_write(f, r), 0);
    fclose(f);
    return line;
}

START_TEST(test_record_round_trips)
{
    struct pk_record a, b;
    char err[128];
    sample(&a);
    char *line = format(&a);
    ck_assert_msg(strchr(line, '\n') == line + strlen(line) - 1, "not one line: %s", line);
    ck_assert_int_eq(pk_record_parse(line, &b, err, sizeof err), 0);
    ck_assert_str_eq(b.kernel, a.kernel);
    ck_assert_str_eq(b.model, a.model);
    ck_assert_str_eq(b.params, a.params);
    ck_assert_str_eq(b.detail, a.detail);
    ck_assert_str_eq(b.result, a.result);
    ck_assert_str_eq(b.unit, a.unit);
    ck_assert(b.workers == 3 && b.n == 1000 && b.seed == 42 && b.reps == 3 && b.warmup == 1);
    ck_assert_int_eq(b.status, PK_STATUS_FAILED);
    for (int i = 0; i < 3; i++)
        ck_assert(b.times[i] == a.times[i]);
    ck_assert(b.rate == 12.5 && isnan(b.startup_s));
}
END_TEST

/* Every prefix of a good line is a truncated line, and must be refused. */
START_TEST(test_record_refuses_every_truncation)
{
    struct pk_record a, b;
    char err[128], cut[65536];
    sample(&a);
    const char *line = format(&a);
    size_t len = strlen(line) - 1; /* without '\n' */
    for (size_t k = 0; k < len; k++) {
        memcpy(cut, line, k);
        cut[k] = '\0';
        ck_assert_msg(pk_record_parse(cut, &b, err, sizeof err) == -1, "prefix %zu accepted", k);
    }
}
END_TEST

START_TEST(test_record_refuses_malformed)
{
    static const char *bad[] = {
        "",
        "hello world",
        "pk-result v2 kernel=a model=b p=1 n=1 status=ok reps=0 times=- result=x end",
        "pk-result v1 kernel=a model=b p=1 n=1 status=great reps=0 times=- result=x end",
        "pk-result v1 kernel=a model=b p=x n=1 status=ok reps=0 times=- result=x end",
        "pk-result v1 kernel=a model=b p=1 n=1 status=ok reps=2 times=0.1 result=x end",
        "pk-result v1 kernel=a model=b p=1 n=1 status=ok reps=1 times=0.1,0.2 result=x end",
        "pk-result v1 kernel=a model=b p=1 n=1 status=ok reps=1 times=-1 result=x end",
        "pk-result v1 kernel=a model=b p=1 n=1 status=ok reps=1 times=0.1 end",
        "pk-result v1 kernel=a kernel=b model=b p=1 n=1 status=ok reps=0 times=- result=x end",
        "pk-result v1 kernel=a model=b p=1 n=1 status=ok reps=0 times=- result=x end extra",
        "pk-result v1 kernel=a model=b p=1 n=1 status=ok reps=0 times=- result=%zz end",
        "pk-result v1 kernel=a model=b p=1 n=-1 status=ok reps=0 times=- result=x end",
        "pk-result v1 kernel=a model=b p=1 n=1 status=ok reps=1 times=0.1, result=x end",
        /* times before reps: read as none, then reps=2 claimed two zero times */
        "pk-result v1 kernel=a model=b p=1 n=1 status=ok times=- reps=2 result=x end",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct pk_record r;
        char err[128] = "";
        ck_assert_msg(pk_record_parse(bad[i], &r, err, sizeof err) == -1, "accepted: %s", bad[i]);
        ck_assert_msg(err[0], "no reason for: %s", bad[i]);
    }
}
END_TEST

START_TEST(test_record_status_table)
{
    enum pk_status s;
    ck_assert(!pk_status_is_failure(PK_STATUS_OK));
    ck_assert(!pk_status_is_failure(PK_STATUS_RACE));
    ck_assert(pk_status_is_failure(PK_STATUS_FAILED));
    ck_assert(pk_status_is_failure(PK_STATUS_TIMEOUT));
    ck_assert(pk_status_is_failure(PK_STATUS_DISAGREE));
    for (int i = 0; i < PK_NSTATUS; i++) {
        ck_assert_int_eq(pk_status_parse(pk_status_name((enum pk_status)i), &s), 0);
        ck_assert_int_eq(s, i);
    }
}
END_TEST

START_TEST(test_record_progress_line_round_trips)
{
    char buf[64];
    int k = -1, n = -1;
    FILE *f = fmemopen(buf, sizeof buf, "w");
    ck_assert_ptr_nonnull(f);
    pk_progress_print(f, 3, 12);
    fclose(f);
    ck_assert_str_eq(buf, "pk-progress 3 12\n");
    ck_assert(pk_progress_parse(buf, &k, &n));
    ck_assert_int_eq(k, 3);
    ck_assert_int_eq(n, 12);
    /* not progress lines: another tag, no numbers, one number, K beyond N, negative */
    const char *bad[] = {"pk-result 3 12", "pk-progress", "pk-progress x y", "pk-progress 3",
                         "pk-progress 13 12", "pk-progress -1 12", "pk-progress 3 x"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(!pk_progress_parse(bad[i], &k, &n), "%s", bad[i]);
}
END_TEST

Suite *record_suite(void)
{
    Suite *s = suite_create("record");
    TCase *tc = tcase_create("line");
    tcase_add_test(tc, test_record_round_trips);
    tcase_add_test(tc, test_record_refuses_every_truncation);
    tcase_add_test(tc, test_record_refuses_malformed);
    tcase_add_test(tc, test_record_status_table);
    tcase_add_test(tc, test_record_progress_line_round_trips);
    suite_add_tcase(s, tc);
    return s;
}
