/* pk list: the kernels (with their tutorial pattern, sizes and options) and the models. */
#include "pk.h"

#include <string.h>

#include "opts.h"

static const char list_usage[] = "usage: pk list\n"
                                 "Lists the kernels, their class sizes and options, and the "
                                 "models with their availability.\n";

static void print_param(const struct pk_param *p)
{
    printf("      --%s ", p->name);
    if (p->choices[0]) {
        for (int c = 0; c < PK_MAX_CHOICES && p->choices[c]; c++)
            printf("%s%s", c ? "|" : "", p->choices[c]);
        printf("  %s (default %s)\n", p->help, p->choices[p->def]);
    } else {
        printf("N  %s (%lld..%lld, default %lld)\n", p->help, p->min, p->max, p->def);
    }
}

int cmd_list(int argc, char **argv)
{
    enum { O_HELP = 1 };
    static const struct opt opts[] = {{O_HELP, 'h', "help", false}, {0, 0, NULL, false}};
    struct opt_scan s;
    struct pk_launch l;
    char err[256], why[512];
    int id;

    opt_begin(&s, argc, argv, 1, opts, false);
    while ((id = opt_next(&s, err, sizeof err)) != OPT_END) {
        if (id == OPT_ERROR)
            pk_usage_error("%s (see 'pk list --help')", err);
        if (id == OPT_ARG)
            pk_usage_error("unexpected argument '%s' (see 'pk list --help')", s.value);
        fputs(list_usage, stdout);
        return pk_finish_stdout(0);
    }

    printf("kernels (class sizes n: S W A B C)\n");
    for (int i = 0; i < pk_nkernels; i++) {
        const struct pk_kernel *k = &pk_kernels[i];
        printf("  %-12s %s\n", k->name, k->summary);
        printf("               pattern: %s; sizes:", k->pattern);
        for (int c = 0; c < PK_NCLASS; c++)
            printf(" %s=%lld", pk_class_name((enum pk_class)c),
                   pk_kernel_size(k, (enum pk_class)c));
        printf("\n");
        for (int p = 0; p < PK_MAX_PARAMS && k->params[p].name; p++)
            print_param(&k->params[p]);
    }

    pk_launch_init(&l);
    printf("\nmodels\n");
    for (int m = 0; m < PK_NMODEL; m++) {
        bool ok = !pk_model_is_distributed((enum pk_model)m) ||
                  pk_launch_mpi_available(&l, why, sizeof why);
        printf("  %-8s %-12s %s\n", pk_model_name((enum pk_model)m),
               ok ? "available" : "unavailable", pk_model_what((enum pk_model)m));
        if (!ok)
            printf("           why: %s\n", why);
        else if (m == PK_MPI)
            printf("           launcher: %s\n", l.launcher);
        if (m == PK_HYBRID) {
            printf("           kernels:");
            for (int i = 0; i < pk_nkernels; i++)
                if (pk_kernels[i].hybrid)
                    printf(" %s", pk_kernels[i].name);
            printf(" (runs when named: -m hybrid --threads T)\n");
        }
    }
    printf("\n%d usable cores\n", l.cores);
    return pk_finish_stdout(0);
}
