/* stream: its mpi entry points, for the code mpicc builds (pk_kernel_mpi.h names MPI_Comm). */
#ifndef STREAM_KERNEL_MPI_H
#define STREAM_KERNEL_MPI_H

#include "kernel.h"
#include "pk_kernel_mpi.h"

/* Its entry points in the kernel table (registry.c, pk-mpi's build). */
int stream_mpi(struct pk_case *c, MPI_Comm comm);
int stream_mpi_collect(struct pk_case *c, MPI_Comm comm);

#endif
