/*
 * Warnings about the numbers themselves, each printed once and naming its fix: a reader who
 * trusts a 0.3 ms median on a loaded laptop learns nothing, and should be told so.
 */
#include "report.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "model.h"

enum { W_FAST, W_NOISY, W_FIRST_SLOW, W_OVERSUBSCRIBED, W_NWARN };

static const char *const advice[W_NWARN] = {
    [W_FAST] = "median rep below 1 ms: timer and launch noise weigh too much; choose a larger "
               "class (-c A) or size",
    [W_NOISY] = "95% interval wider than 5% of the median either way: a noisy machine; quiet "
                "it, or add reps (-r 30, or --until-ci 2)",
    [W_FIRST_SLOW] = "first timed rep over twice the median: warm-up is not over; add warm-up "
                     "reps (-w 3)",
    [W_OVERSUBSCRIBED] = "more workers than usable cores (for mpi and hybrid: the cores of every "
                         "node of the SLURM job): the time measures time-sharing, not "
                         "scaling; use -p up to the core count",
};

/*
 * The CPUs of every node of a multi-node SLURM job: SLURM_JOB_CPUS_PER_NODE ("72(x2),36" is
 * 72 + 72 + 36), else SLURM_CPUS_ON_NODE x SLURM_JOB_NUM_NODES (or SLURM_NNODES); 0 outside
 * such a job or when the variables do not parse.
 */
int pk_slurm_job_cores(void)
{
    const char *nodes = getenv("SLURM_JOB_NUM_NODES"), *per = getenv("SLURM_JOB_CPUS_PER_NODE");
    char err[256];
    int nnodes, on;
    long long total;

    if (!nodes)
        nodes = getenv("SLURM_NNODES");
    if (!nodes || pk_cli_parse_int("nodes", nodes, 1, 1000000, &nnodes, err, sizeof err) ||
        nnodes < 2)
        return 0;
    if (per && pk_cli_parse_slurm_cpus(per, &total, err, sizeof err) == 0)
        return total > INT_MAX ? INT_MAX : (int)total;
    per = getenv("SLURM_CPUS_ON_NODE");
    if (per && pk_cli_parse_int("CPUs", per, 1, 1000000, &on, err, sizeof err) == 0)
        return (long long)on * nnodes > INT_MAX ? INT_MAX : on * nnodes;
    return 0;
}

void pk_report_busy_warning(FILE *f, int cores, double busy)
{
    /* read before the run: afterwards the CPUs are busy with pk's own workers */
    if (cores > 0 && busy > 0.5 * cores)
        fprintf(f,
                "pk: warning: other work kept %.2f of the %d usable CPUs busy just before the "
                "run; quiet the machine (results follow, to be read with care)\n",
                busy, cores);
}

void pk_report_warnings(FILE *f, const struct pk_result *all, int n, int cores, double busy)
{
    int count[W_NWARN] = {0}, example[W_NWARN];
    int job_cores = pk_slurm_job_cores();

    for (int i = 0; i < n; i++) {
        const struct pk_record *r = &all[i].rec;
        struct pk_summary s = pk_result_summary(&all[i]);
        bool hit[W_NWARN] = {false};
        if (r->reps == 0 || pk_status_is_failure(r->status))
            continue;
        hit[W_FAST] = s.median < 1e-3;
        hit[W_NOISY] = !isnan(s.ci_lo) && (s.ci_hi - s.ci_lo) / 2 > 0.05 * s.median;
        hit[W_FIRST_SLOW] = r->reps >= 3 && r->times[0] > 2 * s.median;
        enum pk_model m;
        int limit = cores; /* mpi and hybrid ranks spread over every node of the job */
        if (job_cores > cores && pk_model_parse(r->model, &m) == 0 && pk_model_is_distributed(m))
            limit = job_cores;
        hit[W_OVERSUBSCRIBED] = limit > 0 && r->workers > limit;
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
    pk_report_busy_warning(f, cores, busy); /* NAN: already said before the run */
}
