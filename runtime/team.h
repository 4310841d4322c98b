/*
 * The OpenMP team that really runs: the openmp and hybrid models ask for p threads with
 * num_threads(p), but the runtime may give fewer (OMP_THREAD_LIMIT, OMP_DYNAMIC,
 * OMP_MAX_ACTIVE_LEVELS), and a row would then say p while one thread ran. Checked once, by the
 * harness, before a configuration runs (pk_case_prepare), not by each kernel.
 */
#ifndef PK_TEAM_H
#define PK_TEAM_H

#include <stddef.h>

/*
 * Checks that a parallel region asking for `want` threads gets exactly `want` in this process:
 * refuses when the runtime may shrink teams (dynamic adjustment on, a thread limit below want,
 * no active level left), then opens one region with num_threads(want) and compares
 * omp_get_num_threads() inside it. Returns 0, or -1 with a one-line reason in err that names
 * the environment variable responsible (and its value) when one is set. Compiled with -fopenmp
 * (team_openmp.c): call it only in a process that will not fork afterwards.
 */
int pk_team_check(int want, char *err, size_t errlen);

#endif
