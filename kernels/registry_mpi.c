/* The mpi entry points, by kernel name, in the order of kernels/registry.c. */
#include "pk_kernel_mpi.h"

#include <string.h>

const struct pk_mpi_kernel pk_mpi_kernels[] = {
    {"histogram", histogram_mpi, NULL},
    {"mandelbrot", mandelbrot_mpi, NULL},
    {"matmul", matmul_mpi, NULL},
    {"montecarlo", montecarlo_mpi, NULL},
    {"pi", pi_mpi, NULL},
    {"polysum", polysum_mpi, NULL},
    {"spawn", spawn_mpi, NULL},
    {"square", square_mpi, NULL},
    {"stencil", stencil_mpi, NULL},
    {"stream", stream_mpi, stream_mpi_collect},
};

const int pk_mpi_nkernels = sizeof pk_mpi_kernels / sizeof pk_mpi_kernels[0];

const struct pk_mpi_kernel *pk_mpi_kernel_find(const char *name)
{
    for (int i = 0; i < pk_mpi_nkernels; i++)
        if (strcmp(pk_mpi_kernels[i].name, name) == 0)
            return &pk_mpi_kernels[i];
    return NULL;
}
