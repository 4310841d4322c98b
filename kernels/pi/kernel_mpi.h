/* pi: the step its mpi and hybrid models share (defined in mpi.c; for mpicc builds). */
#ifndef PI_KERNEL_MPI_H
#define PI_KERNEL_MPI_H

#include "kernel.h"
#include "pk_kernel_mpi.h"

/* Its entry points in the kernel table (registry.c, pk-mpi's build). */
int pi_mpi(struct pk_case *c, MPI_Comm comm);
int pi_hybrid(struct pk_case *c, MPI_Comm comm);

/* Reduces every rank's partial sum to rank 0, which stores sum * h as the result. */
void pi_mpi_combine(struct pk_case *c, MPI_Comm comm, double sum);

#endif
