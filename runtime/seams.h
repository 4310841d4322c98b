/*
 * The runtime's test seams. The harness's fault injection (fault.c, PK_FAULT) sets them; unset,
 * they do nothing. They keep the runtime free of the harness above it: the pools and the
 * partition call a seam, never the fault module.
 */
#ifndef PK_SEAMS_H
#define PK_SEAMS_H

#include <stdbool.h>

/* pk_partition_block drops the last item of the last worker's block (PK_FAULT=drop). */
extern bool pk_seam_partition_drop;

/* Called by pool worker `worker` before its `task`-th task (PK_FAULT=crash...); NULL: none. */
extern void (*pk_seam_worker_task)(int worker, long task);

#endif
