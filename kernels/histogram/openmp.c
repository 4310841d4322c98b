/*
 * histogram, OpenMP model: a parallel for over [0, n) split by schedule(static). --sync
 * private: an array-section reduction, each thread counts into its own copy and libgomp adds
 * the copies into the shared bins; atomic: `omp atomic` on every update; lock: `omp critical`
 * around every update; none: a racy read-modify-write, losing updates on purpose.
 */
#include "kernel.h"

int histogram_openmp(struct pk_case *c, int p)
{
    struct histogram_data *d = c->data;
    unsigned long long seed = c->seed, *bins = d->bins, *total = d->total, count = 0;
    long long n = c->n, nbins = d->nbins;

    switch (histogram_sync_of(c)) {
    case HISTOGRAM_PRIVATE:
#pragma omp parallel for num_threads(p) schedule(static) reduction(+ : bins[:nbins], count)
        for (long long i = 0; i < n; i++) {
            bins[histogram_bin(seed, i, nbins)]++;
            count++;
        }
        *total = count; /* the reduction added into the bins that reset zeroed */
        break;
    case HISTOGRAM_ATOMIC: /* NOLINT(bugprone-branch-clone): the pragmas differ */
#pragma omp parallel for num_threads(p) schedule(static)
        for (long long i = 0; i < n; i++) {
            long long b = histogram_bin(seed, i, nbins);
#pragma omp atomic
            bins[b]++;
#pragma omp atomic
            (*total)++;
        }
        break;
    case HISTOGRAM_LOCK:
#pragma omp parallel for num_threads(p) schedule(static)
        for (long long i = 0; i < n; i++) {
            long long b = histogram_bin(seed, i, nbins);
#pragma omp critical
            {
                bins[b]++;
                (*total)++;
            }
        }
        break;
    case HISTOGRAM_NONE:
#pragma omp parallel for num_threads(p) schedule(static)
        for (long long i = 0; i < n; i++) {
            histogram_add_racy(&bins[histogram_bin(seed, i, nbins)]);
            histogram_add_racy(total);
        }
        break;
    }
    return 0;
}
