/*
 * Writing and parsing the result line, both driven by one field table, so a field added to
 * the table is written and read the same way.
 */
#include "record.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *const status_names[PK_NSTATUS] = {
#define PK_STATUS_NAME(E, name, bad) [PK_STATUS_##E] = #name,
    PK_STATUSES(PK_STATUS_NAME)
#undef PK_STATUS_NAME
};

static const bool status_bad[PK_NSTATUS] = {
#define PK_STATUS_BAD(E, name, bad) [PK_STATUS_##E] = (bad),
    PK_STATUSES(PK_STATUS_BAD)
#undef PK_STATUS_BAD
};

const char *pk_status_name(enum pk_status s)
{
    return status_names[s];
}

bool pk_status_is_failure(enum pk_status s)
{
    return status_bad[s];
}

int pk_status_parse(const char *name, enum pk_status *s)
{
    for (int i = 0; i < PK_NSTATUS; i++) {
        if (strcmp(name, status_names[i]) == 0) {
            *s = (enum pk_status)i;
            return 0;
        }
    }
    return -1;
}

enum field_type { F_TEXT, F_INT, F_LLONG, F_ULLONG, F_DOUBLE, F_STATUS, F_TIMES };

struct field {
    const char *key;
    enum field_type type;
    size_t offset, size; /* size: capacity of a F_TEXT buffer */
    bool required;
};

#define FIELD(key, type, member, required)                                                         \
    {                                                                                              \
        key, type, offsetof(struct pk_record, member), sizeof(((struct pk_record *)0)->member),    \
            required                                                                               \
    }

/* The order in which fields are written; "times" must follow "reps". */
static const struct field fields[] = {
    FIELD("kernel", F_TEXT, kernel, true),
    FIELD("model", F_TEXT, model, true),
    FIELD("p", F_INT, workers, true),
    FIELD("threads", F_INT, threads, false),
    FIELD("n", F_LLONG, n, true),
    FIELD("params", F_TEXT, params, false),
    FIELD("seed", F_ULLONG, seed, false),
    FIELD("status", F_STATUS, status, true),
    FIELD("reps", F_INT, reps, true),
    FIELD("warmup", F_INT, warmup, false),
    FIELD("times", F_TIMES, times, true),
    FIELD("setup", F_DOUBLE, setup_s, false),
    FIELD("startup", F_DOUBLE, startup_s, false),
    FIELD("elapsed", F_DOUBLE, elapsed_s, false),
    FIELD("rate", F_DOUBLE, rate, false),
    FIELD("unit", F_TEXT, unit, false),
    FIELD("result", F_TEXT, result, true),
    FIELD("detail", F_TEXT, detail, false),
    FIELD("cpus", F_TEXT, cpus, false),
    FIELD("hosts", F_TEXT, hosts, false),
    FIELD("pages", F_TEXT, pages, false),
    FIELD("mpi", F_TEXT, mpi, false),
};
#define NFIELDS (sizeof fields / sizeof fields[0])

void pk_record_init(struct pk_record *r)
{
    memset(r, 0, sizeof *r);
    r->threads = 1;
    strcpy(r->params, "-");
    strcpy(r->unit, "-");
    strcpy(r->result, "-");
    strcpy(r->detail, "-");
    strcpy(r->cpus, "-");
    strcpy(r->hosts, "-");
    strcpy(r->pages, "-");
    strcpy(r->mpi, "-");
    r->status = PK_STATUS_ERROR;
    r->setup_s = r->startup_s = r->elapsed_s = r->rate = NAN;
}

static bool needs_escape(unsigned char ch)
{
    return ch <= ' ' || ch == '%' || ch >= 0x7f;
}

void pk_record_escape(char *dst, size_t dstlen, const char *src)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t o = 0;
    for (; *src && o + 1 < dstlen; src++) {
        unsigned char ch = (unsigned char)*src;
        if (!needs_escape(ch)) {
            dst[o++] = (char)ch;
        } else if (o + 3 < dstlen) {
            dst[o++] = '%';
            dst[o++] = hex[ch >> 4];
            dst[o++] = hex[ch & 15];
        } else {
            break;
        }
    }
    dst[o] = '\0';
}

/* Decodes %XX in place; returns -1 on a malformed escape. */
static int unescape(char *s)
{
    char *o = s;
    for (; *s; s++) {
        if (*s != '%') {
            *o++ = *s;
            continue;
        }
        if (!isxdigit((unsigned char)s[1]) || !isxdigit((unsigned char)s[2]))
            return -1;
        char hex[3] = {s[1], s[2], 0};
        *o++ = (char)strtol(hex, NULL, 16);
        s += 2;
    }
    *o = '\0';
    return 0;
}

static void write_double(FILE *f, double v)
{
    if (isnan(v))
        fputc('-', f);
    else
        fprintf(f, "%.9g", v);
}

int pk_record_write(FILE *f, const struct pk_record *r)
{
    const char *base = (const char *)r;
    char escaped[3 * 256 + 1];

    fputs(PK_RECORD_TAG " " PK_RECORD_VERSION, f);
    for (size_t i = 0; i < NFIELDS; i++) {
        const struct field *fd = &fields[i];
        const void *at = base + fd->offset;
        fprintf(f, " %s=", fd->key);
        switch (fd->type) {
        case F_TEXT:
            pk_record_escape(escaped, sizeof escaped, *(const char *)at ? at : "-");
            fputs(escaped, f);
            break;
        case F_INT:
            fprintf(f, "%d", *(const int *)at);
            break;
        case F_LLONG:
            fprintf(f, "%lld", *(const long long *)at);
            break;
        case F_ULLONG:
            fprintf(f, "%llu", *(const unsigned long long *)at);
            break;
        case F_DOUBLE:
            write_double(f, *(const double *)at);
            break;
        case F_STATUS:
            fputs(pk_status_name(*(const enum pk_status *)at), f);
            break;
        case F_TIMES:
            if (r->reps == 0)
                fputc('-', f);
            for (int k = 0; k < r->reps; k++) {
                if (k)
                    fputc(',', f);
                write_double(f, r->times[k]);
            }
            break;
        }
    }
    fputs(" end\n", f);
    return ferror(f) ? -1 : 0;
}

static int parse_double(const char *v, double *out)
{
    char *end;
    if (strcmp(v, "-") == 0) {
        *out = NAN;
        return 0;
    }
    errno = 0;
    *out = strtod(v, &end);
    return (*v == '\0' || *end != '\0' || errno) ? -1 : 0;
}

static int parse_times(const char *v, struct pk_record *r)
{
    int k = 0;
    if (strcmp(v, "-") == 0)
        return r->reps == 0 ? 0 : -1;
    for (const char *p = v; *p; k++) {
        char *end;
        if (k >= PK_MAX_REPS || k >= r->reps)
            return -1;
        errno = 0;
        r->times[k] = strtod(p, &end);
        if (end == p || errno || !(r->times[k] >= 0) || (*end != ',' && *end != '\0'))
            return -1;
        p = *end == ',' ? end + 1 : end;
        if (*end == ',' && *p == '\0')
            return -1;
    }
    return k == r->reps ? 0 : -1;
}

static int parse_value(const struct field *fd, char *v, struct pk_record *r)
{
    void *at = (char *)r + fd->offset;
    char *end;
    errno = 0;
    switch (fd->type) {
    case F_TEXT:
        if (unescape(v) || strlen(v) >= fd->size)
            return -1;
        strcpy(at, v);
        return 0;
    case F_INT: {
        long x = strtol(v, &end, 10);
        if (*v == '\0' || *end || errno || x < 0 || x > INT32_MAX)
            return -1;
        *(int *)at = (int)x;
        return 0;
    }
    case F_LLONG: {
        long long x = strtoll(v, &end, 10);
        if (*v == '\0' || *end || errno || x < 0)
            return -1;
        *(long long *)at = x;
        return 0;
    }
    case F_ULLONG: {
        unsigned long long x = strtoull(v, &end, 10);
        if (*v == '\0' || *v == '-' || *end || errno)
            return -1;
        *(unsigned long long *)at = x;
        return 0;
    }
    case F_DOUBLE:
        return parse_double(v, at);
    case F_STATUS:
        return pk_status_parse(v, at);
    case F_TIMES:
        return parse_times(v, r);
    }
    return -1;
}

/* True if the field called key has been read (seen[] runs parallel to fields[]). */
static bool seen_key(const bool seen[NFIELDS], const char *key)
{
    for (size_t i = 0; i < NFIELDS; i++)
        if (strcmp(fields[i].key, key) == 0)
            return seen[i];
    return false;
}

int pk_record_parse(const char *line, struct pk_record *r, char *err, size_t errlen)
{
    char buf[PK_MAX_REPS * 20 + 4096];
    bool seen[NFIELDS] = {false}, ended = false;
    size_t len = strcspn(line, "\n");

    pk_record_init(r);
    if (len >= sizeof buf) {
        snprintf(err, errlen, "result line is too long (%zu bytes)", len);
        return -1;
    }
    memcpy(buf, line, len);
    buf[len] = '\0';

    char *rest = buf, *tok = strsep(&rest, " ");
    if (strcmp(tok, PK_RECORD_TAG) != 0) {
        snprintf(err, errlen, "not a result line (starts '%.20s')", buf);
        return -1;
    }
    tok = strsep(&rest, " ");
    if (!tok || strcmp(tok, PK_RECORD_VERSION) != 0) {
        snprintf(err, errlen, "result line version '%s' is not " PK_RECORD_VERSION, tok ? tok : "");
        return -1;
    }
    while ((tok = strsep(&rest, " "))) {
        if (ended) {
            snprintf(err, errlen, "result line goes on after 'end'");
            return -1;
        }
        if (strcmp(tok, "end") == 0) {
            ended = true;
            continue;
        }
        char *eq = strchr(tok, '=');
        if (!eq) {
            snprintf(err, errlen, "result line field '%.40s' has no '='", tok);
            return -1;
        }
        *eq = '\0';
        for (size_t i = 0; i < NFIELDS; i++) {
            if (strcmp(tok, fields[i].key) != 0)
                continue;
            /* times are counted against reps: before reps, "times=-" would pass for none */
            bool early = fields[i].type == F_TIMES && !seen_key(seen, "reps");
            if (seen[i] || early || parse_value(&fields[i], eq + 1, r)) {
                snprintf(err, errlen, "result line field '%s' is %s", tok,
                         seen[i] ? "repeated"
                         : early ? "before 'reps'"
                                 : "malformed");
                return -1;
            }
            seen[i] = true;
        }
        /* keys this version does not know are skipped: a newer runner may add some */
    }
    if (!ended) {
        snprintf(err, errlen, "result line is truncated (no final 'end')");
        return -1;
    }
    for (size_t i = 0; i < NFIELDS; i++) {
        if (fields[i].required && !seen[i]) {
            snprintf(err, errlen, "result line lacks the '%s' field", fields[i].key);
            return -1;
        }
    }
    if (r->reps > PK_MAX_REPS) {
        snprintf(err, errlen, "result line has %d reps (at most %d)", r->reps, PK_MAX_REPS);
        return -1;
    }
    return 0;
}

void pk_progress_print(FILE *f, int k, int n)
{
    fprintf(f, PK_PROGRESS_TAG "%d %d\n", k, n);
}

bool pk_progress_parse(const char *line, int *k, int *n)
{
    size_t tag = strlen(PK_PROGRESS_TAG);
    char *end;
    if (strncmp(line, PK_PROGRESS_TAG, tag) != 0)
        return false;
    long a = strtol(line + tag, &end, 10), b;
    if (end == line + tag || *end != ' ')
        return false;
    const char *second = end + 1;
    b = strtol(second, &end, 10);
    if (end == second || a < 0 || b < a || b > PK_MAX_REPS * 2L)
        return false;
    *k = (int)a;
    *n = (int)b;
    return true;
}
