/*
 * pk run's merging: each launch's outcome added to its configuration (reps, failures, a later
 * process that disagrees), --until-ci's note on a configuration that gave up, the models'
 * agreement with the serial baseline, and the results in plan order for reporting.
 */
#include "cmd_run.h"

#include <math.h>
#include <string.h>

/* Adds one launch's outcome to its configuration's accumulated result. */
void run_merge(struct pk_config *cfg, const struct pk_result *add)
{
    struct pk_result *res = &cfg->res;
    if (!cfg->ran) {
        *res = *add;
        cfg->ran = true;
        return;
    }
    for (int k = 0; k < add->rec.reps && res->rec.reps < PK_MAX_REPS; k++)
        res->rec.times[res->rec.reps++] = add->rec.times[k];
    if (pk_status_is_failure(res->rec.status))
        return;
    if (pk_status_is_failure(add->rec.status) || add->rec.status == PK_STATUS_RACE) {
        res->rec.status = add->rec.status;
        snprintf(res->rec.detail, sizeof res->rec.detail, "%s", add->rec.detail);
    } else if (add->rec.status == PK_STATUS_OK && res->rec.status == PK_STATUS_OK &&
               !pk_results_agree(cfg->spec.kernel, res->rec.result, add->rec.result)) {
        res->rec.status = PK_STATUS_FAILED;
        snprintf(res->rec.detail, sizeof res->rec.detail,
                 "result %.100s of a later process differs from %.100s", add->rec.result,
                 res->rec.result);
    }
    /* the figure at the median of every rep so far, not the first process's (interleave) */
    pk_record_set_rate(&res->rec, &cfg->spec);
}

/*
 * --until-ci: a configuration that reached the most reps (-r) without its interval within the
 * target says so in its detail (the row's notes in the table), with the interval it got.
 */
void run_note_until_ci(struct pk_config *cfg, const struct pk_launch *l)
{
    struct pk_record *r = &cfg->res.rec;
    char note[160];
    if (l->until_ci <= 0 || r->status != PK_STATUS_OK || r->reps < l->reps ||
        pk_record_precise(r, l->until_ci))
        return;
    struct pk_summary s = pk_result_summary(&cfg->res);
    if (isnan(s.ci_lo) || !(s.median > 0))
        snprintf(note, sizeof note,
                 "--until-ci %g%%: gave up after %d reps (the most, -r), too few for an interval",
                 l->until_ci, r->reps);
    else
        snprintf(note, sizeof note,
                 "--until-ci %g%%: gave up after %d reps (the most, -r) with the 95%% interval "
                 "at +-%.3g%% of the median",
                 l->until_ci, r->reps, (s.ci_hi - s.ci_lo) / 2 / s.median * 100);
    if (strcmp(r->detail, "-") == 0 || !r->detail[0])
        snprintf(r->detail, sizeof r->detail, "%s", note);
    else {
        size_t used = strlen(r->detail);
        snprintf(r->detail + used, sizeof r->detail - used, "; %s", note);
    }
}

/*
 * The serial baseline of kernel k in this run: the record of its verified configuration of the
 * baseline model (serial), or NULL when it has none. (results.c has the same notion for
 * reports; one definition of "the serial baseline" should serve both.)
 */
static struct pk_record *serial_baseline(struct pk_config *cfgs, int n, const struct pk_kernel *k)
{
    for (int j = 0; j < n; j++)
        if (cfgs[j].spec.kernel == k && cfgs[j].ran && cfgs[j].res.rec.status == PK_STATUS_OK &&
            pk_result_is_baseline(&cfgs[j].res))
            return &cfgs[j].res.rec;
    return NULL;
}

/*
 * Marks DISAGREE every verified configuration whose result differs from the serial one's. With no
 * serial result the reference is the first that verified, and it cannot be trusted over the
 * other: both sides of a disagreement are marked, so a wrong model never stays "ok".
 */
void run_check_agreement(struct pk_config *cfgs, int n)
{
    for (int i = 0; i < n; i++) {
        struct pk_record *r = &cfgs[i].res.rec;
        struct pk_record *ref = serial_baseline(cfgs, n, cfgs[i].spec.kernel);
        bool ref_is_serial = ref != NULL;
        for (int j = 0; j < n && !ref; j++)
            if (cfgs[j].spec.kernel == cfgs[i].spec.kernel && cfgs[j].ran &&
                (cfgs[j].res.rec.status == PK_STATUS_OK ||
                 cfgs[j].res.rec.status == PK_STATUS_DISAGREE))
                ref = &cfgs[j].res.rec;
        if (!cfgs[i].ran || r->status != PK_STATUS_OK || !ref || ref == r)
            continue;
        if (!pk_results_agree(cfgs[i].spec.kernel, ref->result, r->result)) {
            r->status = PK_STATUS_DISAGREE;
            snprintf(r->detail, sizeof r->detail, "result %.70s differs from %.10s p=%d's %.70s%s",
                     r->result, ref->model, ref->workers, ref->result,
                     ref_is_serial ? "" : " (no serial result to tell which is right)");
            if (!ref_is_serial && ref->status == PK_STATUS_OK) {
                ref->status = PK_STATUS_DISAGREE;
                snprintf(ref->detail, sizeof ref->detail,
                         "result %.70s differs from %.10s p=%d's %.70s (no serial result to tell "
                         "which is right)",
                         ref->result, r->model, r->workers, r->result);
            }
        }
    }
}

/* The results of the configurations that ran, in plan order, for reporting. */
int run_collect(const struct pk_config *cfgs, int n, struct pk_result *out)
{
    int m = 0;
    for (int i = 0; i < n; i++)
        if (cfgs[i].ran)
            out[m++] = cfgs[i].res;
    return m;
}
