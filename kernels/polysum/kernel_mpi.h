/* polysum: the step its mpi and hybrid models share (defined in mpi.c; for mpicc builds). */
#ifndef POLYSUM_KERNEL_MPI_H
#define POLYSUM_KERNEL_MPI_H

#include "kernel.h"
#include "pk_kernel_mpi.h"
#include "u128.h"

/* Its entry points in the kernel table (registry.c, pk-mpi's build). */
int polysum_mpi(struct pk_case *c, MPI_Comm comm);
int polysum_hybrid(struct pk_case *c, MPI_Comm comm);

/* Gathers every rank's 128-bit partial sum to rank 0, which adds them into the result. */
void polysum_mpi_combine(struct pk_case *c, MPI_Comm comm, pk_u128 sum);

#endif
