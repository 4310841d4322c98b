/* Model and class names, generated from the X-macro lists in model.h. */
#include "model.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const model_names[PK_NMODEL] = {
#define PK_MODEL_NAME(E, name, what) [PK_##E] = #name,
    PK_MODELS(PK_MODEL_NAME)
#undef PK_MODEL_NAME
};

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

static const struct pk_model_facts model_facts[PK_NMODEL] = {
    [PK_SERIAL] = {.local = PK_LOCAL_ONE, .baseline = true}, /* one loop, whatever p says */
    [PK_OPENMP] = {.local = PK_LOCAL_ALL, .openmp = true},
    [PK_THREADS] = {.thread_pool = true, .local = PK_LOCAL_ALL},
    [PK_FORK] = {.process_workers = true, .local = PK_LOCAL_ALL},
    [PK_MPI] = {.distributed = true, .local = PK_LOCAL_ONE},
    [PK_HYBRID] = {.distributed = true,
                   .local = PK_LOCAL_TEAM,
                   .on_request = true,
                   .openmp = true,
                   .rank_teams = true},
};

const struct pk_model_facts *pk_model_facts(enum pk_model m)
{
    return &model_facts[m];
}

bool pk_model_is_distributed(enum pk_model m)
{
    return model_facts[m].distributed;
}

const char *pk_model_name(enum pk_model m)
{
    return model_names[m];
}

const char *pk_model_what(enum pk_model m)
{
    return model_whats[m];
}

int pk_model_parse(const char *name, enum pk_model *m)
{
    for (int i = 0; i < PK_NMODEL; i++) {
        if (strcmp(name, model_names[i]) == 0) {
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
        if (pk_model_parse(name, &m)) {
            /* the names from the X-macro: a new model is listed here by itself */
            int used = snprintf(err, errlen, "unknown model '%s' (models:", name);
            for (int i = 0; i < PK_NMODEL && used >= 0 && (size_t)used < errlen; i++)
                used += snprintf(err + used, errlen - (size_t)used, "%s %s", i ? "," : "",
                                 model_names[i]);
            if (used >= 0 && (size_t)used < errlen)
                snprintf(err + used, errlen - (size_t)used, ")");
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
