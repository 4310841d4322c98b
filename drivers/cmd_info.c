/* pk info: the context every result is measured in, as the JSON export records it. */
#include "pk.h"

#include <string.h>
#include <unistd.h>

#include "opts.h"

static const char info_usage[] = "usage: pk info\n"
                                 "Prints the machine, build and environment facts that pk "
                                 "records with results (the JSON 'context'), then whether "
                                 "each model that needs more than pk-run (an MPI launcher, an "
                                 "interpreter) can run here, or why not.\n";

/* What pk-mpi links, as its result lines name it ("pk-mpi --library" needs no launcher). */
static void mpi_library(const struct pk_launch *l, struct pk_context *ctx)
{
    char *argv[] = {(char *)l->mpi_path, "--library", NULL}, err[256];
    struct pk_child child;

    if (pk_child_run(argv, 10, NULL, &child, err, sizeof err) == 0) {
        if (child.exited && child.exit_code == 0) {
            child.out[strcspn(child.out, "\n")] = '\0';
            pk_context_set(ctx, "mpi library", child.out);
        }
        pk_child_free(&child);
    }
}

int cmd_info(int argc, char **argv)
{
    enum { O_HELP = 1 };
    static const struct opt opts[] = {{O_HELP, 'h', "help", false}, {0, 0, NULL, false}};
    struct opt_scan s;
    struct pk_context ctx;
    struct pk_launch l;
    char err[256], why[512];
    int id;

    opt_begin(&s, argc, argv, 1, opts, false);
    while ((id = opt_next(&s, err, sizeof err)) != OPT_END) {
        if (id == OPT_ERROR)
            pk_usage_error("%s (see 'pk info --help')", err);
        if (id == OPT_ARG)
            pk_usage_error("unexpected argument '%s' (see 'pk info --help')", s.value);
        fputs(info_usage, stdout);
        return pk_finish_stdout(0);
    }
    pk_launch_init(&l);
    pk_context_gather(&ctx, 1);
    pk_context_set(&ctx, "launcher", l.launcher);
    /* Whether each model that needs more than pk-run can run here, or why not (as pk list). */
    for (int m = 0; m < PK_NMODEL; m++) {
        const struct pk_model_desc *d = pk_model_desc((enum pk_model)m);
        char key[64];
        if (d->runner == PK_RUNNER_INPROCESS)
            continue;
        snprintf(key, sizeof key, "%s model", d->name);
        pk_context_set(&ctx, key,
                       pk_launch_available(&l, (enum pk_model)m, why, sizeof why) ? "available"
                                                                                   : why);
    }
    if (access(l.mpi_path, X_OK) == 0)
        mpi_library(&l, &ctx);
    printf("context\n");
    pk_context_print(stdout, &ctx);
    return pk_finish_stdout(0);
}
