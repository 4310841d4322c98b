/*
 * The rep loop (kernels/reps.c) on a fake kernel whose run and verify count their calls and
 * fail where a test says, with a fake clock: it runs warm-up + reps reps and times only the
 * timed ones; it stops at the first failed check, error or skip, saying which rep (and which
 * rank, where the runner's agree hook names one); a process that only follows fills nothing;
 * it prints one progress line per rep; and pk_case_execute runs its in-process model by it.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"
#include "reps.h"

static int runs, verifies, shares;
static int fail_check_at, error_at, skip_at; /* the 1-based rep that fails so; 0: none */
static double fake_time;

static int fake_run(struct pk_case *c, int workers)
{
    (void)workers;
    runs++;
    if (runs == error_at) {
        snprintf(c->error, sizeof c->error, "boom");
        return -1;
    }
    if (runs == skip_at) {
        snprintf(c->error, sizeof c->error, "not here");
        return PK_SKIP;
    }
    return 0;
}

static void fake_verify(const struct pk_case *c, struct pk_verdict *v)
{
    verifies++;
    v->status = verifies == fail_check_at ? PK_STATUS_FAILED : PK_STATUS_OK;
    snprintf(v->result, sizeof v->result, "42");
    snprintf(v->detail, sizeof v->detail, "%s", v->status ? "wrong sum" : "-");
    v->covered = c->n;
}

static size_t fake_bytes(const struct pk_case *c)
{
    (void)c;
    return 64;
}

static int fake_setup(struct pk_case *c, char *err, size_t errlen)
{
    (void)c, (void)err, (void)errlen;
    return 0;
}

static const struct pk_kernel fake = {
    .name = "fake",
    .bytes = fake_bytes,
    .setup = fake_setup,
    .run = {[PK_SERIAL] = fake_run},
    .verify = fake_verify,
    .max_size = 100,
};

/* Each call is one second later: every rep takes exactly 1 s. */
static double fake_clock(void)
{
    return fake_time += 1.0;
}

static int hook_run(void *ctx, struct pk_case *c)
{
    (void)ctx;
    return fake_run(c, c->workers);
}

/* As pk-mpi's agree would on rank 0, where rank 2 is the one that failed. */
static int hook_agree_rank_2(void *ctx, struct pk_case *c, int *rc)
{
    (void)ctx, (void)c;
    return *rc ? 2 : -1;
}

static bool hook_share(void *ctx, bool go_on)
{
    (void)ctx;
    shares++;
    return go_on;
}

static void setup(void)
{
    runs = verifies = shares = fail_check_at = error_at = skip_at = 0;
    fake_time = 0;
}

/* Runs the loop with h (run and clock filled in here) on a fresh case and record. */
static void loop(struct pk_reps h, int warmup, int reps, struct pk_record *rec)
{
    struct pk_case c;
    pk_case_init(&c, &fake, PK_SERIAL, 1, 10);
    h.run = hook_run;
    h.clock = fake_clock;
    if (!h.partition)
        h.partition = "";
    pk_record_init(rec);
    pk_record_describe(rec, &c, warmup);
    pk_reps_run(&c, &h, warmup, reps, rec);
}

START_TEST(test_reps_counts_warmup_and_timed_reps)
{
    struct pk_record rec;
    loop((struct pk_reps){0}, 2, 3, &rec);
    ck_assert_int_eq(runs, 5);
    ck_assert_int_eq(verifies, 5);
    ck_assert_int_eq(rec.reps, 3);
    ck_assert_int_eq(rec.warmup, 2);
    for (int i = 0; i < rec.reps; i++)
        ck_assert_double_eq(rec.times[i], 1.0);
    ck_assert_int_eq(rec.status, PK_STATUS_OK);
    ck_assert_str_eq(rec.result, "42");
}
END_TEST

START_TEST(test_reps_stop_at_first_failed_check)
{
    struct pk_record rec;
    fail_check_at = 4; /* the second timed rep */
    loop((struct pk_reps){0}, 2, 5, &rec);
    ck_assert_int_eq(runs, 4);
    ck_assert_int_eq(rec.reps, 2);
    ck_assert_int_eq(rec.status, PK_STATUS_FAILED);
    ck_assert_str_eq(rec.detail, "rep 4: wrong sum");
}
END_TEST

START_TEST(test_reps_stop_at_run_error)
{
    struct pk_record rec;
    error_at = 2; /* a warm-up rep: nothing timed */
    loop((struct pk_reps){0}, 2, 3, &rec);
    ck_assert_int_eq(runs, 2);
    ck_assert_int_eq(verifies, 1);
    ck_assert_int_eq(rec.reps, 0);
    ck_assert_int_eq(rec.status, PK_STATUS_ERROR);
    ck_assert_str_eq(rec.detail, "boom");
}
END_TEST

START_TEST(test_reps_skip_names_the_rank)
{
    struct pk_record rec;
    skip_at = 1;
    loop((struct pk_reps){.agree = hook_agree_rank_2}, 0, 3, &rec);
    ck_assert_int_eq(runs, 1);
    ck_assert_int_eq(rec.status, PK_STATUS_SKIPPED);
    ck_assert_str_eq(rec.detail, "rank 2: not here");
}
END_TEST

/* The harness's coverage check fails a rep whose partition does not tile [0, n). */
START_TEST(test_reps_partition_fails_first_rep)
{
    struct pk_record rec;
    loop((struct pk_reps){.partition = "worker 1 misses item 9"}, 1, 3, &rec);
    ck_assert_int_eq(runs, 1);
    ck_assert_int_eq(rec.status, PK_STATUS_FAILED);
    ck_assert_str_eq(rec.detail, "rep 1: worker 1 misses item 9");
}
END_TEST

/* A follower (an mpi rank but 0) runs every rep, verifies none and leaves rec as it was. */
START_TEST(test_reps_follower_fills_nothing)
{
    struct pk_record rec;
    loop((struct pk_reps){.follower = true, .share = hook_share}, 1, 2, &rec);
    ck_assert_int_eq(runs, 3);
    ck_assert_int_eq(verifies, 0);
    ck_assert_int_eq(shares, 3);
    ck_assert_int_eq(rec.reps, 0);
    ck_assert_str_eq(rec.result, "-");
}
END_TEST

/* One "pk-progress K N" line per rep, warm-up included, on stderr. */
START_TEST(test_reps_progress_lines)
{
    struct pk_case c;
    struct pk_record rec;
    struct pk_reps h = {.run = hook_run, .clock = fake_clock, .partition = ""};
    char text[256] = "";
    FILE *f = tmpfile();

    ck_assert_ptr_nonnull(f);
    ck_assert_int_ge(dup2(fileno(f), STDERR_FILENO), 0);
    pk_case_init(&c, &fake, PK_SERIAL, 1, 10);
    c.progress = true;
    pk_record_init(&rec);
    pk_record_describe(&rec, &c, 1);
    pk_reps_run(&c, &h, 1, 2, &rec);
    fflush(stderr);
    rewind(f);
    text[fread(text, 1, sizeof text - 1, f)] = '\0';
    ck_assert_str_eq(text, "pk-progress 1 3\npk-progress 2 3\npk-progress 3 3\n");
}
END_TEST

/* pk-run's path: pk_case_execute prepares the case and runs its model by the same loop. */
START_TEST(test_case_execute_runs_the_loop)
{
    struct pk_case c;
    struct pk_record rec;
    pk_case_init(&c, &fake, PK_SERIAL, 1, 10);
    fail_check_at = 3;
    pk_case_execute(&c, 1, 4, &rec);
    ck_assert_int_eq(runs, 3);
    ck_assert_int_eq(rec.reps, 2);
    ck_assert_int_eq(rec.status, PK_STATUS_FAILED);
    ck_assert_str_eq(rec.detail, "rep 3: wrong sum");
}
END_TEST

Suite *case_reps_suite(void)
{
    Suite *s = suite_create("case_reps");
    TCase *tc = tcase_create("loop");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_reps_counts_warmup_and_timed_reps);
    tcase_add_test(tc, test_reps_stop_at_first_failed_check);
    tcase_add_test(tc, test_reps_stop_at_run_error);
    tcase_add_test(tc, test_reps_skip_names_the_rank);
    tcase_add_test(tc, test_reps_partition_fails_first_rep);
    tcase_add_test(tc, test_reps_follower_fills_nothing);
    tcase_add_test(tc, test_reps_progress_lines);
    tcase_add_test(tc, test_case_execute_runs_the_loop);
    suite_add_tcase(s, tc);
    return s;
}
