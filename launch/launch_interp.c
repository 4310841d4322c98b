/*
 * Models whose runner is an interpreter (PK_RUNNER_INTERPRETER: python, python-threads): which
 * interpreter and program start them, whether they can run here, and which kernels they have,
 * as the runner itself says. Nothing here names a model: a third interpreted model is its
 * descriptor, its runner program and its kernels' files.
 */
#include "launch.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The interpreter of model m: $interpreter_env when set and not empty, else its default. */
static const char *interpreter(const struct pk_model_desc *d, bool *from_env)
{
    const char *env = d->interpreter_env ? getenv(d->interpreter_env) : NULL;
    *from_env = env && *env;
    return *from_env ? env : d->interpreter;
}

const char *pk_launch_interpreter_words(const struct pk_launch *l, enum pk_model m,
                                        const char **program)
{
    static char path[PATH_MAX];
    const struct pk_model_desc *d = pk_model_desc(m);
    bool from_env;
    snprintf(path, sizeof path, "%.*s/%s", PATH_MAX - 64, l->dir, d->program);
    *program = path;
    return interpreter(d, &from_env);
}

/* The answer for each model, asked once per pk process: 0 not yet, 1 available, -1 not. */
static int known[PK_NMODEL];
static char known_why[PK_NMODEL][512];

/* A reason names the program's path cut at 200 characters, so that the whole reason fits its
 * 512-byte slot (and gcc -O3's -Wformat-truncation, which sees the sizes, agrees). */
static bool probe(const struct pk_launch *l, enum pk_model m, char *why, size_t len)
{
    const struct pk_model_desc *d = pk_model_desc(m);
    const char *program, *interp = pk_launch_interpreter_words(l, m, &program);
    bool from_env;
    struct pk_child child;
    char err[256], last[200];

    interpreter(d, &from_env);
    if (!pk_child_on_path(interp)) {
        if (from_env)
            snprintf(why, len, "%s '%s' is not an executable program", d->interpreter_env, interp);
        else
            snprintf(why, len, "%s not found on PATH (install %s, or set %s)", interp, interp,
                     d->interpreter_env);
        return false;
    }
    if (access(program, R_OK) != 0) {
        snprintf(why, len, "%.200s is missing (%s: run 'make')", program, strerror(errno));
        return false;
    }
    char *argv[] = {(char *)interp, (char *)program, "--kernels", (char *)d->name, NULL};
    if (pk_child_run(argv, 60, NULL, &child, err, sizeof err)) {
        snprintf(why, len, "%s could not start: %s", interp, err);
        return false;
    }
    bool ok = child.exited && child.exit_code == 0;
    pk_child_last_line(child.err, last, sizeof last);
    if (!ok)
        snprintf(why, len, "'%s %.200s --kernels %s' failed: %s", interp, program, d->name,
                 *last ? last : "no reason given");
    else if (pk_model_set_kernels(m, child.out, err, sizeof err))
        snprintf(why, len, "%.200s: %s", program, err), ok = false;
    pk_child_free(&child);
    return ok;
}

bool pk_launch_interpreter_available(const struct pk_launch *l, enum pk_model m, char *why,
                                     size_t len)
{
    if (!known[m])
        known[m] = probe(l, m, known_why[m], sizeof known_why[m]) ? 1 : -1;
    snprintf(why, len, "%s", known[m] > 0 ? "" : known_why[m]);
    return known[m] > 0;
}
