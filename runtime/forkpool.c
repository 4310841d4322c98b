/*
 * Fork pool: one task pipe and one result pipe per worker. The parent polls all result pipes,
 * so a worker that dies is seen at once, even while the others wait at a barrier for it.
 */
#include "forkpool.h"

#include "seams.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

struct task {
    pk_forkpool_fn fn;
    void *arg;
    size_t result_size;
};

struct pk_forkpool {
    int workers;
    bool broken;
    pid_t *pid;
    int *task_fd;   /* parent's write end of each worker's task pipe */
    int *result_fd; /* parent's read end of each worker's result pipe */
};

/* Reads exactly len bytes; returns len, 0 at end of file before any byte, -1 on error/short. */
static ssize_t read_full(int fd, void *buf, size_t len)
{
    size_t got = 0;
    while (got < len) {
        ssize_t r = read(fd, (char *)buf + got, len - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return got == 0 && r == 0 ? 0 : -1;
        got += (size_t)r;
    }
    return (ssize_t)got;
}

static int write_full(int fd, const void *buf, size_t len)
{
    size_t put = 0;
    while (put < len) {
        ssize_t w = write(fd, (const char *)buf + put, len - put);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        put += (size_t)w;
    }
    return 0;
}

/* Writes to a pipe whose reader may be dead: EPIPE instead of a SIGPIPE that kills us. */
static int write_task(int fd, const struct task *t)
{
    sigset_t pipe_set, old;
    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
    int rc = write_full(fd, t, sizeof *t);
    if (rc && errno == EPIPE) {
        struct timespec none = {0, 0};
        sigtimedwait(&pipe_set, NULL, &none); /* drop the SIGPIPE we caused */
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return rc;
}

static _Noreturn void worker_main(int index, int workers, int task_fd, int result_fd)
{
    void *out = NULL;
    size_t capacity = 0;
    struct task t;

    for (long task = 1;; task++) {
        if (read_full(task_fd, &t, sizeof t) != (ssize_t)sizeof t) {
            free(out); /* a worker leaks nothing, so memcheck can vouch for the fork model */
            _exit(0);  /* task pipe closed: the pool is stopping (or the parent died) */
        }
        if (t.result_size > capacity) {
            free(out);
            out = malloc(t.result_size);
            capacity = out ? t.result_size : 0;
            if (!out)
                _exit(3);
        }
        if (t.result_size)
            memset(out, 0, t.result_size);
        if (pk_seam_worker_task)
            pk_seam_worker_task(index, task);
        int32_t status = t.fn(t.arg, index, workers, out);
        if (write_full(result_fd, &status, sizeof status) ||
            write_full(result_fd, out, t.result_size))
            _exit(4);
    }
}

static void describe_exit(char *buf, size_t len, int wstatus)
{
    if (WIFSIGNALED(wstatus))
        snprintf(buf, len, "was killed by signal %d (%s)", WTERMSIG(wstatus),
                 strsignal(WTERMSIG(wstatus)));
    else if (WIFEXITED(wstatus))
        snprintf(buf, len, "exited with status %d", WEXITSTATUS(wstatus));
    else
        snprintf(buf, len, "ended (wait status %#x)", (unsigned)wstatus);
}

/* Kills and reaps every worker still alive; the pool is unusable afterwards. */
static void kill_all(struct pk_forkpool *pool)
{
    for (int w = 0; w < pool->workers; w++)
        if (pool->pid[w] > 0)
            kill(pool->pid[w], SIGKILL);
    for (int w = 0; w < pool->workers; w++) {
        if (pool->pid[w] > 0)
            while (waitpid(pool->pid[w], NULL, 0) < 0 && errno == EINTR)
                ;
        pool->pid[w] = 0;
    }
    pool->broken = true;
}

static void close_fds(struct pk_forkpool *pool)
{
    for (int w = 0; w < pool->workers; w++) {
        if (pool->task_fd[w] >= 0)
            close(pool->task_fd[w]);
        if (pool->result_fd[w] >= 0)
            close(pool->result_fd[w]);
        pool->task_fd[w] = pool->result_fd[w] = -1;
    }
}

static void free_pool(struct pk_forkpool *pool)
{
    free(pool->pid);
    free(pool->task_fd);
    free(pool->result_fd);
    free(pool);
}

int pk_forkpool_start(struct pk_forkpool **out, int workers, char *err, size_t errlen)
{
    struct pk_forkpool *pool = calloc(1, sizeof *pool);
    pid_t parent = getpid();

    *out = NULL;
    if (!pool)
        goto out_nomem;
    pool->pid = calloc((size_t)workers, sizeof *pool->pid);
    pool->task_fd = malloc((size_t)workers * sizeof *pool->task_fd);
    pool->result_fd = malloc((size_t)workers * sizeof *pool->result_fd);
    if (!pool->pid || !pool->task_fd || !pool->result_fd)
        goto out_free;
    pool->workers = workers;
    for (int w = 0; w < workers; w++)
        pool->task_fd[w] = pool->result_fd[w] = -1;
    fflush(NULL); /* a child must not inherit (and later repeat) buffered output */

    for (int w = 0; w < workers; w++) {
        int task[2], result[2];
        if (pipe2(task, O_CLOEXEC))
            goto out_errno;
        if (pipe2(result, O_CLOEXEC)) {
            close(task[0]), close(task[1]);
            goto out_errno;
        }
        pid_t pid = fork();
        if (pid < 0) {
            close(task[0]), close(task[1]), close(result[0]), close(result[1]);
            goto out_errno;
        }
        if (pid == 0) {
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (getppid() != parent) /* the parent died before prctl took effect */
                _exit(5);
            close(task[1]);
            close(result[0]);
            for (int v = 0; v < w; v++) {
                close(pool->task_fd[v]);
                close(pool->result_fd[v]);
            }
            free_pool(pool); /* the parent's, copied: this worker never uses it again */
            worker_main(w, workers, task[0], result[1]);
        }
        close(task[0]);
        close(result[1]);
        pool->pid[w] = pid;
        pool->task_fd[w] = task[1];
        pool->result_fd[w] = result[0];
    }
    *out = pool;
    return 0;

out_errno:
    snprintf(err, errlen, "cannot start fork worker: %s", strerror(errno));
    close_fds(pool);
    kill_all(pool);
    free_pool(pool);
    return -1;
out_free:
    free_pool(pool);
out_nomem:
    snprintf(err, errlen, "cannot start fork pool: out of memory");
    return -1;
}

/* A worker's result pipe ended early: say which worker and how it died. */
static void report_death(struct pk_forkpool *pool, int w, char *err, size_t errlen)
{
    int wstatus = 0;
    char how[96] = "ended without a result";
    pid_t pid = pool->pid[w];

    if (waitpid(pid, &wstatus, 0) == pid) {
        describe_exit(how, sizeof how, wstatus);
        pool->pid[w] = 0;
    }
    snprintf(err, errlen, "fork worker %d (pid %d) %s", w, (int)pid, how);
}

int pk_forkpool_run(struct pk_forkpool *pool, pk_forkpool_fn fn, void *arg, void *results,
                    size_t result_size, char *err, size_t errlen)
{
    struct task t = {fn, arg, result_size};
    int p = pool->workers, pending = p, failed_worker = -1, failed_status = 0;
    struct pollfd *fds;

    if (pool->broken) {
        snprintf(err, errlen, "fork pool is broken by an earlier worker failure");
        return -1;
    }
    if (result_size > PK_FORKPOOL_MAX_RESULT) {
        snprintf(err, errlen, "fork pool result of %zu bytes exceeds %u", result_size,
                 PK_FORKPOOL_MAX_RESULT);
        return -1;
    }
    fds = calloc((size_t)p, sizeof *fds);
    if (!fds) {
        snprintf(err, errlen, "fork pool: out of memory");
        return -1;
    }
    for (int w = 0; w < p; w++) {
        fds[w].fd = pool->result_fd[w];
        fds[w].events = POLLIN;
        if (write_task(pool->task_fd[w], &t)) {
            report_death(pool, w, err, errlen);
            goto out_kill;
        }
    }
    while (pending > 0) {
        if (poll(fds, (nfds_t)p, -1) < 0) {
            if (errno == EINTR)
                continue;
            snprintf(err, errlen, "fork pool: poll: %s", strerror(errno));
            goto out_kill;
        }
        for (int w = 0; w < p; w++) {
            int32_t status;
            if (fds[w].fd < 0 || !fds[w].revents)
                continue;
            char *slot = results ? (char *)results + (size_t)w * result_size : NULL;
            if (read_full(fds[w].fd, &status, sizeof status) != (ssize_t)sizeof status ||
                (result_size && read_full(fds[w].fd, slot, result_size) != (ssize_t)result_size)) {
                report_death(pool, w, err, errlen);
                goto out_kill;
            }
            if (status && failed_worker < 0)
                failed_worker = w, failed_status = status;
            fds[w].fd = -1; /* poll ignores negative descriptors */
            pending--;
        }
    }
    free(fds);
    if (failed_worker >= 0) {
        snprintf(err, errlen, "fork worker %d failed its task (status %d)", failed_worker,
                 failed_status);
        return -1;
    }
    return 0;

out_kill:
    free(fds);
    kill_all(pool);
    return -1;
}

int pk_forkpool_stop(struct pk_forkpool *pool, char *err, size_t errlen)
{
    int rc = 0;
    if (!pool)
        return 0;
    for (int w = 0; w < pool->workers; w++) { /* EOF on its task pipe ends a worker */
        close(pool->task_fd[w]);
        pool->task_fd[w] = -1;
    }
    for (int w = 0; w < pool->workers; w++) {
        int wstatus;
        if (pool->pid[w] <= 0)
            continue;
        while (waitpid(pool->pid[w], &wstatus, 0) < 0 && errno == EINTR)
            ;
        if (!(WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0) && rc == 0) {
            char how[96];
            describe_exit(how, sizeof how, wstatus);
            snprintf(err, errlen, "fork worker %d (pid %d) %s", w, (int)pool->pid[w], how);
            rc = -1;
        }
    }
    close_fds(pool);
    free_pool(pool);
    return rc;
}
