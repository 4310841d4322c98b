/* The pk driver: what its subcommands share. */
#ifndef PK_DRIVER_H
#define PK_DRIVER_H

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>

#include "child.h"
#include "pk_kernel.h"

#define PK_VERSION "0.1.0"

struct pk_subcommand {
    const char *name, *summary;
    int (*run)(int argc, char **argv); /* argv[0] is the subcommand's name */
    const char *usage;
};

/* Prints "pk: MESSAGE" (printf-style) and exits 2: the one exit for usage errors. */
_Noreturn void pk_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Checks that stdout took everything (a full disk, a closed pipe) and returns code, or 1. */
int pk_finish_stdout(int code);

/* Where pk finds its runners and how it starts mpi configurations. */
struct pk_launch {
    char run_path[PATH_MAX]; /* bin/pk-run beside pk */
    char mpi_path[PATH_MAX]; /* bin/pk-mpi beside pk */
    char launcher[512];      /* the MPI launcher command, words separated by spaces */
    bool launcher_given;     /* from --launcher rather than the default */
    int cores;
    double timeout_s;
    int reps, warmup;
};

/* One configuration of a pk run: what to run and, once it ran, what came back. */
struct pk_config {
    struct pk_case spec; /* kernel, model, workers, n, seed, parameters */
    bool by_class;       /* n came from the class */
    enum pk_class cls;
    bool ran;
    struct pk_record rec; /* the runner's result line, or pk's account of what went wrong */
    double wall_s;        /* the runner process, start to end, as pk saw it */
    double startup_s;     /* pool creation; for mpi, launcher start-up plus MPI_Init */
};

/* Fills the runner paths, the default launcher (srun in a SLURM allocation, else mpirun). */
void pk_launch_init(struct pk_launch *l);

/* True if the mpi model can run; else false with the reason (naming what is missing) in why. */
bool pk_launch_mpi_available(const struct pk_launch *l, char *why, size_t len);

/* Runs cfg in a child process and fills cfg->rec, cfg->wall_s, cfg->startup_s. */
void pk_launch_run(const struct pk_launch *l, struct pk_config *cfg, struct pk_child_control *ctl);

/* Output of a finished run (drivers/report.c). */
void pk_report_table(FILE *f, const struct pk_config *cfgs, int n, bool color);
int pk_report_csv(FILE *f, const struct pk_config *cfgs, int n);

/* The serial record of cfg's kernel among cfgs that verified, or NULL. */
const struct pk_config *pk_report_baseline(const struct pk_config *cfgs, int n,
                                           const struct pk_config *cfg);

int cmd_list(int argc, char **argv);
int cmd_run(int argc, char **argv);

#endif
