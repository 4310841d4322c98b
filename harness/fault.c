/* PK_FAULT: parsed once by a runner, consulted at the few places faults are injected. */
#include "fault.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "model.h"
#include "pk_kernel.h"
#include "seams.h"

struct pk_fault pk_fault = {PK_FAULT_NONE, "", "", 0, 1};

static const char *const kind_names[] = {
    [PK_FAULT_NONE] = "none",       [PK_FAULT_DROP] = "drop",     [PK_FAULT_CRASH] = "crash",
    [PK_FAULT_ABORT] = "abort",     [PK_FAULT_EXIT] = "exit",     [PK_FAULT_HANG] = "hang",
    [PK_FAULT_BADLINE] = "badline", [PK_FAULT_NOLINE] = "noline", [PK_FAULT_TRUNCATE] = "truncate",
    [PK_FAULT_WRONG] = "wrong",
};

static int parse(const char *spec, struct pk_fault *f, char *err, size_t errlen)
{
    char buf[256];
    long long v;

    *f = (struct pk_fault){PK_FAULT_NONE, "", "", 0, 1};
    if (strlen(spec) >= sizeof buf) {
        snprintf(err, errlen, "PK_FAULT is too long");
        return -1;
    }
    strcpy(buf, spec);
    char *rest = buf, *item = strsep(&rest, ",");
    for (size_t k = 1; k < sizeof kind_names / sizeof kind_names[0]; k++)
        if (strcmp(item, kind_names[k]) == 0)
            f->kind = (enum pk_fault_kind)k;
    if (f->kind == PK_FAULT_NONE) {
        snprintf(err, errlen, "PK_FAULT kind '%s' is unknown", item);
        return -1;
    }
    while ((item = strsep(&rest, ","))) {
        char *eq = strchr(item, '=');
        if (!eq) {
            snprintf(err, errlen, "PK_FAULT item '%s' has no '='", item);
            return -1;
        }
        *eq++ = '\0';
        /* a misspelt name would match nothing, and the test that set it would inject no fault */
        enum pk_model m;
        if (strcmp(item, "kernel") == 0) {
            if (!pk_kernel_find(eq)) {
                snprintf(err, errlen, "PK_FAULT kernel '%.64s' is unknown", eq);
                return -1;
            }
            snprintf(f->kernel, sizeof f->kernel, "%s", eq);
        } else if (strcmp(item, "model") == 0) {
            if (pk_model_parse(eq, &m) != 0) {
                snprintf(err, errlen, "PK_FAULT model '%.64s' is unknown", eq);
                return -1;
            }
            snprintf(f->model, sizeof f->model, "%s", eq);
        } else if (strcmp(item, "worker") == 0) {
            if (pk_cli_parse_count("PK_FAULT worker", eq, 0, PK_MAX_WORKERS, &v, err, errlen))
                return -1;
            f->worker = (int)v;
        } else if (strcmp(item, "task") == 0) {
            if (pk_cli_parse_count("PK_FAULT task", eq, 1, 1000000, &v, err, errlen))
                return -1;
            f->task = (long)v;
        } else {
            snprintf(err, errlen, "PK_FAULT item '%s' is unknown", item);
            return -1;
        }
    }
    return 0;
}

int pk_fault_load(const char *kernel, const char *model, char *err, size_t errlen)
{
    const char *spec = getenv("PK_FAULT");
    struct pk_fault f;
    if (!spec || !*spec)
        return 0;
    if (parse(spec, &f, err, errlen))
        return -1;
    if ((f.kernel[0] && strcmp(f.kernel, kernel) != 0) ||
        (f.model[0] && strcmp(f.model, model) != 0))
        return 0;
    pk_fault_set(&f);
    return 0;
}

void pk_fault_set(const struct pk_fault *f)
{
    pk_fault = *f;
    pk_seam_partition_drop = f->kind == PK_FAULT_DROP;
    pk_seam_worker_task = f->kind == PK_FAULT_NONE ? NULL : pk_fault_worker;
}

int pk_fault_check(const char *spec, char *err, size_t errlen)
{
    struct pk_fault f;
    return parse(spec, &f, err, errlen);
}

void pk_fault_worker(int worker, long task)
{
    if (pk_fault.kind == PK_FAULT_NONE || worker != pk_fault.worker || task != pk_fault.task)
        return;
    switch (pk_fault.kind) {
    case PK_FAULT_CRASH:
        raise(SIGSEGV);
        break;
    case PK_FAULT_ABORT:
        abort();
    case PK_FAULT_EXIT:
        _exit(3);
    case PK_FAULT_HANG:
        for (;;)
            pause();
    default:
        break;
    }
}

bool pk_fault_is(enum pk_fault_kind kind)
{
    return pk_fault.kind == kind;
}
