/*
 * What came back from a runner (a result line, an exit status, a signal, silence) turned into
 * the configuration's record, so that one broken configuration is reported and never taken
 * for a success (launch.c starts the runners).
 */
#include "launch_result.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Finds the one result line in the runner's stdout; NULL if there is none or several. */
static const char *find_result_line(const char *out, int *count)
{
    const char *found = NULL;
    *count = 0;
    for (const char *line = out; line && *line;) {
        if (strncmp(line, PK_RECORD_TAG " ", sizeof PK_RECORD_TAG) == 0) {
            found = line;
            (*count)++;
        }
        line = strchr(line, '\n');
        if (line)
            line++;
    }
    return *count == 1 ? found : NULL;
}

void pk_launch_account(const struct pk_config *cfg, struct pk_result *out, enum pk_status status,
                       const char *fmt, ...)
{
    va_list ap;
    pk_record_init(&out->rec);
    pk_record_describe(&out->rec, &cfg->spec, 0);
    out->rec.status = status;
    va_start(ap, fmt);
    vsnprintf(out->rec.detail, sizeof out->rec.detail, fmt, ap);
    va_end(ap);
}

void pk_launch_judge(const struct pk_config *cfg, const struct pk_child *child, double timeout_s,
                     struct pk_result *out)
{
    struct pk_record *rec = &out->rec;
    char reason[200], err[200];
    int lines;
    const char *line = find_result_line(child->out, &lines);

    pk_child_last_line(child->err, reason, sizeof reason);
    if (child->timed_out) {
        pk_launch_account(cfg, out, PK_STATUS_TIMEOUT, "no result within --timeout %g s; killed",
                          timeout_s);
        return;
    }
    if (!line) {
        if (lines > 1)
            pk_launch_account(cfg, out, PK_STATUS_ERROR, "runner printed %d result lines", lines);
        else if (child->signaled)
            pk_launch_account(cfg, out, PK_STATUS_ERROR, "runner killed by signal %d (%s)",
                              child->signal, strsignal(child->signal));
        else if (child->exit_code == 2)
            pk_launch_account(cfg, out, PK_STATUS_ERROR, "runner refused the configuration: %s",
                              reason);
        else
            pk_launch_account(cfg, out, PK_STATUS_ERROR, "no result line (exit status %d): %s",
                              child->exit_code, reason[0] ? reason : "the runner printed nothing");
        return;
    }
    if (pk_record_parse(line, rec, err, sizeof err)) {
        pk_launch_account(cfg, out, PK_STATUS_ERROR, "%s", err);
        return;
    }
    if (strcmp(rec->kernel, cfg->spec.kernel->name) ||
        strcmp(rec->model, pk_model_name(cfg->spec.model)) || rec->workers != cfg->spec.workers ||
        rec->n != cfg->spec.n || rec->threads != cfg->spec.threads_per_rank) {
        pk_launch_account(cfg, out, PK_STATUS_ERROR,
                          "result line is for another configuration (%s %s)", rec->kernel,
                          rec->model);
        return;
    }
    /* a result line is not enough: the runner must also have ended as it said it would */
    bool clean = child->exited && child->exit_code == (pk_status_is_failure(rec->status) ? 1 : 0);
    if (!clean && !pk_status_is_failure(rec->status)) {
        rec->status = PK_STATUS_ERROR;
        if (child->signaled)
            snprintf(rec->detail, sizeof rec->detail, "runner killed by signal %d after its result",
                     child->signal);
        else
            snprintf(rec->detail, sizeof rec->detail, "runner exited %d after its result: %s",
                     child->exit_code, reason);
    }
}
