/*
 * The human report of a set of results, from pk run or read back by pk report: one table per
 * kernel and size (median with its 95% interval, min, max, speedup over serial with a
 * conservative interval, efficiency, Karp-Flatt serial fraction, the kernel's figure, the
 * check), then the Amdahl fit per model, the notes, and one summary sentence.
 */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void pk_report_context(struct pk_context *out, const struct pk_context *ctx,
                       const struct pk_result *all, int n)
{
    char list[256] = "";
    size_t used = 0;
    *out = *ctx;
    if (pk_context_get(out, "mpi library"))
        return;
    for (int i = 0; i < n; i++) {
        const char *v = all[i].rec.mpi;
        bool seen = !*v || strcmp(v, "-") == 0;
        for (int j = 0; j < i && !seen; j++)
            seen = strcmp(v, all[j].rec.mpi) == 0;
        if (!seen && used + strlen(v) + 3 < sizeof list)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", used ? ", " : "", v);
    }
    if (used)
        pk_context_set(out, "mpi library", list);
}

/* "12.3ms": three significant digits in the unit that fits. */
void pk_report_time(char *buf, size_t len, double s)
{
    char rounded[32];
    snprintf(rounded, sizeof rounded, "%.3g", s);
    s = isnan(s) ? s : strtod(rounded, NULL); /* 0.9996 is "1s", not "1e+03ms" */
    if (isnan(s))
        snprintf(buf, len, "-");
    else if (s >= 1)
        snprintf(buf, len, "%.3gs", s);
    else if (s >= 1e-3)
        snprintf(buf, len, "%.3gms", s * 1e3);
    else if (s >= 1e-6)
        snprintf(buf, len, "%.3gus", s * 1e6);
    else
        snprintf(buf, len, "%.3gns", s * 1e9);
}

void pk_report_reps(char *buf, size_t len, const struct pk_result *all, int n,
                    const struct pk_result *first)
{
    int lo = 0, hi = 0;
    for (int i = 0; i < n; i++)
        if (pk_result_same_table(&all[i], first) && all[i].rec.reps > 0) {
            lo = !lo || all[i].rec.reps < lo ? all[i].rec.reps : lo;
            hi = all[i].rec.reps > hi ? all[i].rec.reps : hi;
        }
    if (lo == hi)
        snprintf(buf, len, "%d reps", lo);
    else
        snprintf(buf, len, "%d to %d reps", lo, hi);
}

void pk_report_workers(char *buf, size_t len, const struct pk_record *r)
{
    if (strcmp(r->model, "hybrid") == 0)
        snprintf(buf, len, "%dx%d", r->workers / (r->threads > 0 ? r->threads : 1), r->threads);
    else
        snprintf(buf, len, "%d", r->workers);
}

struct pk_row pk_report_row(const struct pk_result *all, int n, const struct pk_result *r)
{
    struct pk_row row = {.sum = pk_result_summary(r), .speedup = {NAN, NAN, NAN}};
    const struct pk_result *base = pk_result_baseline(all, n, r);
    row.efficiency = row.karp_flatt = NAN;
    if (base && pk_result_verified(r) && !(r->kernel && r->kernel->own_workers)) {
        struct pk_summary b = pk_result_summary(base);
        row.speedup = pk_stats_speedup(&b, &row.sum);
        row.efficiency = row.speedup.s / r->rec.workers;
        row.karp_flatt = pk_stats_karp_flatt(row.speedup.s, r->rec.workers);
    }
    return row;
}

static void print_cell_time(FILE *f, double s, int width)
{
    char t[24];
    pk_report_time(t, sizeof t, s);
    fprintf(f, " %*s", width, t);
}

/* [lo, hi]; none: what stands in its place when there is no interval */
static void print_interval(FILE *f, double lo, double hi, bool times, int width, const char *none)
{
    char a[24], b[24], cell[64];
    if (isnan(lo)) {
        fprintf(f, " %-*s", width, none);
        return;
    }
    if (times) {
        pk_report_time(a, sizeof a, lo);
        pk_report_time(b, sizeof b, hi);
    } else {
        snprintf(a, sizeof a, "%.2f", lo);
        snprintf(b, sizeof b, "%.2f", hi);
    }
    snprintf(cell, sizeof cell, "[%s, %s]", a, b);
    fprintf(f, " %-*s", width, cell);
}

static void print_number(FILE *f, const char *fmt, double v, int width)
{
    if (isnan(v))
        fprintf(f, " %*s", width, "-");
    else {
        fputc(' ', f);
        fprintf(f, fmt, width, v);
    }
}

/* The model column's width: 7, or the longest model name of the table ("python-threads"). */
static int model_width = 7;

static void table_header(FILE *f, const struct pk_result *first, const struct pk_result *all, int n,
                         const char *label)
{
    const struct pk_record *r = &first->rec;
    const struct pk_kernel *k = first->kernel;
    const struct pk_result *base = pk_result_baseline(all, n, first);
    char t[24];

    fprintf(f, "\n%s (%s): n = %lld%s%s%s", r->kernel, k ? k->pattern : "kernel unknown here", r->n,
            first->cls[0] ? " (class " : "", first->cls, first->cls[0] ? ")" : "");
    char reps[40];
    pk_report_reps(reps, sizeof reps, all, n, first);
    if (r->warmup >= 0 && strcmp(reps, "0 reps") != 0)
        fprintf(f, ", %s after %d warm-up", reps, r->warmup);
    if (base) {
        pk_report_time(t, sizeof t, pk_result_summary(base).median);
        fprintf(f, "; serial median %s", t);
    }
    fputc('\n', f);
    if (label)
        fprintf(f, "  %s\n", label);
    if (strcmp(r->params, "-") != 0)
        fprintf(f, "  options %s\n", r->params);
    model_width = 7;
    for (int i = 0; i < n; i++)
        if ((int)strlen(all[i].rec.model) > model_width)
            model_width = (int)strlen(all[i].rec.model);
    fprintf(f, "  %-*s %5s %8s %-19s %8s %8s %7s %-14s %5s %6s %8s", model_width, "model", "p",
            "median", "95% CI of median", "min", "max", "speedup", "95% CI", "eff", "K-F e",
            "startup");
    if (strcmp(r->unit, "-") != 0 || (k && k->unit))
        fprintf(f, " %9s", k && k->unit ? k->unit : r->unit);
    fprintf(f, "  check\n");
}

static void table_row(FILE *f, const struct pk_result *all, int n, const struct pk_result *r,
                      bool color, bool has_unit)
{
    const struct pk_record *c = &r->rec;
    struct pk_row row = pk_report_row(all, n, r);
    bool bad = pk_status_is_failure(c->status);
    char label[16];

    char p[24];
    pk_report_workers(p, sizeof p, c);
    fprintf(f, "  %-*s %5s", model_width, c->model, p);
    print_cell_time(f, row.sum.median, 8);
    print_interval(f, row.sum.ci_lo, row.sum.ci_hi, true, 19,
                   row.sum.n == 0 ? "(no reps)" : "(reps < 6)");
    print_cell_time(f, row.sum.min, 8);
    print_cell_time(f, row.sum.max, 8);
    print_number(f, "%*.2f", row.speedup.s, 7);
    print_interval(f, row.speedup.lo, row.speedup.hi, false, 14, "");
    print_number(f, "%*.2f", row.efficiency, 5);
    print_number(f, "%*.3g", row.karp_flatt, 6);
    print_cell_time(f, r->startup_s, 8);
    if (has_unit)
        print_number(f, "%*.4g", c->status == PK_STATUS_OK ? c->rate : NAN, 9);
    snprintf(label, sizeof label, "%s", pk_status_name(c->status));
    for (char *ch = label; bad && *ch; ch++) /* failures shout: FAILED, TIMEOUT, DISAGREE */
        *ch = (char)(*ch - 'a' + 'A');
    fprintf(f, "  %s%s%s\n", bad && color ? "\033[1;31m" : "", label,
            bad && color ? "\033[0m" : "");
}

/* Why no fit is shown, for each shape but PK_AMDAHL_FIT. */
static const char *const amdahl_why[] = {
    [PK_AMDAHL_SLOWDOWN] = "slowdown: the time at the largest p is above the time at the smallest",
    [PK_AMDAHL_FLAT] = "the times do not fall with p",
    [PK_AMDAHL_SUPERLINEAR] = "superlinear: a time fell faster than 1/p, from cache or noise",
    [PK_AMDAHL_UNFIT] = "misfit: a negative serial fraction, yet no time fell faster than 1/p",
};

/* Amdahl's law fitted per model over the worker counts measured in that model. */
static void table_fits(FILE *f, const struct pk_result *all, int first, int end)
{
    if (all[first].kernel && all[first].kernel->own_workers)
        return; /* its times grow with p by design: creation is what it measures */
    for (int m = 1; m < PK_NMODEL; m++) {
        int p[64];
        double t[64];
        size_t k = 0;
        const char *model = pk_model_name((enum pk_model)m);
        for (int i = first; i < end && k < 64; i++) {
            if (strcmp(all[i].rec.model, model) == 0 && pk_result_verified(&all[i])) {
                p[k] = all[i].rec.workers;
                t[k++] = pk_result_summary(&all[i]).median;
            }
        }
        struct pk_amdahl fit;
        enum pk_amdahl_shape shape = pk_stats_amdahl_classify(p, t, k, &fit);
        if (shape == PK_AMDAHL_NONE)
            continue;
        if (shape != PK_AMDAHL_FIT) {
            fprintf(f, "  Amdahl fit T(p) = a + b/p, %s: none (%s)\n", model, amdahl_why[shape]);
            continue;
        }
        fprintf(f, "  Amdahl fit T(p) = a + b/p, %s: serial fraction %.3f, speedup bound ", model,
                fit.serial_fraction);
        if (isinf(fit.bound))
            fprintf(f, "none\n");
        else
            fprintf(f, "%.3gx\n", fit.bound);
    }
}

/* s with every byte that is not printable ASCII as '?': a runner's message drives no terminal */
static const char *clean(char *buf, size_t len, const char *s)
{
    size_t i = 0;
    for (; s[i] && i + 1 < len; i++)
        buf[i] = (char)((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f ? s[i] : '?');
    buf[i] = '\0';
    return buf;
}

/* When the configurations' arenas got different page sizes, a line that lists them. */
static void pages_note(FILE *f, const struct pk_result *all, int first, int end)
{
    const char *seen = NULL;
    bool differ = false;
    for (int i = first; i < end; i++) {
        const char *p = all[i].rec.pages;
        if (strcmp(p, "-") == 0)
            continue;
        differ |= seen && strcmp(seen, p) != 0;
        seen = seen ? seen : p;
    }
    if (!differ)
        return;
    char text[64];
    fprintf(f, "  page size differs between configurations (their rates are not comparable):");
    for (int i = first; i < end; i++)
        if (strcmp(all[i].rec.pages, "-") != 0)
            fprintf(f, "%s %s p=%d %s", i > first ? "," : "", all[i].rec.model, all[i].rec.workers,
                    clean(text, sizeof text, all[i].rec.pages));
    fputc('\n', f);
}

static void table_notes(FILE *f, const struct pk_result *all, int first, int end)
{
    char text[512];
    const char *agreed = NULL;
    bool all_agree = true;
    const struct pk_kernel *k = all[first].kernel;

    for (int i = first; i < end; i++) {
        const struct pk_record *r = &all[i].rec;
        if (r->status == PK_STATUS_OK && !agreed)
            agreed = r->result;
        if (r->status != PK_STATUS_OK && r->status != PK_STATUS_SKIPPED)
            all_agree = false;
        if (strcmp(r->detail, "-") != 0)
            fprintf(f, "  %s p=%d: %s: %s\n", r->model, r->workers, pk_status_name(r->status),
                    clean(text, sizeof text, r->detail));
    }
    pages_note(f, all, first, end);
    if (agreed)
        fprintf(f, "  result %s%s\n", clean(text, sizeof text, agreed),
                all_agree ? " (every configuration verified and agrees)" : "");
    if (k && k->rate_note)
        fprintf(f, "  %s counts %s\n", k->unit, k->rate_note);
    if (k && k->own_workers)
        fprintf(f, "  %s\n", k->own_workers);
}

/* "run 1 of 2: 20261127T102937-32293 on vm, job 42, bind:close" */
static void run_label(char *buf, size_t len, const struct pk_result *r, int k, int nruns)
{
    snprintf(buf, len, "run %d of %d: %s on %s%s%s%s%s", k + 1, nruns, r->run[0] ? r->run : "-",
             r->host[0] ? r->host : "-", r->job[0] ? ", job " : "", r->job,
             r->options[0] ? ", " : "", r->options);
}

static void print_table(FILE *f, const struct pk_result *t, int m, bool color, const char *label)
{
    bool has_unit = (t[0].kernel && t[0].kernel->unit) || strcmp(t[0].rec.unit, "-") != 0;
    table_header(f, &t[0], t, m, label);
    for (int j = 0; j < m; j++)
        table_row(f, t, m, &t[j], color, has_unit);
    table_fits(f, t, 0, m);
    table_notes(f, t, 0, m);
    pk_report_summary(f, t, m, 0, m);
}

/*
 * One table's rows from several runs: when a configuration was measured in more than one run,
 * each run gets its own table, labelled, with speedups against its own serial; otherwise (one
 * file per job of a plan) they are pooled into one table, and a note names the runs.
 */
static void print_runs(FILE *f, struct pk_result *group, int m, struct pk_result *sub, bool color)
{
    int first_of[64], nruns = 0;
    for (int i = 0; i < m; i++) {
        bool seen = false;
        for (int k = 0; k < nruns && !seen; k++)
            seen = strcmp(group[first_of[k]].run, group[i].run) == 0;
        if (!seen && nruns < 64)
            first_of[nruns++] = i;
    }
    if (nruns > 1 && group[0].runs_repeat) {
        for (int k = 0; k < nruns; k++) {
            char label[512];
            int ms = 0;
            for (int i = 0; i < m; i++)
                if (strcmp(group[i].run, group[first_of[k]].run) == 0)
                    sub[ms++] = group[i];
            run_label(label, sizeof label, &group[first_of[k]], k, nruns);
            print_table(f, sub, ms, color, label);
        }
        return;
    }
    print_table(f, group, m, color, NULL);
    if (nruns > 1) {
        fprintf(f,
                "  Note: pooled from %d runs (no configuration measured twice); each speedup "
                "uses the serial of its own run where it has one:\n",
                nruns);
        for (int k = 0; k < nruns; k++) {
            char label[512];
            run_label(label, sizeof label, &group[first_of[k]], k, nruns);
            fprintf(f, "    %s\n", label);
        }
    }
}

void pk_report_tables(FILE *f, const struct pk_result *all, int n, bool color)
{
    bool *done = calloc((size_t)n + 1, sizeof *done);
    struct pk_result *group = malloc(((size_t)n + 1) * sizeof *group);
    struct pk_result *sub = malloc(((size_t)n + 1) * sizeof *sub);
    if (!done || !group || !sub) {
        fprintf(f, "pk: out of memory for the report\n");
        goto out;
    }
    /* group tables by kernel, size, parameters and seed, in order of first appearance */
    for (int i = 0; i < n; i++) {
        if (done[i])
            continue;
        int m = 0;
        for (int j = i; j < n; j++)
            if (!done[j] && pk_result_same_table(&all[i], &all[j])) {
                group[m++] = all[j];
                done[j] = true;
            }
        print_runs(f, group, m, sub, color);
    }
out:
    free(done);
    free(group);
    free(sub);
}
