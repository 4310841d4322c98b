/* The canonical CSV read back into struct pk_result: every field checked, nothing trusted. */
#include "results.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "results_file.h"

/*
 * Splits one CSV record starting at *p into fields (in place); advances *p past it. Returns 0,
 * 1 for a record the file ends in without a line break, or -1 (broken quoting), -2 (more than
 * max fields), -3 (a CR not followed by LF outside quotes).
 */
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
            if (*in == '\r')
                in++;
            bool end = *in == '\0'; /* also a CRLF file cut between its CR and LF */
            if (*in == '\n')
                in++;
            else if (!end)
                return -3; /* a CR without its LF */
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
    long long workers, seed, warmup, threads, cores = 0;
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
    FIELD(28, ncols <= 28 || !copy_text(r->cpu_model, sizeof r->cpu_model, f[28]));
    FIELD(29, ncols <= 29 || !*f[29] || (!parse_ll_field(f[29], &cores, 1) && cores <= 1000000));
#undef FIELD
    c->threads = (int)threads;
    r->cores = (int)cores;
    c->workers = (int)workers;
    c->seed = (unsigned long long)seed;
    c->warmup = (int)warmup;
    return 0;
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
    struct stat st;
    char *text = pk_results_slurp(path, &st, err, errlen);
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

/*
 * Row's configuration of row's run (run id, host and job) among all[from..n), else NULL: a
 * run measures each configuration once (pk run refuses a model, size or count given twice).
 */
static const struct pk_result *read_before(const struct pk_result *all, int from, int n,
                                           const struct pk_result *row)
{
    for (int i = from; i < n; i++)
        if (pk_result_same_config(&all[i], row) && strcmp(all[i].run, row->run) == 0 &&
            strcmp(all[i].host, row->host) == 0 && strcmp(all[i].job, row->job) == 0)
            return &all[i];
    return NULL;
}

int pk_results_parse_csv(char *text, const char *path, struct pk_result **all, int *n, int *cap,
                         char *err, size_t errlen)
{
    char *p = text, *f[PK_RESULTS_NCOLUMNS + 16];
    int nf = 0, line = 1, rc, start = *n, bad;
    struct pk_result row;

    /*
     * the header: the columns this pk writes, or the first 25 or more of them (a file written
     * before the later columns); a column the file lacks keeps its empty value
     */
    bool empty = text[0] == '\0'; /* a FIFO without a writer, or : >file */
    rc = split_record(&p, f, PK_RESULTS_NCOLUMNS + 16, &nf);
    int ncols = nf;
    bool header_ok =
        rc == 0 && nf >= 25 && nf <= PK_RESULTS_NCOLUMNS; /* rc 1: a header cut short */
    for (int i = 0; header_ok && i < nf; i++)
        header_ok = strcmp(f[i], pk_results_columns[i]) == 0;
    if (!header_ok) {
        snprintf(err, errlen, "'%s' %s", path,
                 empty ? "is empty: no header and no results"
                       : "is not a pk results file (unexpected header)");
        goto out_fail;
    }
    while (*p) {
        long long rep;
        double time;
        line++;
        rc = split_record(&p, f, ncols, &nf);
        if (rc < 0 || nf != ncols) {
            snprintf(err, errlen, "'%s' line %d: %s (truncated or corrupt)", path, line,
                     rc == -1   ? "broken quoting"
                     : rc == -3 ? "a carriage return without a line feed"
                                : "wrong number of fields");
            goto out_fail;
        }
        if (rc == 1) {
            snprintf(
                err, errlen,
                "'%s' line %d: no line break at the end (truncated: pk ends every row with one)",
                path, line);
            goto out_fail;
        }
        if (parse_row(f, ncols, &row, &rep, &time, &bad)) {
            char value[48];
            copy_text(value, sizeof value, strlen(f[bad]) < 40 ? f[bad] : "(too long)");
            if (bad < 2)
                snprintf(err, errlen, "'%s' line %d: unknown %s '%s' (try 'pk list')", path, line,
                         bad == 0 ? "kernel" : "model", value);
            else
                snprintf(err, errlen, "'%s' line %d: malformed %s '%s'", path, line,
                         pk_results_columns[bad], value);
            goto out_fail;
        }
        /* rows of one configuration of one run follow each other, reps in order */
        struct pk_result *last = *n > start ? &(*all)[*n - 1] : NULL;
        bool continues =
            rep > 1 && last && pk_result_same_config(last, &row) && strcmp(last->run, row.run) == 0;
        if (continues && last->rec.reps == rep - 1 && rep <= PK_MAX_REPS) {
            add_rep(last, &row, time);
            continue;
        }
        /* a rep read before (a row repeated, a file given twice) would be counted twice */
        const struct pk_result *seen = read_before(*all, row.run[0] ? 0 : start, *n, &row);
        if (seen && (rep <= 1 || rep <= seen->rec.reps)) {
            char run[48];
            copy_text(run, sizeof run, strlen(row.run) < 40 ? row.run : "(too long)");
            snprintf(err, errlen,
                     "'%s' line %d: %s %s p=%d n=%lld rep %lld of run '%s' appears again", path,
                     line, row.rec.kernel, row.rec.model, row.rec.workers, row.rec.n, rep, run);
            goto out_fail;
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
    if (*n == start) {
        /* a header alone: nothing was measured, and a report of nothing would exit 0 */
        snprintf(err, errlen, "'%s' holds no results", path);
        goto out_fail;
    }
    return 0;

out_fail:
    *n = start; /* nothing of a broken file is kept */
    return -1;
}

int pk_results_read_files(char *const paths[], int npaths, struct pk_result **all, int *n,
                          char *err, size_t errlen)
{
    int cap = 0;
    struct stat *seen = calloc(npaths > 0 ? (size_t)npaths : 1, sizeof *seen);
    *all = NULL;
    *n = 0;
    if (!seen) {
        snprintf(err, errlen, "out of memory reading results files");
        return -1;
    }
    for (int i = 0; i < npaths; i++) {
        char *text = pk_results_slurp(paths[i], &seen[i], err, errlen);
        if (!text)
            goto out_fail;
        /* one file read twice would count every row twice */
        for (int j = 0; j < i; j++)
            if (seen[j].st_dev == seen[i].st_dev && seen[j].st_ino == seen[i].st_ino) {
                snprintf(err, errlen, "'%s' is given twice (the same file as '%s')", paths[i],
                         paths[j]);
                free(text);
                goto out_fail;
            }
        int rc = pk_results_parse_csv(text, paths[i], all, n, &cap, err, errlen);
        free(text);
        if (rc)
            goto out_fail;
    }
    free(seen);
    pk_results_mark_repeats(*all, *n);
    return pk_results_recheck(*all, *n);

out_fail:
    free(seen);
    free(*all);
    *all = NULL;
    *n = 0;
    return -1;
}
