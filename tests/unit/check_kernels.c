/*
 * Every kernel of the registry in every model: for each parameter choice, worker count
 * p in {1, 2, 3, 4, 7} and size in {smallest, smallest + 1, 97 (prime), class S}, the model's
 * run verifies on every rep and its result equals the serial one (exactly, or within the
 * kernel's stated tolerance). Sizes below p leave workers with empty blocks on purpose.
 * Adding a kernel to kernels/registry.c adds its cases here; nothing to write by hand.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

static const int worker_counts[] = {1, 2, 3, 4, 7};
#define NWORKERS (int)(sizeof worker_counts / sizeof worker_counts[0])
#define NSIZES   4

/* One case: kernel, an optional parameter choice, p and n. */
struct combo {
    const struct pk_kernel *kernel;
    int param;        /* -1: all defaults */
    long long choice; /* the value of that parameter */
    int p;
    long long n;
};

static struct combo *combos;
static int ncombos, nmpi_combos;
static struct combo *mpi_combos;

static void sizes_of(const struct pk_kernel *k, long long out[NSIZES])
{
    long long min = k->min_size > 0 ? k->min_size : 1;
    out[0] = min;
    out[1] = min + 1;
    out[2] = 97 > min ? 97 : min + 2;
    out[3] = k->size[PK_CLASS_S];
}

/* Calls add(kernel, param, choice) for the defaults and every non-default choice. */
static void each_variant(void (*add)(const struct pk_kernel *, int, long long))
{
    for (int i = 0; i < pk_nkernels; i++) {
        const struct pk_kernel *k = &pk_kernels[i];
        add(k, -1, 0);
        for (int p = 0; p < PK_MAX_PARAMS && k->params[p].name; p++)
            for (int c = 0; c < PK_MAX_CHOICES && k->params[p].choices[c]; c++)
                if (c != k->params[p].def)
                    add(k, p, c);
    }
}

static void add_in_process(const struct pk_kernel *k, int param, long long choice)
{
    long long sizes[NSIZES];
    sizes_of(k, sizes);
    for (int w = 0; w < NWORKERS; w++)
        for (int s = 0; s < NSIZES; s++)
            combos[ncombos++] = (struct combo){k, param, choice, worker_counts[w], sizes[s]};
}

/* mpi launches cost a third of a second each: sizes min and 97 at every p, S at p = 2 and 4. */
static void add_mpi(const struct pk_kernel *k, int param, long long choice)
{
    long long sizes[NSIZES];
    sizes_of(k, sizes);
    for (int w = 0; w < NWORKERS; w++) {
        int p = worker_counts[w];
        mpi_combos[nmpi_combos++] = (struct combo){k, param, choice, p, sizes[0]};
        mpi_combos[nmpi_combos++] = (struct combo){k, param, choice, p, sizes[2]};
        if (p == 2 || p == 4)
            mpi_combos[nmpi_combos++] = (struct combo){k, param, choice, p, sizes[3]};
    }
}

static void build_combos(void)
{
    int cap = pk_nkernels * (1 + PK_MAX_PARAMS * PK_MAX_CHOICES) * NWORKERS * NSIZES;
    combos = calloc((size_t)cap, sizeof *combos);
    mpi_combos = calloc((size_t)cap, sizeof *mpi_combos);
    if (!combos || !mpi_combos)
        abort();
    each_variant(add_in_process);
    each_variant(add_mpi);
}

static bool is_racy(const struct combo *x)
{
    const char *racy = x->param >= 0 ? x->kernel->params[x->param].racy : NULL;
    return racy && x->kernel->params[x->param].choices[0] &&
           strcmp(racy, x->kernel->params[x->param].choices[x->choice]) == 0;
}

static void describe(const struct combo *x, enum pk_model m, char *buf, size_t len)
{
    const struct pk_param *pp = x->param >= 0 ? &x->kernel->params[x->param] : NULL;
    snprintf(buf, len, "%s %s p=%d n=%lld%s%s%s", x->kernel->name, pk_model_name(m), x->p, x->n,
             pp ? " --" : "", pp ? pp->name : "", pp ? (pp->choices[0] ? " " : " (number)") : "");
    if (pp && pp->choices[0])
        snprintf(buf + strlen(buf), len - strlen(buf), "%s", pp->choices[x->choice]);
}

/* Checks rec of model m against the serial result of the same case. */
static void check_against_serial(const struct combo *x, enum pk_model m,
                                 const struct pk_record *rec)
{
    struct pk_record serial;
    char what[160];

    describe(x, m, what, sizeof what);
    test_run_case(x->kernel, PK_SERIAL, 1, x->n, x->param, x->choice, 1, &serial);
    ck_assert_msg(serial.status == PK_STATUS_OK, "%s: serial %s: %s", what,
                  pk_status_name(serial.status), serial.detail);
    if (is_racy(x) && rec->status == PK_STATUS_RACE) {
        ck_assert_msg(x->p > 1, "%s: a race with one worker", what);
        ck_assert_msg(strcmp(rec->detail, "-") != 0, "%s: a race must say what it lost", what);
        return;
    }
    if (is_racy(x) && m == PK_MPI && rec->status == PK_STATUS_SKIPPED)
        return; /* ranks share no memory to race on */
    ck_assert_msg(rec->status == PK_STATUS_OK, "%s: %s: %s", what, pk_status_name(rec->status),
                  rec->detail);
    ck_assert_msg(rec->reps == 2, "%s: %d timed reps, expected 2", what, rec->reps);
    ck_assert_msg(pk_results_agree(x->kernel, serial.result, rec->result),
                  "%s: result %s, serial %s", what, rec->result, serial.result);
}

static void check_model(enum pk_model m, int i)
{
    const struct combo *x = &combos[i];
    struct pk_record rec;
    test_run_case(x->kernel, m, m == PK_SERIAL ? 1 : x->p, x->n, x->param, x->choice, 2, &rec);
    check_against_serial(x, m, &rec);
}

START_TEST(test_serial_verifies)
{
    check_model(PK_SERIAL, _i);
}
END_TEST

START_TEST(test_openmp_matches_serial)
{
    check_model(PK_OPENMP, _i);
}
END_TEST

START_TEST(test_threads_match_serial)
{
    check_model(PK_THREADS, _i);
}
END_TEST

START_TEST(test_fork_matches_serial)
{
    check_model(PK_FORK, _i);
}
END_TEST

/* hybrid: ranks in {1, 2, 3} of 2 threads, sizes min and 97, for kernels that have it. */
struct hybrid_combo {
    const struct pk_kernel *kernel;
    int ranks;
    long long n;
};
static struct hybrid_combo hybrid_combos[256];
static int nhybrid_combos;

static void build_hybrid_combos(void)
{
    for (int i = 0; i < pk_nkernels; i++) {
        long long sizes[NSIZES];
        if (!pk_kernels[i].hybrid)
            continue;
        sizes_of(&pk_kernels[i], sizes);
        for (int ranks = 1; ranks <= 3; ranks++) {
            hybrid_combos[nhybrid_combos++] =
                (struct hybrid_combo){&pk_kernels[i], ranks, sizes[0]};
            hybrid_combos[nhybrid_combos++] =
                (struct hybrid_combo){&pk_kernels[i], ranks, sizes[2]};
        }
    }
}

START_TEST(test_hybrid_matches_serial)
{
    const struct hybrid_combo *x = &hybrid_combos[_i];
    struct pk_record rec, serial;
    char why[512];

    if (!test_mpi_available(why, sizeof why)) {
        fprintf(stderr, "# SKIP hybrid cases: %s\n", why);
        return;
    }
    ck_assert_msg(test_run_hybrid(x->kernel, x->ranks, 2, x->n, 2, &rec, why, sizeof why) == 0,
                  "%s hybrid %dx2 n=%lld: %s", x->kernel->name, x->ranks, x->n, why);
    test_run_case(x->kernel, PK_SERIAL, 1, x->n, -1, 0, 1, &serial);
    ck_assert_msg(rec.status == PK_STATUS_OK, "%s hybrid %dx2 n=%lld: %s: %s", x->kernel->name,
                  x->ranks, x->n, pk_status_name(rec.status), rec.detail);
    ck_assert_int_eq(rec.workers, 2 * x->ranks);
    ck_assert_int_eq(rec.threads, 2);
    ck_assert_str_eq(rec.model, "hybrid");
    ck_assert_msg(pk_results_agree(x->kernel, serial.result, rec.result),
                  "%s hybrid %dx2 n=%lld: result %s, serial %s", x->kernel->name, x->ranks, x->n,
                  rec.result, serial.result);
}
END_TEST

START_TEST(test_mpi_matches_serial)
{
    const struct combo *x = &mpi_combos[_i];
    struct pk_record rec;
    char why[512];

    if (!test_mpi_available(why, sizeof why)) {
        fprintf(stderr, "# SKIP mpi cases: %s\n", why);
        return;
    }
    ck_assert_msg(
        test_run_mpi(x->kernel, x->p, x->n, x->param, x->choice, 2, &rec, why, sizeof why) == 0,
        "%s mpi p=%d n=%lld: %s", x->kernel->name, x->p, x->n, why);
    check_against_serial(x, PK_MPI, &rec);
}
END_TEST

/* The registry: names unique and sorted, sizes ascending and within the kernel's limits. */
START_TEST(test_registry_is_sorted_and_sane)
{
    for (int i = 0; i < pk_nkernels; i++) {
        const struct pk_kernel *k = &pk_kernels[i];
        long long min = k->min_size > 0 ? k->min_size : 1;
        if (i > 0)
            ck_assert_msg(strcmp(pk_kernels[i - 1].name, k->name) < 0,
                          "registry not in order at '%s'", k->name);
        ck_assert_msg(k->pattern && k->summary && k->max_size_why, "%s lacks a text", k->name);
        ck_assert_msg(k->setup && k->verify && k->bytes, "%s lacks a function", k->name);
        for (int m = 0; m < PK_MPI; m++)
            ck_assert_msg(k->run[m] != NULL, "%s has no %s model", k->name,
                          pk_model_name((enum pk_model)m));
        ck_assert_msg(k->run[PK_MPI] == NULL && k->run[PK_HYBRID] == NULL,
                      "%s: mpi and hybrid belong in registry_mpi.c", k->name);
        for (int c = 0; c < PK_NCLASS; c++) {
            long long n = pk_kernel_size(k, (enum pk_class)c);
            ck_assert_msg(n >= min && n <= k->max_size,
                          "%s class %s size %lld outside [%lld, %lld]", k->name,
                          pk_class_name((enum pk_class)c), n, min, k->max_size);
            if (c > 0)
                ck_assert_msg(n >= pk_kernel_size(k, (enum pk_class)(c - 1)),
                              "%s sizes not ascending", k->name);
        }
        ck_assert_msg((k->unit == NULL) == (k->rate == NULL), "%s: unit and rate go together",
                      k->name);
        ck_assert_msg(k->tolerance >= 0 && k->tolerance < 1e-3, "%s tolerance %g", k->name,
                      k->tolerance);
    }
}
END_TEST

/* The size checks refuse what a kernel cannot do before anything is allocated. */
START_TEST(test_case_check_refuses_out_of_range)
{
    for (int i = 0; i < pk_nkernels; i++) {
        const struct pk_kernel *k = &pk_kernels[i];
        struct pk_case c;
        char err[256];
        pk_case_init(&c, k, PK_SERIAL, 1, k->max_size + 1);
        ck_assert_int_eq(pk_case_check(&c, err, sizeof err), -1);
        ck_assert_msg(strstr(err, k->name) != NULL, "message '%s' names no kernel", err);
        pk_case_init(&c, k, PK_SERIAL, 1, 0);
        ck_assert_int_eq(pk_case_check(&c, err, sizeof err), -1);
        pk_case_init(&c, k, PK_SERIAL, 1, k->size[PK_CLASS_S]);
        ck_assert_msg(pk_case_check(&c, err, sizeof err) == 0, "%s class S: %s", k->name, err);
    }
}
END_TEST

static TCase *model_case(const char *name, const TTest *test, int count, double timeout)
{
    TCase *tc = tcase_create(name);
    tcase_set_timeout(tc, timeout);
    tcase_add_loop_test(tc, test, 0, count);
    return tc;
}

Suite *kernels_suite(void)
{
    Suite *s = suite_create("kernels");
    TCase *registry = tcase_create("registry");

    build_combos();
    build_hybrid_combos();
    tcase_add_test(registry, test_registry_is_sorted_and_sane);
    tcase_add_test(registry, test_case_check_refuses_out_of_range);
    suite_add_tcase(s, registry);
    suite_add_tcase(s, model_case("serial", test_serial_verifies, ncombos, 30));
    suite_add_tcase(s, model_case("openmp", test_openmp_matches_serial, ncombos, 30));
    suite_add_tcase(s, model_case("threads", test_threads_match_serial, ncombos, 30));
    suite_add_tcase(s, model_case("fork", test_fork_matches_serial, ncombos, 30));
    suite_add_tcase(s, model_case("mpi", test_mpi_matches_serial, nmpi_combos, 120));
    suite_add_tcase(s, model_case("hybrid", test_hybrid_matches_serial, nhybrid_combos, 120));
    return s;
}
