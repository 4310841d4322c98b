/*
 * A configuration's result record (harness/record.h) filled from its case: its identity, each
 * rep's verdict (with the harness's own coverage check), the failure of a rep or of a step,
 * and the rate and pages it reports. pk_results_agree is the rule every comparison of two
 * results uses.
 */
#include "harness.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "stats.h"

/* "4k", "2m", "1g": a page size in the pages column's words. */
static void size_word(char *buf, size_t len, long long bytes)
{
    const char *unit = "kmg";
    int u = 0;
    bytes /= 1024;
    while (bytes >= 1024 && bytes % 1024 == 0 && u < 2) {
        bytes /= 1024;
        u++;
    }
    snprintf(buf, len, "%lld%c", bytes % 100000000, unit[u]);
}

/* The size of a transparent huge page here (2 MiB on x86-64). */
static long long huge_page_size(void)
{
    long long v = 0;
    char line[32], *end;
    FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size", "r");
    if (f) {
        if (fgets(line, sizeof line, f)) {
            v = strtoll(line, &end, 10);
            if (end == line || (*end && *end != '\n'))
                v = 0;
        }
        fclose(f);
    }
    return v > 0 ? v : 2LL * 1024 * 1024;
}

void pk_record_set_pages(struct pk_record *rec, const struct pk_case *c, double lo, double hi)
{
    char base[24], huge[24];
    const char *why;

    size_word(base, sizeof base, sysconf(_SC_PAGESIZE));
    size_word(huge, sizeof huge, huge_page_size());
    if (lo < 0)
        snprintf(rec->pages, sizeof rec->pages, "-");
    else if (hi == 0)
        snprintf(rec->pages, sizeof rec->pages, "%.8s", base);
    else if (lo >= 0.95)
        snprintf(rec->pages, sizeof rec->pages, "%.8s", huge);
    else
        snprintf(rec->pages, sizeof rec->pages, "%.8s:%d%%", huge, (int)(100 * lo));
    why = c->pages == PK_PAGES_HUGE ? pk_arena_huge_refused(c->arena.shared) : NULL;
    if (why && rec->status == PK_STATUS_OK && strcmp(rec->detail, "-") == 0)
        snprintf(rec->detail, sizeof rec->detail, "--pages huge refused: %s: %s pages", why,
                 rec->pages);
}

bool pk_results_agree(const struct pk_kernel *k, const char *a, const char *b)
{
    if (k->tolerance == 0)
        return strcmp(a, b) == 0;
    char *end_a, *end_b;
    double x = strtod(a, &end_a), y = strtod(b, &end_b);
    if (*a == '\0' || *b == '\0' || *end_a || *end_b || !isfinite(x) || !isfinite(y))
        return false;
    double scale = fmax(fabs(x), fabs(y));
    return fabs(x - y) <= k->tolerance * scale;
}

void pk_verdict_cover(const struct pk_case *c, struct pk_verdict *v, const char *partition)
{
    if (v->status != PK_STATUS_OK)
        return; /* the kernel's own finding comes first */
    if (partition && partition[0]) {
        v->status = PK_STATUS_FAILED;
        snprintf(v->detail, sizeof v->detail, "%s", partition);
    } else if (v->covered < 0) {
        v->status = PK_STATUS_FAILED;
        snprintf(v->detail, sizeof v->detail, "the check did not say which items it covered");
    } else if (v->covered != c->n) {
        v->status = PK_STATUS_FAILED;
        snprintf(v->detail, sizeof v->detail, "the check covered %lld of %lld items", v->covered,
                 c->n);
    }
}

bool pk_record_add_verdict(struct pk_record *rec, const struct pk_kernel *k, int index,
                           const struct pk_verdict *v)
{
    if (v->status == PK_STATUS_FAILED) {
        rec->status = PK_STATUS_FAILED;
        snprintf(rec->detail, sizeof rec->detail, "rep %d: %.200s", index + 1, v->detail);
        snprintf(rec->result, sizeof rec->result, "%s", v->result);
        return false;
    }
    if (v->status == PK_STATUS_RACE) {
        /* a race is the lesson, not a failure; its result differs from rep to rep */
        rec->status = PK_STATUS_RACE;
        snprintf(rec->detail, sizeof rec->detail, "%s", v->detail);
        snprintf(rec->result, sizeof rec->result, "%s", v->result);
        return true;
    }
    if (index > 0 && rec->status == PK_STATUS_OK && !pk_results_agree(k, rec->result, v->result)) {
        rec->status = PK_STATUS_FAILED;
        snprintf(rec->detail, sizeof rec->detail,
                 "rep %d result %.100s differs from rep 1's %.100s", index + 1, v->result,
                 rec->result);
        return false;
    }
    if (index == 0) {
        rec->status = PK_STATUS_OK;
        snprintf(rec->result, sizeof rec->result, "%s", v->result);
    }
    return true;
}

void pk_record_describe(struct pk_record *rec, const struct pk_case *c, int warmup)
{
    snprintf(rec->kernel, sizeof rec->kernel, "%s", c->kernel->name);
    snprintf(rec->model, sizeof rec->model, "%s", pk_model_name(c->model));
    rec->workers = c->workers;
    rec->threads = c->threads_per_rank;
    rec->n = c->n;
    rec->seed = c->seed;
    rec->warmup = warmup;
    rec->reps = 0; /* counts the timed reps actually done */
    pk_case_params_text(c, rec->params, sizeof rec->params);
}

bool pk_record_precise(const struct pk_record *rec, double pct)
{
    struct pk_summary s;
    if (rec->reps < PK_STATS_MIN_CI || pk_stats_summarize(rec->times, (size_t)rec->reps, &s))
        return false;
    return (s.ci_hi - s.ci_lo) / 2 <= pct / 100 * s.median;
}

void pk_record_set_rate(struct pk_record *rec, const struct pk_case *c)
{
    if (!c->kernel->rate || rec->reps == 0 || rec->status != PK_STATUS_OK)
        return; /* never a figure for a rep that failed its check */
    rec->rate = c->kernel->rate(c, pk_stats_median(rec->times, (size_t)rec->reps));
    snprintf(rec->unit, sizeof rec->unit, "%s", c->kernel->unit);
}

void pk_record_fail(struct pk_record *rec, enum pk_status status, int who, const char *why)
{
    rec->status = status;
    if (who >= 0)
        snprintf(rec->detail, sizeof rec->detail, "rank %d: %.200s", who, why);
    else
        snprintf(rec->detail, sizeof rec->detail, "%s", why);
}
