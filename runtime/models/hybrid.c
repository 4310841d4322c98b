/*
 * The hybrid model: MPI ranks x an OpenMP team of --threads T threads in each, started by an
 * MPI launcher (p = ranks x T). Only some kernels have it (their hybrid.c), and it runs only
 * when named. Before it runs, each rank checks that OpenMP will give it exactly T threads.
 */
#include "case.h"
#include "team.h"

static int hybrid_check(const struct pk_case *c, char *err, size_t errlen)
{
    return pk_team_check(c->threads_per_rank, err, errlen);
}

const struct pk_model_desc pk_model_hybrid = {
    .name = "hybrid",
    .runner = PK_RUNNER_LAUNCHER,
    .facts = {.distributed = true,
              .local = PK_LOCAL_TEAM,
              .on_request = true,
              .openmp = true,
              .rank_teams = true},
    .rank_threads_flag = "--threads",
    .check = PK_MODEL_HOOK(hybrid_check),
};
