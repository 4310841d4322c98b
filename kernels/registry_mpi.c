/* The mpi entry points, by kernel name, in the order of kernels/registry.c. */
#include "pk_kernel_mpi.h"

#include <string.h>

const struct pk_mpi_kernel pk_mpi_kernels[] = {
    {"histogram", histogram_mpi, NULL, NULL},
    {"mandelbrot", mandelbrot_mpi, NULL, NULL},
    {"matmul", matmul_mpi, NULL, matmul_hybrid},
    {"montecarlo", montecarlo_mpi, NULL, NULL},
    {"pi", pi_mpi, NULL, pi_hybrid},
    {"polysum", polysum_mpi, NULL, polysum_hybrid},
    {"spawn", spawn_mpi, NULL, NULL},
    {"square", square_mpi, NULL, NULL},
    {"stencil", stencil_mpi, NULL, stencil_hybrid},
    {"stream", stream_mpi, stream_mpi_collect, NULL},
};

const int pk_mpi_nkernels = sizeof pk_mpi_kernels / sizeof pk_mpi_kernels[0];

const struct pk_mpi_kernel *pk_mpi_kernel_find(const char *name)
{
    for (int i = 0; i < pk_mpi_nkernels; i++)
        if (strcmp(pk_mpi_kernels[i].name, name) == 0)
            return &pk_mpi_kernels[i];
    return NULL;
}
