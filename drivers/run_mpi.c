/*
 * pk-mpi: runs one configuration of the mpi model on every rank a launcher started
 * (mpirun, mpiexec, srun) and prints its result line from rank 0. A rep's time is the
 * maximum over ranks between barriers; rank 0 verifies the gathered result.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fault.h"
#include "launch_flavour.h"
#include "pk_kernel_mpi.h"
#include "reps.h"
#include "runner.h"
#include "sysinfo.h"
#include "timer.h"

static const char usage[] =
    "usage: LAUNCHER -np P pk-mpi KERNEL SIZE [-r REPS] [-w WARMUP] [--seed S]\n"
    "                               [--until-ci PCT] [--threads T] [--pages normal|huge]\n"
    "                               [--OPTION VALUE]\n"
    "       pk-mpi --library\n"
    "--threads T runs the hybrid model: P ranks of T OpenMP threads each.\n"
    "Placement (--bind) belongs to the launcher: pk passes its binding flags.\n"
    "Runs one mpi configuration on P ranks and prints one result line from rank 0.\n"
    "--library prints the MPI library it links, as its result lines name it, and exits\n"
    "(without a launcher: MPI_Get_library_version needs no MPI_Init).\n";

static MPI_Comm comm;
static int rank, ranks;

/* The library's name and version, as every result line of this runner records it. */
static void library_name(char *out, size_t len)
{
    char text[MPI_MAX_LIBRARY_VERSION_STRING];
    int n = 0;
    MPI_Get_library_version(text, &n);
    text[n > 0 && n < (int)sizeof text ? n : 0] = '\0';
    pk_mpi_library_name(text, out, len);
}

/* A usage error is decided alike on every rank (all parse the same words); rank 0 says it. */
static _Noreturn void usage_error(const char *message)
{
    if (rank == 0)
        runner_error("pk-mpi", message);
    MPI_Finalize();
    exit(2);
}

/*
 * Turns each rank's status into one decision: returns the lowest rank whose rc is nonzero
 * (or -1 if none), and copies that rank's reason into c->error on rank 0.
 */
static int agree_on_failure(struct pk_case *c, int rc, int *worst_rc)
{
    int mine = rc ? rank : INT_MAX, first;
    MPI_Allreduce(&mine, &first, 1, MPI_INT, MPI_MIN, comm);
    if (first == INT_MAX)
        return -1;
    if (first != 0) {
        if (rank == first)
            MPI_Send(c->error, sizeof c->error, MPI_CHAR, 0, 0, comm);
        if (rank == 0)
            MPI_Recv(c->error, sizeof c->error, MPI_CHAR, first, 0, comm, MPI_STATUS_IGNORE);
    }
    *worst_rc = rc;
    MPI_Bcast(worst_rc, 1, MPI_INT, first, comm);
    return first;
}

/*
 * Rank 0 learns where every rank ran: its CPUs (a hybrid rank's: each of its threads', as the
 * team that OMP_PROC_BIND pinned has them) and the distinct hosts, in rank order.
 */
static void gather_placement(struct pk_record *rec, int threads)
{
    char mine[2][256], *all = rank == 0 ? malloc((size_t)ranks * sizeof mine) : NULL;
    if (threads > 1)
        pk_bind_openmp_report(threads, mine[0], sizeof mine[0]);
    else
        pk_bind_current(mine[0], sizeof mine[0]);
    gethostname(mine[1], sizeof mine[1]);
    mine[1][sizeof mine[1] - 1] = '\0';
    MPI_Gather(mine, sizeof mine, MPI_CHAR, all, sizeof mine, MPI_CHAR, 0, comm);
    if (rank != 0 || !all)
        return;
    rec->cpus[0] = rec->hosts[0] = '\0';
    for (int r = 0; r < ranks; r++) {
        const char *cpus = all + (size_t)r * sizeof mine, *host = cpus + sizeof mine[0];
        bool seen = false;
        pk_bind_append(rec->cpus, sizeof rec->cpus, cpus);
        for (int q = 0; q < r; q++)
            seen |= strcmp(host, all + (size_t)q * sizeof mine + sizeof mine[0]) == 0;
        if (!seen)
            pk_bind_append(rec->hosts, sizeof rec->hosts, host);
    }
    free(all);
}

/*
 * Coverage: every rank's own block of [0, n) from pk_partition_block, gathered to rank 0, must
 * tile [0, n); rank 0 writes the reason into partition when they do not ("" when they do).
 */
static void gather_partition(const struct pk_case *c, char *partition, size_t len)
{
    struct pk_range mine = pk_partition_block(c->n, ranks, rank);
    struct pk_range *all = rank == 0 ? malloc((size_t)ranks * sizeof *all) : NULL;
    MPI_Gather(&mine, 2, MPI_LONG_LONG, all, 2, MPI_LONG_LONG, 0, comm);
    partition[0] = '\0';
    if (rank == 0 && !all)
        snprintf(partition, len, "out of memory");
    else if (rank == 0)
        pk_partition_verify(c->n, ranks, all, partition, len);
    free(all);
}

/* What the rep loop's hooks need: the entry point and collect of the model that runs. */
struct ranks {
    pk_mpi_fn run, collect;
};

static int run_rep(void *ctx, struct pk_case *c)
{
    return pk_mpi_call(((struct ranks *)ctx)->run, c, comm);
}

/* Every rank starts the rep together; an injected fault strikes its rank at rep index + 1. */
static void before_rep(void *ctx, int index)
{
    (void)ctx;
    MPI_Barrier(comm);
    pk_fault_worker(rank, index + 1);
}

/* A rep takes as long as its slowest rank: the maximum, at rank 0. */
static double slowest_rank(void *ctx, double seconds)
{
    double slowest = 0;
    (void)ctx;
    MPI_Reduce(&seconds, &slowest, 1, MPI_DOUBLE, MPI_MAX, 0, comm);
    return slowest;
}

static int collect_rep(void *ctx, struct pk_case *c)
{
    const struct ranks *r = ctx;
    return r->collect ? pk_mpi_call(r->collect, c, comm) : 0;
}

static int agree_rep(void *ctx, struct pk_case *c, int *rc)
{
    (void)ctx;
    return agree_on_failure(c, *rc, rc);
}

static bool share_go_on(void *ctx, bool go_on)
{
    (void)ctx;
    MPI_Bcast(&go_on, 1, MPI_C_BOOL, 0, comm);
    return go_on;
}

static void span_pages(void *ctx, double share, double *lo, double *hi)
{
    (void)ctx;
    MPI_Reduce(&share, lo, 1, MPI_DOUBLE, MPI_MIN, 0, comm);
    MPI_Reduce(&share, hi, 1, MPI_DOUBLE, MPI_MAX, 0, comm);
}

/* Setup, then the rep loop (kernels/reps.c) with the ranks' hooks; rank 0 fills rec. */
static void execute(struct pk_case *c, pk_mpi_fn run, pk_mpi_fn collect, int warmup, int reps,
                    struct pk_record *rec)
{
    char err[256] = "", partition[256];
    struct ranks r = {run, collect};
    struct pk_reps h = {
        .ctx = &r,
        .run = run_rep,
        .before = before_rep,
        .clock = MPI_Wtime,
        .slowest = slowest_rank,
        .after = collect_rep,
        .agree = agree_rep,
        .share = share_go_on,
        .span = span_pages,
        .follower = rank != 0,
        .partition = partition,
    };
    int rc, who, worst;
    double t0 = pk_timer_now();

    rc = pk_case_prepare(c, err, sizeof err);
    snprintf(c->error, sizeof c->error, "%s", err);
    if ((who = agree_on_failure(c, rc, &worst)) >= 0) {
        pk_record_fail(rec, PK_STATUS_ERROR, who, c->error);
        if (rc == 0)
            pk_case_release(c);
        return;
    }
    rec->setup_s = pk_timer_now() - t0;
    gather_partition(c, partition, sizeof partition);
    pk_reps_run(c, &h, warmup, reps, rec);
    pk_case_release(c);
}

int main(int argc, char **argv)
{
    double started = pk_timer_now(), init_time, slowest_init;
    struct runner_args a;
    const struct pk_kernel *k;
    struct pk_case c;
    struct pk_record rec;
    long long n;
    char err[256];

    if (pk_sys_std_fds()) /* before MPI opens descriptors that would land on 0-2 */
        return 2;
    int provided;
    if (argc == 2 && strcmp(argv[1], "--library") == 0) {
        library_name(rec.mpi, sizeof rec.mpi);
        printf("%s\n", rec.mpi);
        return fflush(stdout) || ferror(stdout) ? 1 : 0;
    }
    /* funneled: in the hybrid model only each rank's main thread calls MPI */
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    init_time = pk_timer_now() - started;
    comm = MPI_COMM_WORLD;
    MPI_Comm_rank(comm, &rank);
    MPI_Comm_size(comm, &ranks);
    MPI_Reduce(&init_time, &slowest_init, 1, MPI_DOUBLE, MPI_MAX, 0, comm);

    if (runner_scan(argc, argv, &a, err, sizeof err))
        usage_error(err);
    if (a.help) {
        if (rank == 0)
            fputs(usage, stdout);
        MPI_Finalize();
        return 0;
    }
    if (a.npositional != 2)
        usage_error("expected KERNEL SIZE (try 'pk-mpi --help')");
    if (!(k = pk_kernel_find(a.positional[0])) || !k->mpi) {
        snprintf(err, sizeof err, "unknown kernel '%s' (try 'pk list')", a.positional[0]);
        usage_error(err);
    }
    if (runner_parse_size(a.positional[1], &n, err, sizeof err))
        usage_error(err);
    if (a.threads && !pk_kernel_has_hybrid(k)) {
        snprintf(err, sizeof err, "kernel '%s' has no hybrid model", k->name);
        usage_error(err);
    }
    if (a.threads && provided < MPI_THREAD_FUNNELED)
        usage_error("this MPI library cannot run threads in ranks (no MPI_THREAD_FUNNELED)");
    pk_case_init(&c, k, pk_model_of_runner(PK_RUNNER_LAUNCHER, a.threads > 0),
                 ranks * (a.threads ? a.threads : 1), n);
    c.rank = rank;
    c.ranks = ranks;
    c.threads_per_rank = a.threads ? a.threads : 1;
    if (runner_apply(&a, &c, err, sizeof err) || pk_case_check(&c, err, sizeof err) ||
        pk_fault_load(k->name, pk_model_name(c.model), err, sizeof err))
        usage_error(err);

    pk_record_init(&rec);
    pk_record_describe(&rec, &c, a.warmup);
    library_name(rec.mpi, sizeof rec.mpi);
    rec.startup_s = slowest_init;
    gather_placement(&rec, c.threads_per_rank);
    execute(&c, a.threads ? k->hybrid : k->mpi, k->mpi_collect, a.warmup, a.reps, &rec);

    int status = rank == 0 ? runner_finish(&rec, started) : 0;
    MPI_Bcast(&status, 1, MPI_INT, 0, comm);
    MPI_Finalize();
    return status;
}
