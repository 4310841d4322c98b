/*
 * Running one child command the way pk runs a configuration: in its own process group, stdout
 * and stderr captured, killed as a whole group when a timeout passes or a stop is asked for.
 */
#ifndef PK_CHILD_H
#define PK_CHILD_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

struct pk_child {
    int exit_code; /* valid when exited */
    int signal;    /* valid when signaled */
    bool exited, signaled, timed_out, stopped;
    double wall_s; /* start to reaped */
    long long
        peak_rss_bytes; /* peak resident memory: the runner's, or a reaped child's if larger */
    char *out;          /* all of stdout (up to a cap), NUL-terminated */
    char *err;          /* the last part of stderr, NUL-terminated */
    size_t out_len, err_len;
};

/* Shared with a signal handler: it may set stop, and may kill -pgid itself on a second signal. */
struct pk_child_control {
    volatile sig_atomic_t stop; /* set: end the running child's group and return */
    volatile sig_atomic_t kill; /* set: the same, at once, with SIGKILL and no grace */
    volatile sig_atomic_t pgid; /* the running child's process group, 0 when none */
    /* optional: gets each stderr line starting with PK_PROGRESS_TAG (record.h; kept out of r->err)
     */
    void (*on_progress)(void *arg, const char *line);
    void *progress_arg;
};

/*
 * Runs argv[0] (searched on PATH) with argv, waiting at most timeout_s seconds (0: no limit).
 * When ctl->stop becomes non-zero, or the time passes, the child's whole process group gets
 * SIGTERM, then SIGKILL five seconds later, and is reaped; whatever else is left in its group when
 * it ends is killed. ctl may be NULL. Returns 0 with *r filled (free it with pk_child_free), or
 * -1 with the reason in err if nothing could be started.
 */
int pk_child_run(char *const argv[], double timeout_s, struct pk_child_control *ctl,
                 struct pk_child *r, char *err, size_t errlen);

/* Frees what pk_child_run allocated in r. */
void pk_child_free(struct pk_child *r);

/* True if an executable called name is on PATH (or is a path to one). */
bool pk_child_on_path(const char *name);

/*
 * The last line of err that says something (a letter or digit: not an Open MPI rule of dashes),
 * without its line end, into buf (len bytes); "" if there is none.
 */
void pk_child_last_line(const char *err, char *buf, size_t len);

#endif
