/* Test helpers: the same execution paths pk uses, minus the driver. */
#include "helpers.h"

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "child.h"
#include "launch_flavour.h"

#ifndef PK_BIN_DIR
#define PK_BIN_DIR "bin"
#endif

const char *test_bin_dir(void)
{
    const char *dir = getenv("PK_BIN_DIR");
    return dir && *dir ? dir : PK_BIN_DIR;
}

bool test_mpi_available(char *why, size_t len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/pk-mpi", test_bin_dir());
    if (access(path, X_OK) != 0) {
        snprintf(why, len, "no %s (built without mpicc)", path);
        return false;
    }
    if (!pk_child_on_path(pk_mpi_default_launcher())) {
        snprintf(why, len, "no %s on PATH", pk_mpi_default_launcher());
        return false;
    }
    return true;
}

static void set_choice(struct pk_case *c, int param, long long choice)
{
    if (param >= 0)
        c->param[param] = choice;
}

void test_run_case(const struct pk_kernel *k, enum pk_model model, int p, long long n, int param,
                   long long choice, int reps, struct pk_record *rec)
{
    struct pk_case c;
    pk_case_init(&c, k, model, p, n);
    set_choice(&c, param, choice);
    pk_case_execute(&c, 0, reps, rec);
}

static int run_distributed(const struct pk_kernel *k, int p, int threads, long long n, int param,
                           long long choice, int reps, struct pk_record *rec, char *why, size_t len)
{
    char path[4096], np[16], size[32], nreps[16], option[80], value[64], nthreads[16];
    char *argv[20];
    int argc = 0;
    struct pk_child child;
    const char *line;

    snprintf(path, sizeof path, "%s/pk-mpi", test_bin_dir());
    snprintf(np, sizeof np, "%d", p);
    snprintf(size, sizeof size, "%lld", n);
    snprintf(nreps, sizeof nreps, "%d", reps);
    /* as pk starts it: the build's launcher and its library's flags (launch_flavour.c) */
    argv[argc++] = (char *)pk_mpi_default_launcher();
    argc += pk_mpi_launcher_flags(pk_mpi_flavour(), p, 1, 1, PK_BIND_NONE, geteuid() == 0, np,
                                  argv + argc, 8);
    argv[argc++] = path;
    argv[argc++] = (char *)k->name;
    argv[argc++] = size;
    argv[argc++] = "--reps";
    argv[argc++] = nreps;
    argv[argc++] = "--warmup";
    argv[argc++] = "0";
    if (param >= 0) {
        const struct pk_param *pp = &k->params[param];
        snprintf(option, sizeof option, "--%s", pp->name);
        if (pp->choices[0])
            snprintf(value, sizeof value, "%s", pp->choices[choice]);
        else
            snprintf(value, sizeof value, "%lld", choice);
        argv[argc++] = option;
        argv[argc++] = value;
    }
    if (threads > 0) {
        snprintf(nthreads, sizeof nthreads, "%d", threads);
        argv[argc++] = "--threads";
        argv[argc++] = nthreads;
    }
    argv[argc] = NULL;
    if (pk_child_run(argv, 120, NULL, &child, why, len))
        return -1;
    line = strstr(child.out, PK_RECORD_TAG " ");
    int rc = line ? pk_record_parse(line, rec, why, len) : -1;
    if (!line)
        snprintf(why, len, "no result line; stderr: %.300s", child.err);
    /* as pk judges it: a good line from a launcher that then failed (a rank's sanitizer
     * report, a crash in MPI_Finalize) is no success */
    int want = rc == 0 && pk_status_is_failure(rec->status) ? 1 : 0;
    if (rc == 0 && !(child.exited && child.exit_code == want)) {
        snprintf(why, len, "launcher ended with %s %d after its result line; stderr: %.300s",
                 child.exited ? "status" : "signal", child.exited ? child.exit_code : child.signal,
                 child.err);
        rc = -1;
    }
    pk_child_free(&child);
    return rc;
}

int test_run_mpi(const struct pk_kernel *k, int p, long long n, int param, long long choice,
                 int reps, struct pk_record *rec, char *why, size_t len)
{
    return run_distributed(k, p, 0, n, param, choice, reps, rec, why, len);
}

int test_run_hybrid(const struct pk_kernel *k, int ranks, int threads, long long n, int reps,
                    struct pk_record *rec, char *why, size_t len)
{
    return run_distributed(k, ranks, threads, n, -1, 0, reps, rec, why, len);
}

long test_pages_spanned(const void *p, size_t bytes)
{
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE), lo = (uintptr_t)p & ~(page - 1);
    return (long)(((uintptr_t)p + bytes - lo + page - 1) / page);
}

long test_resident_pages(const void *p, size_t bytes)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE), n = (size_t)test_pages_spanned(p, bytes);
    void *lo = (void *)((uintptr_t)p & ~(uintptr_t)(page - 1));
    unsigned char *vec = malloc(n);
    long count = 0;

    ck_assert(vec != NULL);
    ck_assert_int_eq(mincore(lo, n * page, vec), 0);
    for (size_t i = 0; i < n; i++)
        count += vec[i] & 1;
    free(vec);
    return count;
}
