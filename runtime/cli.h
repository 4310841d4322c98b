/* Strict parsing of numbers and lists given on a command line: no atoi, every error named. */
#ifndef PK_CLI_H
#define PK_CLI_H

#include <stddef.h>

#define PK_MAX_WORKERS     1024 /* more workers than this is a typo, not a machine */
#define PK_MAX_WORKER_LIST 64

/*
 * A value as a message quotes it: on one line (a newline as \n, other control characters as
 * \xNN) and at most 40 characters, then "...". len of 192 always suffices.
 */
void pk_cli_quote(const char *text, char *buf, size_t len);

/*
 * Parses arg as a whole number: decimal digits ("1000000") or scientific notation whose value
 * is whole ("1e6", "2.5e3"). `what` names the quantity in messages ("size"). The value must lie
 * in [min, max]. Writes *out and returns 0, or returns -1 with a one-line reason in err that
 * quotes arg: empty, not a whole number, below min, above max.
 */
int pk_cli_parse_count(const char *what, const char *arg, long long min, long long max,
                       long long *out, char *err, size_t errlen);

/* pk_cli_parse_count for an int-sized quantity. */
int pk_cli_parse_int(const char *what, const char *arg, int min, int max, int *out, char *err,
                     size_t errlen);

/*
 * Parses a worker-count list: comma-separated items, each a count ("4"), a range ("1..8", every
 * count in it) or "max" (= max_workers, the usable cores). Writes the counts in ascending order
 * to out[] and their number to *count; returns 0, or -1 with a reason in err (empty item, bad
 * number, zero or negative, above PK_MAX_WORKERS, a count given twice, too many counts).
 */
int pk_cli_parse_workers(const char *list, int max_workers, int out[PK_MAX_WORKER_LIST], int *count,
                         char *err, size_t errlen);

/*
 * Parses a duration in seconds ("30", "2.5", "0" meaning none) into *out. Returns 0, or -1 with
 * a reason in err: not a number, negative, above a week.
 */
int pk_cli_parse_seconds(const char *what, const char *arg, double *out, char *err, size_t errlen);

/*
 * Parses SLURM's per-node CPU list (SLURM_JOB_CPUS_PER_NODE: "COUNT[(xNODES)][,...]", such as
 * "72(x2),36" for 72 + 72 + 36) into the total CPUs of the job in *total. Returns 0, or -1
 * with a reason in err that quotes the text: empty, malformed, a zero count, too many CPUs.
 */
int pk_cli_parse_slurm_cpus(const char *text, long long *total, char *err, size_t errlen);

#endif
