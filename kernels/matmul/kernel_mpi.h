/* matmul: the steps its mpi and hybrid models share (defined in mpi.c; for mpicc builds). */
#ifndef MATMUL_KERNEL_MPI_H
#define MATMUL_KERNEL_MPI_H

#include "kernel.h"
#include "pk_kernel_mpi.h"

/* Its entry points in the kernel table (registry.c, pk-mpi's build). */
int matmul_mpi(struct pk_case *c, MPI_Comm comm);
int matmul_hybrid(struct pk_case *c, MPI_Comm comm);

/* Scatters every rank its rows of A and broadcasts B; returns this rank's rows of C. */
struct pk_range matmul_mpi_distribute(struct pk_case *c, MPI_Comm comm);

/* Gathers every rank's rows r of C into rank 0's C. */
void matmul_mpi_gather(struct pk_case *c, MPI_Comm comm, struct pk_range r);

#endif
