/*
 * pk run: builds the plan (kernels x models x worker counts), runs every configuration in its
 * own child process, checks that the models of each kernel agree, and reports. This file holds
 * the flow, the signals and the writing of results; run_request.h names the other parts.
 */
#include "cmd_run.h"

#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "outfile.h"
#include "sysinfo.h"

static struct pk_child_control control;
static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
static volatile sig_atomic_t signal_seen;

/*
 * First SIGINT, SIGTERM, SIGHUP or SIGQUIT: stop launching and end the running configuration
 * (TERM, then KILL after a grace). Second: KILL its group at once; the launch still removes its
 * directory, and the results gathered so far are still written, before pk exits 128 + the
 * first signal.
 */
static void on_signal(int sig)
{
    if (signal_seen) {
        control.kill = 1;
        if (control.pgid)
            kill(-control.pgid, SIGKILL);
        return;
    }
    signal_seen = sig;
    control.stop = 1;
}

/* Sends the stop signals to on_signal; HUP or QUIT ignored by whoever started pk stays so. */
static void catch_stop_signals(void)
{
    struct sigaction sa = {.sa_handler = on_signal};
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof stop_signals / sizeof stop_signals[0]; i++) {
        struct sigaction old;
        /* nohup's ignored HUP stays ignored */
        if (sigaction(stop_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN &&
            (stop_signals[i] == SIGHUP || stop_signals[i] == SIGQUIT))
            continue;
        sigaction(stop_signals[i], &sa, NULL);
    }
}

/* Writes every -o file (each through its own temporary file and rename); -1 if one failed. */
static int write_output(const struct run_request *q, const struct pk_config *cfgs, int n,
                        struct pk_result *scratch, const struct pk_context *ctx)
{
    static char said[MAX_OUTPUTS][512]; /* each new reason once per file, not per configuration */
    int m = run_collect(cfgs, n, scratch), rc = 0;
    for (int i = 0; i < q->noutputs; i++) {
        struct pk_outfile o;
        char err[512] = "";
        if (pk_outfile_open(&o, q->output[i], err, sizeof err) ||
            pk_report_write(o.f, q->output_format[i], scratch, m, ctx, false) ||
            pk_outfile_commit(&o, err, sizeof err)) {
            if (o.f)
                pk_outfile_abort(&o);
            if (!err[0])
                snprintf(err, sizeof err, "cannot write the results file '%s'", q->output[i]);
            if (strcmp(said[i], err) != 0)
                fprintf(stderr, "pk: %s\n", err);
            snprintf(said[i], sizeof said[i], "%s", err);
            rc = -1;
        }
    }
    return rc;
}

/*
 * Rewrites the results file with the verdicts so far: every configuration that ran, with the
 * models' agreement checked on a copy (view), so that a file cut short by a signal or a crash
 * already says DISAGREE where the results differ.
 */
static int write_record(const struct run_request *q, const struct pk_config *cfgs,
                        struct pk_config *view, int n, struct pk_result *scratch,
                        const struct pk_context *ctx)
{
    memcpy(view, cfgs, (size_t)n * sizeof *view);
    run_check_agreement(view, n);
    return write_output(q, view, n, scratch, ctx);
}

/* Tells the runners whether to report progress (OpenMP's binding is set per launch). */
static void prepare_environment(bool show, bool quiet)
{
    const char *threads = getenv("OMP_NUM_THREADS");
    char shown[192];

    if (show)
        setenv("PK_PROGRESS", "1", 1);
    else
        unsetenv("PK_PROGRESS");
    /*
     * pk sizes every team itself (num_threads), so OMP_NUM_THREADS changes nothing it runs; but
     * a value that is no list of counts can break a runtime (LLVM's libomp 14 allocates until
     * the OOM killer stops it on "abc"): it is not passed on.
     */
    if (threads && strspn(threads, "0123456789, ") != strlen(threads)) {
        if (!quiet)
            fprintf(stderr,
                    "pk: warning: OMP_NUM_THREADS='%s' is not a list of thread counts: not passed "
                    "to the runners (pk sets each team's size itself)\n",
                    (pk_cli_quote(threads, shown, sizeof shown), shown));
        unsetenv("OMP_NUM_THREADS");
    }
}

int cmd_run(int argc, char **argv)
{
    /* static, not on the stack (about 40 KB): pk must run under a small ulimit -s */
    static struct run_request q;
    static struct pk_launch l;
    static struct pk_result once;
    static struct pk_context ctx;
    struct pk_config *cfgs, *view;
    struct pk_result *scratch;
    struct launch_step *steps;
    char err[512];
    bool failed = false, output_failed = false, color;
    int n, nsteps;

    double busy = NAN, steal;
    pk_launch_init(&l);
    const char *fake_busy = getenv("PK_BUSY_CPUS"); /* tests: the busy CPUs to assume */
    if (fake_busy && pk_cli_parse_seconds("PK_BUSY_CPUS", fake_busy, &busy, err, sizeof err))
        pk_usage_error("%s", err);
    run_parse_request(argc, argv, &q, &l);
    if (pk_launch_check_env(&l, err, sizeof err))
        pk_usage_error("%s", err);
    run_check_params_used(&q);
    run_choose_models(&q, &l);
    for (int i = 0; i < q.noutputs; i++)
        if (pk_outfile_probe(q.output[i], err, sizeof err))
            pk_usage_error("%s", err);
    n = run_plan(&q, &cfgs);
    steps = run_schedule(&q, l.reps, n, &nsteps);
    if (!(scratch = calloc((size_t)n + 1, sizeof *scratch)) ||
        !(view = calloc((size_t)n, sizeof *view)))
        pk_usage_error("out of memory for %d results", n);
    color = isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
    run_progress_start(!q.quiet && isatty(STDERR_FILENO), nsteps);
    prepare_environment(run_progress_on(), q.quiet);
    control.on_progress = run_progress_on() ? run_progress_line : NULL;
    pk_context_gather(&ctx, q.format == PK_FORMAT_JSON || q.output_json);

    /*
     * A reader of stdout that goes away must not kill pk before the results file holds every
     * verdict: EPIPE is a write error (exit 1). Other commands die of SIGPIPE, as filters do.
     */
    signal(SIGPIPE, SIG_IGN);
    /*
     * The CPUs that other work keeps busy, over 0.2 s now that nothing of ours runs: in the
     * context of every result, and a warning now, not after a run of minutes, for the reader
     * may rather quiet the machine first.
     */
    if (!fake_busy) {
        double others = pk_sys_cpus_busy(0.2, &steal);
        busy = others >= 0 ? others + steal : NAN;
    }
    if (!isnan(busy)) {
        char text[64];
        snprintf(text, sizeof text, "%.2f of %d usable, just before the run", busy, l.cores);
        pk_context_set(&ctx, "cpus busy", text);
    }
    if (!q.quiet) {
        pk_report_busy_warning(stderr, l.cores, busy);
        run_warn_sizes(stderr, &l, cfgs, n);
    }
    catch_stop_signals();

    for (int i = 0; i < nsteps && !signal_seen; i++) {
        struct pk_config *cfg = &cfgs[steps[i].cfg];
        run_progress_step(i, cfg);
        if (!pk_launch_run(&l, cfg, steps[i].reps, &control, &once))
            break; /* interrupted: this launch measured nothing whole */
        /* the options column: bind from the launch, the order here */
        size_t used = strlen(once.options);
        snprintf(once.options + used, sizeof once.options - used, "/order:%s",
                 run_order_names[q.order]);
        run_merge(cfg, &once);
        run_note_until_ci(cfg, &l);
        if (q.noutputs && write_record(&q, cfgs, view, n, scratch, &ctx))
            output_failed = true;
    }
    run_progress_end();
    run_check_agreement(cfgs, n);
    for (int i = 0; i < n; i++)
        failed |= cfgs[i].ran && pk_status_is_failure(cfgs[i].res.rec.status);

    /* the results file is the record: whole, every verdict in it, before anything is printed */
    if (q.noutputs && write_record(&q, cfgs, view, n, scratch, &ctx))
        output_failed = true;
    int m = run_collect(cfgs, n, scratch);
    pk_report_write(
        stdout, q.format, scratch, m,
        q.quiet && (q.format == PK_FORMAT_TABLE || q.format == PK_FORMAT_MARKDOWN) ? NULL : &ctx,
        color);
    fflush(stdout);
    if (!q.quiet)
        pk_report_warnings(stderr, scratch, m, l.cores, NAN); /* the busy CPUs: said before */
    free(scratch);
    free(steps);
    free(view);
    free(cfgs);
    if (signal_seen) {
        fprintf(stderr, "pk: interrupted; the results above are what was measured\n");
        fflush(stdout);
        return 128 + signal_seen;
    }
    return pk_finish_stdout(failed || output_failed ? 1 : 0);
}
