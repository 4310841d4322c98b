/* results: the CSV record round-trips, and a corrupt or truncated file is refused whole. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "results.h"

static void sample(struct pk_result *r, const char *model, int p, int reps, double base)
{
    memset(r, 0, sizeof *r);
    pk_record_init(&r->rec);
    strcpy(r->rec.kernel, "polysum");
    snprintf(r->rec.model, sizeof r->rec.model, "%s", model);
    r->rec.workers = p;
    r->rec.n = 1000;
    r->rec.seed = 1;
    r->rec.status = PK_STATUS_OK;
    r->rec.warmup = 1;
    r->rec.reps = reps;
    for (int k = 0; k < reps; k++)
        r->rec.times[k] = base * (1 + 0.01 * k);
    strcpy(r->rec.result, "249833583000");
    strcpy(r->rec.detail, "a, \"quoted\" detail");
    strcpy(r->rec.cpus, "0|1");
    strcpy(r->cls, "S");
    strcpy(r->run, "20261125T000000-1");
    strcpy(r->host, "vm");
    r->wall_s = 0.5;
    r->startup_s = NAN;
    r->kernel = pk_kernel_find("polysum");
}

static char *write_temp(const struct pk_result *r, int n, char *path)
{
    strcpy(path, "/tmp/pk-results-XXXXXX");
    int fd = mkstemp(path);
    ck_assert(fd >= 0);
    FILE *f = fdopen(fd, "w");
    ck_assert_int_eq(pk_results_write_csv(f, r, n), 0);
    fclose(f);
    return path;
}

START_TEST(test_results_csv_round_trips)
{
    struct pk_result out[3], *in = NULL;
    int n = 0, cap = 0;
    char path[64], err[256];
    sample(&out[0], "serial", 1, 10, 0.002);
    sample(&out[1], "fork", 2, 3, 0.001);
    sample(&out[2], "mpi", 2, 0, 0); /* no reps: one row without a time */
    out[2].rec.status = PK_STATUS_TIMEOUT;
    write_temp(out, 3, path);
    ck_assert_msg(pk_results_read_csv(path, &in, &n, &cap, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(n, 3);
    for (int i = 0; i < 3; i++) {
        ck_assert(pk_result_same_config(&in[i], &out[i]));
        ck_assert_int_eq(in[i].rec.reps, out[i].rec.reps);
        ck_assert_int_eq(in[i].rec.status, out[i].rec.status);
        ck_assert_str_eq(in[i].rec.detail, out[i].rec.detail);
        ck_assert_str_eq(in[i].rec.cpus, out[i].rec.cpus);
        ck_assert_str_eq(in[i].cls, "S");
        for (int k = 0; k < in[i].rec.reps; k++)
            ck_assert(fabs(in[i].rec.times[k] - out[i].rec.times[k]) <= 1e-9 * out[i].rec.times[k]);
    }
    ck_assert(pk_result_baseline(in, n, &in[1]) == &in[0]);
    free(in);
    unlink(path);
}
END_TEST

/* Every cut inside a row is a truncated file: refused, and nothing of it kept. */
START_TEST(test_results_truncation_is_refused)
{
    struct pk_result out[2], *in = NULL;
    char path[64], err[256], cut[64];
    FILE *f;
    long size;
    sample(&out[0], "serial", 1, 4, 0.002);
    sample(&out[1], "threads", 2, 4, 0.001);
    write_temp(out, 2, path);
    f = fopen(path, "rb");
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    char *text = malloc((size_t)size);
    rewind(f);
    ck_assert(fread(text, 1, (size_t)size, f) == (size_t)size);
    fclose(f);
    strcpy(cut, "/tmp/pk-cut-XXXXXX");
    int fd = mkstemp(cut);
    ck_assert(fd >= 0);
    close(fd);
    for (long k = 1; k < size; k++) {
        int n = 0, cap = 0;
        if (text[k - 1] == '\n')
            continue; /* a cut at a line end leaves a shorter valid file */
        f = fopen(cut, "wb");
        fwrite(text, 1, (size_t)k, f);
        fclose(f);
        ck_assert_msg(pk_results_read_csv(cut, &in, &n, &cap, err, sizeof err) == -1,
                      "cut at %ld of %ld accepted", k, size);
        ck_assert_int_eq(n, 0);
    }
    free(in);
    free(text);
    unlink(cut);
    unlink(path);
}
END_TEST

START_TEST(test_results_foreign_file_is_refused)
{
    char path[] = "/tmp/pk-foreign-XXXXXX", err[256];
    struct pk_result *in = NULL;
    int n = 0, cap = 0, fd = mkstemp(path);
    ck_assert(write(fd, "a,b,c\r\n1,2,3\r\n", 14) == 14);
    close(fd);
    ck_assert_int_eq(pk_results_read_csv(path, &in, &n, &cap, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "not a pk results file"), "%s", err);
    ck_assert_int_eq(pk_results_read_csv("/nonexistent.csv", &in, &n, &cap, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "/nonexistent.csv"), "%s", err);
    unlink(path);
    free(in);
}
END_TEST

/*
 * Found with tests/fuzz/fuzz_csv's round-trip check: the reader accepts any quoted text as the
 * model and class, but the writer wrote both unquoted, so a file pk read, it could not write
 * back readable ("se,rial" became two fields).
 */
START_TEST(test_results_quoted_model_and_class_round_trip)
{
    char text[] = "kernel,model,workers,size,class,params,seed,status,detail,result,rep,warmup,"
                                    "time_s,rate,unit,startup_s,setup_s,wall_s,cpus,hosts,host,run,commit,job,"
                  "threads,mpi\r\n"
                  "pi,\"se,rial\",1,1000,\"S,\"\"\",-,1,ok,-,3.14,1,1,0.1,,-,,,,-,-,vm,r,c,,1,-\r\n";
    struct pk_result *in = NULL, *back = NULL;
    int n = 0, cap = 0, nback = 0, capback = 0;
    char err[256], *again = NULL;
    size_t len = 0;

    ck_assert_msg(pk_results_parse_csv(text, "t.csv", &in, &n, &cap, err, sizeof err) == 0, "%s",
                  err);
    ck_assert_int_eq(n, 1);
    ck_assert_str_eq(in[0].rec.model, "se,rial");
    ck_assert_str_eq(in[0].cls, "S,\"");
    FILE *f = open_memstream(&again, &len);
    ck_assert_int_eq(pk_results_write_csv(f, in, n), 0);
    fclose(f);
    ck_assert_msg(
        pk_results_parse_csv(again, "again.csv", &back, &nback, &capback, err, sizeof err) == 0,
        "%s", err);
    ck_assert_int_eq(nback, 1);
    ck_assert_str_eq(back[0].rec.model, "se,rial");
    ck_assert_str_eq(back[0].cls, "S,\"");
    free(again);
    free(in);
    free(back);
}
END_TEST

Suite *results_suite(void)
{
    Suite *s = suite_create("results");
    TCase *tc = tcase_create("csv");
    tcase_add_test(tc, test_results_csv_round_trips);
    tcase_add_test(tc, test_results_truncation_is_refused);
    tcase_add_test(tc, test_results_foreign_file_is_refused);
    tcase_add_test(tc, test_results_quoted_model_and_class_round_trip);
    suite_add_tcase(s, tc);
    return s;
}
