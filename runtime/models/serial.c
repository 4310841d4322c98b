/*
 * The serial model: one plain loop over [0, n) in pk-run's own thread, whatever p says; the
 * base of every speedup. It has no pool and no partition; its one worker is pinned as
 * --bind says.
 */
#include "case.h"

/* The runner's thread is the worker: pin it as worker 0 of 1, then record its CPUs. */
static int serial_place(struct pk_case *c, char *cpus, size_t len, char *err, size_t errlen)
{
    (void)err, (void)errlen;
    int rc = pk_bind_worker(c->bind, 0, 1);
    pk_model_cpus_here(cpus, len);
    return rc;
}

const struct pk_model_desc pk_model_serial = {
    .name = "serial",
    .runner = PK_RUNNER_INPROCESS,
    .facts = {.local = PK_LOCAL_ONE, .baseline = true},
    .max_workers = 1,
    .place = PK_MODEL_HOOK(serial_place),
};
