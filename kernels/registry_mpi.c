/* The mpi entry points, by kernel name, in the order of kernels/registry.c. */
#include "pk_kernel_mpi.h"

#include <string.h>

const struct pk_mpi_kernel pk_mpi_kernels[] = {
    {"matmul", matmul_mpi},
    {"polysum", polysum_mpi},
};

const int pk_mpi_nkernels = sizeof pk_mpi_kernels / sizeof pk_mpi_kernels[0];

pk_mpi_run_fn pk_mpi_kernel_find(const char *name)
{
    for (int i = 0; i < pk_mpi_nkernels; i++)
        if (strcmp(pk_mpi_kernels[i].name, name) == 0)
            return pk_mpi_kernels[i].run;
    return NULL;
}
