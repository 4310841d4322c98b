/* stencil: the steps its mpi and hybrid models share (defined in mpi.c; for mpicc builds). */
#ifndef STENCIL_KERNEL_MPI_H
#define STENCIL_KERNEL_MPI_H

#include "kernel.h"
#include "pk_kernel_mpi.h"

/* Its entry points in the kernel table (registry.c, pk-mpi's build). */
int stencil_mpi(struct pk_case *c, MPI_Comm comm);
int stencil_hybrid(struct pk_case *c, MPI_Comm comm);

/* This rank's rows and its neighbours (MPI_PROC_NULL where a halo is the fixed boundary). */
struct stencil_block stencil_mpi_block(const struct pk_case *c);

/* Trades the edge rows of src with the neighbouring ranks, into their halo rows. */
void stencil_mpi_halo(const struct pk_case *c, MPI_Comm comm, const struct stencil_block *b,
                      double *src);

/* Gathers every rank's rows of the final grid into rank 0's copy. */
void stencil_mpi_gather(const struct pk_case *c, MPI_Comm comm, const struct stencil_block *b);

#endif
