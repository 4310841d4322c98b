/*
 * Number parsing done exactly: "1e6" is read as the digit string 1 shifted six places, never
 * through a double, so 9007199254740993 and 1e18 come back exact and 1.5 is refused as a size.
 */
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parses digits[.digits][e[+]digits] exactly; -1 not a number, -2 not whole, -3 overflow. */
static int parse_whole(const char *s, unsigned long long *out)
{
    char digits[64];
    size_t nd = 0, int_digits = 0;
    const char *p = s;
    long exponent = 0;

    if (!isdigit((unsigned char)*p))
        return -1;
    for (; isdigit((unsigned char)*p); p++) {
        if (nd == 0 && *p == '0')
            continue; /* leading zeros carry no value */
        if (nd >= sizeof digits - 1)
            return -3;
        digits[nd++] = *p;
    }
    int_digits = nd;
    if (*p == '.') {
        p++;
        if (!isdigit((unsigned char)*p))
            return -1;
        size_t zeros = 0; /* fraction zeros not stored yet: trailing ones never are (1.000...0) */
        for (; isdigit((unsigned char)*p); p++) {
            if (*p == '0') {
                zeros++;
                continue;
            }
            for (; zeros > 0; zeros--) {
                if (nd >= sizeof digits - 1)
                    return -3;
                digits[nd++] = '0';
            }
            if (nd >= sizeof digits - 1)
                return -3;
            digits[nd++] = *p;
        }
    }
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+')
            p++;
        if (*p == '-')
            return -2; /* 1e-3 is never whole (0e-3 is, but nobody means it) */
        if (!isdigit((unsigned char)*p))
            return -1;
        for (; isdigit((unsigned char)*p); p++) {
            exponent = exponent * 10 + (*p - '0');
            if (exponent > 1000)
                return -3;
        }
    }
    if (*p != '\0')
        return -1;

    /* The value is digits[0..nd) with the decimal point after int_digits + exponent places. */
    size_t point = int_digits + (size_t)exponent;
    unsigned long long v = 0;
    for (size_t i = 0; i < point; i++) {
        int d = i < nd ? digits[i] - '0' : 0;
        if (v > (ULLONG_MAX - (unsigned)d) / 10)
            return -3;
        v = v * 10 + (unsigned)d;
    }
    for (size_t i = point; i < nd; i++)
        if (digits[i] != '0')
            return -2;
    *out = v;
    return 0;
}

void pk_cli_quote(const char *text, char *buf, size_t len)
{
    size_t used = 0, shown = 0;
    const size_t most = 40; /* characters of the value shown; the rest is "..." */
    buf[0] = '\0';
    for (const unsigned char *p = (const unsigned char *)text; *p && used + 8 < len; p++) {
        if (shown == most) {
            used += (size_t)snprintf(buf + used, len - used, "...");
            break;
        }
        if (*p == '\n')
            used += (size_t)snprintf(buf + used, len - used, "\\n");
        else if (*p < 0x20 || *p == 0x7f)
            used += (size_t)snprintf(buf + used, len - used, "\\x%02x", *p);
        else
            buf[used++] = (char)*p, buf[used] = '\0';
        shown++;
    }
}

int pk_cli_parse_count(const char *what, const char *text, long long min, long long max,
                       long long *out, char *err, size_t errlen)
{
    unsigned long long v;
    const char *arg = text;
    char shown[192];
    int negative = text[0] == '-';

    pk_cli_quote(text, shown, sizeof shown);
    arg = shown; /* what the messages quote: one line, not too long */

    if (text[0] == '\0') {
        snprintf(err, errlen, "%s is empty (expected a whole number)", what);
        return -1;
    }
    switch (parse_whole(text + negative, &v)) {
    case -1:
        snprintf(err, errlen, "%s '%s' is not a number", what, arg);
        return -1;
    case -2:
        snprintf(err, errlen, "%s '%s' is not a whole number", what, arg);
        return -1;
    case -3:
        snprintf(err, errlen, "%s '%s' is too large (at most %lld)", what, arg, max);
        return -1;
    }
    if (negative && v > 0) {
        snprintf(err, errlen, "%s '%s' must be at least %lld", what, arg, min);
        return -1;
    }
    if (v > (unsigned long long)max) {
        snprintf(err, errlen, "%s '%s' is too large (at most %lld)", what, arg, max);
        return -1;
    }
    if ((long long)v < min) {
        snprintf(err, errlen, "%s '%s' must be at least %lld", what, arg, min);
        return -1;
    }
    *out = (long long)v;
    return 0;
}

int pk_cli_parse_int(const char *what, const char *arg, int min, int max, int *out, char *err,
                     size_t errlen)
{
    long long v;
    if (pk_cli_parse_count(what, arg, min, max, &v, err, errlen))
        return -1;
    *out = (int)v;
    return 0;
}

static int compare_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int add_worker(int w, int out[], int *count, const char *list, char *err, size_t errlen)
{
    for (int i = 0; i < *count; i++) {
        if (out[i] == w) {
            snprintf(err, errlen, "worker count %d is given twice in '%s'", w, list);
            return -1;
        }
    }
    if (*count >= PK_MAX_WORKER_LIST) {
        snprintf(err, errlen, "worker list '%s' has more than %d counts", list, PK_MAX_WORKER_LIST);
        return -1;
    }
    out[(*count)++] = w;
    return 0;
}

int pk_cli_parse_workers(const char *text, int max_workers, int out[PK_MAX_WORKER_LIST], int *count,
                         char *err, size_t errlen)
{
    char buf[512], list[192];
    *count = 0;
    pk_cli_quote(text, list, sizeof list);
    if (text[0] == '\0') {
        snprintf(err, errlen, "worker list is empty");
        return -1;
    }
    if (strlen(text) >= sizeof buf) {
        snprintf(err, errlen, "worker list '%s' is too long", list);
        return -1;
    }
    strcpy(buf, text);
    char *rest = buf;
    for (char *item = strsep(&rest, ","); item; item = strsep(&rest, ",")) {
        char *dots = strstr(item, "..");
        int lo, hi;
        if (*item == '\0') {
            snprintf(err, errlen, "empty item in worker list '%s'", list);
            return -1;
        }
        if (strcmp(item, "max") == 0) {
            lo = hi = max_workers;
        } else if (dots) {
            if (dots == item || dots[2] == '\0' || strstr(dots + 2, "..")) {
                char range[192];
                pk_cli_quote(item, range, sizeof range);
                snprintf(err, errlen, "worker range '%s' is not LOW..HIGH (as in 1..8)", range);
                return -1;
            }
            *dots = '\0';
            if (pk_cli_parse_int("worker count", item, 1, PK_MAX_WORKERS, &lo, err, errlen) ||
                pk_cli_parse_int("worker count", dots + 2, 1, PK_MAX_WORKERS, &hi, err, errlen))
                return -1;
            if (hi < lo) {
                char raw[512], range[192];
                snprintf(raw, sizeof raw, "%s..%s", item, dots + 2);
                pk_cli_quote(raw, range, sizeof range);
                snprintf(err, errlen, "worker range '%s' runs backwards", range);
                return -1;
            }
        } else {
            if (pk_cli_parse_int("worker count", item, 1, PK_MAX_WORKERS, &lo, err, errlen))
                return -1;
            hi = lo;
        }
        for (int w = lo; w <= hi; w++)
            if (add_worker(w, out, count, list, err, errlen))
                return -1;
    }
    qsort(out, (size_t)*count, sizeof out[0], compare_int);
    return 0;
}

int pk_cli_parse_seconds(const char *what, const char *text, double *out, char *err, size_t errlen)
{
    char *end, arg[192];
    errno = 0;
    double v = strtod(text, &end);
    pk_cli_quote(text, arg, sizeof arg);
    /* decimal only, as every count pk reads: strtod would also take 0x10, inf and nan */
    if (text[0] == '\0' || strspn(text, "0123456789.eE+-") != strlen(text) || *end != '\0' ||
        (errno && errno != ERANGE)) {
        snprintf(err, errlen, "%s '%s' is not a decimal number", what, arg);
        return -1;
    }
    if (errno == ERANGE && fabs(v) < 1) { /* below the smallest double: no time pk can wait */
        snprintf(err, errlen, "%s '%s' is too small to be a time", what, arg);
        return -1;
    }
    if (v < 0) {
        snprintf(err, errlen, "%s '%s' must not be negative", what, arg);
        return -1;
    }
    if (v > 7 * 86400.0) { /* 1e400 too (strtod's HUGE_VAL) */
        snprintf(err, errlen, "%s '%s' is more than a week", what, arg);
        return -1;
    }
    *out = v;
    return 0;
}

/* One whole number of at most 9 digits at *p, not zero; advances *p past it. */
static int slurm_number(const char **p, long long *out)
{
    long long v = 0;
    int digits = 0;
    while (isdigit((unsigned char)**p) && digits < 10) {
        v = v * 10 + (**p - '0');
        (*p)++;
        digits++;
    }
    if (digits == 0 || digits > 9 || v == 0)
        return -1;
    *out = v;
    return 0;
}

int pk_cli_parse_slurm_cpus(const char *text, long long *total, char *err, size_t errlen)
{
    char quoted[192];
    const char *p = text;
    long long sum = 0;

    pk_cli_quote(text, quoted, sizeof quoted);
    if (!*text) {
        snprintf(err, errlen, "CPUs per node list is empty");
        return -1;
    }
    for (;;) {
        long long count, nodes = 1;
        if (slurm_number(&p, &count))
            goto bad;
        if (strncmp(p, "(x", 2) == 0) {
            p += 2;
            if (slurm_number(&p, &nodes) || *p++ != ')')
                goto bad;
        }
        sum += count * nodes;
        if (sum > (1LL << 40)) {
            snprintf(err, errlen, "CPUs per node list '%s' counts too many CPUs", quoted);
            return -1;
        }
        if (*p == '\0')
            break;
        if (*p++ != ',')
            goto bad;
    }
    *total = sum;
    return 0;
bad:
    snprintf(err, errlen, "CPUs per node list '%s' is not COUNT[(xNODES)][,...]", quoted);
    return -1;
}
