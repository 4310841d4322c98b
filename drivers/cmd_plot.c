/*
 * pk plot FILE... -o DIR: for each kernel and size, one figure of three panels through
 * gnuplot: time against p (log-log, with the ideal slope T_serial / p), speedup against p
 * (with y = p and each model's Amdahl fit where the report accepts one) and efficiency against
 * p (with E = 1); one line per model (per model and run when runs repeat a configuration),
 * error bars from the 95% intervals, one legend, a colour-blind-safe palette; PNG and SVG.
 * Without gnuplot the data and the script are still written, with the command that renders
 * them.
 *
 * A results file is data from elsewhere: every name in an output path is checked to be
 * [a-z0-9_-] (kernel and model names pk knows), every text in the script is quoted for
 * gnuplot, and gnuplot runs from an argv in DIR, never through a shell.
 */
#include "pk.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd_plot.h"
#include "opts.h"

static const char plot_usage[] =
    "usage: pk plot FILE.csv... -o DIR\n"
    "Writes DIR/<kernel>-n<size>.{dat,gp,png,svg}: time, speedup and efficiency against the\n"
    "worker count, one line per model (and per run when runs repeat a configuration), with\n"
    "95%-interval error bars, the ideal lines and the Amdahl fits the report accepts. A figure\n"
    "of a kernel run with kernel options or a seed other than 1 is <kernel>-n<size>-opts<N>,\n"
    "N its place among all the figures, from 0, in the order the files first name each\n"
    "kernel, size, options and seed (pk run pi stencil: stencil-n<size>-opts1).\n"
    "Needs gnuplot (Debian: gnuplot-nox) for the images; without it, writes the data and\n"
    "script and prints how to render them. DIR is created once every file has been read.\n"
    "Exit status: 0 drawn; 1 a configuration failed or disagrees, or a figure could not be\n"
    "written or drawn; 2 a file is unreadable, not a regular file or pipe (a device or a\n"
    "directory), not a pk results file, holds no results, or repeats a rep already read (a\n"
    "row twice, a file given twice), or DIR is not a folder pk can write in.\n";

/* Okabe-Ito colours by model number, the baseline black: no yellow on white. */
static const char *const palette[] = {"#56B4E9", "#0072B2", "#D55E00",
                                      "#009E73", "#CC79A7", "#E69F00"};

static bool is_baseline(int m)
{
    return pk_model_facts((enum pk_model)m)->baseline;
}

#define MAX_SERIES 64

struct series {
    int model;
    const char *run; /* NULL: every run pooled */
    bool fit;        /* an Amdahl fit the report accepts */
    double serial;   /* the median of the serial its speedups divide (its run's); NAN if none */
    struct pk_amdahl amdahl;
};

static double or_median(double v, double median)
{
    return isnan(v) ? median : v;
}

/* True for a name that may be part of a file name: [a-z0-9_-], not empty, no leading '-'. */
static bool safe_name(const char *s)
{
    if (*s == '\0' || *s == '-')
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
            return false;
    return true;
}

/* Writes s as a gnuplot single-quoted string: '' for a quote, printable ASCII only. */
static void gp_string(FILE *gp, const char *s)
{
    fputc('\'', gp);
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '\'')
            fputs("''", gp);
        else
            fputc(ch >= 0x20 && ch < 0x7f ? ch : '?', gp);
    }
    fputc('\'', gp);
}

/* The verified points of one series, in file order; returns how many (at most 64). */
static int series_points(const struct pk_result *all, int n, const struct pk_result *first,
                         const struct series *s, const struct pk_result *pts[64])
{
    int k = 0;
    for (int i = 0; i < n && k < 64; i++) {
        const struct pk_result *r = &all[i];
        if (pk_result_same_table(r, first) && pk_result_verified(r) &&
            strcmp(r->rec.model, pk_model_name((enum pk_model)s->model)) == 0 &&
            (!s->run || strcmp(r->run, s->run) == 0))
            pts[k++] = r;
    }
    return k;
}

/* Appends s to the list buf ("a, b") unless it is empty or already there. */
static void add_distinct(char *buf, size_t len, const char *s)
{
    if (*s && !strstr(buf, s) && strlen(buf) + strlen(s) + 3 < len)
        snprintf(buf + strlen(buf), len - strlen(buf), "%s%s", *buf ? ", " : "", s);
}

/* The figure's title: kernel, n (class), parameters, reps, hosts, CPU models and runs. */
static void write_title(FILE *gp, const struct pk_result *all, int n, const struct pk_result *first)
{
    char title[1024], hosts[160] = "", runs[200] = "", cpus[260] = "";
    int nruns = 0;
    for (int i = 0; i < n; i++) {
        const struct pk_result *r = &all[i];
        if (!pk_result_same_table(r, first))
            continue;
        bool seen = false;
        for (int j = 0; j < i && !seen; j++)
            seen = pk_result_same_table(&all[j], first) && strcmp(all[j].run, r->run) == 0;
        if (seen)
            continue;
        nruns++;
        add_distinct(hosts, sizeof hosts, r->host);
        add_distinct(cpus, sizeof cpus, r->cpu_model);
        if (nruns <= 3 && strlen(runs) + strlen(r->run) + 3 < sizeof runs)
            snprintf(runs + strlen(runs), sizeof runs - strlen(runs), "%s%s", *runs ? ", " : "",
                     r->run);
    }
    char reps[40];
    pk_report_reps(reps, sizeof reps, all, n, first);
    snprintf(title, sizeof title, "%s, n = %lld%s%s%s%s%s; %s; host %s; CPU %s; run%s %s%s",
             first->rec.kernel, first->rec.n, first->cls[0] ? " (class " : "", first->cls,
             first->cls[0] ? ")" : "", strcmp(first->rec.params, "-") ? ", " : "",
             strcmp(first->rec.params, "-") ? first->rec.params : "", reps, *hosts ? hosts : "-",
             *cpus ? cpus : "unknown", nruns > 1 ? "s" : "", *runs ? runs : "-",
             nruns > 3 ? ", ..." : "");
    fputs("set multiplot layout 1,3 title ", gp);
    gp_string(gp, title);
    fputs(" noenhanced\n", gp);
}

/* Writes DIR/name.dat (one block per series) and DIR/name.gp; returns 0 or -1. */
static int write_figure(const char *dir, const char *name, const struct pk_result *all, int n,
                        const struct pk_result *first, char *err, size_t errlen)
{
    char path[4096];
    const struct pk_result *base = pk_result_baseline(all, n, first);
    double serial = base ? pk_result_summary(base).median : NAN;
    struct series ser[MAX_SERIES];
    int nser = 0;
    bool by_run = first->runs_repeat;

    snprintf(path, sizeof path, "%s/%s.dat", dir, name);
    FILE *dat = fopen(path, "w");
    if (!dat) {
        snprintf(err, errlen, "cannot write '%.400s': %s", path, strerror(errno));
        return -1;
    }
    fprintf(dat, "# %s n=%lld %s: p median ci_lo ci_hi speedup s_lo s_hi efficiency\n",
            first->rec.kernel, first->rec.n, first->rec.params);
    for (int m = 0; m < PK_NMODEL; m++) {
        /* the runs of this model, in file order (one pooled series unless runs repeat) */
        for (int i = 0; i < n && nser < MAX_SERIES; i++) {
            struct series s = {m, by_run ? all[i].run : NULL, false, NAN, {0, 0, 0, 0}};
            const struct pk_result *pts[64];
            if (!pk_result_same_table(&all[i], first) || !pk_result_verified(&all[i]) ||
                strcmp(all[i].rec.model, pk_model_name((enum pk_model)m)) != 0)
                continue;
            bool seen = false;
            for (int b = 0; b < nser && !seen; b++)
                seen = ser[b].model == m && (!by_run || strcmp(ser[b].run, all[i].run) == 0);
            if (seen)
                continue;
            int k = series_points(all, n, first, &s, pts);
            int p[64];
            double t[64];
            fprintf(dat, "%s# %s%s%s\n", nser ? "\n\n" : "", pk_model_name((enum pk_model)m),
                    s.run ? " run " : "", s.run ? s.run : "");
            for (int j = 0; j < k; j++) {
                struct pk_row row = pk_report_row(all, n, pts[j]);
                fprintf(dat, "%d %.9g %.9g %.9g %.9g %.9g %.9g %.9g\n", pts[j]->rec.workers,
                        row.sum.median, or_median(row.sum.ci_lo, row.sum.median),
                        or_median(row.sum.ci_hi, row.sum.median), row.speedup.s,
                        or_median(row.speedup.lo, row.speedup.s),
                        or_median(row.speedup.hi, row.speedup.s), row.efficiency);
                p[j] = pts[j]->rec.workers;
                t[j] = row.sum.median;
            }
            const struct pk_result *own = pk_result_baseline(all, n, pts[0]);
            s.serial = own ? pk_result_summary(own).median : NAN;
            /* only a fit the report accepts is drawn (no fit for a slowdown or superlinear) */
            s.fit = !isnan(s.serial) && !is_baseline(m) &&
                    !(first->kernel && first->kernel->own_workers) &&
                    pk_stats_amdahl_classify(p, t, (size_t)k, &s.amdahl) == PK_AMDAHL_FIT;
            ser[nser++] = s;
        }
    }
    if (fclose(dat)) {
        snprintf(err, errlen, "cannot write '%.400s': %s", path, strerror(errno));
        return -1;
    }

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
    int pmax = 1, cores = 0;
    char tics[512] = "";
    for (int i = 0; i < n; i++) {
        const struct pk_record *r = &all[i].rec;
        char item[24];
        if (!pk_result_same_table(&all[i], first))
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
        cores = all[i].cores > cores ? all[i].cores : cores;
    }
    fprintf(gp, "set xtics (%s)\npmax = %d\ncores = %d\n", tics, pmax, cores);
    /* the core count (the most of any run here): points right of the mark oversubscribe */
    if (cores > 0 && cores <= pmax)
        fprintf(gp, "set arrow 1 from first cores, graph 0 to first cores, graph 1 nohead "
                    "lc rgb 'gray40' dashtype 4\nset label 1 sprintf('%%d cores', cores) at "
                    "first cores, graph 0.96 right offset -0.5, 0 tc rgb 'gray40'\n");
    for (int b = 0; b < nser; b++)
        if (ser[b].fit)
            fprintf(gp, "fit%d(x) = %.9g / (%.9g + %.9g / x)\n", b, ser[b].serial, ser[b].amdahl.a,
                    ser[b].amdahl.b);
    for (int b = 0; b < nser; b++) {
        char label[96];
        snprintf(label, sizeof label, "%s%s%.60s", pk_model_name((enum pk_model)ser[b].model),
                 ser[b].run ? " run " : "", ser[b].run ? ser[b].run : "");
        fprintf(gp, "set linetype %d lc rgb '%s' lw 1.5 pt %d ps %s dashtype %d\n", b + 1,
                is_baseline(ser[b].model)
                    ? "#000000"
                    : palette[ser[b].model % (sizeof palette / sizeof *palette)],
                is_baseline(ser[b].model) ? 9 : 7 + 2 * (b % 3),
                is_baseline(ser[b].model) ? "1.8" : "1.2", 1 + (by_run ? b % 4 : 0));
        fprintf(gp, "title%d = ", b);
        gp_string(gp, label);
        fputc('\n', gp);
    }
    /* the drawing order: serial last, so that its point at p = 1 is on top */
    int draw[MAX_SERIES], ndraw = 0;
    for (int b = 0; b < nser; b++)
        if (!is_baseline(ser[b].model))
            draw[ndraw++] = b;
    for (int b = 0; b < nser; b++)
        if (is_baseline(ser[b].model))
            draw[ndraw++] = b;
    fprintf(gp,
            "set grid\nset xlabel 'workers p'\nset style data linespoints\nset format y '%%g'\n");
    for (int out = 0; out < 2; out++) {
        if (out == 0)
            fprintf(gp, "set terminal pngcairo size 1500,520 font ',10'\nset output '%s.png'\n",
                    name);
        else
            fprintf(gp, "set terminal svg size 1500,520 font 'sans,10'\nset output '%s.svg'\n",
                    name);
        write_title(gp, all, n, first);
        /* one legend for the figure: under the first panel, the others without */
        fprintf(gp, "set key bottom left box noenhanced\n");
        /* time, log-log, with the ideal slope from serial */
        fprintf(gp, "set logscale xy\nset xrange [0.9:pmax*1.1]\nset autoscale yfix\n"
                    "set offsets 0, 0, graph 0.05, graph 0.05\nset ylabel 'median time (s)'\n"
                    "set title 'time (log-log)'\nplot ");
        for (int i = 0; i < nser; i++)
            fprintf(gp, "dat index %d using 1:2:3:4 with yerrorlines lt %d title title%d, ",
                    draw[i], draw[i] + 1, draw[i]);
        /* runs reported apart have a serial each: the line is the first run's, and says so */
        char ideal[128];
        snprintf(ideal, sizeof ideal, "ideal: serial time / p%s%.60s",
                 by_run && base ? ", run " : "", by_run && base ? base->run : "");
        fprintf(gp, "serial / x with lines dashtype 2 lc 'black' title ");
        gp_string(gp, ideal);
        fputc('\n', gp);
        fprintf(gp, "unset key\nunset logscale\nset offsets 0, 0, graph 0.05, 0\n"
                    "set xrange [0.8:pmax*1.1]\nset yrange [0:*]\n");
        /* speedup with y = p and the accepted fits */
        fprintf(gp, "set ylabel 'speedup over serial'\nset title 'speedup (dotted: Amdahl fits, "
                    "dashed: S = p)'\nplot ");
        for (int i = 0; i < nser; i++) {
            int b = draw[i];
            fprintf(gp, "dat index %d using 1:5:6:7 with yerrorlines lt %d notitle, ", b, b + 1);
            if (ser[b].fit)
                fprintf(gp, "fit%d(x) with lines lt %d dashtype 3 notitle, ", b, b + 1);
        }
        fprintf(gp, "x with lines dashtype 2 lc 'black' notitle\n");
        /* efficiency with E = 1 and error bars; the axis grows past 1.2 for a superlinear point */
        fprintf(gp, "set ylabel 'efficiency S/p'\nset title 'efficiency (dashed: E = 1)'\n"
                    "set yrange [0:1.2<*]\nplot ");
        for (int i = 0; i < nser; i++)
            fprintf(gp, "dat index %d using 1:8:($6/$1):($7/$1) with yerrorlines lt %d notitle, ",
                    draw[i], draw[i] + 1);
        fprintf(gp, "1 with lines dashtype 2 lc 'black' notitle\n");
        fprintf(gp, "unset multiplot\nunset xrange\nunset yrange\nunset offsets\n");
    }
    if (fclose(gp)) {
        snprintf(err, errlen, "cannot write '%.400s': %s", path, strerror(errno));
        return -1;
    }
    return 0;
}

int cmd_plot(int argc, char **argv)
{
    enum { O_OUTPUT = 1, O_HELP };
    static const struct opt opts[] = {
        {O_OUTPUT, 'o', "output", true}, {O_HELP, 'h', "help", false}, {0, 0, NULL, false}};
    struct opt_scan s;
    const char *files[256], *dir = NULL;
    int nfiles = 0, id, n, figures = 0, place = 0;
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
        if (id == O_OUTPUT && dir) /* one folder: a second -o would win in silence */
            pk_usage_error("option '-o' is given twice ('%s', then '%s')", dir, s.value);
        else if (id == O_OUTPUT)
            dir = s.value;
        else if (nfiles < 256)
            files[nfiles++] = s.value;
        else
            pk_usage_error("too many files (at most 256)");
    }
    if (nfiles == 0 || !dir || !*dir)
        pk_usage_error("plot needs results files and -o DIR (see 'pk plot --help')");
    /* a file, /dev/null or a folder pk cannot write in: refused before anything is read */
    plot_check_dir(dir, true);
    if (pk_results_read_files((char *const *)files, nfiles, &all, &n, err, sizeof err) < 0)
        pk_usage_error("%s", err);
    for (int i = 0; i < n; i++) {
        failed |= pk_status_is_failure(all[i].rec.status);
        /* names that reach a path: the parser admits only kernels and models pk knows */
        if (!safe_name(all[i].rec.kernel) || !safe_name(all[i].rec.model))
            pk_usage_error("unsafe name '%s %s' in the results", all[i].rec.kernel,
                           all[i].rec.model);
    }
    /* only now, with every input read and valid */
    if (mkdir(dir, 0755) && errno != EEXIST)
        pk_usage_error("cannot create directory '%s': %s", dir, strerror(errno));
    plot_check_dir(dir, false);

    for (int i = 0; i < n; i++) {
        bool seen = false;
        for (int j = 0; j < i && !seen; j++)
            seen = pk_result_same_table(&all[j], &all[i]);
        if (seen)
            continue;
        char name[128];
        snprintf(name, sizeof name, "%s-n%lld", all[i].rec.kernel, all[i].rec.n);
        /* the figure's place among all of them, written or not: a failed figure before it
         * does not rename it */
        if (strcmp(all[i].rec.params, "-") || all[i].rec.seed != 1)
            snprintf(name + strlen(name), sizeof name - strlen(name), "-opts%d", place);
        place++;
        if (!safe_name(name))
            pk_usage_error("unsafe figure name '%s'", name);
        if (write_figure(dir, name, all, n, &all[i], err, sizeof err)) {
            fprintf(stderr, "pk: %s\n", err);
            failed = true;
            continue;
        }
        figures++;
        if (!have_gnuplot)
            continue;
        if (plot_render(dir, name, err, sizeof err)) {
            fprintf(stderr, "pk: %s\n", err);
            failed = true;
        } else {
            printf("%s/%s.png\n%s/%s.svg\n", dir, name, dir, name);
        }
    }
    if (!have_gnuplot)
        fprintf(stderr,
                "pk: gnuplot not found: wrote %d figure script(s) and data to %s; install "
                "gnuplot (Debian: gnuplot-nox) and run gnuplot NAME.gp in that directory\n",
                figures, dir);
    free(all);
    return pk_finish_stdout(failed ? 1 : 0);
}
