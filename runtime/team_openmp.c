/* The OpenMP team check (team.h), compiled with -fopenmp. */
#include "team.h"

#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "NAME=value" if the variable is set, else "the OpenMP runtime's default" */
static const char *setting(const char *name, char *buf, size_t len)
{
    const char *v = getenv(name);
    if (!v)
        snprintf(buf, len, "the runtime's default (%s unset)", name);
    else
        snprintf(buf, len, "%s=%.40s", name, v);
    return buf;
}

/* The variables that can shrink a team, those set, as "A=x B=y" (or "none set"). */
static void settings(char *buf, size_t len)
{
    static const char *const names[] = {"OMP_THREAD_LIMIT", "OMP_DYNAMIC", "OMP_MAX_ACTIVE_LEVELS",
                                        "OMP_NESTED", "OMP_NUM_THREADS"};
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof names / sizeof names[0] && used < len; i++) {
        const char *v = getenv(names[i]);
        if (v)
            used += (size_t)snprintf(buf + used, len - used, "%s%s=%.40s", used ? " " : "",
                                     names[i], v);
    }
    if (!buf[0])
        snprintf(buf, len, "none of OMP_THREAD_LIMIT, OMP_DYNAMIC, OMP_MAX_ACTIVE_LEVELS set");
}

int pk_team_check(int want, char *err, size_t errlen)
{
    char why[160];
    int team = 0;

    if (want > 1 && omp_get_dynamic()) {
        snprintf(err, errlen,
                 "OpenMP may run fewer than the %d threads asked: dynamic adjustment is on (%s); "
                 "unset OMP_DYNAMIC or set it to false",
                 want, setting("OMP_DYNAMIC", why, sizeof why));
        return -1;
    }
    if (omp_get_thread_limit() < want) {
        snprintf(err, errlen, "OpenMP runs at most %d threads, fewer than the %d asked (%s)",
                 omp_get_thread_limit(), want, setting("OMP_THREAD_LIMIT", why, sizeof why));
        return -1;
    }
    if (want > 1 && omp_get_active_level() >= omp_get_max_active_levels()) {
        snprintf(err, errlen,
                 "OpenMP allows %d active parallel levels, so a team of %d runs on one thread "
                 "(%s)",
                 omp_get_max_active_levels(), want,
                 setting("OMP_MAX_ACTIVE_LEVELS", why, sizeof why));
        return -1;
    }
#pragma omp parallel num_threads(want)
    {
#pragma omp single
        team = omp_get_num_threads(); /* the size of the team that really runs */
    }
    if (team != want) {
        settings(why, sizeof why);
        snprintf(err, errlen, "OpenMP ran a team of %d threads where %d were asked (%s)", team,
                 want, why);
        return -1;
    }
    return 0;
}
