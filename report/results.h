/*
 * Results as pk stores and reads them: one configuration's outcome (struct pk_result) and the
 * canonical CSV record (RFC 4180, seconds, a fixed header, one row per timed rep, each row
 * carrying its configuration, verdict, rate and context keys). `pk report` reads back what
 * `pk run -o` wrote and merges files from many jobs.
 */
#ifndef PK_RESULTS_H
#define PK_RESULTS_H

#include <stdbool.h>
#include <stdio.h>

#include "harness.h"
#include "record.h"
#include "stats.h"

struct pk_result {
    struct pk_record rec;           /* identity, verdict, every rep's time, rate, cpus, hosts */
    const struct pk_kernel *kernel; /* from the registry; NULL for a name this pk lacks */
    char cls[4];                    /* the class letter when n came from one, else "" */
    double wall_s;                  /* the runner process as pk saw it */
    double startup_s;               /* pool creation; for mpi launcher start-up + MPI_Init */
    char host[64], run[64], commit[64], job[64]; /* context keys */
    char options[64];    /* options that change a measurement ("bind:close/order:grouped") */
    char cpu_model[128]; /* the CPU that measured, as the context names it; "" if unknown */
    int cores;           /* the usable cores of the machine that measured; 0 if unknown */
    bool runs_repeat;    /* its table holds a configuration measured in two runs (below) */
};

/*
 * The CSV header, in order; later columns come last, so that older files (any prefix of 25 or
 * more columns) still read and older scripts keep their column numbers.
 */
#define PK_RESULTS_NCOLUMNS 30
extern const char *const pk_results_columns[PK_RESULTS_NCOLUMNS];

/* A results file larger than this is refused before it is parsed (an endless stream). */
#define PK_RESULTS_MAX_BYTES (256u << 20)

/* Summary of r's timed reps (all NAN when it has none). */
struct pk_summary pk_result_summary(const struct pk_result *r);

/* True if r ran and every rep verified. */
bool pk_result_verified(const struct pk_result *r);

/* True if a and b are the same configuration (kernel, model, workers, size, params, seed). */
bool pk_result_same_config(const struct pk_result *a, const struct pk_result *b);

/*
 * True if r ran the baseline model, the base of every speedup (pk_model_facts()->baseline:
 * serial). The one definition of "the serial baseline": pk run and pk report both ask it.
 */
bool pk_result_is_baseline(const struct pk_result *r);

/* True if a and b belong in one table: same kernel, size, parameters and seed (any model, p). */
bool pk_result_same_table(const struct pk_result *a, const struct pk_result *b);

/*
 * Sets runs_repeat on every result of all[0..n) whose table (kernel, size, parameters and seed)
 * holds a configuration measured in two runs: such runs are reported apart, each against its
 * own serial. Once per set of results read (pk_results_read_files), not per row.
 */
void pk_results_mark_repeats(struct pk_result *all, int n);

/*
 * The verified serial result with r's kernel, size, parameters and seed among all[0..n): the
 * one of r's own run if there is one; else, unless the runs repeat a configuration of r's
 * table (r->runs_repeat), the first of another run (files of one job each); else NULL.
 */
const struct pk_result *pk_result_baseline(const struct pk_result *all, int n,
                                           const struct pk_result *r);

/* Writes results as CSV: the header, then one row per timed rep (one row for none). */
int pk_results_write_csv(FILE *f, const struct pk_result *r, int n);

/*
 * Reads a CSV written by pk_results_write_csv, appending its configurations to *all (a
 * growable array of *n, capacity *cap). Returns 0, or -1 with a reason naming path and line
 * in err (not a results file: neither a regular file nor a pipe (a device or a
 * directory, refused before a byte is read), binary, larger than PK_RESULTS_MAX_BYTES or another
 * header; a header with no row; a row with the wrong number of fields, an unterminated quote, a
 * last row without its line break: a truncated file; a kernel or model this pk does not know; a
 * time, rate or duration that is negative, inf or nan). Text fields keep printable ASCII only
 * (any other byte becomes '?'). Rep rows of one configuration that carry different results
 * mark it FAILED. A rep of a configuration and run (id, host, job) already in *all is
 * refused: it would count twice.
 */
int pk_results_read_csv(const char *path, struct pk_result **all, int *n, int *cap, char *err,
                        size_t errlen);

/*
 * pk_results_read_csv on text already in memory (NUL-terminated; split in place, so it is
 * overwritten); path only names it in messages. The fuzz harness calls it directly.
 */
int pk_results_parse_csv(char *text, const char *path, struct pk_result **all, int *n, int *cap,
                         char *err, size_t errlen);

/*
 * Reads every file of paths[0..npaths) with pk_results_read_csv into *all (malloc'd, *n
 * results; one file given twice, by another name too, is refused), then re-checks agreement
 * over them all (pk_results_recheck). Returns how many configurations that marked DISAGREE,
 * or -1 with the first bad file's reason in err (and *all NULL, *n 0).
 */
int pk_results_read_files(char *const paths[], int npaths, struct pk_result **all, int *n,
                          char *err, size_t errlen);

/*
 * Re-checks agreement from the results themselves, not their status column: within each
 * kernel, size, parameters and seed, every OK result must agree (pk_results_agree, the
 * kernel's tolerance) with the reference: the OK serial result of its own run, else another
 * serial, else the first OK one; over all[0..n), whichever file each came from. Marks each
 * one that does not DISAGREE with the reason, and returns how many it marked.
 */
int pk_results_recheck(struct pk_result *all, int n);

#endif
