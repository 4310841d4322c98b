/*
 * Starting one configuration: pk-run for the in-process models, LAUNCHER ... pk-mpi for mpi;
 * then turning whatever came back (a result line, an exit status, a signal, silence) into a
 * record, so that one broken configuration is reported and never taken for a success.
 */
#include "pk.h"

#include <ctype.h>
#include <dirent.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "launch_flavour.h"
#include "sysinfo.h"
#include "version.h"

#define MAX_ARGS 96

static const char *const omp_binding[2] = {"OMP_PROC_BIND", "OMP_PLACES"};

/*
 * OpenMP's binding variables reach openmp runners only: libgomp, linked into every runner,
 * reads them at load time and pins the main thread, which would leave a threads or fork
 * runner with one CPU for all its workers. openmp runners get pk's --bind, or else the
 * caller's own settings.
 */
static void set_omp_binding(const struct pk_launch *l, enum pk_model model)
{
    static const char *const places = "cores";
    for (int i = 0; i < 2; i++) {
        const char *ours = i == 0 ? pk_bind_name(l->bind) : places;
        bool omp = model == PK_OPENMP || model == PK_HYBRID;
        if (omp && l->bind != PK_BIND_NONE)
            setenv(omp_binding[i], ours, 1);
        else if (omp && l->user_omp[i])
            setenv(omp_binding[i], l->user_omp[i], 1);
        else
            unsetenv(omp_binding[i]);
    }
}

void pk_launch_init(struct pk_launch *l)
{
    char dir[PATH_MAX] = ".";
    const char *override = getenv("PK_RUNNER_DIR"); /* tests point pk at other runners */

    memset(l, 0, sizeof *l);
    if (override && *override)
        snprintf(dir, sizeof dir, "%s", override);
    else
        pk_sys_self_dir(dir, sizeof dir);
    snprintf(l->run_path, sizeof l->run_path, "%.*s/pk-run", PATH_MAX - 16, dir);
    snprintf(l->mpi_path, sizeof l->mpi_path, "%.*s/pk-mpi", PATH_MAX - 16, dir);
    snprintf(l->launcher, sizeof l->launcher, "%s",
             getenv("SLURM_JOB_ID") ? "srun" : pk_mpi_default_launcher());
    l->cores = pk_sys_cores();
    l->timeout_s = 600;
    l->reps = 10;
    l->warmup = 1;
    gethostname(l->host, sizeof l->host);
    l->host[sizeof l->host - 1] = '\0';
    time_t now = time(NULL);
    strftime(l->run, sizeof l->run, "%Y%m%dT%H%M%S", localtime(&now));
    snprintf(l->run + strlen(l->run), sizeof l->run - strlen(l->run), "-%d", (int)getpid());
    snprintf(l->commit, sizeof l->commit, "%s", PK_BUILD_COMMIT);
    for (int i = 0; i < 2; i++) {
        const char *v = getenv(omp_binding[i]);
        l->user_omp[i] = v ? strdup(v) : NULL;
    }
    const char *job = getenv("SLURM_JOB_ID"), *task = getenv("SLURM_ARRAY_TASK_ID");
    snprintf(l->job, sizeof l->job, "%s%s%s", job ? job : "", task ? "_" : "", task ? task : "");
}

/* The first word of the launcher command. */
static void launcher_program(const struct pk_launch *l, char *buf, size_t len)
{
    size_t n = strcspn(l->launcher, " ");
    snprintf(buf, len, "%.*s", (int)n, l->launcher);
}

bool pk_launch_mpi_available(const struct pk_launch *l, char *why, size_t len)
{
    char program[256];
    if (access(l->mpi_path, X_OK) != 0) {
        snprintf(why, len,
                 "%s was not built (mpicc was missing at build time: run 'make deps', then "
                 "'make')",
                 l->mpi_path);
        return false;
    }
    launcher_program(l, program, sizeof program);
    if (!pk_child_on_path(program)) {
        snprintf(why, len, "MPI launcher '%s' not found (install %s, or give --launcher)", program,
                 pk_mpi_flavour()->package);
        return false;
    }
    return true;
}

static bool is_srun(const char *program)
{
    const char *base = strrchr(program, '/');
    return strcmp(base ? base + 1 : program, "srun") == 0;
}

/* Splits the launcher into words and adds what it needs to start p ranks here. */
static int launcher_words(const struct pk_launch *l, int p, int threads, char *store,
                          size_t storelen, char **argv, int max)
{
    static char np[16], cpus[16], plugin[32];
    char program[256];
    int argc = 0;

    snprintf(store, storelen, "%s", l->launcher);
    for (char *rest = store, *w; (w = strsep(&rest, " ")) && argc < max - 8;)
        if (*w)
            argv[argc++] = w;
    snprintf(np, sizeof np, "%d", p);
    launcher_program(l, program, sizeof program);
    if (is_srun(program)) {
        argv[argc++] = "-n";
        argv[argc++] = np;
        snprintf(plugin, sizeof plugin, "--mpi=%s", pk_mpi_flavour()->srun_mpi);
        argv[argc++] = plugin;
        snprintf(cpus, sizeof cpus, "%d", threads);
        argv[argc++] = "-c"; /* Slurm 22.05 does not pass sbatch's --cpus-per-task on */
        argv[argc++] = cpus;
        argv[argc++] = l->bind == PK_BIND_NONE ? "--cpu-bind=none" : "--cpu-bind=cores";
        if (l->bind != PK_BIND_NONE)
            argv[argc++] =
                l->bind == PK_BIND_CLOSE ? "--distribution=block" : "--distribution=cyclic";
        return argc;
    }
    /* the flags of the MPI library pk-mpi was built with (launch_flavour.c) */
    argc += pk_mpi_launcher_flags(pk_mpi_flavour(), p, l->cores, l->bind, geteuid() == 0, np,
                                  argv + argc, max - argc);
    return argc;
}

#define VADER_DIR "OMPI_MCA_btl_vader_backing_directory"

/*
 * Open MPI's shared-memory transport keeps a file per rank in /dev/shm and removes them when
 * mpirun ends in order; a launcher that pk had to KILL (past --timeout's grace) leaves them.
 * So a local launcher gets a directory of pk's own for them, emptied and removed after each
 * launch, unless the caller chose one. Not under srun: ranks on other nodes would look for
 * the directory there. Returns false (dir unused) when it does not apply or cannot be made.
 */
static bool shm_dir_begin(const struct pk_launch *l, enum pk_model model, char *dir, size_t len)
{
    char program[256];

    if (!pk_model_is_distributed(model) || getenv(VADER_DIR) || !pk_mpi_flavour()->shm_env)
        return false;
    launcher_program(l, program, sizeof program);
    if (is_srun(program))
        return false;
    snprintf(dir, len, "/dev/shm/pk-%ld-XXXXXX", (long)getpid());
    if (!mkdtemp(dir))
        return false;
    setenv(VADER_DIR, dir, 1);
    return true;
}

static void shm_dir_end(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;

    unsetenv(VADER_DIR);
    while (d && (e = readdir(d)))
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            unlinkat(dirfd(d), e->d_name, 0);
    if (d)
        closedir(d);
    rmdir(dir);
}

/* The runner's argv for cfg; text holds the numbers. Returns the count. */
static int runner_argv(const struct pk_launch *l, const struct pk_config *cfg, int reps,
                       char **argv, char text[][64], char *store, size_t storelen)
{
    const struct pk_case *c = &cfg->spec;
    const struct pk_kernel *k = c->kernel;
    int argc = 0, t = 0;

    if (pk_model_is_distributed(c->model)) {
        int threads = c->model == PK_HYBRID ? c->threads_per_rank : 1;
        argc = launcher_words(l, c->workers / threads, threads, store, storelen, argv, MAX_ARGS);
        argv[argc++] = (char *)l->mpi_path;
        argv[argc++] = (char *)k->name;
        if (c->model == PK_HYBRID) {
            snprintf(text[t], 64, "%d", threads);
            argv[argc++] = "--threads";
            argv[argc++] = text[t++];
        }
    } else {
        argv[argc++] = (char *)l->run_path;
        argv[argc++] = (char *)k->name;
        argv[argc++] = (char *)pk_model_name(c->model);
        snprintf(text[t], 64, "%d", c->workers);
        argv[argc++] = text[t++];
    }
    snprintf(text[t], 64, "%lld", c->n);
    argv[argc++] = text[t++];
    snprintf(text[t], 64, "%d", reps);
    argv[argc++] = "--reps";
    argv[argc++] = text[t++];
    snprintf(text[t], 64, "%d", l->warmup);
    argv[argc++] = "--warmup";
    argv[argc++] = text[t++];
    snprintf(text[t], 64, "%llu", c->seed);
    argv[argc++] = "--seed";
    argv[argc++] = text[t++];
    if (!pk_model_is_distributed(c->model)) {
        argv[argc++] = "--bind";
        argv[argc++] = (char *)pk_bind_name(l->bind);
    }
    if (l->until_ci > 0) {
        snprintf(text[t], 64, "%g", l->until_ci);
        argv[argc++] = "--until-ci";
        argv[argc++] = text[t++];
    }
    for (int i = 0; i < PK_MAX_PARAMS && k->params[i].name; i++) {
        const struct pk_param *p = &k->params[i];
        snprintf(text[t], 64, "--%s", p->name);
        argv[argc++] = text[t++];
        if (p->choices[0])
            snprintf(text[t], 64, "%s", p->choices[c->param[i]]);
        else
            snprintf(text[t], 64, "%lld", c->param[i]);
        argv[argc++] = text[t++];
    }
    argv[argc] = NULL;
    return argc;
}

/* The last stderr line that says something (not an Open MPI rule of dashes). */
static void stderr_reason(const char *err, char *buf, size_t len)
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

/* Finds the one result line in the runner's stdout; NULL if there is none or several. */
static const char *find_result_line(const char *out, int *count)
{
    const char *found = NULL;
    *count = 0;
    for (const char *line = out; line && *line;) {
        if (strncmp(line, PK_RECORD_TAG " ", sizeof PK_RECORD_TAG) == 0) {
            found = line;
            (*count)++;
        }
        line = strchr(line, '\n');
        if (line)
            line++;
    }
    return *count == 1 ? found : NULL;
}

/* pk's own record of a configuration whose runner gave no usable result line. */
__attribute__((format(printf, 4, 5))) static void account(const struct pk_config *cfg,
                                                          struct pk_result *out,
                                                          enum pk_status status, const char *fmt,
                                                          ...)
{
    va_list ap;
    pk_record_init(&out->rec);
    pk_record_describe(&out->rec, &cfg->spec, 0);
    out->rec.status = status;
    va_start(ap, fmt);
    vsnprintf(out->rec.detail, sizeof out->rec.detail, fmt, ap);
    va_end(ap);
}

/* Judges a finished child: the record it printed, or why there is none. */
static void judge(const struct pk_config *cfg, const struct pk_child *child, double timeout_s,
                  struct pk_result *out)
{
    struct pk_record *rec = &out->rec;
    char reason[200], err[200];
    int lines;
    const char *line = find_result_line(child->out, &lines);

    stderr_reason(child->err, reason, sizeof reason);
    if (child->timed_out) {
        account(cfg, out, PK_STATUS_TIMEOUT, "no result within --timeout %g s; killed", timeout_s);
        return;
    }
    if (!line) {
        if (lines > 1)
            account(cfg, out, PK_STATUS_ERROR, "runner printed %d result lines", lines);
        else if (child->signaled)
            account(cfg, out, PK_STATUS_ERROR, "runner killed by signal %d (%s)", child->signal,
                    strsignal(child->signal));
        else if (child->exit_code == 2)
            account(cfg, out, PK_STATUS_ERROR, "runner refused the configuration: %s", reason);
        else
            account(cfg, out, PK_STATUS_ERROR, "no result line (exit status %d): %s",
                    child->exit_code, reason[0] ? reason : "the runner printed nothing");
        return;
    }
    if (pk_record_parse(line, rec, err, sizeof err)) {
        account(cfg, out, PK_STATUS_ERROR, "%s", err);
        return;
    }
    if (strcmp(rec->kernel, cfg->spec.kernel->name) ||
        strcmp(rec->model, pk_model_name(cfg->spec.model)) || rec->workers != cfg->spec.workers ||
        rec->n != cfg->spec.n || rec->threads != cfg->spec.threads_per_rank) {
        account(cfg, out, PK_STATUS_ERROR, "result line is for another configuration (%s %s)",
                rec->kernel, rec->model);
        return;
    }
    /* a result line is not enough: the runner must also have ended as it said it would */
    bool clean = child->exited && child->exit_code == (pk_status_is_failure(rec->status) ? 1 : 0);
    if (!clean && !pk_status_is_failure(rec->status)) {
        rec->status = PK_STATUS_ERROR;
        if (child->signaled)
            snprintf(rec->detail, sizeof rec->detail, "runner killed by signal %d after its result",
                     child->signal);
        else
            snprintf(rec->detail, sizeof rec->detail, "runner exited %d after its result: %s",
                     child->exit_code, reason);
    }
}

bool pk_launch_run(const struct pk_launch *l, const struct pk_config *cfg, int reps,
                   struct pk_child_control *ctl, struct pk_result *out)
{
    char *argv[MAX_ARGS + 1], text[24][64], store[512], err[256];
    struct pk_child child;
    bool finished;

    memset(out, 0, sizeof *out);
    out->kernel = cfg->spec.kernel;
    if (cfg->by_class)
        snprintf(out->cls, sizeof out->cls, "%s", pk_class_name(cfg->cls));
    snprintf(out->host, sizeof out->host, "%s", l->host);
    snprintf(out->run, sizeof out->run, "%s", l->run);
    snprintf(out->commit, sizeof out->commit, "%s", l->commit);
    snprintf(out->job, sizeof out->job, "%s", l->job);
    out->wall_s = out->startup_s = NAN;
    runner_argv(l, cfg, reps, argv, text, store, sizeof store);
    set_omp_binding(l, cfg->spec.model);
    char shm[64];
    bool own_shm = shm_dir_begin(l, cfg->spec.model, shm, sizeof shm);
    int not_started = pk_child_run(argv, l->timeout_s, ctl, &child, err, sizeof err);
    if (own_shm)
        shm_dir_end(shm);
    if (not_started) {
        account(cfg, out, PK_STATUS_ERROR, "%s", err);
        return true;
    }
    finished = !child.stopped;
    out->wall_s = child.wall_s;
    judge(cfg, &child, l->timeout_s, out);
    out->startup_s = out->rec.startup_s;
    if (pk_model_is_distributed(cfg->spec.model) && out->rec.status == PK_STATUS_OK)
        /* what the launcher took before main(), plus MPI_Init */
        out->startup_s = (child.wall_s - out->rec.elapsed_s) + out->rec.startup_s;
    pk_child_free(&child);
    return finished;
}
