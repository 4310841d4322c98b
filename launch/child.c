/*
 * Child processes for pk: fork, own process group, exec; poll both pipes against a deadline;
 * TERM then KILL to the group, so a runner's fork workers or an MPI launcher's ranks go too.
 */
#include "child.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "record.h"
#include "timer.h"

#define OUT_CAP  (4u << 20)  /* stdout kept whole up to this */
#define ERR_KEEP (16u << 10) /* stderr: the last this many bytes */
/*
 * TERM to KILL: mpirun answers TERM by ending its ranks, waiting its own second for them,
 * then removing their shared-memory segments (/dev/shm/vader_segment.*); killed within that,
 * it leaves the segments, and ranks it had not yet killed, behind.
 */
#define KILL_GRACE_S 5.0
#define LINGER_S     2.0 /* how long the pipes may stay open after the runner ended */
#define READ_CHUNK   65536

struct sink {
    char *buf;
    size_t len, cap;
    bool keep_tail; /* keep the last cap bytes instead of the first */
};

static void sink_add(struct sink *s, const char *data, size_t n)
{
    if (!s->buf && !(s->buf = malloc(s->cap + 1)))
        return;
    if (s->keep_tail && n >= s->cap) {
        memcpy(s->buf, data + n - s->cap, s->cap);
        s->len = s->cap;
        return;
    }
    if (s->keep_tail && s->len + n > s->cap) {
        size_t drop = s->len + n - s->cap;
        memmove(s->buf, s->buf + drop, s->len - drop);
        s->len -= drop;
    }
    if (s->len + n > s->cap)
        n = s->cap - s->len;
    memcpy(s->buf + s->len, data, n);
    s->len += n;
}

static char *sink_take(struct sink *s, size_t *len)
{
    if (!s->buf)
        s->buf = malloc(1);
    if (s->buf)
        s->buf[s->len] = '\0';
    *len = s->buf ? s->len : 0;
    return s->buf;
}

/* Splits stderr into lines: progress lines go to the callback, the rest to the tail. */
struct line_splitter {
    char line[512];
    size_t len;
    struct pk_child_control *ctl;
    struct sink *tail;
};

static void splitter_flush(struct line_splitter *ls, bool newline)
{
    ls->line[ls->len] = '\0';
    if (newline && ls->ctl && ls->ctl->on_progress &&
        strncmp(ls->line, PK_PROGRESS_TAG, strlen(PK_PROGRESS_TAG)) == 0)
        ls->ctl->on_progress(ls->ctl->progress_arg, ls->line);
    else {
        sink_add(ls->tail, ls->line, ls->len);
        if (newline)
            sink_add(ls->tail, "\n", 1);
    }
    ls->len = 0;
}

static void splitter_add(struct line_splitter *ls, const char *data, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (data[i] == '\n') {
            splitter_flush(ls, true);
            continue;
        }
        if (ls->len == sizeof ls->line - 1)
            splitter_flush(ls, false);
        ls->line[ls->len++] = data[i];
    }
}

static _Noreturn void exec_child(char *const argv[], int out_fd, int err_fd, pid_t parent,
                                 const sigset_t *mask)
{
    setpgid(0, 0);
    /* if pk (or a test) is killed outright, its runner must not run on: TERM lets an mpirun
     * take its ranks down with it, and a runner's fork workers follow by their own PDEATHSIG */
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent)
        _exit(127);
    /* the parent may ignore or handle these; the runner starts with the defaults */
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    signal(SIGQUIT, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
    signal(SIGXFSZ, SIG_DFL);
    sigprocmask(SIG_SETMASK, mask, NULL); /* a TERM that came meanwhile now acts: it ends us */
    if (dup2(out_fd, STDOUT_FILENO) < 0 || dup2(err_fd, STDERR_FILENO) < 0)
        _exit(127);
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0)
        dup2(devnull, STDIN_FILENO);
    execvp(argv[0], argv);
    dprintf(STDERR_FILENO, "cannot run '%s': %s\n", argv[0], strerror(errno));
    _exit(127);
}

/* Signals the child's group; the child is not reaped yet, so the id is still its own. */
static void signal_group(pid_t pgid, int sig)
{
    if (kill(-pgid, sig) < 0 && errno == ESRCH)
        kill(pgid, sig); /* it has not reached its setpgid yet */
}

int pk_child_run(char *const argv[], double timeout_s, struct pk_child_control *ctl,
                 struct pk_child *r, char *err, size_t errlen)
{
    int out_pipe[2], err_pipe[2];
    struct sink out = {NULL, 0, OUT_CAP, false}, tail = {NULL, 0, ERR_KEEP, true};
    double started = pk_timer_now(), kill_at = 0;
    int open_fds = 2, wstatus = 0;
    pid_t pid;

    memset(r, 0, sizeof *r);
    /* on the heap: a small stack limit (ulimit -s) must not crash pk */
    char *buf = malloc(READ_CHUNK);
    if (!buf)
        goto out_errno;
    if (pipe2(out_pipe, O_CLOEXEC))
        goto out_errno;
    if (pipe2(err_pipe, O_CLOEXEC)) {
        close(out_pipe[0]), close(out_pipe[1]);
        goto out_errno;
    }
    fflush(NULL);
    pid_t parent = getpid();
    /* signals wait until the child has the default handlers: the parent's, inherited, would
     * run in the child and swallow a TERM meant for it */
    sigset_t all, mask;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &mask);
    if ((pid = fork()) < 0) {
        sigprocmask(SIG_SETMASK, &mask, NULL);
        close(out_pipe[0]), close(out_pipe[1]), close(err_pipe[0]), close(err_pipe[1]);
        goto out_errno;
    }
    if (pid == 0)
        exec_child(argv, out_pipe[1], err_pipe[1], parent, &mask);
    sigprocmask(SIG_SETMASK, &mask, NULL);
    setpgid(pid, pid); /* also here: no window in which a signal misses the group */
    if (ctl)
        ctl->pgid = pid;
    close(out_pipe[1]);
    close(err_pipe[1]);

    struct pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    struct line_splitter errors = {.len = 0, .ctl = ctl, .tail = &tail};
    double ended_at = 0;
    bool killed = false;
    while (open_fds > 0) {
        double now = pk_timer_now(), wait_s = -1;
        bool limit = timeout_s > 0 && now - started >= timeout_s;
        siginfo_t info = {0};
        /* a grandchild may hold the pipes after the runner ended: give it a moment, no more */
        if (!ended_at && waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
            info.si_pid == pid)
            ended_at = now;
        if (ctl && ctl->kill && !killed) {
            /* a second signal: no grace; the group is killed now */
            killed = r->stopped = true;
            signal_group(pid, SIGKILL);
            kill_at = now + 3600;
        } else if (!kill_at && (limit || (ctl && ctl->stop))) {
            r->timed_out = limit && !(ctl && ctl->stop);
            r->stopped = ctl && ctl->stop;
            signal_group(pid, SIGTERM);
            kill_at = now + KILL_GRACE_S;
        } else if (ended_at && now - ended_at > LINGER_S) {
            /* what holds the pipes now is outside the group (a daemon the runner started with
             * setsid): kill the group's rest and stop reading, rather than wait for a stranger */
            signal_group(pid, SIGKILL);
            break;
        } else if (kill_at && now >= kill_at) {
            signal_group(pid, SIGKILL);
            kill_at = now + 3600; /* once; the runner's end then starts the linger clock */
        }
        if (kill_at)
            wait_s = kill_at - now;
        else if (timeout_s > 0)
            wait_s = started + timeout_s - now;
        int ms = wait_s < 0 ? 250 : (int)(wait_s * 1000) + 1;
        if (ms > 250)
            ms = 250; /* wake now and then to notice a stop and the runner's end */
        int ready = poll(fds, 2, ms);
        if (ready < 0 && errno != EINTR)
            break;
        for (int i = 0; i < 2 && ready > 0; i++) {
            if (fds[i].fd < 0 || !fds[i].revents)
                continue;
            ssize_t n = read(fds[i].fd, buf, READ_CHUNK);
            if (n > 0 && i == 0) {
                sink_add(&out, buf, (size_t)n);
            } else if (n > 0) {
                splitter_add(&errors, buf, (size_t)n);
            } else if (n == 0 || errno != EINTR) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
            }
        }
    }
    for (int i = 0; i < 2; i++)
        if (fds[i].fd >= 0)
            close(fds[i].fd);
    if (errors.len)
        splitter_flush(&errors, false);
    /*
     * Wait for the runner without reaping it: while it is a zombie its pid (the group id)
     * cannot be reused, so killing the group cannot hit a stranger. Then reap.
     */
    siginfo_t info;
    while (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOWAIT) < 0 && errno == EINTR)
        ;
    kill(-pid, SIGKILL); /* whatever the runner left in its group (a worker, a rank) */
    struct rusage use = {0};
    while (wait4(pid, &wstatus, 0, &use) < 0 && errno == EINTR)
        ;
    if (ctl)
        ctl->pgid = 0;

    r->wall_s = pk_timer_now() - started;
    r->exited = WIFEXITED(wstatus);
    r->exit_code = r->exited ? WEXITSTATUS(wstatus) : 0;
    r->signaled = WIFSIGNALED(wstatus);
    r->signal = r->signaled ? WTERMSIG(wstatus) : 0;
    r->peak_rss_bytes = (long long)use.ru_maxrss * 1024; /* Linux counts it in KiB */
    r->out = sink_take(&out, &r->out_len);
    r->err = sink_take(&tail, &r->err_len);
    free(buf);
    return 0;

out_errno:
    snprintf(err, errlen, "cannot start '%s': %s", argv[0], strerror(errno));
    free(buf);
    return -1;
}

void pk_child_free(struct pk_child *r)
{
    free(r->out);
    free(r->err);
    r->out = r->err = NULL;
}

bool pk_child_on_path(const char *name)
{
    char candidate[4096];
    struct stat st;
    if (strchr(name, '/'))
        return stat(name, &st) == 0 && S_ISREG(st.st_mode) && access(name, X_OK) == 0;
    const char *path = getenv("PATH");
    if (!path)
        path = "/usr/local/bin:/usr/bin:/bin";
    while (*path) {
        size_t n = strcspn(path, ":");
        snprintf(candidate, sizeof candidate, "%.*s/%s", (int)(n ? n : 1), n ? path : ".", name);
        if (stat(candidate, &st) == 0 && S_ISREG(st.st_mode) && access(candidate, X_OK) == 0)
            return true;
        path += n + (path[n] == ':');
    }
    return false;
}

void pk_child_last_line(const char *err, char *buf, size_t len)
{
    const char *end = err + strlen(err);
    buf[0] = '\0';
    while (end > err) {
        const char *start = end;
        while (start > err && start[-1] != '\n')
            start--;
        bool words = false;
        for (const char *p = start; p < end; p++)
            words |= isalnum((unsigned char)*p) != 0;
        if (words) {
            size_t n = (size_t)(end - start);
            while (n && (start[n - 1] == '\n' || start[n - 1] == '\r'))
                n--;
            snprintf(buf, len, "%.*s", (int)(n < len ? n : len - 1), start);
            return;
        }
        end = start > err ? start - 1 : start;
    }
}
