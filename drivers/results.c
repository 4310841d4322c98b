/* The canonical CSV: written from, and read back into, struct pk_result. */
#include "results.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NCOLUMNS 28
static const char *const columns[NCOLUMNS] = {
    "kernel", "model", "workers", "size",   "class",  "params", "seed",      "status",  "detail",
    "result", "rep",   "warmup",  "time_s", "rate",   "unit",   "startup_s", "setup_s", "wall_s",
    "cpus",   "hosts", "host",    "run",    "commit", "job",    "threads",   "options",
    "pages",  "mpi",
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
    const struct pk_result *other_run = NULL;
    for (int i = 0; i < n; i++) {
        const struct pk_record *b = &all[i].rec;
        if (strcmp(b->model, "serial") == 0 && strcmp(b->kernel, r->rec.kernel) == 0 &&
            b->n == r->rec.n && strcmp(b->params, r->rec.params) == 0 && b->seed == r->rec.seed &&
            pk_result_verified(&all[i])) {
            if (strcmp(all[i].run, r->run) == 0)
                return &all[i];
            if (!other_run)
                other_run = &all[i];
        }
    }
    return other_run;
}

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

/*
 * Copies a text field, each byte that is not printable ASCII replaced by '?': a results file
 * is data from elsewhere, and none of its text may drive the terminal that prints it.
 */
static int copy_text(char *dst, size_t len, const char *src)
{
    size_t n = strlen(src);
    if (n >= len)
        return -1;
    for (size_t i = 0; i <= n; i++) {
        unsigned char ch = (unsigned char)src[i];
        dst[i] = (char)(ch == '\0' || (ch >= 0x20 && ch < 0x7f) ? ch : '?');
    }
    return 0;
}

/* A measured quantity: empty (none), else a finite number >= 0 ("inf", "nan", -1 are not). */
static int parse_double_field(const char *s, double *v)
{
    char *end;
    if (*s == '\0') {
        *v = NAN;
        return 0;
    }
    errno = 0;
    *v = strtod(s, &end);
    return (*end || errno || !isfinite(*v) || *v < 0) ? -1 : 0;
}

static int parse_ll_field(const char *s, long long *v, long long min)
{
    char *end;
    errno = 0;
    *v = strtoll(s, &end, 10);
    return (*s == '\0' || *end || errno || *v < min) ? -1 : 0;
}

/* Kernel parameters as pk writes them: "-" or "name:value/name:value" in [A-Za-z0-9_.:/+-]. */
static bool params_text_ok(const char *s)
{
    if (*s == '\0')
        return false;
    for (; *s; s++)
        if (!(isalnum((unsigned char)*s) || strchr("_.:/+-", *s)))
            return false;
    return true;
}

/*
 * Fills r (identity and context) from one row of ncols fields; *rep gets the rep number (0:
 * none). Returns 0, or -1 with the column at fault in *bad.
 */
static int parse_row(char *const f[], int ncols, struct pk_result *r, long long *rep, double *time,
                     int *bad)
{
    struct pk_record *c = &r->rec;
    long long workers, seed, warmup, threads;
    enum pk_model model;
    memset(r, 0, sizeof *r);
    pk_record_init(c);
    r->kernel = pk_kernel_find(f[0]);
/* the field at column col (0-based) must satisfy cond, else the row is refused naming it */
#define FIELD(col, cond)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            *bad = (col);                                                                          \
            return -1;                                                                             \
        }                                                                                          \
    } while (0)
    FIELD(0, r->kernel && !copy_text(c->kernel, sizeof c->kernel, f[0]));
    FIELD(1, !pk_model_parse(f[1], &model) && !copy_text(c->model, sizeof c->model, f[1]));
    FIELD(2, !parse_ll_field(f[2], &workers, 1) && workers <= 1000000);
    FIELD(3, !parse_ll_field(f[3], &c->n, 1));
    FIELD(4,
          strlen(f[4]) <= 1 && strchr("SWABC", *f[4]) && !copy_text(r->cls, sizeof r->cls, f[4]));
    FIELD(5, params_text_ok(f[5]) && !copy_text(c->params, sizeof c->params, f[5]));
    FIELD(6, !parse_ll_field(f[6], &seed, 0));
    FIELD(7, !pk_status_parse(f[7], &c->status));
    FIELD(8, !copy_text(c->detail, sizeof c->detail, f[8]));
    FIELD(9, !copy_text(c->result, sizeof c->result, f[9]));
    FIELD(10, *f[10] ? !parse_ll_field(f[10], rep, 1) : (*rep = 0, true));
    FIELD(11, !parse_ll_field(f[11], &warmup, 0) && warmup <= INT32_MAX);
    FIELD(12, !parse_double_field(f[12], time) && (*rep == 0 || !isnan(*time)));
    FIELD(13, !parse_double_field(f[13], &c->rate));
    FIELD(14, !copy_text(c->unit, sizeof c->unit, f[14]));
    FIELD(15, !parse_double_field(f[15], &r->startup_s));
    FIELD(16, !parse_double_field(f[16], &c->setup_s));
    FIELD(17, !parse_double_field(f[17], &r->wall_s));
    FIELD(18, !copy_text(c->cpus, sizeof c->cpus, f[18]));
    FIELD(19, !copy_text(c->hosts, sizeof c->hosts, f[19]));
    FIELD(20, !copy_text(r->host, sizeof r->host, f[20]));
    FIELD(21, !copy_text(r->run, sizeof r->run, f[21]));
    FIELD(22, !copy_text(r->commit, sizeof r->commit, f[22]));
    FIELD(23, !copy_text(r->job, sizeof r->job, f[23]));
    FIELD(24, !parse_ll_field(f[24], &threads, 1) && threads <= workers);
    /* later columns: each read only when the file has it */
    FIELD(25, ncols <= 25 || !copy_text(r->options, sizeof r->options, f[25]));
    FIELD(26, ncols <= 26 || !copy_text(c->pages, sizeof c->pages, f[26]));
    FIELD(27, ncols <= 27 || !copy_text(c->mpi, sizeof c->mpi, f[27]));
#undef FIELD
    c->threads = (int)threads;
    c->workers = (int)workers;
    c->seed = (unsigned long long)seed;
    c->warmup = (int)warmup;
    return 0;
}

static int read_error(char *err, size_t errlen, const char *path, FILE *f, char *buf)
{
    snprintf(err, errlen, "cannot read '%s': %s", path, strerror(errno));
    free(buf);
    if (f)
        fclose(f);
    return -1;
}

/*
 * The whole file, NUL-terminated, read in chunks: it stops at the first chunk that holds a NUL
 * byte (a binary file, /dev/zero) and past PK_RESULTS_MAX_BYTES (an endless stream), so memory
 * never grows with what a results file is not.
 */
static char *slurp(const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0, cap = 0;
    if (!f) {
        read_error(err, errlen, path, NULL, NULL);
        return NULL;
    }
    for (;;) {
        if (len + 65536 + 1 > cap) {
            cap = 2 * cap + 65536 + 1;
            char *grown = realloc(buf, cap);
            if (!grown) {
                snprintf(err, errlen, "'%s' is too large to read (out of memory)", path);
                goto out_fail;
            }
            buf = grown;
        }
        size_t got = fread(buf + len, 1, 65536, f);
        if (memchr(buf + len, '\0', got)) {
            snprintf(err, errlen, "'%s' is not a pk results file (it holds a NUL byte: binary)",
                     path);
            goto out_fail;
        }
        len += got;
        if (len > PK_RESULTS_MAX_BYTES) {
            snprintf(err, errlen, "'%s' is not a pk results file (larger than %d MiB)", path,
                     (int)(PK_RESULTS_MAX_BYTES >> 20));
            goto out_fail;
        }
        if (got < 65536)
            break;
    }
    if (ferror(f)) {
        read_error(err, errlen, path, f, buf);
        return NULL;
    }
    fclose(f);
    buf[len] = '\0';
    return buf;

out_fail:
    free(buf);
    fclose(f);
    return NULL;
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

/* Adds rep row (its time t) to last, the earlier rows of its configuration. */
static void add_rep(struct pk_result *last, const struct pk_result *row, double t)
{
    struct pk_record *c = &last->rec;
    c->times[c->reps++] = t;
    if (pk_status_is_failure(c->status))
        return;
    if (row->rec.status != c->status && pk_status_is_failure(row->rec.status)) {
        c->status = row->rec.status;
        snprintf(c->detail, sizeof c->detail, "%s", row->rec.detail);
    } else if (strcmp(row->rec.result, c->result) != 0 && c->status == PK_STATUS_OK) {
        /* one configuration, two answers: pk never writes that, and it is not verified */
        c->status = PK_STATUS_FAILED;
        snprintf(c->detail, sizeof c->detail, "rep %d's result %.100s differs from rep 1's %.100s",
                 c->reps, row->rec.result, c->result);
    }
}

int pk_results_parse_csv(char *text, const char *path, struct pk_result **all, int *n, int *cap,
                         char *err, size_t errlen)
{
    char *p = text, *f[NCOLUMNS + 16];
    int nf = 0, line = 1, rc, start = *n, bad;
    struct pk_result row;

    /*
     * the header: the columns this pk writes, or the first 25 or more of them (a file written
     * before the later columns); a column the file lacks keeps its empty value
     */
    rc = split_record(&p, f, NCOLUMNS + 16, &nf);
    int ncols = nf;
    bool header_ok = rc == 0 && nf >= 25 && nf <= NCOLUMNS; /* rc 1: a header cut short */
    for (int i = 0; header_ok && i < nf; i++)
        header_ok = strcmp(f[i], columns[i]) == 0;
    if (!header_ok) {
        snprintf(err, errlen, "'%s' is not a pk results file (unexpected header)", path);
        goto out_fail;
    }
    while (*p) {
        long long rep;
        double time;
        line++;
        rc = split_record(&p, f, ncols, &nf);
        if (rc < 0 || nf != ncols) {
            snprintf(err, errlen, "'%s' line %d: %s (truncated or corrupt)", path, line,
                     rc == -1 ? "broken quoting" : "wrong number of fields");
            goto out_fail;
        }
        if (rc == 1) {
            snprintf(err, errlen, "'%s' line %d: no line break at the end (truncated)", path, line);
            goto out_fail;
        }
        if (parse_row(f, ncols, &row, &rep, &time, &bad)) {
            char value[48];
            copy_text(value, sizeof value, strlen(f[bad]) < 40 ? f[bad] : "(too long)");
            if (bad < 2)
                snprintf(err, errlen, "'%s' line %d: unknown %s '%s' (try 'pk list')", path, line,
                         bad == 0 ? "kernel" : "model", value);
            else
                snprintf(err, errlen, "'%s' line %d: malformed %s '%s'", path, line, columns[bad],
                         value);
            goto out_fail;
        }
        /* rows of one configuration of one run follow each other, reps in order */
        struct pk_result *last = *n > start ? &(*all)[*n - 1] : NULL;
        if (rep > 1 && last && pk_result_same_config(last, &row) &&
            strcmp(last->run, row.run) == 0 && last->rec.reps == rep - 1 && rep <= PK_MAX_REPS) {
            add_rep(last, &row, time);
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

/* Whether a and b must give one answer: same kernel, size, parameters and seed. */
static bool same_problem(const struct pk_result *a, const struct pk_result *b)
{
    return a->kernel == b->kernel && a->rec.n == b->rec.n &&
           strcmp(a->rec.params, b->rec.params) == 0 && a->rec.seed == b->rec.seed;
}

int pk_results_recheck(struct pk_result *all, int n)
{
    int marked = 0;
    for (int i = 0; i < n; i++) {
        struct pk_record *r = &all[i].rec;
        struct pk_result *ref = NULL;
        if (r->status != PK_STATUS_OK || !all[i].kernel)
            continue;
        /* serial of r's own run first; then any serial; then the first OK (or marked by us) */
        for (int pass = 0; pass < 3 && !ref; pass++)
            for (int j = 0; j < n && !ref; j++)
                if ((all[j].rec.status == PK_STATUS_OK ||
                     (pass == 2 && all[j].rec.status == PK_STATUS_DISAGREE)) &&
                    same_problem(&all[i], &all[j]) &&
                    (pass == 2 || strcmp(all[j].rec.model, "serial") == 0) &&
                    (pass > 0 || strcmp(all[j].run, all[i].run) == 0))
                    ref = &all[j];
        if (ref == &all[i] || pk_results_agree(all[i].kernel, ref->rec.result, r->result))
            continue;
        bool no_serial = strcmp(ref->rec.model, "serial") != 0;
        r->status = PK_STATUS_DISAGREE;
        bool other_run = strcmp(ref->run, all[i].run) != 0;
        int len = snprintf(r->detail, sizeof r->detail, "result %.80s differs from %s p=%d's %.80s",
                           r->result, ref->rec.model, ref->rec.workers, ref->rec.result);
        if (other_run && len > 0 && (size_t)len < sizeof r->detail)
            len += snprintf(r->detail + len, sizeof r->detail - (size_t)len, " (run %.40s)",
                            ref->run);
        if (no_serial && len > 0 && (size_t)len < sizeof r->detail)
            snprintf(r->detail + len, sizeof r->detail - (size_t)len,
                     " (no serial result to tell which is right)");
        marked++;
        /* no serial to tell which is right: the reference is marked as well */
        if (no_serial && ref->rec.status == PK_STATUS_OK) {
            ref->rec.status = PK_STATUS_DISAGREE;
            snprintf(ref->rec.detail, sizeof ref->rec.detail,
                     "result %.80s differs from %s p=%d's %.80s (no serial result to tell which "
                     "is right)",
                     ref->rec.result, r->model, r->workers, r->result);
            marked++;
        }
    }
    return marked;
}
