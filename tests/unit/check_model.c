/*
 * The model descriptors (runtime/models/<name>.c, indexed in model.c from the PK_MODELS list):
 * each is the model its slot names, its facts agree with how it is started, the hooks are there
 * where the model needs them (a pool to start, stop and place; an OpenMP team to check), and
 * the questions answered from them (runner, rank threads, kernels, names) give what the harness
 * and the drivers relied on when they still tested the model by name.
 */
#include <check.h>
#include <string.h>

#include "helpers.h"

/* Every slot holds the descriptor of its own model, named as the list names it. */
START_TEST(test_model_every_slot_is_its_model)
{
    for (int m = 0; m < PK_NMODEL; m++) {
        const struct pk_model_desc *d = pk_model_desc((enum pk_model)m);
        ck_assert_ptr_nonnull(d);
        ck_assert_ptr_nonnull(d->name);
        ck_assert_str_eq(d->name, pk_model_name((enum pk_model)m));
        ck_assert_ptr_eq(pk_model_facts((enum pk_model)m), &d->facts);
        ck_assert(strlen(pk_model_what((enum pk_model)m)) > 0);
        for (int o = 0; o < m; o++)
            ck_assert_msg(pk_model_desc((enum pk_model)o) != d, "%s and %s share a descriptor",
                          d->name, pk_model_name((enum pk_model)o));
    }
}
END_TEST

/* The facts agree with the runner and with each other; one baseline; hybrid on request. */
START_TEST(test_model_facts_agree_with_the_runner)
{
    int baselines = 0;
    for (int m = 0; m < PK_NMODEL; m++) {
        const struct pk_model_desc *d = pk_model_desc((enum pk_model)m);
        const struct pk_model_facts *f = &d->facts;
        const char *name = d->name;

        bool interpreted = d->runner == PK_RUNNER_INTERPRETER;
        ck_assert_msg(d->runner == PK_RUNNER_INPROCESS || d->runner == PK_RUNNER_LAUNCHER ||
                          interpreted,
                      "%s: runner %d", name, (int)d->runner);
        ck_assert_msg(f->distributed == (d->runner == PK_RUNNER_LAUNCHER),
                      "%s: distributed iff a launcher starts it", name);
        ck_assert_msg(f->distributed == pk_model_is_distributed((enum pk_model)m), "%s", name);
        ck_assert_msg(f->on_request == (m == PK_HYBRID || interpreted),
                      "%s: hybrid and the interpreted models run on request", name);
        /* an interpreter runs a program of its own on its file, with a default and a variable */
        ck_assert_msg(interpreted == (d->program != NULL) && interpreted == (d->source != NULL) &&
                          interpreted == (d->interpreter != NULL) &&
                          interpreted == (d->interpreter_env != NULL),
                      "%s: program, source and interpreter iff interpreted", name);
        ck_assert_msg(!interpreted || (!f->rank_teams && !f->openmp && !f->baseline),
                      "%s: an interpreted model has no ranks, OpenMP team or baseline", name);
        char file[32];
        pk_model_source((enum pk_model)m, file, sizeof file);
        ck_assert_msg(strstr(file, name) == file || interpreted, "%s: its file %s", name, file);
        ck_assert_msg(f->rank_teams == (d->rank_threads_flag != NULL),
                      "%s: rank teams iff its runner takes threads per rank", name);
        ck_assert_msg(!f->rank_teams || (f->distributed && f->local == PK_LOCAL_TEAM),
                      "%s: rank teams are ranks holding a team each", name);
        ck_assert_msg((f->local == PK_LOCAL_TEAM) == f->rank_teams, "%s: local team", name);
        ck_assert_msg(!(f->thread_pool && f->process_workers), "%s: one kind of pool", name);
        ck_assert_msg(!f->baseline || (!f->on_request && !f->distributed && d->max_workers == 1),
                      "%s: the baseline runs in-process at p = 1 and always", name);
        ck_assert_msg(d->max_workers >= 0, "%s: max_workers %d", name, d->max_workers);
        baselines += f->baseline;
    }
    ck_assert_int_eq(baselines, 1);
    ck_assert(pk_model_facts(PK_SERIAL)->baseline);
}
END_TEST

/* A pool is started, stopped and placed by its model; the harness's defaults cover the rest. */
START_TEST(test_model_hooks_where_the_model_needs_them)
{
    for (int m = 0; m < PK_NMODEL; m++) {
        const struct pk_model_desc *d = pk_model_desc((enum pk_model)m);
        const struct pk_model_facts *f = &d->facts;
        bool pool = f->thread_pool || f->process_workers;

        if (d->runner == PK_RUNNER_INTERPRETER) { /* pk-run never runs it: no in-process hook */
            ck_assert_msg(!d->check && !d->start && !d->stop && !d->place && !d->partition,
                          "%s: an interpreted model has no in-process hook", d->name);
            continue;
        }
        ck_assert_msg(pool == (d->start != NULL) && pool == (d->stop != NULL),
                      "%s: start and stop hooks iff it has a pool", d->name);
        ck_assert_msg(!pool || d->place, "%s: a pool's workers are placed by the model", d->name);
        ck_assert_msg(f->openmp == (d->check != NULL), "%s: an OpenMP team is checked", d->name);
        ck_assert_msg(!f->distributed || (!d->start && !d->place && !d->partition),
                      "%s: pk-mpi's ranks need no in-process hook", d->name);
        ck_assert_msg(f->distributed || f->baseline || d->partition,
                      "%s: in-process workers split [0, n): their partition is checked", d->name);
        ck_assert_msg(!f->baseline || !d->partition, "%s: one loop, no partition", d->name);
    }
    /* the pools by name: what case.c started by testing the model before */
    ck_assert(pk_model_desc(PK_THREADS)->facts.thread_pool);
    ck_assert(pk_model_desc(PK_FORK)->facts.process_workers);
    ck_assert(pk_model_desc(PK_OPENMP)->check && pk_model_desc(PK_HYBRID)->check);
    ck_assert(!pk_model_desc(PK_SERIAL)->start && !pk_model_desc(PK_OPENMP)->start);
}
END_TEST

/* What the drivers ask: which model pk-mpi runs, how p splits, which kernels, which names. */
START_TEST(test_model_questions_for_the_drivers)
{
    char buf[128], err[256];
    bool selected[PK_NMODEL];

    ck_assert_int_eq(pk_model_of_runner(PK_RUNNER_LAUNCHER, false), PK_MPI);
    ck_assert_int_eq(pk_model_of_runner(PK_RUNNER_LAUNCHER, true), PK_HYBRID);
    ck_assert_int_eq(pk_model_of_runner(PK_RUNNER_INPROCESS, true), PK_NMODEL);
    ck_assert_int_eq(pk_model_rank_threads(PK_HYBRID, 3), 3);
    ck_assert_int_eq(pk_model_rank_threads(PK_MPI, 3), 1);
    ck_assert_int_eq(pk_model_rank_threads(PK_OPENMP, 3), 1);
    ck_assert_str_eq(pk_model_desc(PK_HYBRID)->rank_threads_flag, "--threads");
    ck_assert_int_eq(pk_model_desc(PK_SERIAL)->max_workers, 1);
    ck_assert_int_eq(pk_model_desc(PK_THREADS)->max_workers, 0);

    pk_model_join(buf, sizeof buf, PK_RUNNER_INPROCESS);
    ck_assert_str_eq(buf, "serial, openmp, threads, fork");
    pk_model_join(buf, sizeof buf, PK_RUNNER_LAUNCHER);
    ck_assert_str_eq(buf, "mpi, hybrid");
    pk_model_join(buf, sizeof buf, PK_RUNNER_INTERPRETER);
    ck_assert_str_eq(buf, "python, python-threads");
    pk_model_join(buf, sizeof buf, -1);
    ck_assert_str_eq(buf, "serial, openmp, threads, fork, mpi, hybrid, python, python-threads");
    pk_model_join(buf, 10, -1); /* truncated, never overrun */
    ck_assert_str_eq(buf, "serial, o");
    ck_assert_int_eq(pk_model_parse_list("openmp,tbb", selected, err, sizeof err), -1);
    ck_assert_str_eq(err, "unknown model 'tbb' (models: serial, openmp, threads, fork, mpi, "
                          "hybrid, python, python-threads)");
    ck_assert_int_eq(pk_model_parse_list("python-threads,serial", selected, err, sizeof err), 0);
    ck_assert(selected[PK_PYTHON_THREADS] && selected[PK_SERIAL] && !selected[PK_PYTHON]);

    int hybrid = 0;
    for (int i = 0; i < pk_nkernels; i++) {
        const struct pk_kernel *k = &pk_kernels[i];
        for (int m = 0; m < PK_NMODEL; m++)
            if (pk_model_desc((enum pk_model)m)->runner != PK_RUNNER_INTERPRETER)
                ck_assert_msg(pk_model_has_kernel((enum pk_model)m, k) ==
                                  (m == PK_HYBRID ? k->hybrid != NULL : true),
                              "%s %s", k->name, pk_model_name((enum pk_model)m));
        hybrid += pk_model_has_kernel(PK_HYBRID, k);
    }
    ck_assert_int_eq(hybrid, 4); /* matmul, pi, polysum, stencil */
}
END_TEST

/* An interpreted model has the kernels its runner lists, at the rates it gives; its file. */
START_TEST(test_model_interpreted_kernels_as_the_runner_says)
{
    char err[256] = "", file[32];
    const struct pk_kernel *polysum = pk_kernel_find("polysum"), *spawn = pk_kernel_find("spawn");

    ck_assert(!pk_model_has_kernel(PK_PYTHON, polysum)); /* not asked yet: none */
    ck_assert_int_eq(
        pk_model_set_kernels(PK_PYTHON, "polysum 1.2e-07\n\nspawn 0.002 worker\n", err, sizeof err),
        0);
    ck_assert(pk_model_has_kernel(PK_PYTHON, polysum) && pk_model_has_kernel(PK_PYTHON, spawn));
    ck_assert(!pk_model_has_kernel(PK_PYTHON, pk_kernel_find("stream")));
    ck_assert(!pk_model_has_kernel(PK_PYTHON_THREADS, polysum)); /* each model is asked */
    ck_assert_double_eq_tol(pk_model_rep_seconds(PK_PYTHON, "polysum", 2, 1000000), 0.12, 1e-12);
    ck_assert_double_eq_tol(pk_model_rep_seconds(PK_PYTHON, "spawn", 3, 10), 0.06, 1e-12);
    ck_assert(pk_model_rep_seconds(PK_PYTHON, "stream", 1, 10) == 0);
    ck_assert(pk_model_rep_seconds(PK_SERIAL, "polysum", 1, 10) == 0);
    /* "worker" is read from its own line only: polysum's rate is per item, spawn's per worker */
    ck_assert_double_eq_tol(pk_model_rep_seconds(PK_PYTHON, "polysum", 3, 10), 1.2e-6, 1e-15);
    ck_assert_int_eq(pk_model_set_kernels(PK_PYTHON, "polysum\nworker 1\n", err, sizeof err), -1);
    ck_assert_str_eq(err, "its runner's list of kernels has a bad line: 'polysum'");
    ck_assert_int_eq(pk_model_set_kernels(PK_PYTHON, "polysum fast\n", err, sizeof err), -1);
    ck_assert_str_eq(err, "its runner's list of kernels has a bad line: 'polysum fast'");
    ck_assert_str_eq(pk_model_source(PK_PYTHON, file, sizeof file), "python.py");
    ck_assert_str_eq(pk_model_source(PK_PYTHON_THREADS, file, sizeof file), "python.py");
    ck_assert_str_eq(pk_model_source(PK_FORK, file, sizeof file), "fork.c");
}
END_TEST

/* The threads and fork hooks start a pool of p, place its p workers, and stop it. */
static void pool_round_trip(enum pk_model m)
{
    const struct pk_model_desc *d = pk_model_desc(m);
    struct pk_case c;
    char cpus[256] = "", err[256] = "";

    pk_case_init(&c, pk_kernel_find("pi"), m, 3, 1000);
    ck_assert_msg(d->start(&c, err, sizeof err) == 0, "%s: %s", d->name, err);
    ck_assert(c.threads || c.forks);
    ck_assert_msg(d->place(&c, cpus, sizeof cpus, err, sizeof err) == 0, "%s: %s", d->name, err);
    int bars = 0;
    for (const char *p = cpus; *p; p++)
        bars += *p == '|';
    ck_assert_msg(bars == 2 && cpus[0] != '|', "%s: cpus '%s' is not 3 workers' lists", d->name,
                  cpus);
    ck_assert_int_eq(d->stop(&c, err, sizeof err), 0);
    ck_assert(!c.threads && !c.forks);
    ck_assert_int_eq(d->stop(&c, err, sizeof err), 0); /* stopping no pool is nothing */

    cpus[0] = '\0'; /* no pool (a kernel with its own workers): the runner's own CPUs */
    ck_assert_int_eq(d->place(&c, cpus, sizeof cpus, err, sizeof err), 0);
    ck_assert(cpus[0] != '\0' && !strchr(cpus, '|'));
}

START_TEST(test_model_threads_pool_hooks)
{
    pool_round_trip(PK_THREADS);
}
END_TEST

START_TEST(test_model_fork_pool_hooks)
{
    pool_round_trip(PK_FORK);
}
END_TEST

/* The partition hook: serial has none; the pooled models check the block partition of p. */
START_TEST(test_model_partition_through_the_case)
{
    struct pk_case c;
    char err[256] = "";

    pk_case_init(&c, pk_kernel_find("pi"), PK_SERIAL, 1, 1000);
    ck_assert_int_eq(pk_case_partition(&c, err, sizeof err), 0);
    for (int m = PK_OPENMP; m <= PK_FORK; m++) {
        pk_case_init(&c, pk_kernel_find("pi"), (enum pk_model)m, 7, 1000);
        ck_assert_ptr_eq(pk_model_desc((enum pk_model)m)->partition, pk_model_block_partition);
        ck_assert_int_eq(pk_case_partition(&c, err, sizeof err), 0);
    }
}
END_TEST

Suite *model_suite(void)
{
    Suite *s = suite_create("model");
    TCase *tc = tcase_create("descriptors");
    tcase_add_test(tc, test_model_every_slot_is_its_model);
    tcase_add_test(tc, test_model_facts_agree_with_the_runner);
    tcase_add_test(tc, test_model_hooks_where_the_model_needs_them);
    tcase_add_test(tc, test_model_questions_for_the_drivers);
    tcase_add_test(tc, test_model_interpreted_kernels_as_the_runner_says);
    tcase_add_test(tc, test_model_threads_pool_hooks);
    tcase_add_test(tc, test_model_fork_pool_hooks);
    tcase_add_test(tc, test_model_partition_through_the_case);
    suite_add_tcase(s, tc);
    return s;
}
