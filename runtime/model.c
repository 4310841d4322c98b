/*
 * Model and class names, generated from the X-macro lists in model.h, and the table of the
 * models' descriptors (one file each in models/) with the questions asked of them.
 */
#include "model.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "bind.h"
#include "case.h"
#include "partition.h"

static const char *const model_whats[PK_NMODEL] = {
#define PK_MODEL_WHAT(E, name, what) [PK_##E] = (what),
    PK_MODELS(PK_MODEL_WHAT)
#undef PK_MODEL_WHAT
};

static const char *const class_names[PK_NCLASS] = {
#define PK_CLASS_NAME(L) [PK_CLASS_##L] = #L,
    PK_CLASSES(PK_CLASS_NAME)
#undef PK_CLASS_NAME
};

/* Each model's descriptor, from its own file (runtime/models/<name>.c). */
static const struct pk_model_desc *const model_descs[PK_NMODEL] = {
#define PK_MODEL_DESC(E, name, what) [PK_##E] = &pk_model_##name,
    PK_MODELS(PK_MODEL_DESC)
#undef PK_MODEL_DESC
};

const struct pk_model_desc *pk_model_desc(enum pk_model m)
{
    return model_descs[m];
}

const struct pk_model_facts *pk_model_facts(enum pk_model m)
{
    return &model_descs[m]->facts;
}

bool pk_model_is_distributed(enum pk_model m)
{
    return model_descs[m]->facts.distributed;
}

int pk_model_rank_threads(enum pk_model m, int threads_per_rank)
{
    return model_descs[m]->facts.rank_teams ? threads_per_rank : 1;
}

enum pk_model pk_model_of_runner(enum pk_runner runner, bool rank_teams)
{
    for (int i = 0; i < PK_NMODEL; i++)
        if (model_descs[i]->runner == runner && model_descs[i]->facts.rank_teams == rank_teams)
            return (enum pk_model)i;
    return PK_NMODEL;
}

void pk_model_join(char *buf, size_t len, int runner)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < PK_NMODEL && used < len; i++)
        if (runner < 0 || model_descs[i]->runner == (enum pk_runner)runner)
            used += (size_t)snprintf(buf + used, len - used, "%s%s", used ? ", " : "",
                                     pk_model_name((enum pk_model)i));
}

void pk_model_cpus_here(char *cpus, size_t len)
{
    char here[64];
    pk_bind_current(here, sizeof here);
    pk_bind_append(cpus, len, here);
}

int pk_model_block_partition(const struct pk_case *c, char *err, size_t errlen)
{
    return pk_partition_check(c->n, c->workers, err, errlen);
}

const char *pk_model_name(enum pk_model m)
{
    return model_descs[m]->name;
}

const char *pk_model_source(enum pk_model m, char *buf, size_t len)
{
    const struct pk_model_desc *d = model_descs[m];
    if (d->source)
        snprintf(buf, len, "%s", d->source);
    else
        snprintf(buf, len, "%s.c", d->name);
    return buf;
}

const char *pk_model_what(enum pk_model m)
{
    return model_whats[m];
}

int pk_model_parse(const char *name, enum pk_model *m)
{
    for (int i = 0; i < PK_NMODEL; i++) {
        if (strcmp(name, model_descs[i]->name) == 0) {
            *m = (enum pk_model)i;
            return 0;
        }
    }
    return -1;
}

int pk_model_parse_list(const char *list, bool selected[PK_NMODEL], char *err, size_t errlen)
{
    char buf[256];
    int count = 0;

    for (int i = 0; i < PK_NMODEL; i++)
        selected[i] = false;
    if (strlen(list) >= sizeof buf) {
        snprintf(err, errlen, "model list '%.40s...' is too long", list);
        return -1;
    }
    if (strcmp(list, "all") == 0) {
        for (int i = 0; i < PK_NMODEL; i++)
            selected[i] = true;
        return 0;
    }
    strcpy(buf, list);
    /* strsep, not strtok: "openmp,,fork" must report the empty name, not skip it */
    char *rest = buf;
    for (char *name = strsep(&rest, ","); name; name = strsep(&rest, ",")) {
        enum pk_model m;
        if (*name == '\0') {
            snprintf(err, errlen, "empty name in model list '%s'", list);
            return -1;
        }
        if (strcmp(name, "all") == 0) {
            snprintf(err, errlen, "model list '%s': 'all' stands alone, with no other name", list);
            return -1;
        }
        if (pk_model_parse(name, &m)) {
            char all[128];
            pk_model_join(all, sizeof all, -1);
            snprintf(err, errlen, "unknown model '%s' (models: %s)", name, all);
            return -1;
        }
        if (selected[m]) {
            snprintf(err, errlen, "model '%s' is listed twice", name);
            return -1;
        }
        selected[m] = true;
        count++;
    }
    if (count == 0) {
        snprintf(err, errlen, "empty model list");
        return -1;
    }
    return 0;
}

const char *pk_class_name(enum pk_class k)
{
    return class_names[k];
}

int pk_class_parse(const char *name, enum pk_class *k)
{
    for (int i = 0; i < PK_NCLASS; i++) {
        if (strcasecmp(name, class_names[i]) == 0) {
            *k = (enum pk_class)i;
            return 0;
        }
    }
    return -1;
}
