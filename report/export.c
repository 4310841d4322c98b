/*
 * Exports of results: JSON with the full context, Markdown for pasting into an issue (headed by
 * the context block, as the human tables are).
 */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int pk_format_parse(const char *name, enum pk_format *fmt)
{
    static const char *const names[] = {"table", "csv", "json", "markdown"};
    for (int i = 0; i < 4; i++)
        if (strcmp(name, names[i]) == 0) {
            *fmt = (enum pk_format)i;
            return 0;
        }
    return -1;
}

int pk_format_from_path(const char *path, enum pk_format *fmt)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return -1;
    if (strcmp(dot, ".csv") == 0)
        *fmt = PK_FORMAT_CSV;
    else if (strcmp(dot, ".json") == 0)
        *fmt = PK_FORMAT_JSON;
    else if (strcmp(dot, ".md") == 0 || strcmp(dot, ".markdown") == 0)
        *fmt = PK_FORMAT_MARKDOWN;
    else if (strcmp(dot, ".txt") == 0)
        *fmt = PK_FORMAT_TABLE;
    else
        return -1;
    return 0;
}

static void json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\')
            fprintf(f, "\\%c", ch);
        else if (ch < 0x20)
            fprintf(f, "\\u%04x", ch);
        else
            fputc(ch, f);
    }
    fputc('"', f);
}

static void json_number(FILE *f, double v)
{
    if (isnan(v) || isinf(v))
        fputs("null", f);
    else
        fprintf(f, "%.9g", v);
}

static void json_key_number(FILE *f, const char *key, double v, bool comma)
{
    fprintf(f, "\"%s\": ", key);
    json_number(f, v);
    if (comma)
        fputs(", ", f);
}

/* Integers are written as integers: a size or seed of 1234567891 must not become 1.23e+09. */
static void json_key_int(FILE *f, const char *key, long long v, bool comma)
{
    fprintf(f, "\"%s\": %lld%s", key, v, comma ? ", " : "");
}

static void json_key_string(FILE *f, const char *key, const char *v, bool comma)
{
    fprintf(f, "\"%s\": ", key);
    json_string(f, v);
    if (comma)
        fputs(", ", f);
}

int pk_report_json(FILE *f, const struct pk_result *all, int n, const struct pk_context *ctx)
{
    fputs("{\n  \"schema_version\": 1,\n  \"context\": {", f);
    for (int i = 0; ctx && i < ctx->n; i++)
        json_key_string(f, ctx->key[i], ctx->value[i], i + 1 < ctx->n);
    fputs("},\n  \"results\": [", f);
    for (int i = 0; i < n; i++) {
        const struct pk_result *r = &all[i];
        const struct pk_record *c = &r->rec;
        struct pk_row row = pk_report_row(all, n, r);
        fputs(i ? ",\n    {" : "\n    {", f);
        json_key_string(f, "kernel", c->kernel, true);
        json_key_string(f, "model", c->model, true);
        json_key_int(f, "workers", c->workers, true);
        json_key_int(f, "threads_per_rank", c->threads, true);
        json_key_int(f, "size", c->n, true);
        json_key_string(f, "class", r->cls, true);
        json_key_string(f, "params", c->params, true);
        fprintf(f, "\"seed\": %llu, ", c->seed);
        json_key_string(f, "status", pk_status_name(c->status), true);
        json_key_string(f, "detail", c->detail, true);
        json_key_string(f, "result", c->result, true);
        json_key_int(f, "warmup", c->warmup, true);
        json_key_int(f, "reps", c->reps, true);
        fputs("\"times_s\": [", f);
        for (int k = 0; k < c->reps; k++) {
            if (k)
                fputs(", ", f);
            json_number(f, c->times[k]);
        }
        fputs("], \"summary\": {", f);
        json_key_number(f, "median", row.sum.median, true);
        json_key_number(f, "ci_lo", row.sum.ci_lo, true);
        json_key_number(f, "ci_hi", row.sum.ci_hi, true);
        json_key_number(f, "min", row.sum.min, true);
        json_key_number(f, "max", row.sum.max, true);
        json_key_number(f, "mean", row.sum.mean, true);
        json_key_number(f, "stddev", row.sum.stddev, false);
        fputs("}, ", f);
        json_key_number(f, "speedup", row.speedup.s, true);
        json_key_number(f, "speedup_lo", row.speedup.lo, true);
        json_key_number(f, "speedup_hi", row.speedup.hi, true);
        json_key_number(f, "efficiency", row.efficiency, true);
        json_key_number(f, "karp_flatt", row.karp_flatt, true);
        json_key_number(f, "rate", c->rate, true);
        json_key_string(f, "unit", c->unit, true);
        json_key_number(f, "startup_s", r->startup_s, true);
        json_key_number(f, "setup_s", c->setup_s, true);
        json_key_number(f, "wall_s", r->wall_s, true);
        json_key_string(f, "cpus", c->cpus, true);
        json_key_string(f, "hosts", c->hosts, true);
        json_key_string(f, "cpu_model", r->cpu_model, true);
        if (r->cores > 0)
            json_key_int(f, "cores", r->cores, true);
        else
            fputs("\"cores\": null, ", f);
        json_key_string(f, "pages", c->pages, true);
        json_key_string(f, "mpi", c->mpi, true);
        json_key_string(f, "host", r->host, true);
        json_key_string(f, "run", r->run, true);
        json_key_string(f, "commit", r->commit, true);
        json_key_string(f, "job", r->job, true);
        json_key_string(f, "options", r->options, false);
        fputc('}', f);
    }
    fputs("\n  ]\n}\n", f);
    return ferror(f) ? -1 : 0;
}

int pk_report_markdown(FILE *f, const struct pk_result *all, int n, const struct pk_context *ctx)
{
    if (ctx)
        pk_context_print_block(f, ctx, true);
    const char *kernel = NULL, *run = NULL;
    long long size = -1;
    bool runs = false; /* rows of several runs: each heading names its run */
    for (int i = 1; i < n && !runs; i++)
        runs = strcmp(all[i].run, all[0].run) != 0;
    for (int i = 0; i < n; i++) {
        const struct pk_record *c = &all[i].rec;
        struct pk_row row = pk_report_row(all, n, &all[i]);
        char med[24], lo[24], hi[24];
        if (!kernel || strcmp(kernel, c->kernel) != 0 || size != c->n ||
            (runs && strcmp(run, all[i].run) != 0)) {
            kernel = c->kernel;
            size = c->n;
            run = all[i].run;
            fprintf(f, "%s**%s**, n = %lld%s%s", i ? "\n" : "", c->kernel, c->n,
                    strcmp(c->params, "-") ? ", options " : "",
                    strcmp(c->params, "-") ? c->params : "");
            if (runs)
                fprintf(f, ", run %s on %s%s%s", all[i].run, all[i].host,
                        all[i].options[0] ? ", " : "", all[i].options);
            fputs("\n\n", f);
            fprintf(f, "| model | p | median | 95%% CI | speedup | efficiency | %s | check |\n",
                    strcmp(c->unit, "-") ? c->unit : "rate");
            fprintf(f, "|---|---:|---:|---|---:|---:|---:|---|\n");
        }
        pk_report_time(med, sizeof med, row.sum.median);
        pk_report_time(lo, sizeof lo, row.sum.ci_lo);
        pk_report_time(hi, sizeof hi, row.sum.ci_hi);
        char p[24];
        pk_report_workers(p, sizeof p, c);
        fprintf(f, "| %s | %s | %s | ", c->model, p, med);
        if (isnan(row.sum.ci_lo))
            fputs("- | ", f);
        else
            fprintf(f, "%s to %s | ", lo, hi);
        if (isnan(row.speedup.s))
            fputs("- | - | ", f);
        else
            fprintf(f, "%.2f | %.2f | ", row.speedup.s, row.efficiency);
        if (isnan(c->rate))
            fputs("- | ", f);
        else
            fprintf(f, "%.4g | ", c->rate);
        fprintf(f, "%s |\n", pk_status_name(c->status));
    }
    return ferror(f) ? -1 : 0;
}

/*
 * A copy of all[0..n) in which rows that do not say which machine measured them take its CPU
 * model and usable cores from ctx, the context pk run gathered where it ran them; NULL when
 * there is nothing to take (no ctx; or a context of results files, "source", which knows no
 * machine: their rows keep what the files recorded).
 */
static struct pk_result *with_machine(const struct pk_result *all, int n,
                                      const struct pk_context *ctx)
{
    const char *cpu = ctx ? pk_context_get(ctx, "cpu") : NULL;
    const char *cores = ctx ? pk_context_get(ctx, "cores") : NULL;
    if (!ctx || pk_context_get(ctx, "source") || n <= 0)
        return NULL;
    struct pk_result *copy = malloc((size_t)n * sizeof *copy);
    if (!copy)
        return NULL; /* the rows go out as they are */
    memcpy(copy, all, (size_t)n * sizeof *copy);
    long usable = cores ? strtol(cores, NULL, 10) : 0; /* "2 usable, 4 online" */
    for (int i = 0; i < n; i++) {
        if (!copy[i].cpu_model[0] && cpu && strcmp(cpu, "unknown") != 0)
            snprintf(copy[i].cpu_model, sizeof copy[i].cpu_model, "%s", cpu);
        if (copy[i].cores <= 0 && usable > 0 && usable <= 1000000)
            copy[i].cores = (int)usable;
    }
    return copy;
}

int pk_report_write(FILE *f, enum pk_format fmt, const struct pk_result *all, int n,
                    const struct pk_context *ctx, bool color)
{
    /* on the heap: pk runs under a small ulimit -s, and a context is 18 KB; CSV has none */
    struct pk_context *full = ctx && fmt != PK_FORMAT_CSV ? malloc(sizeof *full) : NULL;
    struct pk_result *machine = fmt != PK_FORMAT_TABLE ? with_machine(all, n, ctx) : NULL;
    int rc = -1;
    if (machine)
        all = machine;
    if (full) {
        pk_report_context(full, ctx, all, n);
        ctx = full;
    }
    switch (fmt) {
    case PK_FORMAT_CSV:
        rc = pk_results_write_csv(f, all, n);
        break;
    case PK_FORMAT_JSON:
        rc = pk_report_json(f, all, n, ctx);
        break;
    case PK_FORMAT_MARKDOWN:
        rc = pk_report_markdown(f, all, n, ctx);
        break;
    case PK_FORMAT_TABLE:
        if (ctx)
            pk_context_print_block(f, ctx, false);
        pk_report_tables(f, all, n, color);
        rc = ferror(f) ? -1 : 0;
        break;
    }
    free(full);
    free(machine);
    return rc;
}
