/*
 * What the runner of an interpreted model (PK_RUNNER_INTERPRETER) said it has: the kernels it
 * can run and the rate of each, one line per kernel of its `--kernels` reply. pk asks the
 * runner (launch_interp.c) rather than a table here, so a kernel gains the model with its file.
 */
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LISTED 64

struct listed {
    char name[32];
    double seconds; /* per item of one rep at p = 1 */
    bool per_worker;
};

static struct listed listed[PK_NMODEL][MAX_LISTED];
static int nlisted[PK_NMODEL];

int pk_model_set_kernels(enum pk_model m, const char *reply, char *err, size_t errlen)
{
    int n = 0;
    for (const char *line = reply, *end; line && *line; line = *end ? end + 1 : end) {
        char text[128], name[32], per[16] = "";
        double seconds;
        end = line + strcspn(line, "\n");
        if (end == line) /* an empty line */
            continue;
        snprintf(text, sizeof text, "%.*s", (int)(end - line), line); /* this line only */
        int got = sscanf(text, "%31s %lf %15s", name, &seconds, per);
        if (got < 2 || !(seconds >= 0) || n == MAX_LISTED) {
            snprintf(err, errlen, "its runner's list of kernels has a bad line: '%.*s'",
                     (int)(end - line), line);
            return -1;
        }
        snprintf(listed[m][n].name, sizeof listed[m][n].name, "%s", name);
        listed[m][n].seconds = seconds;
        listed[m][n++].per_worker = strcmp(per, "worker") == 0;
    }
    nlisted[m] = n;
    return 0;
}

static const struct listed *find(enum pk_model m, const char *kernel)
{
    for (int i = 0; i < nlisted[m]; i++)
        if (strcmp(listed[m][i].name, kernel) == 0)
            return &listed[m][i];
    return NULL;
}

bool pk_model_lists_kernel(enum pk_model m, const char *kernel)
{
    return find(m, kernel) != NULL;
}

double pk_model_rep_seconds(enum pk_model m, const char *kernel, int p, long long n)
{
    const struct listed *k = find(m, kernel);
    return k ? k->seconds * (double)n * (k->per_worker ? p : 1) : 0;
}
