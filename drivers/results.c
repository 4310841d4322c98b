/* The canonical CSV: written from, and read back into, struct pk_result. */
#include "results.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NCOLUMNS 26
static const char *const columns[NCOLUMNS] = {
    "kernel", "model", "workers", "size",   "class",  "params", "seed",      "status",  "detail",
    "result", "rep",   "warmup",  "time_s", "rate",   "unit",   "startup_s", "setup_s", "wall_s",
    "cpus",   "hosts", "host",    "run",    "commit", "job",    "threads",   "mpi",
};

struct pk_summary pk_result_summary(const struct pk_result *r)
{
    struct pk_summary s = {0, NAN, NAN, NAN, NAN, NAN, NAN, NAN};
    if (r->rec.reps > 0)
        pk_stats_summarize(r->rec.times, (size_t)r->rec.reps, &s);
    return s;
}

bool pk_result_verified(const struct pk_result *r)
{
    return r->rec.status == PK_STATUS_OK && r->rec.reps > 0;
}

bool pk_result_same_config(const struct pk_result *a, const struct pk_result *b)
{
    return strcmp(a->rec.kernel, b->rec.kernel) == 0 && strcmp(a->rec.model, b->rec.model) == 0 &&
           a->rec.workers == b->rec.workers && a->rec.threads == b->rec.threads &&
           a->rec.n == b->rec.n && strcmp(a->rec.params, b->rec.params) == 0 &&
           a->rec.seed == b->rec.seed;
}

const struct pk_result *pk_result_baseline(const struct pk_result *all, int n,
                                           const struct pk_result *r)
{
    for (int i = 0; i < n; i++) {
        const struct pk_record *b = &all[i].rec;
        if (strcmp(b->model, "serial") == 0 && strcmp(b->kernel, r->rec.kernel) == 0 &&
            b->n == r->rec.n && strcmp(b->params, r->rec.params) == 0 && b->seed == r->rec.seed &&
            pk_result_verified(&all[i]))
            return &all[i];
    }
    return NULL;
}

/* An RFC 4180 field: quoted when it holds a comma, a quote, a space or a line break. */
static void csv_text(FILE *f, const char *s)
{
    if (!strpbrk(s, ",\" \r\n")) {
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
    fprintf(f, ",%d", c->threads); /* last: a later column, so older scripts keep theirs */
    fputc(',', f);
    csv_text(f, c->mpi);
    fputs("\r\n", f); /* RFC 4180 line ends */
}

int pk_results_write_csv(FILE *f, const struct pk_result *r, int n)
{
    for (int i = 0; i < NCOLUMNS; i++)
        fprintf(f, "%s%s", i ? "," : "", columns[i]);
    fputs("\r\n", f);
    for (int i = 0; i < n; i++) {
        if (r[i].rec.reps == 0)
            write_row(f, &r[i], -1);
        for (int k = 0; k < r[i].rec.reps; k++)
            write_row(f, &r[i], k);
    }
    return ferror(f) ? -1 : 0;
}

/* Splits one CSV record starting at *p into fields (in place); advances *p past it. */
static int split_record(char **p, char *fields[], int max, int *nfields)
{
    char *in = *p, *out = *p;
    int n = 0;
    fields[n++] = out;
    for (;;) {
        if (*in == '"') {
            for (in++;; in++) {
                if (*in == '\0')
                    return -1; /* unterminated quote */
                if (*in == '"' && in[1] == '"') {
                    *out++ = '"';
                    in++;
                } else if (*in == '"') {
                    in++;
                    break;
                } else {
                    *out++ = *in;
                }
            }
        }
        if (*in == ',') {
            *out++ = '\0';
            in++;
            if (n == max)
                return -2;
            fields[n++] = out;
        } else if (*in == '\r' || *in == '\n' || *in == '\0') {
            /* step past the line end first: out may point at it (fields are split in place) */
            char *field_end = out;
            bool end = *in == '\0';
            if (*in == '\r')
                in++;
            if (*in == '\n')
                in++;
            else if (!end)
                return -1;
            *field_end = '\0';
            *p = in;
            *nfields = n;
            return end ? 1 : 0; /* 1: the file ended without a line break */
        } else if (*in == '"') {
            return -1; /* a quote inside an unquoted field */
        } else {
            *out++ = *in++;
        }
    }
}

static int copy_text(char *dst, size_t len, const char *src)
{
    if (strlen(src) >= len)
        return -1;
    strcpy(dst, src);
    return 0;
}

static int parse_double_field(const char *s, double *v)
{
    char *end;
    if (*s == '\0') {
        *v = NAN;
        return 0;
    }
    errno = 0;
    *v = strtod(s, &end);
    return (*end || errno) ? -1 : 0;
}

static int parse_ll_field(const char *s, long long *v, long long min)
{
    char *end;
    errno = 0;
    *v = strtoll(s, &end, 10);
    return (*s == '\0' || *end || errno || *v < min) ? -1 : 0;
}

/* Fills r (identity and context) from one row; *rep gets the rep number (0: none). */
static int parse_row(char *const f[NCOLUMNS], struct pk_result *r, long long *rep, double *time)
{
    struct pk_record *c = &r->rec;
    long long workers, seed, warmup, threads;
    memset(r, 0, sizeof *r);
    pk_record_init(c);
    r->kernel = pk_kernel_find(f[0]);
    if (copy_text(c->kernel, sizeof c->kernel, f[0]) ||
        copy_text(c->model, sizeof c->model, f[1]) || parse_ll_field(f[2], &workers, 1) ||
        workers > 1000000 || parse_ll_field(f[3], &c->n, 1) ||
        copy_text(r->cls, sizeof r->cls, f[4]) || copy_text(c->params, sizeof c->params, f[5]) ||
        parse_ll_field(f[6], &seed, 0) || pk_status_parse(f[7], &c->status) ||
        copy_text(c->detail, sizeof c->detail, f[8]) ||
        copy_text(c->result, sizeof c->result, f[9]) ||
        (*f[10] ? parse_ll_field(f[10], rep, 1) : (*rep = 0, 0)) ||
        parse_ll_field(f[11], &warmup, 0) || parse_double_field(f[12], time) ||
        (*rep > 0 && !(*time >= 0)) || parse_double_field(f[13], &c->rate) ||
        copy_text(c->unit, sizeof c->unit, f[14]) || parse_double_field(f[15], &r->startup_s) ||
        parse_double_field(f[16], &c->setup_s) || parse_double_field(f[17], &r->wall_s) ||
        copy_text(c->cpus, sizeof c->cpus, f[18]) || copy_text(c->hosts, sizeof c->hosts, f[19]) ||
        copy_text(r->host, sizeof r->host, f[20]) || copy_text(r->run, sizeof r->run, f[21]) ||
        copy_text(r->commit, sizeof r->commit, f[22]) || copy_text(r->job, sizeof r->job, f[23]) ||
        parse_ll_field(f[24], &threads, 1) || threads > workers ||
        copy_text(c->mpi, sizeof c->mpi, f[25]))
        return -1;
    c->threads = (int)threads;
    c->workers = (int)workers;
    c->seed = (unsigned long long)seed;
    c->warmup = (int)warmup;
    return 0;
}

static char *slurp(const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0, cap = 0;
    if (!f) {
        snprintf(err, errlen, "cannot read '%s': %s", path, strerror(errno));
        return NULL;
    }
    for (;;) {
        if (len + 65536 + 1 > cap) {
            char *grown = realloc(buf, cap = 2 * cap + 65536 + 1);
            if (!grown) {
                snprintf(err, errlen, "'%s' is too large to read", path);
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = grown;
        }
        size_t got = fread(buf + len, 1, 65536, f);
        len += got;
        if (got < 65536)
            break;
    }
    if (ferror(f)) {
        snprintf(err, errlen, "cannot read '%s': %s", path, strerror(errno));
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    buf[len] = '\0';
    if (strlen(buf) != len) {
        snprintf(err, errlen, "'%s' is not a pk results file (it holds a NUL byte)", path);
        free(buf);
        return NULL;
    }
    return buf;
}

static struct pk_result *grow(struct pk_result **all, int *n, int *cap)
{
    if (*n == *cap) {
        int want = *cap ? 2 * *cap : 64;
        struct pk_result *bigger = realloc(*all, (size_t)want * sizeof *bigger);
        if (!bigger)
            return NULL;
        *all = bigger;
        *cap = want;
    }
    return &(*all)[(*n)++];
}

int pk_results_read_csv(const char *path, struct pk_result **all, int *n, int *cap, char *err,
                        size_t errlen)
{
    char *text = slurp(path, err, errlen);
    if (!text)
        return -1;
    int rc = pk_results_parse_csv(text, path, all, n, cap, err, errlen);
    free(text);
    return rc;
}

int pk_results_parse_csv(char *text, const char *path, struct pk_result **all, int *n, int *cap,
                         char *err, size_t errlen)
{
    char *p = text, *f[NCOLUMNS];
    int nf, line = 1, rc, start = *n;
    struct pk_result row;

    rc = split_record(&p, f, NCOLUMNS, &nf);
    bool header_ok = rc == 0 && nf == NCOLUMNS; /* 1 would be a header cut short */
    for (int i = 0; header_ok && i < NCOLUMNS; i++)
        header_ok = strcmp(f[i], columns[i]) == 0;
    if (!header_ok) {
        snprintf(err, errlen, "'%s' is not a pk results file (unexpected header)", path);
        goto out_fail;
    }
    while (*p) {
        long long rep;
        double time;
        line++;
        rc = split_record(&p, f, NCOLUMNS, &nf);
        if (rc < 0 || nf != NCOLUMNS) {
            snprintf(err, errlen, "'%s' line %d: %s (truncated or corrupt)", path, line,
                     rc == -1 ? "broken quoting" : "wrong number of fields");
            goto out_fail;
        }
        if (rc == 1) {
            snprintf(err, errlen, "'%s' line %d: no line break at the end (truncated)", path, line);
            goto out_fail;
        }
        if (parse_row(f, &row, &rep, &time)) {
            snprintf(err, errlen, "'%s' line %d: a field is malformed", path, line);
            goto out_fail;
        }
        /* rows of one configuration of one run follow each other, reps in order */
        struct pk_result *last = *n > start ? &(*all)[*n - 1] : NULL;
        if (rep > 1 && last && pk_result_same_config(last, &row) &&
            strcmp(last->run, row.run) == 0 && last->rec.reps == rep - 1 && rep <= PK_MAX_REPS) {
            last->rec.times[last->rec.reps++] = time;
            continue;
        }
        if (rep > 1) {
            snprintf(err, errlen, "'%s' line %d: rep %lld without the reps before it", path, line,
                     rep);
            goto out_fail;
        }
        struct pk_result *slot = grow(all, n, cap);
        if (!slot) {
            snprintf(err, errlen, "out of memory reading '%s'", path);
            goto out_fail;
        }
        *slot = row;
        slot->rec.reps = rep == 1 ? 1 : 0;
        slot->rec.times[0] = rep == 1 ? time : 0;
    }
    return 0;

out_fail:
    *n = start; /* nothing of a broken file is kept */
    return -1;
}
