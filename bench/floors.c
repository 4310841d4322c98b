/*
 * bench/floors: the bare cost of one fork/join round, the floor under the spawn kernel.
 * A round is what spawn's round is, minus its job and its checks: an empty OpenMP parallel
 * region of p threads, p pthread_create + p pthread_join of an empty function, or p fork()s of
 * a child that only calls _exit(0) + p waitpid()s. Each model runs in its own process (fork
 * never follows OpenMP in one process). Prints one reference line (bench/README.md):
 *   floor,MODEL,P,ROUNDS,median,min,max,BATCHES,us/round
 * where the figures are the mean round time of each batch, median over the batches.
 */
#include <errno.h>
#include <omp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "stats.h"
#include "timer.h"

#define MAX_P   1024
#define BATCHES 31

static volatile int sink[MAX_P * 16]; /* one cache line per thread: the region is not empty */

static int round_openmp(int p)
{
    int ok = 1;
#pragma omp parallel num_threads(p)
    {
        sink[omp_get_thread_num() * 16]++;
        if (omp_get_num_threads() != p)
            ok = 0;
    }
    return ok ? 0 : -1;
}

static void *thread_main(void *arg)
{
    sink[(int)(long)arg * 16]++;
    return NULL;
}

static int round_pthread(int p)
{
    pthread_t tid[MAX_P];
    int created = 0, rc = 0;
    for (; created < p; created++)
        if ((rc = pthread_create(&tid[created], NULL, thread_main, (void *)(long)created)))
            break;
    for (int w = 0; w < created; w++)
        pthread_join(tid[w], NULL);
    return rc ? -1 : 0;
}

static int round_fork(int p)
{
    pid_t pid[MAX_P];
    int created = 0, rc = 0;
    for (; created < p; created++) {
        pid[created] = fork();
        if (pid[created] == 0)
            _exit(0);
        if (pid[created] < 0) {
            rc = -1;
            break;
        }
    }
    for (int w = 0; w < created; w++) {
        int status;
        while (waitpid(pid[w], &status, 0) < 0)
            if (errno != EINTR)
                return -1;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            rc = -1;
    }
    return rc;
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        int (*round)(int);
        int rounds; /* per batch: a batch lasts milliseconds, long beside the clock's cost */
    } models[] = {
        {"openmp", round_openmp, 2000}, {"pthread", round_pthread, 200}, {"fork", round_fork, 40}};
    char err[256];
    int p, m = -1;

    if (argc != 3) {
        fprintf(stderr, "usage: floors openmp|pthread|fork P\n");
        return 2;
    }
    for (int i = 0; i < 3; i++)
        if (strcmp(argv[1], models[i].name) == 0)
            m = i;
    if (m < 0) {
        fprintf(stderr, "floors: unknown model '%s' (openmp, pthread or fork)\n", argv[1]);
        return 2;
    }
    if (pk_cli_parse_int("workers", argv[2], 1, MAX_P, &p, err, sizeof err)) {
        fprintf(stderr, "floors: %s\n", err);
        return 2;
    }
    omp_set_dynamic(0);

    double us[BATCHES];
    int rounds = models[m].rounds;
    for (int b = -1; b < BATCHES; b++) { /* batch -1 warms up: libgomp makes its team there */
        double t0 = pk_timer_now();
        for (int r = 0; r < rounds; r++)
            if (models[m].round(p)) {
                fprintf(stderr, "floors: a %s round of %d workers failed\n", argv[1], p);
                return 1;
            }
        if (b >= 0)
            us[b] = (pk_timer_now() - t0) * 1e6 / rounds;
    }
    struct pk_summary s;
    if (pk_stats_summarize(us, BATCHES, &s))
        return 1;
    printf("floor,%s,%d,%d,%.6g,%.6g,%.6g,%d,us/round\n", argv[1], p, rounds, s.median, s.min,
           s.max, BATCHES);
    return fflush(stdout) || ferror(stdout) ? 1 : 0;
}
