/*
 * pk compare OLD NEW: for every configuration in both, the change of the median with both
 * intervals, judged faster, slower or not significantly different: by a Mann-Whitney U test
 * when both sides have at least 9 reps, else by whether the 95% intervals overlap.
 */
#include "pk.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "opts.h"

static const char compare_usage[] =
    "usage: pk compare OLD.csv NEW.csv\n"
    "For each configuration in both files: the median before and after with 95% intervals,\n"
    "the change, and faster / slower / no significant difference (Mann-Whitney U at the 5%\n"
    "level when both have at least 9 reps, else interval overlap; fewer than 6 reps: too few;\n"
    "mixed when the test and the medians point opposite ways).\n"
    "Agreement is checked from the results themselves, within each file and between them.\n"
    "Exit status: 0 compared; 1 a configuration failed or disagrees (in a file, or OLD with\n"
    "NEW); 2 a file is unreadable, neither a regular file nor a pipe (a device, a\n"
    "directory), not a pk results file, a header with no row, repeats a rep of a run\n"
    "within itself, or holds one configuration from two runs (a merged file).\n";

/* The verdict on old -> new; writes the method used into how. */
static const char *judge(const struct pk_result *a, const struct pk_result *b, char *how,
                         size_t len)
{
    struct pk_summary sa = pk_result_summary(a), sb = pk_result_summary(b);
    if (a->rec.reps >= 9 && b->rec.reps >= 9) {
        double u, p = pk_stats_mann_whitney(a->rec.times, (size_t)a->rec.reps, b->rec.times,
                                            (size_t)b->rec.reps, &u);
        snprintf(how, len, "Mann-Whitney p=%.3g", p);
        if (!(p < 0.05))
            return "no significant difference";
        /* U counts the pairs in which the OLD rep took longer: more than half, NEW is faster */
        bool ranks_faster = u > (double)a->rec.reps * (double)b->rec.reps / 2;
        if (sb.median == sa.median || ranks_faster != (sb.median < sa.median)) {
            snprintf(how, len, "Mann-Whitney p=%.3g says %s, the medians %s", p,
                     ranks_faster ? "faster" : "slower",
                     sb.median == sa.median ? "are equal" : "the other way");
            return "mixed";
        }
        return ranks_faster ? "faster" : "slower";
    }
    if (isnan(sa.ci_lo) || isnan(sb.ci_lo)) {
        snprintf(how, len, "fewer than 6 reps");
        return "too few reps to tell";
    }
    snprintf(how, len, "95%% intervals");
    if (sb.ci_hi < sa.ci_lo)
        return "faster";
    if (sb.ci_lo > sa.ci_hi)
        return "slower";
    return "no significant difference";
}

/*
 * NULL if each file holds each configuration from one run; else the refusal: a merged file
 * with two runs of one configuration would be compared by its first run alone.
 */
static const char *one_run_each(const struct pk_result *old, int nold, const struct pk_result *new,
                                int nnew, const char *files[2], char *err, size_t errlen)
{
    const struct pk_result *side[2] = {old, new};
    int count[2] = {nold, nnew};
    for (int f = 0; f < 2; f++)
        for (int i = 0; i < count[f]; i++)
            for (int j = 0; j < i; j++)
                if (pk_result_same_config(&side[f][i], &side[f][j]) &&
                    strcmp(side[f][i].run, side[f][j].run) != 0) {
                    snprintf(
                        err, errlen,
                        "'%.160s' holds %.32s %.16s p=%d from two runs (%.40s, %.40s): compare "
                        "takes one run per file (compare the runs' own files)",
                        files[f], side[f][i].rec.kernel, side[f][i].rec.model,
                        side[f][i].rec.workers, side[f][j].run, side[f][i].run);
                    return err;
                }
    return NULL;
}

int cmd_compare(int argc, char **argv)
{
    enum { O_HELP = 1 };
    static const struct opt opts[] = {{O_HELP, 'h', "help", false}, {0, 0, NULL, false}};
    struct opt_scan s;
    const char *files[2];
    int nfiles = 0, id, nold, nnew;
    struct pk_result *old, *new;
    char err[512];

    opt_begin(&s, argc, argv, 1, opts, false);
    while ((id = opt_next(&s, err, sizeof err)) != OPT_END) {
        if (id == OPT_ERROR)
            pk_usage_error("%s (see 'pk compare --help')", err);
        if (id == O_HELP) {
            fputs(compare_usage, stdout);
            return pk_finish_stdout(0);
        }
        if (nfiles == 2)
            pk_usage_error("compare takes two files, OLD and NEW (got '%s' too)", s.value);
        files[nfiles++] = s.value;
    }
    if (nfiles != 2)
        pk_usage_error("compare needs two files, OLD and NEW (see 'pk compare --help')");
    if (pk_results_read_files((char *const *)files, 1, &old, &nold, err, sizeof err) < 0 ||
        pk_results_read_files((char *const *)files + 1, 1, &new, &nnew, err, sizeof err) < 0)
        pk_usage_error("%s", err);
    const char *one_run = one_run_each(old, nold, new, nnew, files, err, sizeof err);
    if (one_run)
        pk_usage_error("%s", one_run);
    bool failed = false;
    for (int i = 0; i < nold; i++)
        failed |= pk_status_is_failure(old[i].rec.status);
    for (int i = 0; i < nnew; i++)
        failed |= pk_status_is_failure(new[i].rec.status);

    printf("%-12s %-8s %4s %10s %-21s %10s %-21s %8s  %s\n", "kernel", "model", "p", "old",
           "95% CI", "new", "95% CI", "change", "verdict");
    for (int i = 0; i < nnew; i++) {
        const struct pk_result *b = &new[i], *a = NULL;
        for (int j = 0; j < nold && !a; j++)
            if (pk_result_same_config(&old[j], b))
                a = &old[j];
        if (!a) {
            printf("%-12s %-8s %4d  only in NEW\n", b->rec.kernel, b->rec.model, b->rec.workers);
            continue;
        }
        if (!pk_result_verified(a) || !pk_result_verified(b)) {
            const struct pk_result *bad = pk_result_verified(a) ? b : a;
            char status[16];
            snprintf(status, sizeof status, "%s", pk_status_name(bad->rec.status));
            for (char *c = status; *c; c++)
                *c = (char)toupper((unsigned char)*c);
            printf("%-12s %-8s %4d  %s in %s, not compared: %s\n", b->rec.kernel, b->rec.model,
                   b->rec.workers, status, bad == a ? "OLD" : "NEW", bad->rec.detail);
            continue;
        }
        if (!pk_results_agree(b->kernel, a->rec.result, b->rec.result)) {
            printf("%-12s %-8s %4d  DISAGREE: result %s in OLD, %s in NEW\n", b->rec.kernel,
                   b->rec.model, b->rec.workers, a->rec.result, b->rec.result);
            failed = true;
            continue;
        }
        struct pk_summary sa = pk_result_summary(a), sb = pk_result_summary(b);
        char t[4][24], ci[2][56], how[96];
        pk_report_time(t[0], sizeof t[0], sa.median);
        pk_report_time(t[1], sizeof t[1], sb.median);
        const struct pk_summary *sums[2] = {&sa, &sb};
        for (int k = 0; k < 2; k++) {
            if (isnan(sums[k]->ci_lo)) {
                snprintf(ci[k], sizeof ci[k], "-");
                continue;
            }
            pk_report_time(t[2], sizeof t[2], sums[k]->ci_lo);
            pk_report_time(t[3], sizeof t[3], sums[k]->ci_hi);
            snprintf(ci[k], sizeof ci[k], "[%s, %s]", t[2], t[3]);
        }
        const char *verdict = judge(a, b, how, sizeof how);
        printf("%-12s %-8s %4d %10s %-21s %10s %-21s %+7.1f%%  %s (%s)\n", b->rec.kernel,
               b->rec.model, b->rec.workers, t[0], ci[0], t[1], ci[1],
               100 * (sb.median / sa.median - 1), verdict, how);
    }
    /* NOLINTBEGIN(clang-analyzer-core.NullDereference): it supposes old NULL with nold > 0 */
    for (int j = 0; j < nold; j++) {
        bool found = false;
        for (int i = 0; i < nnew && !found; i++)
            found = pk_result_same_config(&old[j], &new[i]);
        if (!found)
            printf("%-12s %-8s %4d  only in OLD\n", old[j].rec.kernel, old[j].rec.model,
                   old[j].rec.workers);
    }
    /* NOLINTEND(clang-analyzer-core.NullDereference) */
    free(old);
    free(new);
    return pk_finish_stdout(failed ? 1 : 0);
}
