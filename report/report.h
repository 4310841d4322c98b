/*
 * Reports of results: the human tables (report.c, their summary sentence in report_summary.c),
 * warnings (warn.c), exports (export.c).
 */
#ifndef PK_REPORT_H
#define PK_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "context.h"
#include "results.h"

/* The derived numbers of one result against its serial baseline. */
struct pk_row {
    struct pk_summary sum;
    struct pk_speedup speedup; /* NAN without a verified serial baseline */
    double efficiency, karp_flatt;
};

struct pk_row pk_report_row(const struct pk_result *all, int n, const struct pk_result *r);

/* The worker count as shown: "4", or ranks x threads for hybrid ("2x2"). */
void pk_report_workers(char *buf, size_t len, const struct pk_record *r);

/* "12.3ms": three significant digits, in the unit that the rounded value falls in ("1s") */
void pk_report_time(char *buf, size_t len, double seconds);

/* The timed reps of the configurations of first's table in all[0..n): "10 reps", "3 to 12 reps" */
void pk_report_reps(char *buf, size_t len, const struct pk_result *all, int n,
                    const struct pk_result *first);

/*
 * The tables, one per kernel/size/options, with fits, notes and a summary sentence; when a
 * configuration was measured in several runs, one table per run, labelled.
 */
void pk_report_tables(FILE *f, const struct pk_result *all, int n, bool color);

/*
 * The summary sentence of all[first..end), which share one table: a configuration is called
 * fastest only when its speedup interval over serial lies above 1; otherwise it says that no
 * parallel configuration was significantly faster than serial (or that too few reps tell, or
 * that there is no serial to compare with).
 */
void pk_report_summary(FILE *f, const struct pk_result *all, int n, int first, int end);

/*
 * Prints each warning that applies once, naming its fix (to f, "pk: warning: ..."): reps
 * below 1 ms, noisy intervals, a slow first rep, oversubscription, a debug or sanitizer
 * build, a machine busy before the run began. `cores` is the usable core count and `busy` how
 * many of them other work kept busy just before the first configuration (pk_sys_cpus_busy;
 * 0 and NAN: unknown, skip them).
 */
void pk_report_warnings(FILE *f, const struct pk_result *all, int n, int cores, double busy);
/* The busy-machine warning alone (pk run prints it before the first configuration). */
void pk_report_busy_warning(FILE *f, int cores, double busy);
/* The CPUs of every node of a multi-node SLURM job, or 0. */
int pk_slurm_job_cores(void);

/* JSON export: {schema_version, context, results: [...]}. */
int pk_report_json(FILE *f, const struct pk_result *all, int n, const struct pk_context *ctx);

/* Markdown export: the context block (when ctx is not NULL), then one table per kernel. */
int pk_report_markdown(FILE *f, const struct pk_result *all, int n, const struct pk_context *ctx);

/* Output formats, by name and by file extension. */
enum pk_format { PK_FORMAT_TABLE, PK_FORMAT_CSV, PK_FORMAT_JSON, PK_FORMAT_MARKDOWN };
int pk_format_parse(const char *name, enum pk_format *fmt);
int pk_format_from_path(const char *path, enum pk_format *fmt);

/*
 * The context of all[0..n) into out: ctx, and "mpi library", the distinct MPI libraries the
 * rows' mpi and hybrid configurations linked (their mpi column, joined by ", "), unless ctx
 * has that key.
 */
void pk_report_context(struct pk_context *out, const struct pk_context *ctx,
                       const struct pk_result *all, int n);

/*
 * Writes all in fmt to f: the table format prints the tables, and the table and Markdown
 * formats start with the context block (pk_context_print_block) of pk_report_context. A NULL
 * ctx leaves the block out (pk run -q) and writes an empty JSON context.
 */
int pk_report_write(FILE *f, enum pk_format fmt, const struct pk_result *all, int n,
                    const struct pk_context *ctx, bool color);

#endif
