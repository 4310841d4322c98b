/* pk list: the kernels (with their tutorial pattern, sizes and options) and the models. */
#include "pk.h"

#include <dirent.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

#include "loc.h"
#include "opts.h"
#include "run_names.h"
#include "source.h"
#include "stats.h"

static const char list_usage[] =
    "usage: pk list [--loc]\n"
    "Lists the kernels, their class sizes and options, and the models with their availability.\n"
    "  --loc   instead, a table of each kernel's source lines per model file: lines with code,\n"
    "          not blank and not only comment, counted by pk's own C lexer (python.py: not\n"
    "          blank and not only a # comment; models that run one file share its column,\n"
    "          named for the first). 'shared' counts the\n"
    "          kernel's other files (kernel.h, kernel.c, ...), which every model uses, once;\n"
    "          runtime/ (partition, thread and fork pools) is not counted. See 'pk show'.\n";

/* The code lines of DIR/KERNEL/FILE, or -1 (with a one-line reason on stderr) if unreadable. */
static int loc_file(const char *dir, const char *kernel, const char *file)
{
    char path[PATH_MAX + 300], err[PATH_MAX + 400], *text;
    size_t len;
    struct pk_loc_counts c;

    snprintf(path, sizeof path, "%s/%s/%s", dir, kernel, file);
    if (pk_source_read(path, &text, &len, err, sizeof err)) {
        fprintf(stderr, "pk: %s\n", err);
        return -1;
    }
    pk_loc_scan_file(file, text, len, &c);
    free(text);
    return c.code;
}

static bool is_model_file(const char *name)
{
    char file[32];
    for (int m = 0; m < PK_NMODEL; m++) {
        if (strcmp(name, pk_model_source((enum pk_model)m, file, sizeof file)) == 0)
            return true;
    }
    return false;
}

/* The code lines of the kernel's files that are no model's: kernel.h, kernel.c and helpers. */
static int loc_shared(const char *dir, const char *kernel)
{
    char path[PATH_MAX + 300];
    struct dirent *de;
    int total = 0;

    snprintf(path, sizeof path, "%s/%s", dir, kernel);
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "pk: cannot read the folder '%s'\n", path);
        return -1;
    }
    while ((de = readdir(d))) {
        size_t n = strlen(de->d_name);
        bool c_or_h = n > 2 && de->d_name[n - 2] == '.' && strchr("ch", de->d_name[n - 1]);
        if (!c_or_h || is_model_file(de->d_name))
            continue;
        int lines = loc_file(dir, kernel, de->d_name);
        if (lines < 0) {
            total = -1;
            break;
        }
        total += lines;
    }
    closedir(d);
    return total;
}

static void print_stat(double x)
{
    if (x == (long long)x)
        printf(" %8lld", (long long)x);
    else
        printf(" %8.1f", x);
}

/* True if model m has a column of its own: no model before it has its file (python.py). */
static bool own_column(enum pk_model m)
{
    char a[32], b[32];
    pk_model_source(m, a, sizeof a);
    for (int o = 0; o < (int)m; o++)
        if (strcmp(a, pk_model_source((enum pk_model)o, b, sizeof b)) == 0)
            return false;
    return true;
}

/* The models that share m's column, after m's own name: ", python-threads". */
static void column_sharers(enum pk_model m, char *buf, size_t len)
{
    char a[32], b[32];
    size_t used = 0;
    buf[0] = '\0';
    pk_model_source(m, a, sizeof a);
    for (int o = m + 1; o < PK_NMODEL && used < len; o++)
        if (strcmp(a, pk_model_source((enum pk_model)o, b, sizeof b)) == 0)
            used +=
                (size_t)snprintf(buf + used, len - used, ", %s", pk_model_name((enum pk_model)o));
}

/* pk list --loc: kernels x (shared, models), then each column's total and median over kernels. */
static int list_loc(void)
{
    enum { NCOL = PK_NMODEL + 1 }; /* column 0 is shared */
    char dir[PATH_MAX], err[PATH_MAX + 128];
    double *col = malloc((size_t)NCOL * (size_t)pk_nkernels * sizeof *col);
    int failed = 0;

    struct pk_launch l;
    pk_launch_init(&l);
    for (int m = 0; m < PK_NMODEL; m++) /* an interpreted model's runner says its kernels */
        pk_launch_available(&l, (enum pk_model)m, err, sizeof err);
    int found = col ? pk_source_dir(dir, sizeof dir, err, sizeof err) : -1;
    if (found == -2) /* a bad $PK_SOURCE_DIR: the user's value */
        pk_usage_error("%s", err);
    if (!col || found) {
        fprintf(stderr, "pk: %s\n", col ? err : "out of memory");
        free(col);
        return 1;
    }
    printf("source lines with code (not blank, not only comment), per kernel and model file\n");
    printf("%-12s %8s", "kernel", "shared");
    for (int m = 0; m < PK_NMODEL; m++)
        if (own_column((enum pk_model)m))
            printf(" %8s", pk_model_name((enum pk_model)m));
    printf("\n");
    for (int i = 0; i < pk_nkernels; i++) {
        const char *name = pk_kernels[i].name;
        printf("%-12s", name);
        for (int j = 0; j < NCOL; j++) {
            char file[32];
            int lines;
            if (j > 0 && !own_column((enum pk_model)(j - 1))) {
                col[j * pk_nkernels + i] = NAN;
                continue;
            } else if (j == 0) {
                lines = loc_shared(dir, name);
            } else if (!pk_model_has_kernel((enum pk_model)(j - 1), &pk_kernels[i])) {
                col[j * pk_nkernels + i] = NAN; /* no such model: out of the total and median */
                printf(" %8s", "-");
                continue;
            } else {
                pk_model_source((enum pk_model)(j - 1), file, sizeof file);
                lines = loc_file(dir, name, file);
            }
            failed |= lines < 0;
            col[j * pk_nkernels + i] = lines;
            if (lines < 0)
                printf(" %8s", "?");
            else
                printf(" %8d", lines);
        }
        printf("\n");
    }
    for (int row = 0; row < 2 && !failed; row++) {
        printf("%-12s", row ? "median" : "total");
        for (int j = 0; j < NCOL; j++) {
            double x[64], total = 0;
            if (j > 0 && !own_column((enum pk_model)(j - 1)))
                continue;
            size_t m = 0;
            for (int i = 0; i < pk_nkernels && m < 64; i++)
                if (!isnan(col[j * pk_nkernels + i]))
                    total += x[m++] = col[j * pk_nkernels + i];
            print_stat(row ? pk_stats_median(x, m) : total);
        }
        printf("\n");
    }
    printf("shared: the kernel's other files (kernel.h, kernel.c, ...), which every model uses;\n"
           "-: the kernel has no such model");
    int said = 0;
    for (int m = 0; m < PK_NMODEL; m++) { /* each model some kernels lack: the ones that have it */
        char names[512], sharers[128];
        int have = 0;
        if (!own_column((enum pk_model)m))
            continue;
        for (int i = 0; i < pk_nkernels; i++)
            have += pk_model_has_kernel((enum pk_model)m, &pk_kernels[i]);
        column_sharers((enum pk_model)m, sharers, sizeof sharers);
        /* one line each: "(hybrid: ...)", "(python, python-threads: ...)" */
        if (have < pk_nkernels)
            printf("%s(%s%s: %s)", said++ ? "\n-: the kernel has no such model " : " ",
                   pk_model_name((enum pk_model)m), sharers,
                   run_names_kernels_with(names, sizeof names, (enum pk_model)m));
    }
    printf("\nsources: %s\n", dir);
    free(col);
    return pk_finish_stdout(failed ? 1 : 0);
}

static void print_param(const struct pk_param *p)
{
    printf("      --%s ", p->name);
    if (p->choices[0]) {
        for (int c = 0; c < PK_MAX_CHOICES && p->choices[c]; c++)
            printf("%s%s", c ? "|" : "", p->choices[c]);
        printf("  %s (default %s)\n", p->help, p->choices[p->def]);
    } else {
        char under[80] = ""; /* "; under --schedule dynamic" */
        if (p->only_with.param)
            snprintf(under, sizeof under, "; under --%s %s", p->only_with.param,
                     p->only_with.choice);
        printf("N  %s (%lld..%lld, default %lld%s)\n", p->help, p->min, p->max, p->def, under);
    }
}

int cmd_list(int argc, char **argv)
{
    enum { O_HELP = 1, O_LOC };
    static const struct opt opts[] = {
        {O_HELP, 'h', "help", false}, {O_LOC, 0, "loc", false}, {0, 0, NULL, false}};
    struct opt_scan s;
    struct pk_launch l;
    char err[256], why[512];
    int id;
    bool loc = false;

    opt_begin(&s, argc, argv, 1, opts, false);
    while ((id = opt_next(&s, err, sizeof err)) != OPT_END) {
        if (id == OPT_ERROR)
            pk_usage_error("%s (see 'pk list --help')", err);
        if (id == OPT_ARG)
            pk_usage_error("unexpected argument '%s' (see 'pk list --help')", s.value);
        if (id == O_LOC) {
            if (loc) /* as pk.1 says of every option but -o, -q and -h */
                pk_usage_error("option '%s' is given twice", s.name);
            loc = true;
            continue;
        }
        fputs(list_usage, stdout);
        return pk_finish_stdout(0);
    }
    if (loc)
        return list_loc();

    printf("kernels (class sizes n: S W A B C; max: the largest n it runs)\n");
    for (int i = 0; i < pk_nkernels; i++) {
        const struct pk_kernel *k = &pk_kernels[i];
        printf("  %-12s %s\n", k->name, k->summary);
        printf("               pattern: %s; sizes:", k->pattern);
        for (int c = 0; c < PK_NCLASS; c++)
            printf(" %s=%lld", pk_class_name((enum pk_class)c),
                   pk_kernel_size(k, (enum pk_class)c));
        printf(" max=%lld\n", k->max_size);
        for (int p = 0; p < PK_MAX_PARAMS && k->params[p].name; p++)
            print_param(&k->params[p]);
    }

    pk_launch_init(&l);
    printf("\nmodels\n");
    bool launcher_shown = false; /* once, at the first model a launcher starts */
    int width = 8;               /* the longest model name's ("python-threads") */
    for (int m = 0; m < PK_NMODEL; m++)
        if ((int)strlen(pk_model_name((enum pk_model)m)) > width)
            width = (int)strlen(pk_model_name((enum pk_model)m));
    for (int m = 0; m < PK_NMODEL; m++) {
        const struct pk_model_desc *d = pk_model_desc((enum pk_model)m);
        bool launched = d->runner == PK_RUNNER_LAUNCHER;
        bool ok = pk_launch_available(&l, (enum pk_model)m, why, sizeof why);
        printf("  %-*s %-12s %s\n", width, pk_model_name((enum pk_model)m),
               ok ? "available" : "unavailable", pk_model_what((enum pk_model)m));
        if (!ok)
            printf("           why: %s\n", why);
        if (!ok && d->runner == PK_RUNNER_INTERPRETER) /* its runner could not say which */
            continue;
        else if (launched && !launcher_shown)
            printf("           launcher: %s\n", l.launcher);
        launcher_shown |= launched;
        int have = 0;
        for (int i = 0; i < pk_nkernels; i++)
            have += pk_model_has_kernel((enum pk_model)m, &pk_kernels[i]);
        if (have < pk_nkernels) { /* only some kernels have it: name them */
            printf("           kernels:");
            for (int i = 0; i < pk_nkernels; i++)
                if (pk_model_has_kernel((enum pk_model)m, &pk_kernels[i]))
                    printf(" %s", pk_kernels[i].name);
            const char *flag = d->rank_threads_flag;
            printf(" (runs when named: -m %s%s%s%s)\n", d->name, flag ? " " : "", flag ? flag : "",
                   flag ? " T" : "");
        }
    }
    printf("\n%d usable cores\n", l.cores);
    return pk_finish_stdout(0);
}
