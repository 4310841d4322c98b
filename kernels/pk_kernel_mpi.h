/*
 * The mpi model's entry points: only pk-mpi (built with mpicc) includes this and links the
 * table, so the rest of parkernels builds without MPI.
 */
#ifndef PK_KERNEL_MPI_H
#define PK_KERNEL_MPI_H

#include <mpi.h>

#include "pk_kernel.h"

/* One timed rep on every rank of comm: 0, PK_SKIP, or negative with the reason in c->error. */
typedef int (*pk_mpi_run_fn)(struct pk_case *c, MPI_Comm comm);

struct pk_mpi_kernel {
    const char *name; /* as in pk_kernels[] */
    pk_mpi_run_fn run;
};

extern const struct pk_mpi_kernel pk_mpi_kernels[];
extern const int pk_mpi_nkernels;

/* The mpi entry point of the kernel called name, or NULL. */
pk_mpi_run_fn pk_mpi_kernel_find(const char *name);

int matmul_mpi(struct pk_case *c, MPI_Comm comm);
int polysum_mpi(struct pk_case *c, MPI_Comm comm);

#endif
