/*
 * The result line: what every runner (pk-run, pk-mpi) prints for one configuration and what pk
 * parses back. One line, space-separated key=value fields, escaped so no value holds a space:
 *
 *   pk-result v1 kernel=polysum model=openmp p=2 n=1000 params=- seed=1 status=ok
 *     reps=3 warmup=1 times=0.0012,0.0011,0.0012 setup=0.01 startup=0 elapsed=0.02
 *     rate=- unit=- result=249833583000 detail=- end
 *
 * (on one line). A line without the final "end" is truncated and never parses as a success.
 */
#ifndef PK_RECORD_H
#define PK_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "pk_kernel.h" /* enum pk_status: what a kernel's check concludes */

#define PK_RECORD_TAG     "pk-result"
#define PK_RECORD_VERSION "v1"
#define PK_MAX_REPS       1000

/*
 * The progress line a runner prints on stderr after each rep when asked (PK_PROGRESS):
 * "pk-progress K N", K reps done of N, warm-up included. pk routes these lines apart from the
 * runner's other stderr (child.c) and draws its own progress from them (cmd_run_progress.c).
 */
#define PK_PROGRESS_TAG "pk-progress "

struct pk_record {
    char kernel[32], model[16];
    int workers; /* all of them: for hybrid, ranks x threads */
    int threads; /* hybrid: threads per rank; 1 otherwise */
    long long n;
    char params[128]; /* kernel parameters as "name:value/name:value", "-" if none */
    unsigned long long seed;
    enum pk_status status;
    int reps, warmup;
    double times[PK_MAX_REPS]; /* seconds per timed rep, in rep order */
    double setup_s;            /* building the inputs, not timed */
    double startup_s;          /* creating the worker pool or MPI_Init, not timed */
    double elapsed_s;          /* runner main() to result line */
    double rate;               /* the kernel's figure at the median time; NAN if none */
    char unit[24];             /* its unit ("GB/s", "us/round"), "-" if none */
    char result[128];          /* the value that every model must agree on */
    char detail[256];          /* why it failed, what a race lost; "-" if nothing */
    char cpus[256];            /* each worker's CPUs as the runner read them ("0|1"), "-" */
    char hosts[256];           /* the distinct hosts the workers ran on ("n1|n2"), "-" */
    char pages[16];            /* the arena's page size: "4k", "2m", "2m:40%" (share), "-" */
    char mpi[96];              /* the MPI library pk-mpi links ("Open MPI v4.1.4"), "-" */
};

/* The status's name ("ok"). */
const char *pk_status_name(enum pk_status s);

/* True for statuses that make pk exit 1. */
bool pk_status_is_failure(enum pk_status s);

/* Looks a status name up; returns 0, or -1 if no status has it. */
int pk_status_parse(const char *name, enum pk_status *s);

/* Sets every field to its empty value ("-", 0, NAN). */
void pk_record_init(struct pk_record *r);

/* Writes r as one result line ending in '\n'. Returns 0, or -1 on an output error. */
int pk_record_write(FILE *f, const struct pk_record *r);

/*
 * Parses one result line (with or without its '\n') into *r. Returns 0, or -1 with the reason
 * in err: wrong tag or version, a missing or malformed field, times that do not match reps,
 * no final "end" (truncated).
 */
int pk_record_parse(const char *line, struct pk_record *r, char *err, size_t errlen);

/* Copies src into dst (size dstlen) with spaces, '%' and control bytes as %XX. */
void pk_record_escape(char *dst, size_t dstlen, const char *src);

/* Prints the progress line for k of n reps to f. */
void pk_progress_print(FILE *f, int k, int n);

/* Reads a progress line into *k and *n; false if line is not one. */
bool pk_progress_parse(const char *line, int *k, int *n);

#endif
