/*
 * Starting one configuration as its model's descriptor says: pk-run for the in-process models,
 * LAUNCHER ... pk-mpi for mpi and hybrid, INTERPRETER PROGRAM for an interpreted model (python:
 * launch_interp.c); launch_result.c turns whatever came back into a
 * record.
 */
#include "launch.h"

#include <errno.h>
#include <ftw.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "fault.h"
#include "launch_flavour.h"
#include "launch_result.h"
#include "sysinfo.h"
#include "version.h"

#define MAX_ARGS 96

static bool pk_launch_dir_set_vader, pk_launch_dir_set_orte;

/* A bounded argv: words past max are counted as overflow, never written. */
struct argv_build {
    char **v;
    int n, max;
    bool overflow;
};

static void add(struct argv_build *a, const char *word)
{
    if (a->n < a->max)
        a->v[a->n++] = (char *)word;
    else
        a->overflow = true;
}

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
        bool omp = pk_model_facts(model)->openmp;
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
    snprintf(l->dir, sizeof l->dir, "%s", dir);
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

int pk_launch_check_env(const struct pk_launch *l, char *err, size_t errlen)
{
    const char *dir = getenv("PK_RUNNER_DIR"), *fault = getenv("PK_FAULT");

    if (dir && *dir && access(l->run_path, X_OK) != 0) {
        snprintf(err, errlen, "PK_RUNNER_DIR '%.200s' holds no runnable pk-run (%s)", dir,
                 strerror(errno));
        return -1;
    }
    /* pk-run would refuse it in every configuration; refuse it once, before anything runs */
    if (fault && *fault && pk_fault_check(fault, err, errlen))
        return -1;
    return 0;
}

/* The first word of the launcher command. */
static void launcher_program(const struct pk_launch *l, char *buf, size_t len)
{
    size_t n = strcspn(l->launcher, " ");
    snprintf(buf, len, "%.*s", (int)n, l->launcher);
}

int pk_launch_set_launcher(struct pk_launch *l, const char *text, char *err, size_t errlen)
{
    int words = 0;
    for (const char *p = text; *p;) {
        p += strspn(p, " ");
        if (*p)
            words++;
        p += strcspn(p, " ");
    }
    if (words == 0) {
        snprintf(err, errlen, "launcher is empty");
        return -1;
    }
    if (strlen(text) >= sizeof l->launcher) {
        snprintf(err, errlen, "launcher '%.40s...' is too long (at most %zu characters)", text,
                 sizeof l->launcher - 1);
        return -1;
    }
    if (words > PK_LAUNCHER_MAX_WORDS) {
        snprintf(err, errlen, "launcher '%.40s...' has %d words (at most %d)", text, words,
                 PK_LAUNCHER_MAX_WORDS);
        return -1;
    }
    snprintf(l->launcher, sizeof l->launcher, "%s", text);
    l->launcher_given = true;
    return 0;
}

/* True if the launcher models can run: pk-mpi built and the launcher on PATH; else why not. */
static bool mpi_available(const struct pk_launch *l, char *why, size_t len)
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
        if (strchr(program, '/') && access(program, F_OK) == 0)
            snprintf(why, len, "MPI launcher '%s' is not a program pk may run (give --launcher)",
                     program);
        else
            snprintf(why, len, "MPI launcher '%s' not found (install %s, or give --launcher)",
                     program, pk_mpi_flavour()->package);
        return false;
    }
    return true;
}

bool pk_launch_available(const struct pk_launch *l, enum pk_model m, char *why, size_t len)
{
    switch (pk_model_desc(m)->runner) {
    case PK_RUNNER_LAUNCHER:
        return mpi_available(l, why, len);
    case PK_RUNNER_INTERPRETER:
        return pk_launch_interpreter_available(l, m, why, len);
    default:
        return true;
    }
}

static bool is_srun(const char *program)
{
    const char *base = strrchr(program, '/');
    return strcmp(base ? base + 1 : program, "srun") == 0;
}

/*
 * The launcher's words, then what it needs to start p ranks of `threads` threads here: the one
 * place where launcher flags are made. Bounded by a: too many words end as a->overflow.
 */
static void launcher_words(const struct pk_launch *l, int p, int threads, char *store,
                           size_t storelen, struct argv_build *a)
{
    static char np[16], cpus[16], plugin[32];
    char program[256];

    bool own_plugin = getenv("SLURM_MPI_TYPE") != NULL; /* the site's choice of srun plugin */
    snprintf(store, storelen, "%s", l->launcher);
    for (char *rest = store, *w; (w = strsep(&rest, " "));)
        if (*w) {
            own_plugin |= strncmp(w, "--mpi", 5) == 0; /* --launcher "srun --mpi=cray_shasta" */
            add(a, w);
        }
    snprintf(np, sizeof np, "%d", p);
    launcher_program(l, program, sizeof program);
    if (is_srun(program)) {
        add(a, "-n");
        add(a, np);
        snprintf(plugin, sizeof plugin, "--mpi=%s", pk_mpi_flavour()->srun_mpi);
        if (!own_plugin) /* srun takes the last --mpi: pk's would override the user's */
            add(a, plugin);
        snprintf(cpus, sizeof cpus, "%d", threads);
        add(a, "-c"); /* Slurm 22.05 does not pass sbatch's --cpus-per-task on */
        add(a, cpus);
        add(a, l->bind == PK_BIND_NONE ? "--cpu-bind=none" : "--cpu-bind=cores");
        if (l->bind != PK_BIND_NONE)
            add(a, l->bind == PK_BIND_CLOSE ? "--distribution=block" : "--distribution=cyclic");
        return;
    }
    /* the flags of the MPI library pk-mpi was built with (launch_flavour.c) */
    char *flags[16];
    int nflags = pk_mpi_launcher_flags(pk_mpi_flavour(), p, threads, l->cores, l->bind,
                                       geteuid() == 0, np, flags, 16);
    for (int i = 0; i < nflags; i++)
        add(a, flags[i]);
}

#define VADER_DIR   "OMPI_MCA_btl_vader_backing_directory"
#define ORTE_TMPDIR "OMPI_MCA_orte_tmpdir_base"

/*
 * A local launch leaves files behind when pk has to KILL it (past --timeout's grace), when a
 * rank is killed, or when pk is interrupted twice: Open MPI's shared-memory segments (one per
 * rank, /dev/shm/vader_segment.*) and its session directory ($TMPDIR/ompi.HOST.UID/...). So
 * each local launch gets a directory of pk's own, PK_LAUNCH_DIR (default /dev/shm, else
 * $TMPDIR or /tmp) /pk-PID-XXXXXX, for both, and it is removed with all it holds after the
 * launch; a setting the caller made for either is left as it is. Not under srun: ranks on other
 * nodes would look for the directory there. Returns false (dir unused) when it does not apply
 * or cannot be made.
 */
static bool launch_dir_begin(const struct pk_launch *l, enum pk_model model, char *dir, size_t len)
{
    char program[256];
    const char *base = getenv("PK_LAUNCH_DIR");

    if (pk_model_desc(model)->runner != PK_RUNNER_LAUNCHER || !pk_mpi_flavour()->shm_env)
        return false;
    launcher_program(l, program, sizeof program);
    if (is_srun(program))
        return false;
    if (!base || !*base)
        base = access("/dev/shm", W_OK | X_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
    if (!base || !*base)
        base = "/tmp";
    if ((size_t)snprintf(dir, len, "%s/pk-%ld-XXXXXX", base, (long)getpid()) >= len ||
        !mkdtemp(dir))
        return false;
    if (!getenv(VADER_DIR))
        setenv(VADER_DIR, dir, 1), pk_launch_dir_set_vader = true;
    if (!getenv(ORTE_TMPDIR))
        setenv(ORTE_TMPDIR, dir, 1), pk_launch_dir_set_orte = true;
    return true;
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st, (void)type, (void)ftw;
    remove(path);
    return 0;
}

static void launch_dir_end(const char *dir)
{
    if (pk_launch_dir_set_vader)
        unsetenv(VADER_DIR);
    if (pk_launch_dir_set_orte)
        unsetenv(ORTE_TMPDIR);
    pk_launch_dir_set_vader = pk_launch_dir_set_orte = false;
    /*
     * ranks killed with their launcher can still be finishing a file they were making when the
     * launcher's end is seen (seen under ASan, whose ranks start slowly): try again for a second
     */
    for (int tries = 0; tries < 20; tries++) {
        nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
        if (access(dir, F_OK) != 0)
            break;
        nanosleep(&(struct timespec){.tv_nsec = 50000000}, NULL);
    }
}

#define MAX_TEXT 24

/* The runner's argv for cfg; text holds the numbers. Returns the count, or -1 if too long. */
static int runner_argv(const struct pk_launch *l, const struct pk_config *cfg, int reps,
                       char **argv, char text[MAX_TEXT][64], char *store, size_t storelen)
{
    const struct pk_case *c = &cfg->spec;
    const struct pk_kernel *k = c->kernel;
    const struct pk_model_desc *d = pk_model_desc(c->model);
    struct argv_build a = {argv, 0, MAX_ARGS, false};
    int t = 0;
#define NUMBER(...)                                                                                \
    (t < MAX_TEXT ? snprintf(text[t], 64, __VA_ARGS__), text[t++] : (a.overflow = true, ""))

    if (d->runner == PK_RUNNER_LAUNCHER) { /* p = ranks x threads per rank */
        int threads = pk_model_rank_threads(c->model, c->threads_per_rank);
        launcher_words(l, c->workers / threads, threads, store, storelen, &a);
        add(&a, l->mpi_path);
        add(&a, k->name);
        if (d->rank_threads_flag) {
            add(&a, d->rank_threads_flag);
            add(&a, NUMBER("%d", threads));
        }
    } else {
        if (d->runner == PK_RUNNER_INTERPRETER) { /* INTERPRETER PROGRAM, then as pk-run */
            const char *program;
            add(&a, pk_launch_interpreter_words(l, c->model, &program));
            add(&a, program);
        } else {
            add(&a, l->run_path);
        }
        add(&a, k->name);
        add(&a, pk_model_name(c->model));
        add(&a, NUMBER("%d", c->workers));
    }
    add(&a, NUMBER("%lld", c->n));
    add(&a, "--reps");
    add(&a, NUMBER("%d", reps));
    add(&a, "--warmup");
    add(&a, NUMBER("%d", l->warmup));
    add(&a, "--seed");
    add(&a, NUMBER("%llu", c->seed));
    if (d->runner != PK_RUNNER_LAUNCHER) { /* a launcher places ranks itself */
        add(&a, "--bind");
        add(&a, pk_bind_name(l->bind));
    }
    if (l->pages != PK_PAGES_NORMAL) {
        add(&a, "--pages");
        add(&a, pk_pages_name(l->pages));
    }
    if (l->until_ci > 0) {
        add(&a, "--until-ci");
        add(&a, NUMBER("%g", l->until_ci));
    }
    for (int i = 0; i < PK_MAX_PARAMS && k->params[i].name; i++) {
        const struct pk_param *p = &k->params[i];
        char unread[160];
        if (pk_case_check_param_read(c, p->name, unread, sizeof unread))
            continue; /* the runner refuses an option that its others leave unread */
        add(&a, NUMBER("--%s", p->name));
        if (p->choices[0])
            add(&a, NUMBER("%s", p->choices[c->param[i]]));
        else
            add(&a, NUMBER("%lld", c->param[i]));
    }
#undef NUMBER
    argv[a.n] = NULL;
    return a.overflow ? -1 : a.n;
}

bool pk_launch_run(const struct pk_launch *l, const struct pk_config *cfg, int reps,
                   struct pk_child_control *ctl, struct pk_result *out)
{
    char *argv[MAX_ARGS + 1], text[MAX_TEXT][64], store[512], err[256];
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
    snprintf(out->options, sizeof out->options, "bind:%s", pk_bind_name(l->bind));
    out->wall_s = out->startup_s = NAN;
    if (runner_argv(l, cfg, reps, argv, text, store, sizeof store) < 0) {
        pk_launch_account(cfg, out, PK_STATUS_ERROR,
                          "the runner's command line has more than %d words", MAX_ARGS);
        return true;
    }
    set_omp_binding(l, cfg->spec.model);
    char dir[PATH_MAX];
    bool own_dir = launch_dir_begin(l, cfg->spec.model, dir, sizeof dir);
    int not_started = pk_child_run(argv, l->timeout_s, ctl, &child, err, sizeof err);
    if (own_dir)
        launch_dir_end(dir);
    if (not_started) {
        pk_launch_account(cfg, out, PK_STATUS_ERROR, "%s", err);
        return true;
    }
    finished = !child.stopped;
    out->wall_s = child.wall_s;
    pk_launch_judge(cfg, &child, l->timeout_s, out);
    out->startup_s = out->rec.startup_s;
    if (pk_model_desc(cfg->spec.model)->runner == PK_RUNNER_LAUNCHER &&
        out->rec.status == PK_STATUS_OK)
        /* what the launcher took before main(), plus MPI_Init */
        out->startup_s = (child.wall_s - out->rec.elapsed_s) + out->rec.startup_s;
    pk_child_free(&child);
    return finished;
}
