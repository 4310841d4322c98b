/*
 * Warnings about the numbers themselves, each printed once and naming its fix: a reader who
 * trusts a 0.3 ms median on a loaded laptop learns nothing, and should be told so.
 */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { W_FAST, W_NOISY, W_FIRST_SLOW, W_OVERSUBSCRIBED, W_NWARN };

static const char *const advice[W_NWARN] = {
    [W_FAST] = "median rep below 1 ms: timer and launch noise weigh too much; choose a larger "
               "class (-c A) or size",
    [W_NOISY] = "95% interval wider than 5% of the median either way: a noisy machine; quiet "
                "it, or add reps (-r 30, or --until-ci 2)",
    [W_FIRST_SLOW] = "first timed rep over twice the median: warm-up is not over; add warm-up "
                     "reps (-w 3)",
    [W_OVERSUBSCRIBED] = "more workers than usable cores: the time measures time-sharing, not "
                         "scaling; use -p up to the core count",
};

void pk_report_warnings(FILE *f, const struct pk_result *all, int n, int cores, double load)
{
    int count[W_NWARN] = {0}, example[W_NWARN];

    for (int i = 0; i < n; i++) {
        const struct pk_record *r = &all[i].rec;
        struct pk_summary s = pk_result_summary(&all[i]);
        bool hit[W_NWARN] = {false};
        if (r->reps == 0 || pk_status_is_failure(r->status))
            continue;
        hit[W_FAST] = s.median < 1e-3;
        hit[W_NOISY] = !isnan(s.ci_lo) && (s.ci_hi - s.ci_lo) / 2 > 0.05 * s.median;
        hit[W_FIRST_SLOW] = r->reps >= 3 && r->times[0] > 2 * s.median;
        hit[W_OVERSUBSCRIBED] = cores > 0 && r->workers > cores;
        for (int w = 0; w < W_NWARN; w++)
            if (hit[w] && count[w]++ == 0)
                example[w] = i;
    }
    for (int w = 0; w < W_NWARN; w++)
        if (count[w])
            fprintf(f, "pk: warning: %s (%d configuration%s, e.g. %s %s p=%d)\n", advice[w],
                    count[w], count[w] > 1 ? "s" : "", all[example[w]].rec.kernel,
                    all[example[w]].rec.model, all[example[w]].rec.workers);
#if !defined(__OPTIMIZE__) || defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    fprintf(f, "pk: warning: this pk was built without optimisation or with sanitizers: its "
               "times are not representative; rebuild with 'make clean && make'\n");
#endif
    /* read before the run: afterwards the load is pk's own workers */
    if (cores > 0 && load > 0.5 * cores)
        fprintf(f,
                "pk: warning: load average %.2f on %d cores before the run: other work "
                "competes for the CPUs; quiet the machine and run again\n",
                load, cores);
}
