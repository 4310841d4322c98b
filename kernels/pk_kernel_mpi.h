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
    /*
     * optional, untimed, on every rank after each rep and before rank 0 verifies: brings to
     * rank 0 what verification needs when the rep itself leaves results spread over ranks
     */
    pk_mpi_run_fn collect;
};

extern const struct pk_mpi_kernel pk_mpi_kernels[];
extern const int pk_mpi_nkernels;

/* The mpi entry of the kernel called name, or NULL. */
const struct pk_mpi_kernel *pk_mpi_kernel_find(const char *name);

int histogram_mpi(struct pk_case *c, MPI_Comm comm);
int mandelbrot_mpi(struct pk_case *c, MPI_Comm comm);
int matmul_mpi(struct pk_case *c, MPI_Comm comm);
int montecarlo_mpi(struct pk_case *c, MPI_Comm comm);
int pi_mpi(struct pk_case *c, MPI_Comm comm);
int polysum_mpi(struct pk_case *c, MPI_Comm comm);
int spawn_mpi(struct pk_case *c, MPI_Comm comm);
int square_mpi(struct pk_case *c, MPI_Comm comm);
int stencil_mpi(struct pk_case *c, MPI_Comm comm);
int stream_mpi(struct pk_case *c, MPI_Comm comm);
int stream_mpi_collect(struct pk_case *c, MPI_Comm comm);

#endif
