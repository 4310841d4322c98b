/*
 * Lists of names for messages and usage texts, each derived from its one source: the models
 * from the PK_MODELS X-macro (model.h), the kernels of a model from the kernel table. Nothing
 * here is typed twice, so a new model or kernel shows up in every list by itself.
 */
#ifndef PK_RUN_NAMES_H
#define PK_RUN_NAMES_H

#include <stdbool.h>
#include <stddef.h>

#include "pk_kernel.h"

/* A question about a model, for choosing which models a list names; NULL names them all. */
typedef bool (*run_model_filter)(enum pk_model m);

/*
 * Writes into buf (len bytes, always terminated) the names of the models that pass want (all
 * when NULL), in X-macro order, separated by sep, with last before the final one: (", ", " and
 * ") gives "serial, openmp and threads", (",", ",") gives "serial,openmp,threads". Returns buf.
 */
const char *run_names_models(char *buf, size_t len, run_model_filter want, const char *sep,
                             const char *last);

/* Writes "matmul, pi, polysum and stencil": the kernels that have model m. Returns buf. */
const char *run_names_kernels_with(char *buf, size_t len, enum pk_model m);

/*
 * Filters, one per fact: the models a launcher starts (distributed), the others, the ones run by
 * default, the ones run only when named, the baseline (serial), those whose ranks run teams.
 */
bool run_model_distributed(enum pk_model m);
bool run_model_in_process(enum pk_model m);
bool run_model_by_default(enum pk_model m);
bool run_model_on_request(enum pk_model m);
bool run_model_baseline(enum pk_model m);
bool run_model_rank_teams(enum pk_model m);

#endif
