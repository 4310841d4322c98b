/* Lists of model and kernel names built from the X-macro and the kernel table (run_names.h). */
#include "run_names.h"

#include <stdio.h>
#include <string.h>

/* Appends word to buf as item i of count, with sep or last before it; keeps buf terminated. */
static void append(char *buf, size_t len, int i, int count, const char *sep, const char *last,
                   const char *word)
{
    size_t used = strlen(buf);
    if (used < len)
        snprintf(buf + used, len - used, "%s%s", i == 0 ? "" : i == count - 1 ? last : sep, word);
}

const char *run_names_models(char *buf, size_t len, run_model_filter want, const char *sep,
                             const char *last)
{
    int count = 0, i = 0;
    if (len)
        buf[0] = '\0';
    for (int m = 0; m < PK_NMODEL; m++)
        count += !want || want((enum pk_model)m);
    for (int m = 0; m < PK_NMODEL; m++)
        if (!want || want((enum pk_model)m))
            append(buf, len, i++, count, sep, last, pk_model_name((enum pk_model)m));
    return buf;
}

const char *run_names_kernels_with(char *buf, size_t len, enum pk_model m)
{
    int count = 0, i = 0;
    if (len)
        buf[0] = '\0';
    for (int k = 0; k < pk_nkernels; k++)
        count += pk_model_has_kernel(m, &pk_kernels[k]);
    for (int k = 0; k < pk_nkernels; k++)
        if (pk_model_has_kernel(m, &pk_kernels[k]))
            append(buf, len, i++, count, ", ", " and ", pk_kernels[k].name);
    return buf;
}

bool run_model_distributed(enum pk_model m)
{
    return pk_model_facts(m)->distributed;
}

bool run_model_in_process(enum pk_model m)
{
    return !pk_model_facts(m)->distributed;
}

bool run_model_by_default(enum pk_model m)
{
    return !pk_model_facts(m)->on_request;
}

bool run_model_on_request(enum pk_model m)
{
    return pk_model_facts(m)->on_request;
}

bool run_model_baseline(enum pk_model m)
{
    return pk_model_facts(m)->baseline;
}

bool run_model_rank_teams(enum pk_model m)
{
    return pk_model_facts(m)->rank_teams;
}
