/*
 * What pk prints after a run: one table per kernel (time, speedup against serial, efficiency,
 * the kernel's own figure, the check) and the CSV record that pk report reads back.
 */
#include "pk.h"

#include <math.h>
#include <string.h>

#include "stats.h"

/* "12.3 ms": three significant digits in the unit that fits. */
static void human_time(char *buf, size_t len, double s)
{
    if (isnan(s))
        snprintf(buf, len, "-");
    else if (s >= 1)
        snprintf(buf, len, "%.3g s", s);
    else if (s >= 1e-3)
        snprintf(buf, len, "%.3g ms", s * 1e3);
    else if (s >= 1e-6)
        snprintf(buf, len, "%.3g us", s * 1e6);
    else
        snprintf(buf, len, "%.3g ns", s * 1e9);
}

static bool verified(const struct pk_config *c)
{
    return c->ran && c->rec.status == PK_STATUS_OK && c->rec.reps > 0;
}

const struct pk_config *pk_report_baseline(const struct pk_config *cfgs, int n,
                                           const struct pk_config *cfg)
{
    for (int i = 0; i < n; i++)
        if (cfgs[i].spec.kernel == cfg->spec.kernel && cfgs[i].spec.model == PK_SERIAL &&
            verified(&cfgs[i]))
            return &cfgs[i];
    return NULL;
}

static double median_of(const struct pk_config *c)
{
    return c->rec.reps > 0 ? pk_stats_median(c->rec.times, (size_t)c->rec.reps) : NAN;
}

/* Speedup against serial: NAN when either side did not verify. */
static double speedup_of(const struct pk_config *cfgs, int n, const struct pk_config *c)
{
    const struct pk_config *base = pk_report_baseline(cfgs, n, c);
    if (!base || !verified(c))
        return NAN;
    return median_of(base) / median_of(c);
}

static void print_number(FILE *f, const char *fmt, double v, int width)
{
    if (isnan(v))
        fprintf(f, "%*s", width, "-");
    else
        fprintf(f, fmt, width, v);
}

static void table_header(FILE *f, const struct pk_config *first)
{
    const struct pk_kernel *k = first->spec.kernel;
    const struct pk_record *r = &first->rec;
    char size[64];

    if (first->by_class)
        snprintf(size, sizeof size, "n = %lld (class %s)", first->spec.n,
                 pk_class_name(first->cls));
    else
        snprintf(size, sizeof size, "n = %lld", first->spec.n);
    fprintf(f, "\n%s (%s): %s\n", k->name, k->pattern, size);
    if (strcmp(r->params, "-") != 0)
        fprintf(f, "  options %s\n", r->params);
    fprintf(f, "  %-8s %4s %10s %10s %10s %8s %6s %10s", "model", "p", "median", "min", "max",
            "speedup", "eff", "startup");
    if (k->unit)
        fprintf(f, " %10s", k->unit);
    fprintf(f, "  check\n");
}

static void table_row(FILE *f, const struct pk_config *cfgs, int n, const struct pk_config *c,
                      bool color)
{
    const struct pk_record *r = &c->rec;
    struct pk_summary s = {0, NAN, NAN, NAN, NAN, NAN};
    char med[16], lo[16], hi[16], start[16];
    double speedup = speedup_of(cfgs, n, c);
    bool bad = pk_status_is_failure(r->status);

    if (r->reps > 0)
        pk_stats_summarize(r->times, (size_t)r->reps, &s);
    human_time(med, sizeof med, s.median);
    human_time(lo, sizeof lo, s.min);
    human_time(hi, sizeof hi, s.max);
    human_time(start, sizeof start, c->startup_s);
    fprintf(f, "  %-8s %4d %10s %10s %10s ", pk_model_name(c->spec.model), c->spec.workers, med, lo,
            hi);
    print_number(f, "%*.2f", speedup, 8);
    fputc(' ', f);
    print_number(f, "%*.2f", speedup / c->spec.workers, 6);
    fprintf(f, " %10s", start);
    if (c->spec.kernel->unit) {
        fputc(' ', f);
        print_number(f, "%*.4g", r->status == PK_STATUS_OK ? r->rate : NAN, 10);
    }
    char label[16];
    snprintf(label, sizeof label, "%s", pk_status_name(r->status));
    for (char *p = label; bad && *p; p++) /* failures shout: FAILED, TIMEOUT, DISAGREE */
        *p = (char)(*p - 'a' + 'A');
    fprintf(f, "  %s%s%s\n", bad && color ? "\033[1;31m" : "", label,
            bad && color ? "\033[0m" : "");
}

/* Below a kernel's table: its agreed result, and every row that needs a word. */
static void table_notes(FILE *f, const struct pk_config *cfgs, int n, int first, int end)
{
    const char *agreed = NULL;
    bool all_agree = true;

    for (int i = first; i < end; i++) {
        const struct pk_record *r = &cfgs[i].rec;
        if (!cfgs[i].ran)
            continue;
        if (r->status == PK_STATUS_OK && !agreed)
            agreed = r->result;
        if (r->status != PK_STATUS_OK && r->status != PK_STATUS_SKIPPED)
            all_agree = false;
        if (strcmp(r->detail, "-") != 0)
            fprintf(f, "  %s p=%d: %s: %s\n", pk_model_name(cfgs[i].spec.model),
                    cfgs[i].spec.workers, pk_status_name(r->status), r->detail);
    }
    if (agreed)
        fprintf(f, "  result %s%s\n", agreed,
                all_agree ? " (every configuration verified and agrees)" : "");
    if (cfgs[first].spec.kernel->rate_note)
        fprintf(f, "  %s counts %s\n", cfgs[first].spec.kernel->unit,
                cfgs[first].spec.kernel->rate_note);
    if (!pk_report_baseline(cfgs, n, &cfgs[first]))
        fprintf(f, "  speedup needs a verified serial run (add serial to --models)\n");
}

void pk_report_table(FILE *f, const struct pk_config *cfgs, int n, bool color)
{
    for (int first = 0; first < n;) {
        int end = first;
        while (end < n && cfgs[end].spec.kernel == cfgs[first].spec.kernel)
            end++;
        bool any = false;
        for (int i = first; i < end; i++)
            any |= cfgs[i].ran;
        if (any) {
            table_header(f, &cfgs[first]);
            for (int i = first; i < end; i++)
                if (cfgs[i].ran)
                    table_row(f, cfgs, n, &cfgs[i], color);
            table_notes(f, cfgs, n, first, end);
        }
        first = end;
    }
}

/* A CSV field: quoted when it holds a comma, a quote or a space. */
static void csv_text(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\" \n")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

static void csv_number(FILE *f, double v)
{
    if (!isnan(v))
        fprintf(f, "%.9g", v);
}

int pk_report_csv(FILE *f, const struct pk_config *cfgs, int n)
{
    fputs("kernel,model,workers,size,class,params,seed,status,reps,warmup,median_s,min_s,max_s,"
          "mean_s,stddev_s,speedup,efficiency,rate,unit,startup_s,setup_s,wall_s,result,detail,"
          "times_s\n",
          f);
    for (int i = 0; i < n; i++) {
        const struct pk_config *c = &cfgs[i];
        const struct pk_record *r = &c->rec;
        struct pk_summary s = {0, NAN, NAN, NAN, NAN, NAN};
        double speedup = speedup_of(cfgs, n, c);
        if (!c->ran)
            continue;
        if (r->reps > 0)
            pk_stats_summarize(r->times, (size_t)r->reps, &s);
        fprintf(f, "%s,%s,%d,%lld,%s,", c->spec.kernel->name, pk_model_name(c->spec.model),
                c->spec.workers, c->spec.n, c->by_class ? pk_class_name(c->cls) : "");
        csv_text(f, r->params);
        fprintf(f, ",%llu,%s,%d,%d,", r->seed, pk_status_name(r->status), r->reps, r->warmup);
        double nums[] = {
            s.median, s.min, s.max, s.mean, s.stddev, speedup, speedup / c->spec.workers, r->rate};
        for (size_t k = 0; k < sizeof nums / sizeof nums[0]; k++) {
            csv_number(f, nums[k]);
            fputc(',', f);
        }
        csv_text(f, r->unit);
        fputc(',', f);
        csv_number(f, c->startup_s);
        fputc(',', f);
        csv_number(f, r->setup_s);
        fputc(',', f);
        csv_number(f, c->wall_s);
        fputc(',', f);
        csv_text(f, r->result);
        fputc(',', f);
        csv_text(f, r->detail);
        fputc(',', f);
        for (int k = 0; k < r->reps; k++)
            fprintf(f, "%s%.9g", k ? ";" : "", r->times[k]);
        fputc('\n', f);
    }
    return ferror(f) ? -1 : 0;
}
