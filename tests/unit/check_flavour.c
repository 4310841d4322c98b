/*
 * flavour: each MPI library gets its own launcher's flags (an MPICH build is never started
 * with Open MPI's --oversubscribe, --allow-run-as-root or OMPI_MCA_* settings), and the
 * library's version text becomes one CSV- and result-line-safe phrase.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "launch_flavour.h"
#include "record.h"

/* The flags as one string of words, for comparison. */
static const char *flags(const char *flavour, int p, int threads, int cores, enum pk_bind b,
                         bool root)
{
    static char text[256];
    char np[16], *argv[16];
    const struct pk_mpi_flavour *f = pk_mpi_flavour_find(flavour);
    ck_assert_msg(f != NULL, "no flavour %s", flavour);
    int n = pk_mpi_launcher_flags(f, p, threads, cores, b, root, np, argv, 16);
    text[0] = '\0';
    for (int i = 0; i < n; i++)
        snprintf(text + strlen(text), sizeof text - strlen(text), "%s%s", i ? " " : "", argv[i]);
    return text;
}

START_TEST(test_flavour_openmpi_flags)
{
    ck_assert_str_eq(flags("openmpi", 2, 1, 2, PK_BIND_NONE, false), "-np 2 --bind-to none");
    ck_assert_str_eq(flags("openmpi", 3, 1, 2, PK_BIND_CLOSE, true),
                     "-np 3 --bind-to core:overload-allowed --map-by core --oversubscribe "
                     "--allow-run-as-root"); /* more ranks than cores: issue 12 item 10 */
    ck_assert_str_eq(flags("openmpi", 2, 1, 8, PK_BIND_SPREAD, false),
                     "-np 2 --bind-to core --map-by socket");
    ck_assert_str_eq(pk_mpi_flavour_find("openmpi")->srun_mpi, "pmix");
    ck_assert(pk_mpi_flavour_find("openmpi")->shm_env);
}
END_TEST

/* hydra: its own spellings, nothing it would refuse, no Open MPI environment */
START_TEST(test_flavour_mpich_flags)
{
    ck_assert_str_eq(flags("mpich", 2, 1, 2, PK_BIND_NONE, false), "-n 2 -bind-to none");
    ck_assert_str_eq(flags("mpich", 5, 1, 2, PK_BIND_CLOSE, true),
                     "-n 5 -bind-to core -map-by core");
    ck_assert_str_eq(flags("mpich", 5, 1, 2, PK_BIND_SPREAD, true),
                     "-n 5 -bind-to core -map-by socket");
    ck_assert_str_eq(pk_mpi_flavour_find("mpich")->srun_mpi, "pmi2");
    ck_assert(!pk_mpi_flavour_find("mpich")->shm_env);
    ck_assert(pk_mpi_flavour_find("lam") == NULL);
    ck_assert(pk_mpi_flavour() != NULL);
    ck_assert(*pk_mpi_default_launcher() != '\0');
}
END_TEST

/* hybrid: a rank of T threads binds to T cores of its own where p T fit, else as before */
START_TEST(test_flavour_threads_get_cores)
{
    ck_assert_str_eq(flags("openmpi", 2, 4, 8, PK_BIND_CLOSE, false),
                     "-np 2 --bind-to core --map-by slot:PE=4");
    ck_assert_str_eq(flags("openmpi", 2, 4, 8, PK_BIND_SPREAD, false),
                     "-np 2 --bind-to core --map-by socket:PE=4");
    ck_assert_str_eq(flags("mpich", 2, 4, 8, PK_BIND_CLOSE, false),
                     "-n 2 -bind-to core:4 -map-by core:4");
    ck_assert_str_eq(flags("mpich", 2, 4, 8, PK_BIND_SPREAD, false),
                     "-n 2 -bind-to core:4 -map-by socket:4");
    ck_assert_str_eq(flags("openmpi", 2, 4, 8, PK_BIND_NONE, false), "-np 2 --bind-to none");
    /* 12 threads on 8 cores: a core per rank would stack its 4 threads there; none instead */
    ck_assert_str_eq(flags("openmpi", 3, 4, 8, PK_BIND_CLOSE, false), "-np 3 --bind-to none");
}
END_TEST

/* A short argv gets no more words than it has room for. */
START_TEST(test_flavour_flags_respect_room)
{
    char np[16], *argv[3] = {NULL, NULL, NULL};
    int n = pk_mpi_launcher_flags(pk_mpi_flavour_find("openmpi"), 9, 1, 1, PK_BIND_CLOSE, true, np,
                                  argv, 2);
    ck_assert_int_eq(n, 2);
    ck_assert_str_eq(argv[1], "9");
    ck_assert_ptr_null(argv[2]);
}
END_TEST

START_TEST(test_flavour_library_name)
{
    char out[96], line[4096];
    struct pk_record r, back;
    pk_mpi_library_name("Open MPI v4.1.4, package: Debian OpenMPI, ident: 4.1.4, repo rev: v4.1.4, "
                        "May 26, 2022",
                        out, sizeof out);
    ck_assert_str_eq(out, "Open MPI v4.1.4");
    pk_mpi_library_name("MPICH Version:\t4.0.2\nMPICH Release date:\tThu Apr  7 2022\n", out,
                        sizeof out);
    ck_assert_str_eq(out, "MPICH Version: 4.0.2");
    pk_mpi_library_name("  Intel(R) MPI Library 2021.6 for Linux* OS\r\n", out, sizeof out);
    ck_assert_str_eq(out, "Intel(R) MPI Library 2021.6 for Linux OS");
    pk_mpi_library_name("\"quoted\" \x01;", out, sizeof out);
    ck_assert_str_eq(out, "quoted");
    pk_mpi_library_name(",", out, sizeof out);
    ck_assert_str_eq(out, "-");
    pk_mpi_library_name(NULL, out, sizeof out);
    ck_assert_str_eq(out, "-");
    pk_mpi_library_name("a very long library name indeed", out, 8);
    ck_assert_str_eq(out, "a very");
    /* and it rides the result line unchanged */
    pk_record_init(&r);
    strcpy(r.kernel, "pi");
    strcpy(r.model, "mpi");
    r.workers = 2;
    r.n = 10;
    r.status = PK_STATUS_OK;
    pk_mpi_library_name("MPICH Version:\t4.0.2", r.mpi, sizeof r.mpi);
    FILE *f = fmemopen(line, sizeof line, "w");
    ck_assert_int_eq(pk_record_write(f, &r), 0);
    fclose(f);
    ck_assert_msg(strstr(line, " mpi=MPICH%20Version:%204.0.2 "), "%s", line);
    ck_assert_int_eq(pk_record_parse(line, &back, out, sizeof out), 0);
    ck_assert_str_eq(back.mpi, "MPICH Version: 4.0.2");
}
END_TEST

Suite *flavour_suite(void)
{
    Suite *s = suite_create("flavour");
    TCase *tc = tcase_create("flavour");
    tcase_add_test(tc, test_flavour_openmpi_flags);
    tcase_add_test(tc, test_flavour_mpich_flags);
    tcase_add_test(tc, test_flavour_threads_get_cores);
    tcase_add_test(tc, test_flavour_flags_respect_room);
    tcase_add_test(tc, test_flavour_library_name);
    suite_add_tcase(s, tc);
    return s;
}
