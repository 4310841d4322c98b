/*
 * The mpi and hybrid models' entry points, as kernels/registry.c names them in its one table:
 * only code built with mpicc includes this (pk-mpi, each kernel's mpi.c and hybrid.c), so the
 * rest of parkernels builds without MPI. A step that one kernel's mpi and hybrid models share
 * is declared in that kernel's folder (kernels/<name>/kernel_mpi.h), not here.
 */
#ifndef PK_KERNEL_MPI_H
#define PK_KERNEL_MPI_H

#include <mpi.h>

#include "partition.h"
#include "pk_kernel.h"

/* One timed rep on every rank of comm: 0, PK_SKIP, or negative with the reason in c->error. */
typedef int (*pk_mpi_run_fn)(struct pk_case *c, MPI_Comm comm);

/*
 * Calls an mpi slot of the table (k->mpi, k->mpi_collect or k->hybrid; not NULL) on c and
 * comm. Only pk-mpi may: it links the table built with MPI (registry.c with PK_WITH_MPI),
 * where every slot holds the function its entry named; pk_kernels_with_mpi, defined only
 * there, makes any other link fail.
 */
extern const bool pk_kernels_with_mpi;
static inline int pk_mpi_call(pk_mpi_fn slot, struct pk_case *c, MPI_Comm comm)
{
    return pk_kernels_with_mpi ? ((pk_mpi_run_fn)slot)(c, comm) : -1;
}

#endif
