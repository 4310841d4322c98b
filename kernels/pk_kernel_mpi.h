/*
 * The mpi model's entry points: only pk-mpi (built with mpicc) includes this and links the
 * table, so the rest of parkernels builds without MPI.
 */
#ifndef PK_KERNEL_MPI_H
#define PK_KERNEL_MPI_H

#include <mpi.h>

#include "partition.h"
#include "pk_kernel.h"
#include "u128.h"

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
    pk_mpi_run_fn hybrid; /* the same with OpenMP threads in every rank; NULL if none */
};

extern const struct pk_mpi_kernel pk_mpi_kernels[];
extern const int pk_mpi_nkernels;

/* The mpi entry of the kernel called name, or NULL. */
const struct pk_mpi_kernel *pk_mpi_kernel_find(const char *name);

int histogram_mpi(struct pk_case *c, MPI_Comm comm);
int mandelbrot_mpi(struct pk_case *c, MPI_Comm comm);
int matmul_mpi(struct pk_case *c, MPI_Comm comm);
int matmul_hybrid(struct pk_case *c, MPI_Comm comm);
int montecarlo_mpi(struct pk_case *c, MPI_Comm comm);
int pi_mpi(struct pk_case *c, MPI_Comm comm);
int pi_hybrid(struct pk_case *c, MPI_Comm comm);
int polysum_mpi(struct pk_case *c, MPI_Comm comm);
int polysum_hybrid(struct pk_case *c, MPI_Comm comm);
int spawn_mpi(struct pk_case *c, MPI_Comm comm);
int square_mpi(struct pk_case *c, MPI_Comm comm);
int stencil_mpi(struct pk_case *c, MPI_Comm comm);
int stencil_hybrid(struct pk_case *c, MPI_Comm comm);
int stream_mpi(struct pk_case *c, MPI_Comm comm);
int stream_mpi_collect(struct pk_case *c, MPI_Comm comm);

struct stencil_block;

/*
 * The steps an mpi model shares with its hybrid model (they differ only in the threads a rank
 * runs its share on): defined in that kernel's mpi.c.
 */
void polysum_mpi_combine(struct pk_case *c, MPI_Comm comm, pk_u128 sum);
void pi_mpi_combine(struct pk_case *c, MPI_Comm comm, double sum);
struct pk_range matmul_mpi_distribute(struct pk_case *c, MPI_Comm comm);
void matmul_mpi_gather(struct pk_case *c, MPI_Comm comm, struct pk_range r);
struct stencil_block stencil_mpi_block(const struct pk_case *c);
void stencil_mpi_halo(const struct pk_case *c, MPI_Comm comm, const struct stencil_block *b,
                      double *src);
void stencil_mpi_gather(const struct pk_case *c, MPI_Comm comm, const struct stencil_block *b);

#endif
