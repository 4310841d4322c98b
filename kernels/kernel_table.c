/* Lookups in the kernel table (registry.c): by name, by class, by option, by model. */
#include "pk_kernel.h"

#include <string.h>

long long pk_kernel_size(const struct pk_kernel *k, enum pk_class cls)
{
    long long n = k->class_size ? k->class_size(cls) : k->size[cls];
    return n < k->max_size ? n : k->max_size;
}

const struct pk_kernel *pk_kernel_find(const char *name)
{
    for (int i = 0; i < pk_nkernels; i++)
        if (strcmp(pk_kernels[i].name, name) == 0)
            return &pk_kernels[i];
    return NULL;
}

int pk_kernel_param_index(const struct pk_kernel *k, const char *name)
{
    for (int i = 0; i < PK_MAX_PARAMS && k->params[i].name; i++)
        if (strcmp(k->params[i].name, name) == 0)
            return i;
    return -1;
}

bool pk_model_has_kernel(enum pk_model m, const struct pk_kernel *k)
{
    const struct pk_model_facts *f = pk_model_facts(m);
    if (pk_model_desc(m)->runner == PK_RUNNER_INTERPRETER) /* as its runner said (model.h) */
        return pk_model_lists_kernel(m, k->name);
    if (f->rank_teams)
        return k->hybrid != NULL;
    if (f->distributed)
        return k->mpi != NULL;
    return k->run[m] != NULL;
}
