/*
 * pk run's progress line on stderr: "[step/steps] kernel model p=N rep K/R ETA m:ss", redrawn
 * in place as each launch starts and as its runner reports reps ("pk-progress K N").
 */
#include "cmd_run.h"

#include <stdio.h>

#include "timer.h"

static struct {
    bool on;
    int step, nsteps;
    const struct pk_config *cfg;
    double started;
} progress;

static void show(const char *rep)
{
    const struct pk_case *c = &progress.cfg->spec;
    double elapsed = pk_timer_now() - progress.started;
    char eta[32] = "?";
    if (progress.step > 0) {
        int left = (int)(elapsed / progress.step * (progress.nsteps - progress.step));
        snprintf(eta, sizeof eta, "%d:%02d", left / 60, left % 60);
    }
    fprintf(stderr, "\r\033[K[%d/%d] %s %s p=%d%s%s ETA %s", progress.step + 1, progress.nsteps,
            c->kernel->name, pk_model_name(c->model), c->workers, rep ? " rep " : "",
            rep ? rep : "", eta);
    fflush(stderr);
}

void run_progress_start(bool on, int nsteps)
{
    progress.on = on;
    progress.nsteps = nsteps;
    progress.started = pk_timer_now();
}

bool run_progress_on(void)
{
    return progress.on;
}

void run_progress_step(int step, const struct pk_config *cfg)
{
    progress.step = step;
    progress.cfg = cfg;
    if (progress.on)
        show(NULL);
}

void run_progress_line(void *arg, const char *line)
{
    int k, total;
    char rep[32];
    (void)arg;
    if (progress.on && progress.cfg && pk_progress_parse(line, &k, &total)) {
        snprintf(rep, sizeof rep, "%d/%d", k, total);
        show(rep);
    }
}

void run_progress_end(void)
{
    if (progress.on)
        fputs("\r\033[K", stderr);
}
