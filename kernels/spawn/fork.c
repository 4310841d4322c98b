/*
 * spawn, fork model: every round fork()s p children, each running job(a, w + 1) into the
 * shared arena and ending with _exit(0) (no stdio flush, no atexit, no OpenMP); the parent
 * waits for each child by pid and checks that it exited 0. Not the fork pool: creating and
 * reaping the processes is what is measured (the pool, idle, is never waited for here).
 */
#include "kernel.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Reaps child w; returns 0 if it exited 0, else -1 with what happened in c->error. */
static int reap(struct pk_case *c, int w, long long a)
{
    struct spawn_data *d = c->data;
    int status = 0;
    pid_t r;

    while ((r = waitpid(d->pid[w], &status, 0)) < 0 && errno == EINTR)
        ;
    if (r < 0) {
        snprintf(c->error, sizeof c->error, "fork: waitpid of worker %d (pid %d): %s", w,
                 (int)d->pid[w], strerror(errno));
        return -1;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        snprintf(c->error, sizeof c->error, "fork: worker %d (pid %d) of round %lld ended %s %d", w,
                 (int)d->pid[w], a, WIFEXITED(status) ? "with status" : "by signal",
                 WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
        return -1;
    }
    return 0;
}

int spawn_fork(struct pk_case *c, int p)
{
    struct spawn_data *d = c->data;
    long long n = c->n;

    for (long long a = 0; a < n; a++) {
        int w, created = 0, failed = 0, fork_errno = 0;
        for (w = 0; w < p; w++, created++) { /* p.start() */
            pid_t pid = fork();
            if (pid == 0) {
                spawn_job(d->slot, w, a, w + 1);
                _exit(0);
            }
            if (pid < 0) {
                fork_errno = errno;
                break;
            }
            d->pid[w] = pid;
        }
        for (w = 0; w < created; w++) /* p.join(): every child created, even after a failure */
            if (reap(c, w, a) && !failed)
                failed = 1; /* the first failure's reason stays in c->error */
        if (fork_errno) {
            snprintf(c->error, sizeof c->error, "fork: fork of worker %d of %d in round %lld: %s",
                     created, p, a, strerror(fork_errno));
            return -1;
        }
        if (failed)
            return -1;
    }
    return 0;
}
