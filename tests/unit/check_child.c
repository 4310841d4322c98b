/*
 * child: how pk runs one configuration. A stop or a timeout ends the runner's whole process
 * group (TERM, then KILL when TERM is ignored), and a daemon the runner left holding the pipes
 * cannot keep pk waiting: pk stops reading soon after the runner itself has ended. The
 * runner's peak memory comes back with it.
 */
#include <check.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "child.h"

/* Runs a shell command line as pk runs a runner; fails the test if it cannot start. */
static void run_shell(const char *line, double timeout_s, struct pk_child_control *ctl,
                      struct pk_child *r)
{
    char *argv[] = {"sh", "-c", (char *)line, NULL};
    char err[256];
    ck_assert_msg(pk_child_run(argv, timeout_s, ctl, r, err, sizeof err) == 0, "%s", err);
}

/* true while process pid runs (a zombie waiting for its reaper has ended: it does not count) */
static bool alive(long pid)
{
    char path[64], state = 0;
    snprintf(path, sizeof path, "/proc/%ld/stat", pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    /* the state follows the command's closing parenthesis */
    int c, last = 0;
    while ((c = fgetc(f)) != EOF)
        if (c == ')')
            last = 1;
        else if (last && c != ' ') {
            state = (char)c;
            last = 0;
        }
    fclose(f);
    return state && state != 'Z' && state != 'X';
}

START_TEST(test_a_daemon_holding_the_pipes_does_not_hold_pk)
{
    struct pk_child r;
    /* setsid: the sleep leaves the runner's group and session, with stdout still open */
    run_shell("setsid sleep 120 & echo $!", 0, NULL, &r);
    long daemon = strtol(r.out, NULL, 10);
    ck_assert_msg(r.exited && r.exit_code == 0, "the runner's own end: exit %d", r.exit_code);
    ck_assert_msg(daemon > 0, "the runner's output was kept: '%s'", r.out);
    /* a bound far below the daemon's 120 s: returning at all is what is checked */
    ck_assert_msg(r.wall_s < 60, "pk waited %.1f s for a process outside the group", r.wall_s);
    ck_assert_msg(alive(daemon), "the daemon is outside the group: not pk's to kill");
    kill((pid_t)daemon, SIGKILL);
    pk_child_free(&r);
}
END_TEST

START_TEST(test_a_timeout_kills_a_group_that_ignores_term)
{
    struct pk_child r;
    char pidfile[] = "/tmp/pk-check-child.XXXXXX";
    int fd = mkstemp(pidfile);
    ck_assert_int_ge(fd, 0);
    char line[256];
    /* the runner and its worker both ignore TERM (the worker inherits it); the worker's pid
     * goes to a file, as the runner's stdout is lost with it */
    snprintf(line, sizeof line, "trap '' TERM; sleep 120 & echo $! >%s; wait", pidfile);
    run_shell(line, 2, NULL, &r);
    FILE *f = fdopen(fd, "r");
    char text[32] = "";
    ck_assert(f && fgets(text, sizeof text, f));
    fclose(f);
    long worker = strtol(text, NULL, 10);
    ck_assert_msg(worker > 0, "the worker's pid: '%s'", text);
    unlink(pidfile);
    ck_assert(r.timed_out && !r.stopped);
    ck_assert_msg(r.signaled && r.signal == SIGKILL, "the runner ended by %s %d",
                  r.signaled ? "signal" : "exit", r.signaled ? r.signal : r.exit_code);
    ck_assert_msg(!alive(worker), "the worker %ld of the killed group still runs", worker);
    pk_child_free(&r);
}
END_TEST

START_TEST(test_a_stop_terms_the_runner)
{
    struct pk_child r;
    struct pk_child_control ctl = {.stop = 1}; /* as after a SIGINT or SIGTERM to pk */
    run_shell("exec sleep 120", 0, &ctl, &r);
    ck_assert(r.stopped && !r.timed_out);
    ck_assert_msg(r.signaled && r.signal == SIGTERM, "ended by %s %d",
                  r.signaled ? "signal" : "exit", r.signaled ? r.signal : r.exit_code);
    pk_child_free(&r);
}
END_TEST

START_TEST(test_a_timeout_terms_the_runner)
{
    struct pk_child r;
    run_shell("echo before; exec sleep 120", 0.5, NULL, &r);
    ck_assert(r.timed_out && !r.stopped);
    ck_assert_msg(r.signaled && r.signal == SIGTERM, "ended by %s %d",
                  r.signaled ? "signal" : "exit", r.signaled ? r.signal : r.exit_code);
    ck_assert_str_eq(r.out, "before\n");
    pk_child_free(&r);
}
END_TEST

START_TEST(test_the_runner_peak_memory_is_kept)
{
    struct pk_child small, large;
    /* the shell holds a 32 MB string: its peak resident memory is at least that */
    run_shell("echo small", 0, NULL, &small);
    run_shell("x=$(head -c 32000000 /dev/zero | tr '\\0' a); echo ${#x}", 0, NULL, &large);
    ck_assert_str_eq(large.out, "32000000\n");
    ck_assert_msg(large.peak_rss_bytes >= 32000000, "peak %lld", large.peak_rss_bytes);
    ck_assert_msg(small.peak_rss_bytes > 0 && small.peak_rss_bytes < 32000000, "peak %lld",
                  small.peak_rss_bytes);
    pk_child_free(&small);
    pk_child_free(&large);
}
END_TEST

START_TEST(test_the_last_line_that_says_something)
{
    char buf[32];
    pk_child_last_line("first\nsecond reason\n\n", buf, sizeof buf);
    ck_assert_str_eq(buf, "second reason");
    pk_child_last_line("the reason\r\n-----------------\n", buf, sizeof buf); /* Open MPI's rule */
    ck_assert_str_eq(buf, "the reason");
    pk_child_last_line("", buf, sizeof buf);
    ck_assert_str_eq(buf, "");
    pk_child_last_line("---\n\n", buf, sizeof buf);
    ck_assert_str_eq(buf, "");
    pk_child_last_line("a line longer than the buffer it goes into\n", buf, 8);
    ck_assert_str_eq(buf, "a line ");
}
END_TEST

Suite *child_suite(void)
{
    Suite *s = suite_create("child");
    TCase *tc = tcase_create("group");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_a_daemon_holding_the_pipes_does_not_hold_pk);
    tcase_add_test(tc, test_a_timeout_kills_a_group_that_ignores_term);
    tcase_add_test(tc, test_a_stop_terms_the_runner);
    tcase_add_test(tc, test_a_timeout_terms_the_runner);
    tcase_add_test(tc, test_the_runner_peak_memory_is_kept);
    tcase_add_test(tc, test_the_last_line_that_says_something);
    suite_add_tcase(s, tc);
    return s;
}
