/*
 * The mpi model: p ranks of pk-mpi, each its own process with its own memory, started by an
 * MPI launcher; each rank holds its block of [0, n) and rank 0 gathers. pk-mpi checks the
 * ranks' partition by gathering their blocks, and the launcher places them.
 */
#include "case.h"

const struct pk_model_desc pk_model_mpi = {
    .name = "mpi",
    .runner = PK_RUNNER_LAUNCHER,
    .facts = {.distributed = true, .local = PK_LOCAL_ONE},
};
