/*
 * pk plot FILE... -o DIR: for each kernel and size, one figure of three panels through
 * gnuplot: time against p (log-log, with the ideal slope T_serial / p), speedup against p
 * (with y = p and each model's Amdahl fit) and efficiency against p (with E = 1); one line per
 * model, error bars from the 95% intervals; PNG and SVG. Without gnuplot the data and the
 * script are still written, with the command that renders them.
 */
#include "pk.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "opts.h"

static const char plot_usage[] =
    "usage: pk plot FILE.csv... -o DIR\n"
    "Writes DIR/<kernel>-n<size>.{dat,gp,png,svg}: time, speedup and efficiency against the\n"
    "worker count, one line per model, with 95%-interval error bars, the ideal lines and the\n"
    "Amdahl fit. Needs gnuplot (Debian: gnuplot-nox) for the images; without it, writes the\n"
    "data and script and prints how to render them.\n";

int pk_read_result_files(int argc, char **argv, int first, struct pk_result **all, int *n);

static double or_median(double v, double median)
{
    return isnan(v) ? median : v;
}

/* Writes DIR/name.dat (one block per model) and DIR/name.gp; returns 0 or -1. */
static int write_figure(const char *dir, const char *name, const struct pk_result *all, int n,
                        const struct pk_result *first, char *err, size_t errlen)
{
    char path[4096];
    const struct pk_result *base = pk_result_baseline(all, n, first);
    double serial = base ? pk_result_summary(base).median : NAN;
    int blocks = 0;
    const char *models[PK_NMODEL];
    int lt[PK_NMODEL];
    struct pk_amdahl fits[PK_NMODEL];
    bool has_fit[PK_NMODEL];

    snprintf(path, sizeof path, "%s/%s.dat", dir, name);
    FILE *dat = fopen(path, "w");
    if (!dat) {
        snprintf(err, errlen, "cannot write '%.400s': %s", path, strerror(errno));
        return -1;
    }
    fprintf(dat, "# %s n=%lld %s: p median ci_lo ci_hi speedup s_lo s_hi efficiency\n",
            first->rec.kernel, first->rec.n, first->rec.params);
    for (int m = 0; m < PK_NMODEL; m++) {
        const char *model = pk_model_name((enum pk_model)m);
        int p[64], k = 0;
        double t[64];
        for (int i = 0; i < n; i++) {
            const struct pk_result *r = &all[i];
            if (strcmp(r->rec.model, model) || !pk_result_verified(r) || r->rec.n != first->rec.n ||
                strcmp(r->rec.kernel, first->rec.kernel) ||
                strcmp(r->rec.params, first->rec.params))
                continue;
            struct pk_row row = pk_report_row(all, n, r);
            if (k == 0)
                fprintf(dat, "%s# %s\n", blocks ? "\n\n" : "", model);
            fprintf(dat, "%d %.9g %.9g %.9g %.9g %.9g %.9g %.9g\n", r->rec.workers, row.sum.median,
                    or_median(row.sum.ci_lo, row.sum.median),
                    or_median(row.sum.ci_hi, row.sum.median), row.speedup.s,
                    or_median(row.speedup.lo, row.speedup.s),
                    or_median(row.speedup.hi, row.speedup.s), row.efficiency);
            if (k < 64) {
                p[k] = r->rec.workers;
                t[k++] = row.sum.median;
            }
        }
        if (k == 0)
            continue;
        models[blocks] = model;
        lt[blocks] = m + 1; /* one colour per model in every panel and figure */
        has_fit[blocks] =
            m != PK_SERIAL && pk_stats_amdahl_fit(p, t, (size_t)k, &fits[blocks]) == 0;
        blocks++;
    }
    fclose(dat);

    snprintf(path, sizeof path, "%s/%s.gp", dir, name);
    FILE *gp = fopen(path, "w");
    if (!gp) {
        snprintf(err, errlen, "cannot write '%.400s': %s", path, strerror(errno));
        return -1;
    }
    fprintf(gp, "# pk plot: %s n=%lld; render with: gnuplot %s.gp\n", first->rec.kernel,
            first->rec.n, name);
    fprintf(gp, "dat = '%s.dat'\nserial = %.9g\n", name, isnan(serial) ? 0.0 : serial);
    /* the measured worker counts: tics there, and the x range around them */
    int pmax = 1;
    char tics[512] = "";
    for (int i = 0; i < n; i++) {
        const struct pk_record *r = &all[i].rec;
        char item[24];
        if (r->n != first->rec.n || strcmp(r->kernel, first->rec.kernel) ||
            strcmp(r->params, first->rec.params))
            continue;
        snprintf(item, sizeof item, "%d", r->workers);
        bool seen = false;
        for (char *t = tics; *t && !seen; t += strcspn(t, ",") + (t[strcspn(t, ",")] != 0))
            seen =
                strncmp(t, item, strlen(item)) == 0 && (t[strlen(item)] == ',' || !t[strlen(item)]);
        if (!seen && strlen(tics) + strlen(item) + 2 < sizeof tics)
            snprintf(tics + strlen(tics), sizeof tics - strlen(tics), "%s%s", *tics ? "," : "",
                     item);
        pmax = r->workers > pmax ? r->workers : pmax;
    }
    fprintf(gp, "set xtics (%s)\npmax = %d\n", tics, pmax);
    for (int b = 0; b < blocks; b++)
        if (has_fit[b])
            fprintf(gp, "fit%d(x) = serial / (%.9g + %.9g / x)\n", b, fits[b].a, fits[b].b);
    fprintf(gp, "set key below horizontal\nset grid\nset xlabel 'workers p'\n"
                "set style data linespoints\nset pointsize 1.2\n");
    for (int out = 0; out < 2; out++) {
        if (out == 0)
            fprintf(gp, "set terminal pngcairo size 1500,460 font ',10'\nset output '%s.png'\n",
                    name);
        else
            fprintf(gp, "set terminal svg size 1500,460 font 'sans,10'\nset output '%s.svg'\n",
                    name);
        fprintf(gp, "set multiplot layout 1,3 title '%s, n = %lld%s%s'\n", first->rec.kernel,
                first->rec.n, strcmp(first->rec.params, "-") ? ", " : "",
                strcmp(first->rec.params, "-") ? first->rec.params : "");
        /* time, log-log, with the ideal slope from serial */
        fprintf(gp, "set logscale xy\nset xrange [0.9:pmax*1.1]\nset ylabel 'median time (s)'\n"
                    "set title 'time (log-log)'\nplot ");
        for (int b = 0; b < blocks; b++)
            fprintf(gp, "dat index %d using 1:2:3:4 with yerrorlines lt %d title '%s', ", b, lt[b],
                    models[b]);
        fprintf(gp, "serial / x with lines dashtype 2 lc 'black' title 'ideal T_{serial}/p'\n");
        fprintf(gp, "unset logscale\nset xrange [0.8:pmax*1.1]\nset yrange [0:*]\n");
        /* speedup with y = p and the fits */
        fprintf(gp, "set ylabel 'speedup over serial'\nset title 'speedup'\nplot ");
        for (int b = 0; b < blocks; b++) {
            fprintf(gp, "dat index %d using 1:5:6:7 with yerrorlines lt %d title '%s', ", b, lt[b],
                    models[b]);
            if (has_fit[b])
                fprintf(gp, "fit%d(x) with lines lt %d dashtype 3 notitle, ", b, lt[b]);
        }
        fprintf(gp,
                "x with lines dashtype 2 lc 'black' title 'ideal S = p (dotted: Amdahl fits)'\n");
        /* efficiency with E = 1; the axis grows past 1.2 for a superlinear point */
        fprintf(gp,
                "set ylabel 'efficiency S/p'\nset title 'efficiency'\nset yrange [0:1.2<*]\nplot ");
        for (int b = 0; b < blocks; b++)
            fprintf(gp, "dat index %d using 1:8 lt %d title '%s', ", b, lt[b], models[b]);
        fprintf(gp, "1 with lines dashtype 2 lc 'black' title 'ideal E = 1'\n");
        fprintf(gp, "unset multiplot\nunset xrange\nunset yrange\n");
    }
    fclose(gp);
    return 0;
}

int cmd_plot(int argc, char **argv)
{
    enum { O_OUTPUT = 1, O_HELP };
    static const struct opt opts[] = {
        {O_OUTPUT, 'o', "output", true}, {O_HELP, 'h', "help", false}, {0, 0, NULL, false}};
    struct opt_scan s;
    const char *files[256], *dir = NULL;
    int nfiles = 0, id, n, figures = 0;
    struct pk_result *all;
    char err[512];
    bool have_gnuplot = pk_child_on_path("gnuplot"), failed = false;

    opt_begin(&s, argc, argv, 1, opts, false);
    while ((id = opt_next(&s, err, sizeof err)) != OPT_END) {
        if (id == OPT_ERROR)
            pk_usage_error("%s (see 'pk plot --help')", err);
        if (id == O_HELP) {
            fputs(plot_usage, stdout);
            return pk_finish_stdout(0);
        }
        if (id == O_OUTPUT)
            dir = s.value;
        else if (nfiles < 256)
            files[nfiles++] = s.value;
        else
            pk_usage_error("too many files (at most 256)");
    }
    if (nfiles == 0 || !dir)
        pk_usage_error("plot needs results files and -o DIR (see 'pk plot --help')");
    if (mkdir(dir, 0755) && errno != EEXIST)
        pk_usage_error("cannot create directory '%s': %s", dir, strerror(errno));
    pk_read_result_files(nfiles, (char **)files, 0, &all, &n);

    for (int i = 0; i < n; i++) {
        bool seen = false;
        for (int j = 0; j < i && !seen; j++)
            seen = strcmp(all[j].rec.kernel, all[i].rec.kernel) == 0 &&
                   all[j].rec.n == all[i].rec.n &&
                   strcmp(all[j].rec.params, all[i].rec.params) == 0;
        if (seen)
            continue;
        char name[128], cmd[4352];
        snprintf(name, sizeof name, "%s-n%lld%s", all[i].rec.kernel, all[i].rec.n,
                 strcmp(all[i].rec.params, "-") ? "-opts" : "");
        if (figures > 0 && strstr(name, "-opts"))
            snprintf(name + strlen(name), sizeof name - strlen(name), "%d", figures);
        if (write_figure(dir, name, all, n, &all[i], err, sizeof err)) {
            fprintf(stderr, "pk: %s\n", err);
            failed = true;
            continue;
        }
        figures++;
        if (!have_gnuplot)
            continue;
        char *gp_argv[] = {"sh", "-c", cmd, NULL};
        struct pk_child child;
        snprintf(cmd, sizeof cmd, "cd '%s' && gnuplot '%s.gp'", dir, name);
        if (pk_child_run(gp_argv, 60, NULL, &child, err, sizeof err) || !child.exited ||
            child.exit_code != 0) {
            fprintf(stderr, "pk: gnuplot failed on %s/%s.gp\n", dir, name);
            failed = true;
        } else {
            printf("%s/%s.png\n%s/%s.svg\n", dir, name, dir, name);
        }
        if (child.err)
            pk_child_free(&child);
    }
    if (!have_gnuplot)
        fprintf(stderr,
                "pk: gnuplot not found: wrote %d figure script(s) and data to %s; install "
                "gnuplot (Debian: gnuplot-nox) and run 'cd %s && gnuplot NAME.gp'\n",
                figures, dir, dir);
    free(all);
    return pk_finish_stdout(failed ? 1 : 0);
}
