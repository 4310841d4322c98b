/* spawn: its mpi entry points, for the code mpicc builds (pk_kernel_mpi.h names MPI_Comm). */
#ifndef SPAWN_KERNEL_MPI_H
#define SPAWN_KERNEL_MPI_H

#include "kernel.h"
#include "pk_kernel_mpi.h"

/* Its entry points in the kernel table (registry.c, pk-mpi's build). */
int spawn_mpi(struct pk_case *c, MPI_Comm comm);

#endif
