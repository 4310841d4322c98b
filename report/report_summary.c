/*
 * The summary sentence under each table: which configuration was fastest, and only when its
 * speedup interval over serial says so; for a kernel that creates its workers, what creating
 * them costs in each model.
 */
#include "report.h"

#include <math.h>
#include <string.h>

/* For a kernel that creates its workers: each model's cost per round at its largest p. */
static void summary_of_creation(FILE *f, const struct pk_result *all, int first, int end)
{
    const char *unit = all[first].kernel->unit;
    fprintf(f, "  Summary: creating and joining workers costs");
    bool said = false; /* a model was named: a ';' before the next */
    for (int m = 0; m < PK_NMODEL; m++) {
        const struct pk_model_facts *facts = pk_model_facts((enum pk_model)m);
        const struct pk_result *widest = NULL;
        if (facts->baseline)
            continue;
        for (int i = first; i < end; i++)
            if (strcmp(all[i].rec.model, pk_model_name((enum pk_model)m)) == 0 &&
                pk_result_verified(&all[i]) &&
                (!widest || all[i].rec.workers > widest->rec.workers))
                widest = &all[i];
        if (!widest)
            continue;
        if (facts->distributed) {
            char t[24];
            pk_report_time(t, sizeof t, widest->startup_s);
            fprintf(f, "%s %s at p=%d: its launcher, %s once", said ? ";" : "", widest->rec.model,
                    widest->rec.workers, t);
        } else {
            fprintf(f, "%s %s %.3g %s at p=%d", said ? ";" : "", widest->rec.model,
                    widest->rec.rate, unit, widest->rec.workers);
        }
        said = true;
    }
    fprintf(f, "%s.\n", said ? "" : ": no parallel model measured it");
}

/* "1.10x serial [0.28, 1.46]" */
static void print_speedup(FILE *f, const struct pk_row *row)
{
    fprintf(f, "%.2fx serial", row->speedup.s);
    if (!isnan(row->speedup.lo))
        fprintf(f, " [%.2f, %.2f]", row->speedup.lo, row->speedup.hi);
}

/*
 * The sentence compares with serial or says nothing of speed: a configuration is "fastest"
 * only when its speedup interval lies above 1; otherwise the sentence says that no parallel
 * configuration was significantly faster than serial, or that too few reps can tell.
 */
void pk_report_summary(FILE *f, const struct pk_result *all, int n, int first, int end)
{
    if (all[first].kernel && all[first].kernel->own_workers) {
        summary_of_creation(f, all, first, end);
        return;
    }
    const struct pk_result *best = NULL, *second = NULL, *sig = NULL;
    for (int i = first; i < end; i++) {
        const struct pk_result *r = &all[i];
        if (!pk_result_verified(r) || pk_result_is_baseline(r))
            continue;
        double m = pk_result_summary(r).median;
        struct pk_row row = pk_report_row(all, n, r);
        if (row.speedup.lo > 1 && (!sig || m < pk_result_summary(sig).median))
            sig = r;
        if (!best || m < pk_result_summary(best).median) {
            if (best && strcmp(best->rec.model, r->rec.model) != 0)
                second = best;
            best = r;
        } else if (strcmp(best->rec.model, r->rec.model) != 0 &&
                   (!second || m < pk_result_summary(second).median)) {
            second = r;
        }
    }
    if (!best)
        return;
    struct pk_row row = pk_report_row(all, n, best);
    if (isnan(row.speedup.s)) {
        fprintf(f,
                "  Summary: no verified serial run to compare with, so no speedup is stated; "
                "the lowest median was %s at p=%d.\n",
                best->rec.model, best->rec.workers);
        return;
    }
    if (isnan(row.speedup.lo)) {
        if (row.speedup.s > 1)
            fprintf(f, "  Summary: %s at p=%d had the lowest median, ", best->rec.model,
                    best->rec.workers);
        else
            fprintf(f,
                    "  Summary: no parallel configuration was faster than serial; the best, "
                    "%s at p=%d, ran at ",
                    best->rec.model, best->rec.workers);
        print_speedup(f, &row);
        fprintf(f, " (too few reps to tell significance: -r 6 or more).\n");
        return;
    }
    if (best != sig) {
        if (sig)
            fprintf(f, "  Summary: %s at p=%d had the lowest median, ", best->rec.model,
                    best->rec.workers);
        else
            fprintf(f,
                    "  Summary: no parallel configuration was significantly faster than serial; "
                    "the best, %s at p=%d, ran at ",
                    best->rec.model, best->rec.workers);
        print_speedup(f, &row);
        fprintf(f, " (%s)",
                row.speedup.hi < 1 ? "the interval lies below 1: slower than serial"
                                   : "the interval holds 1");
        if (sig) {
            struct pk_row srow = pk_report_row(all, n, sig);
            fprintf(f, "; %s at p=%d was significantly faster than serial, ", sig->rec.model,
                    sig->rec.workers);
            print_speedup(f, &srow);
        }
        fprintf(f, ".\n");
        return;
    }
    fprintf(f, "  Summary: %s at p=%d was fastest, ", best->rec.model, best->rec.workers);
    print_speedup(f, &row);
    fprintf(f, " at efficiency %.2f", row.efficiency);
    if (second) {
        struct pk_summary a = row.sum, b = pk_result_summary(second);
        bool overlap = !isnan(a.ci_lo) && !isnan(b.ci_lo) && a.ci_hi >= b.ci_lo;
        fprintf(f, "; %s %s at p=%d", overlap ? "no significant difference from" : "ahead of",
                second->rec.model, second->rec.workers);
        if (isnan(a.ci_lo) || isnan(b.ci_lo))
            fprintf(f, " (too few reps to tell significance)");
    }
    fprintf(f, ".\n");
}
