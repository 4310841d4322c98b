/*
 * The affinity of each OpenMP thread, read inside a parallel region (compiled with -fopenmp;
 * call it only in a process that will never fork: the openmp runner).
 */
#include "bind.h"

#include <omp.h>
#include <stdio.h>
#include <string.h>

void pk_bind_openmp_report(int p, char *buf, size_t len)
{
    char each[64][64];
    int team = p < 64 ? p : 64;
    memset(each, 0, sizeof each);
    buf[0] = '\0';
#pragma omp parallel num_threads(p)
    {
        int t = omp_get_thread_num();
        if (t < team)
            pk_bind_current(each[t], sizeof each[t]);
    }
    for (int t = 0; t < team; t++)
        pk_bind_append(buf, len, each[t]);
    /* cppcheck-suppress knownConditionTrueFalse ; it is true for p > 64 */
    if (p > team)
        pk_bind_append(buf, len, "...");
}
