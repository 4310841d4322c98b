/* The runners' shared command line: both accept the same options after their positionals. */
#include "runner.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fault.h"
#include "opts.h"
#include "timer.h"

enum { O_REPS = 1, O_WARMUP, O_SEED, O_BIND, O_UNTIL_CI, O_THREADS, O_HELP, O_PAGES };

static const struct opt runner_opts[] = {
    {O_REPS, 'r', "reps", true},
    {O_WARMUP, 'w', "warmup", true},
    {O_SEED, 0, "seed", true},
    {O_BIND, 0, "bind", true},
    {O_UNTIL_CI, 0, "until-ci", true},
    {O_THREADS, 0, "threads", true},
    {O_HELP, 'h', "help", false},
    {O_PAGES, 0, "pages", true},
    {0, 0, NULL, false},
};

int runner_scan(int argc, char **argv, struct runner_args *a, char *err, size_t errlen)
{
    struct opt_scan s;
    int id;

    memset(a, 0, sizeof *a);
    a->reps = 10;
    a->warmup = 1;
    a->seed = 1;
    opt_begin(&s, argc, argv, 1, runner_opts, true);
    while ((id = opt_next(&s, err, errlen)) != OPT_END) {
        switch (id) {
        case OPT_ERROR:
            return -1;
        case OPT_ARG:
            if (a->npositional == RUNNER_MAX_POSITIONAL) {
                snprintf(err, errlen, "unexpected argument '%s'", s.value);
                return -1;
            }
            a->positional[a->npositional++] = s.value;
            break;
        case OPT_PARAM:
            if (a->nparams == PK_MAX_PARAMS * 4) {
                snprintf(err, errlen, "too many kernel options");
                return -1;
            }
            snprintf(a->param_name[a->nparams], sizeof a->param_name[0], "%s", s.name_buf);
            a->param_value[a->nparams++] = s.value;
            break;
        case O_REPS:
            if (runner_parse_reps(s.value, &a->reps, err, errlen))
                return -1;
            break;
        case O_WARMUP:
            if (runner_parse_warmup(s.value, &a->warmup, err, errlen))
                return -1;
            break;
        case O_SEED:
            if (runner_parse_seed(s.value, &a->seed, err, errlen))
                return -1;
            break;
        case O_BIND:
            if (runner_parse_bind(s.value, &a->bind, err, errlen))
                return -1;
            break;
        case O_PAGES:
            if (runner_parse_pages(s.value, &a->pages, err, errlen))
                return -1;
            break;
        case O_UNTIL_CI:
            if (runner_parse_until_ci(s.value, &a->until_ci, err, errlen))
                return -1;
            break;
        case O_THREADS:
            if (runner_parse_threads(s.value, &a->threads, err, errlen))
                return -1;
            break;
        case O_HELP:
            a->help = true;
            break;
        }
    }
    return 0;
}

int runner_parse_size(const char *text, long long *n, char *err, size_t errlen)
{
    return pk_cli_parse_count("size", text, 1, 1LL << 62, n, err, errlen);
}

int runner_parse_reps(const char *text, int *reps, char *err, size_t errlen)
{
    return pk_cli_parse_int("reps", text, 1, PK_MAX_REPS, reps, err, errlen);
}

int runner_parse_warmup(const char *text, int *warmup, char *err, size_t errlen)
{
    return pk_cli_parse_int("warm-up reps", text, 0, PK_MAX_REPS, warmup, err, errlen);
}

int runner_parse_seed(const char *text, unsigned long long *seed, char *err, size_t errlen)
{
    long long v;
    if (pk_cli_parse_count("seed", text, 0, 1LL << 62, &v, err, errlen))
        return -1;
    *seed = (unsigned long long)v;
    return 0;
}

int runner_parse_bind(const char *text, enum pk_bind *bind, char *err, size_t errlen)
{
    if (!pk_bind_parse(text, bind))
        return 0;
    snprintf(err, errlen, "unknown --bind '%s' (none, close or spread)", text);
    return -1;
}

int runner_parse_pages(const char *text, enum pk_pages *pages, char *err, size_t errlen)
{
    if (!pk_pages_parse(text, pages))
        return 0;
    snprintf(err, errlen, "unknown --pages '%s' (normal or huge)", text);
    return -1;
}

int runner_parse_until_ci(const char *text, double *pct, char *err, size_t errlen)
{
    if (!pk_cli_parse_seconds("--until-ci", text, pct, err, errlen) && *pct > 0 && *pct < 100)
        return 0;
    snprintf(err, errlen, "--until-ci '%s' must be a percentage in (0, 100)", text);
    return -1;
}

int runner_parse_threads(const char *text, int *threads, char *err, size_t errlen)
{
    return pk_cli_parse_int("threads", text, 1, PK_MAX_WORKERS, threads, err, errlen);
}

int runner_apply(const struct runner_args *a, struct pk_case *c, char *err, size_t errlen)
{
    const char *progress = getenv("PK_PROGRESS");
    c->seed = a->seed;
    c->bind = a->bind;
    c->pages = a->pages;
    c->until_ci = a->until_ci;
    c->progress = progress && *progress;
    for (int i = 0; i < a->nparams; i++) {
        int rc = pk_case_set_param(c, a->param_name[i], a->param_value[i], err, errlen);
        if (rc > 0)
            snprintf(err, errlen, "kernel '%s' has no option '--%s'", c->kernel->name,
                     a->param_name[i]);
        if (rc)
            return -1;
    }
    for (int i = 0; i < a->nparams; i++)
        if (pk_case_check_param_read(c, a->param_name[i], err, errlen))
            return -1;
    return 0;
}

/* The test-only faults of the result line itself (fault.h); 1 if one replaced the line. */
static int faulty_line(const struct pk_record *rec)
{
    char line[PK_MAX_REPS * 20 + 4096];
    FILE *f;

    if (pk_fault_is(PK_FAULT_NOLINE))
        return 1;
    if (pk_fault_is(PK_FAULT_BADLINE)) {
        printf(PK_RECORD_TAG " " PK_RECORD_VERSION " kernel=%s model=%s p=oops end\n", rec->kernel,
               rec->model);
        return 1;
    }
    if (!pk_fault_is(PK_FAULT_TRUNCATE) || !(f = fmemopen(line, sizeof line, "w")))
        return 0;
    pk_record_write(f, rec);
    fclose(f);
    fwrite(line, 1, strlen(line) / 2, stdout); /* as if the runner died mid-write */
    return 1;
}

int runner_finish(struct pk_record *rec, double started)
{
    rec->elapsed_s = pk_timer_now() - started;
    if (pk_fault_is(PK_FAULT_WRONG) && rec->status == PK_STATUS_OK) {
        char right[sizeof rec->result];
        snprintf(right, sizeof right, "%s", rec->result);
        snprintf(rec->result, sizeof rec->result, "1%.*s", (int)sizeof rec->result - 2, right);
    }
    if (!faulty_line(rec) && pk_record_write(stdout, rec))
        return 1;
    if (fflush(stdout) || ferror(stdout))
        return 1;
    return pk_status_is_failure(rec->status) ? 1 : 0;
}

void runner_error(const char *program, const char *message)
{
    fprintf(stderr, "%s: %s\n", program, message);
}
