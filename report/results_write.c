/* The canonical CSV written from struct pk_result: the header, then one row per timed rep. */
#include "results.h"

#include <math.h>
#include <string.h>

/*
 * An RFC 4180 field: quoted when it holds a comma, a quote or a space; a byte that is not
 * printable ASCII is written as '?' (the reader does the same), so no record drives a terminal.
 */
static void csv_text(FILE *f, const char *s)
{
    bool quote = strpbrk(s, ", \"") != NULL;
    if (quote)
        fputc('"', f);
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"')
            fputc('"', f);
        fputc(ch >= 0x20 && ch < 0x7f ? ch : '?', f);
    }
    if (quote)
        fputc('"', f);
}

static void csv_number(FILE *f, double v)
{
    if (!isnan(v))
        fprintf(f, "%.9g", v);
}

static void write_row(FILE *f, const struct pk_result *r, int rep)
{
    const struct pk_record *c = &r->rec;
    csv_text(f, c->kernel);
    fputc(',', f);
    csv_text(f, c->model); /* the reader takes any text here: quote it as any other */
    fprintf(f, ",%d,%lld,", c->workers, c->n);
    csv_text(f, r->cls);
    fputc(',', f);
    csv_text(f, c->params);
    fprintf(f, ",%llu,%s,", c->seed, pk_status_name(c->status));
    csv_text(f, c->detail);
    fputc(',', f);
    csv_text(f, c->result);
    if (rep >= 0)
        fprintf(f, ",%d,%d,%.9g,", rep + 1, c->warmup, c->times[rep]);
    else
        fprintf(f, ",,%d,,", c->warmup);
    csv_number(f, c->rate);
    fputc(',', f);
    csv_text(f, c->unit);
    fputc(',', f);
    csv_number(f, r->startup_s);
    fputc(',', f);
    csv_number(f, c->setup_s);
    fputc(',', f);
    csv_number(f, r->wall_s);
    const char *texts[] = {c->cpus, c->hosts, r->host, r->run, r->commit, r->job};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        fputc(',', f);
        csv_text(f, texts[i]);
    }
    fprintf(f, ",%d,", c->threads); /* later columns last, so older scripts keep theirs */
    csv_text(f, r->options);
    fputc(',', f);
    csv_text(f, c->pages);
    fputc(',', f);
    csv_text(f, c->mpi);
    fputc(',', f);
    csv_text(f, r->cpu_model);
    fputc(',', f);
    if (r->cores > 0)
        fprintf(f, "%d", r->cores);
    fputs("\r\n", f); /* RFC 4180 line ends */
}

int pk_results_write_csv(FILE *f, const struct pk_result *r, int n)
{
    for (int i = 0; i < PK_RESULTS_NCOLUMNS; i++)
        fprintf(f, "%s%s", i ? "," : "", pk_results_columns[i]);
    fputs("\r\n", f);
    for (int i = 0; i < n; i++) {
        if (r[i].rec.reps == 0)
            write_row(f, &r[i], -1);
        for (int k = 0; k < r[i].rec.reps; k++)
            write_row(f, &r[i], k);
    }
    return ferror(f) ? -1 : 0;
}
