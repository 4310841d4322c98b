/*
 * Worker placement: --bind none|close|spread pins each worker to one CPU of the process's
 * allowed set (close: worker w on the w-th CPU; spread: spaced evenly over the set), and the
 * runners record the affinity each worker actually had, read back with sched_getaffinity.
 */
#ifndef PK_BIND_H
#define PK_BIND_H

#include <stddef.h>

enum pk_bind { PK_BIND_NONE, PK_BIND_CLOSE, PK_BIND_SPREAD };

/* Parses "none", "close" or "spread"; 0, or -1 if it is none of them. */
int pk_bind_parse(const char *name, enum pk_bind *b);
const char *pk_bind_name(enum pk_bind b);

/* Remembers the CPUs this process may use; call once in main before any worker starts. */
void pk_bind_init(void);

/* Pins the calling thread as worker w of p. Returns 0 (none is a no-op), or -1. */
int pk_bind_worker(enum pk_bind b, int w, int p);

/* The calling thread's CPUs as a list ("0-3,6") into buf. */
void pk_bind_current(char *buf, size_t len);

/*
 * Appends item to a '|'-separated list in buf (len bytes), ending it with "..." when full:
 * how the result line carries one CPU list per worker.
 */
void pk_bind_append(char *buf, size_t len, const char *item);

/* Each OpenMP thread's CPUs for a team of p, '|'-separated (bind_openmp.c, with -fopenmp). */
void pk_bind_openmp_report(int p, char *buf, size_t len);

#endif
