/*
 * The openmp model: the kernel's parallel regions run an OpenMP team of p threads in pk-run.
 * Before it runs, the harness checks that OpenMP will give exactly p (team_openmp.c); each
 * thread's CPUs are read inside a region of p (bind_openmp.c). OpenMP's own binding variables
 * place the team (launch.c sets them from --bind).
 */
#include "case.h"
#include "team.h"

static int openmp_check(const struct pk_case *c, char *err, size_t errlen)
{
    return pk_team_check(c->workers, err, errlen);
}

static int openmp_place(struct pk_case *c, char *cpus, size_t len, char *err, size_t errlen)
{
    (void)err, (void)errlen;
    pk_bind_openmp_report(c->workers, cpus, len);
    return 0;
}

const struct pk_model_desc pk_model_openmp = {
    .name = "openmp",
    .runner = PK_RUNNER_INPROCESS,
    .facts = {.local = PK_LOCAL_ALL, .openmp = true},
    .check = PK_MODEL_HOOK(openmp_check),
    .place = PK_MODEL_HOOK(openmp_place),
    .partition = PK_MODEL_HOOK(pk_model_block_partition),
};
