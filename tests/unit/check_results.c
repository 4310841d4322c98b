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
    char path[64], err[256];
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
    char *piece = malloc((size_t)size + 1);
    for (long k = 1; k < size; k++) {
        int n = 0, cap = 0;
        if (text[k - 1] == '\n')
            continue;                   /* a cut at a line end leaves a shorter valid file */
        memcpy(piece, text, (size_t)k); /* the reader's parse of the first k bytes, in memory */
        piece[k] = '\0';
        ck_assert_msg(pk_results_parse_csv(piece, "cut.csv", &in, &n, &cap, err, sizeof err) == -1,
                      "cut at %ld of %ld accepted", k, size);
        ck_assert_int_eq(n, 0);
    }
    free(piece);
    free(in);
    free(text);
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
 * Found with tests/fuzz/fuzz_csv's round-trip check: the reader accepts quoted text in the
 * model and class fields, so the writer must quote what needs it. Since the reader takes only
 * models and classes pk knows, "se,rial" is refused, and a quoted "serial" reads and writes
 * back.
 */
START_TEST(test_results_quoted_model_and_class_round_trip)
{
    char text[] = "kernel,model,workers,size,class,params,seed,status,detail,result,rep,warmup,"
                  "time_s,rate,unit,startup_s,setup_s,wall_s,cpus,hosts,host,run,commit,job,"
                  "threads\r\n"
                  "pi,\"serial\",1,1000,\"S\",-,1,ok,\"a, b\",3.14,1,1,0.1,,-,,,,-,-,vm,r,c,,1\r\n";
    char odd[] = "kernel,model,workers,size,class,params,seed,status,detail,result,rep,warmup,"
                 "time_s,rate,unit,startup_s,setup_s,wall_s,cpus,hosts,host,run,commit,job,"
                 "threads\r\n"
                 "pi,\"se,rial\",1,1000,S,-,1,ok,-,3.14,1,1,0.1,,-,,,,-,-,vm,r,c,,1\r\n";
    struct pk_result *in = NULL, *back = NULL;
    int n = 0, cap = 0, nback = 0, capback = 0;
    char err[256], *again = NULL;
    size_t len = 0;

    ck_assert_int_eq(pk_results_parse_csv(odd, "odd.csv", &in, &n, &cap, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "'odd.csv' line 2: unknown model 'se,rial'"), "%s", err);
    ck_assert_msg(pk_results_parse_csv(text, "t.csv", &in, &n, &cap, err, sizeof err) == 0, "%s",
                  err);
    ck_assert_int_eq(n, 1);
    ck_assert_str_eq(in[0].rec.model, "serial");
    ck_assert_str_eq(in[0].rec.detail, "a, b");
    ck_assert_str_eq(in[0].options, "");    /* a file from before the options column */
    ck_assert_str_eq(in[0].rec.pages, "-"); /* and before the pages column */
    FILE *f = open_memstream(&again, &len);
    ck_assert_int_eq(pk_results_write_csv(f, in, n), 0);
    fclose(f);
    ck_assert_msg(
        pk_results_parse_csv(again, "again.csv", &back, &nback, &capback, err, sizeof err) == 0,
        "%s", err);
    ck_assert_int_eq(nback, 1);
    ck_assert_str_eq(back[0].rec.detail, "a, b");
    ck_assert_str_eq(back[0].cls, "S");
    free(again);
    free(in);
    free(back);
}
END_TEST

/* One row of polysum serial p=1 with the given time, rate and detail fields, after the header. */
static char *one_row(char *buf, size_t len, const char *kernel, const char *model, const char *time,
                     const char *rate, const char *detail)
{
    snprintf(buf, len,
             "kernel,model,workers,size,class,params,seed,status,detail,result,rep,warmup,"
             "time_s,rate,unit,startup_s,setup_s,wall_s,cpus,hosts,host,run,commit,job,"
             "threads,options,pages\r\n"
             "%s,%s,1,1000,S,-,1,ok,%s,249833583000,1,0,%s,%s,-,,,,-,-,vm,r,c,,1,bind:none,4k\r\n",
             kernel, model, detail, time, rate);
    return buf;
}

/* issue 12 item 4: inf, nan and negative times, unknown kernels and models name file and line */
START_TEST(test_results_bad_values_are_refused)
{
    static const char *const times[] = {"inf", "-inf", "nan", "-1", "1e999", "0x", ""};
    struct pk_result *in = NULL;
    char text[1024], err[256];
    int n = 0, cap = 0;
    for (size_t i = 0; i < sizeof times / sizeof times[0]; i++) {
        one_row(text, sizeof text, "polysum", "serial", times[i], "", "-");
        ck_assert_int_eq(pk_results_parse_csv(text, "t.csv", &in, &n, &cap, err, sizeof err), -1);
        ck_assert_msg(strstr(err, "'t.csv' line 2: malformed time_s"), "%s: %s", times[i], err);
        ck_assert_int_eq(n, 0);
    }
    one_row(text, sizeof text, "polysum", "serial", "0.5", "nan", "-");
    ck_assert_int_eq(pk_results_parse_csv(text, "t.csv", &in, &n, &cap, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "malformed rate 'nan'"), "%s", err);
    one_row(text, sizeof text, "../../ESCAPED", "serial", "0.5", "", "-");
    ck_assert_int_eq(pk_results_parse_csv(text, "t.csv", &in, &n, &cap, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "'t.csv' line 2: unknown kernel '../../ESCAPED'"), "%s", err);
    one_row(text, sizeof text, "polysum", "cuda", "0.5", "", "-");
    ck_assert_int_eq(pk_results_parse_csv(text, "t.csv", &in, &n, &cap, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "unknown model 'cuda'"), "%s", err);
    one_row(text, sizeof text, "polysum", "serial", "0.5", "2.5", "-");
    ck_assert_msg(pk_results_parse_csv(text, "t.csv", &in, &n, &cap, err, sizeof err) == 0, "%s",
                  err);
    ck_assert_int_eq(n, 1);
    ck_assert_str_eq(in[0].options, "bind:none");
    ck_assert_str_eq(in[0].rec.pages, "4k");
    free(in);
}
END_TEST

/* issue 12 item 4: no byte of a text field that could drive a terminal survives the reader */
START_TEST(test_results_control_bytes_become_question_marks)
{
    struct pk_result *in = NULL;
    char text[1024], err[256];
    int n = 0, cap = 0;
    one_row(text, sizeof text, "polysum", "serial", "0.5", "",
            "\"\033[2J\x9b"
            "31m\a\"");
    ck_assert_msg(pk_results_parse_csv(text, "t.csv", &in, &n, &cap, err, sizeof err) == 0, "%s",
                  err);
    ck_assert_str_eq(in[0].rec.detail, "?[2J?31m?");
    free(in);
}
END_TEST

/* A file whose NUL byte comes early is refused from its first chunk. */
START_TEST(test_results_nul_byte_is_refused)
{
    char path[] = "/tmp/pk-nul-XXXXXX", err[256];
    struct pk_result *in = NULL;
    int n = 0, cap = 0, fd = mkstemp(path);
    ck_assert(write(fd, "kernel\0,model", 13) == 13);
    close(fd);
    ck_assert_int_eq(pk_results_read_csv(path, &in, &n, &cap, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "NUL"), "%s", err);
    ck_assert_int_eq(pk_results_read_csv("/dev/zero", &in, &n, &cap, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "not a regular file"), "%s", err); /* refused unread */
    unlink(path);
    free(in);
}
END_TEST

/* issue 11 item 5: agreement is re-checked from the results, across files and runs */
START_TEST(test_results_recheck_marks_disagreement)
{
    struct pk_result r[4];
    sample(&r[0], "serial", 1, 3, 0.002);
    sample(&r[1], "threads", 2, 3, 0.001);
    sample(&r[2], "fork", 2, 3, 0.001);
    sample(&r[3], "mpi", 2, 3, 0.001);
    strcpy(r[2].rec.result, "249833583001"); /* status ok, yet another answer */
    strcpy(r[3].run, "another run");         /* agrees with run 1's serial */
    ck_assert_int_eq(pk_results_recheck(r, 4), 1);
    ck_assert_int_eq(r[1].rec.status, PK_STATUS_OK);
    ck_assert_int_eq(r[2].rec.status, PK_STATUS_DISAGREE);
    ck_assert_msg(strstr(r[2].rec.detail, "249833583001 differs from serial p=1's 249833583000"),
                  "%s", r[2].rec.detail);
    ck_assert_int_eq(r[3].rec.status, PK_STATUS_OK);
    ck_assert_int_eq(pk_results_recheck(r, 4), 0); /* marked once */
    /* pi: within the kernel's tolerance agrees, beyond it does not */
    sample(&r[0], "serial", 1, 3, 0.002);
    sample(&r[1], "threads", 2, 3, 0.001);
    sample(&r[2], "fork", 2, 3, 0.001);
    for (int i = 0; i < 3; i++) {
        strcpy(r[i].rec.kernel, "pi");
        r[i].kernel = pk_kernel_find("pi");
    }
    strcpy(r[0].rec.result, "3.14159265358979");
    strcpy(r[1].rec.result, "3.14159265358980");
    strcpy(r[2].rec.result, "3.2");
    ck_assert_int_eq(pk_results_recheck(r, 3), 1);
    ck_assert_int_eq(r[1].rec.status, PK_STATUS_OK);
    ck_assert_int_eq(r[2].rec.status, PK_STATUS_DISAGREE);
}
END_TEST

/* With no serial result, neither side of a disagreement can be trusted: both are marked. */
START_TEST(test_results_recheck_without_serial_marks_both)
{
    struct pk_result r[3];
    sample(&r[0], "threads", 2, 3, 0.001);
    sample(&r[1], "fork", 2, 3, 0.001);
    sample(&r[2], "openmp", 2, 3, 0.001);
    strcpy(r[0].rec.result, "1249833583000"); /* the first row is the wrong one */
    ck_assert_int_eq(pk_results_recheck(r, 3), 3);
    ck_assert_int_eq(r[0].rec.status, PK_STATUS_DISAGREE);
    ck_assert_int_eq(r[1].rec.status, PK_STATUS_DISAGREE);
    ck_assert_msg(strstr(r[1].rec.detail, "no serial result"), "%s", r[1].rec.detail);
    ck_assert_int_eq(r[2].rec.status, PK_STATUS_DISAGREE); /* it differs from the first too */
}
END_TEST

/* issue 11 item 10: a speedup takes the serial of its own run when that run has one; another
 * run's only when no configuration was measured twice (the exports and plots follow the table) */
START_TEST(test_results_baseline_prefers_own_run)
{
    struct pk_result r[4];
    sample(&r[0], "serial", 1, 3, 0.002);
    sample(&r[1], "threads", 2, 3, 0.001);
    sample(&r[2], "serial", 1, 3, 0.003);
    sample(&r[3], "threads", 2, 3, 0.001);
    strcpy(r[2].run, "run B");
    strcpy(r[3].run, "run B");
    ck_assert(pk_result_baseline(r, 4, &r[1]) == &r[0]);
    ck_assert(pk_result_baseline(r, 4, &r[3]) == &r[2]);
    ck_assert(pk_result_baseline(r, 4, &r[2]) == &r[2]);
    strcpy(r[3].run, "run C"); /* runs A and B repeat serial: C's threads has none to take */
    struct pk_result plan[2] = {r[0], r[3]}; /* one plan over two jobs: pooled */
    pk_results_mark_repeats(r, 4);
    for (int i = 0; i < 4; i++)
        ck_assert_msg(r[i].runs_repeat, "row %d: its table repeats serial across runs", i);
    ck_assert(pk_result_baseline(r, 4, &r[3]) == NULL);
    pk_results_mark_repeats(plan, 2);
    ck_assert(!plan[0].runs_repeat && !plan[1].runs_repeat);
    ck_assert(pk_result_baseline(plan, 2, &plan[1]) == &plan[0]);
}
END_TEST

/* issue 13 item 4: one definition of the serial baseline, asked of the model's facts */
START_TEST(test_results_is_baseline_asks_the_model)
{
    struct pk_result r;
    for (int m = 0; m < PK_NMODEL; m++) {
        sample(&r, pk_model_name((enum pk_model)m), 1, 3, 0.001);
        ck_assert_int_eq(pk_result_is_baseline(&r), pk_model_facts((enum pk_model)m)->baseline);
    }
    sample(&r, "serial", 1, 3, 0.001);
    ck_assert(pk_result_is_baseline(&r));
    sample(&r, "cuda", 1, 3, 0.001); /* a name no model has is no baseline */
    ck_assert(!pk_result_is_baseline(&r));
}
END_TEST

/* issue 15 item 5: the CPU model and usable cores round-trip, quoted; older files read empty */
START_TEST(test_results_cpu_model_and_cores_round_trip)
{
    struct pk_result out[2], *in = NULL, *old = NULL;
    int n = 0, cap = 0, nold = 0, capold = 0;
    char path[64], err[256], *text = NULL;
    size_t len = 0;
    sample(&out[0], "serial", 1, 3, 0.002);
    sample(&out[1], "threads", 2, 3, 0.001);
    strcpy(out[0].cpu_model, "Vendor \"X\" CPU, 8-core @ 2.0GHz");
    out[0].cores = 8;
    write_temp(out, 2, path);
    ck_assert_msg(pk_results_read_csv(path, &in, &n, &cap, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(n, 2);
    ck_assert_str_eq(in[0].cpu_model, out[0].cpu_model);
    ck_assert_int_eq(in[0].cores, 8);
    ck_assert_str_eq(in[1].cpu_model, ""); /* unknown stays unknown: an empty field */
    ck_assert_int_eq(in[1].cores, 0);
    FILE *f = open_memstream(&text, &len);
    ck_assert_int_eq(pk_results_write_csv(f, out, 1), 0);
    fclose(f);
    ck_assert_msg(strstr(text, ",pages,mpi,cpu_model,cores\r\n"), "%s", text);
    ck_assert_msg(strstr(text, ",\"Vendor \"\"X\"\" CPU, 8-core @ 2.0GHz\",8\r\n"), "%s", text);
    free(text);
    /* the 28 columns written before these two: still read, machine unknown */
    char text28[] =
        "kernel,model,workers,size,class,params,seed,status,detail,result,rep,warmup,"
        "time_s,rate,unit,startup_s,setup_s,wall_s,cpus,hosts,host,run,commit,job,"
        "threads,options,pages,mpi\r\n"
        "pi,serial,1,1000,S,-,1,ok,-,3.14,1,1,0.1,,-,,,,-,-,vm,r,c,,1,bind:none,4k,-\r\n";
    ck_assert_msg(pk_results_parse_csv(text28, "t.csv", &old, &nold, &capold, err, sizeof err) == 0,
                  "%s", err);
    ck_assert_int_eq(nold, 1);
    ck_assert_str_eq(old[0].cpu_model, "");
    ck_assert_int_eq(old[0].cores, 0);
    free(in);
    free(old);
    unlink(path);
}
END_TEST

/* a core count must be a positive integer (or empty: unknown) */
START_TEST(test_results_bad_cores_are_refused)
{
    static const char *const bad[] = {"0", "-2", "x", "1.5", "99999999999"};
    char text[1024], err[256];
    struct pk_result *in = NULL;
    int n = 0, cap = 0;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(text, sizeof text,
                 "kernel,model,workers,size,class,params,seed,status,detail,result,rep,warmup,"
                 "time_s,rate,unit,startup_s,setup_s,wall_s,cpus,hosts,host,run,commit,job,"
                 "threads,options,pages,mpi,cpu_model,cores\r\n"
                 "pi,serial,1,1000,S,-,1,ok,-,3.14,1,1,0.1,,-,,,,-,-,vm,r,c,,1,-,4k,-,cpu,%s\r\n",
                 bad[i]);
        ck_assert_int_eq(pk_results_parse_csv(text, "t.csv", &in, &n, &cap, err, sizeof err), -1);
        ck_assert_msg(strstr(err, "'t.csv' line 2: malformed cores"), "%s: %s", bad[i], err);
    }
    free(in);
}
END_TEST

/* pk_results_read_files: every file, then agreement re-checked across them; a bad file: -1 */
START_TEST(test_results_read_files_merges_and_rechecks)
{
    struct pk_result a[1], b[1], *all = NULL;
    char pa[64], pb[64], err[256];
    int n = -1;
    sample(&a[0], "serial", 1, 3, 0.002);
    sample(&b[0], "threads", 2, 3, 0.001);
    strcpy(b[0].rec.result, "1"); /* differs from the serial of the other file */
    char *paths[] = {write_temp(a, 1, pa), write_temp(b, 1, pb), "/nonexistent/pk.csv"};
    ck_assert_int_eq(pk_results_read_files(paths, 2, &all, &n, err, sizeof err), 1);
    ck_assert_int_eq(n, 2);
    ck_assert_int_eq(all[1].rec.status, PK_STATUS_DISAGREE);
    free(all);
    ck_assert_int_eq(pk_results_read_files(paths, 3, &all, &n, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "cannot read '/nonexistent/pk.csv'"), "%s", err);
    ck_assert(all == NULL);
    ck_assert_int_eq(n, 0);
    unlink(pa);
    unlink(pb);
}
END_TEST

/* A rep read twice (a row repeated, a file read twice) is refused; another run merges. */
START_TEST(test_results_repeated_rep_is_refused)
{
    struct pk_result a[2], *all = NULL;
    char pa[64], pb[64], pc[64], err[256];
    int n = -1;
    sample(&a[0], "serial", 1, 3, 0.002);
    a[1] = a[0]; /* the same configuration of the same run, written again */
    char *paths[] = {write_temp(a, 2, pa), write_temp(a, 1, pb), write_temp(a, 1, pc)};
    ck_assert_int_eq(pk_results_read_files(paths, 1, &all, &n, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "line 5: polysum serial p=1 n=1000 rep 1 of run '20261125T000000-1' "
                              "appears again"),
                  "%s", err);
    ck_assert_int_eq(n, 0);
    ck_assert_int_eq(pk_results_read_files(paths + 1, 2, &all, &n, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "line 2: polysum serial p=1 n=1000 rep 1 of run"), "%s", err);
    char *twice[] = {pb, pb};
    ck_assert_int_eq(pk_results_read_files(twice, 2, &all, &n, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "is given twice"), "%s", err);
    strcpy(a[1].run, "20261125T000000-2"); /* another run of it: both kept */
    unlink(pc);
    paths[2] = write_temp(a + 1, 1, pc);
    ck_assert_msg(pk_results_read_files(paths + 1, 2, &all, &n, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(n, 2);
    free(all);
    unlink(pa);
    unlink(pb);
    unlink(pc);
}
END_TEST

/* A header and no row is not a results file that a report may pass on. */
START_TEST(test_results_header_alone_is_refused)
{
    struct pk_result *in = NULL;
    char text[1024], err[256];
    int n = 0, cap = 0;
    size_t len = 0;
    for (int i = 0; i < PK_RESULTS_NCOLUMNS; i++)
        len += (size_t)snprintf(text + len, sizeof text - len, "%s%s", i ? "," : "",
                                pk_results_columns[i]);
    snprintf(text + len, sizeof text - len, "\r\n");
    ck_assert_int_eq(pk_results_parse_csv(text, "h.csv", &in, &n, &cap, err, sizeof err), -1);
    ck_assert_str_eq(err, "'h.csv' holds no results");
    ck_assert_int_eq(n, 0);
    free(in);
}
END_TEST

/*
 * A last row without its line break is truncation (pk ends every row with one, and writes the
 * file atomically), said as such: a CRLF file cut between CR and LF is not "broken quoting".
 */
START_TEST(test_results_missing_final_line_break_is_named)
{
    static const char *const cuts[] = {"", "\r"};
    struct pk_result *in = NULL;
    char text[1024], err[256];
    int n = 0, cap = 0;
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        one_row(text, sizeof text, "polysum", "serial", "0.5", "", "-");
        size_t len = strlen(text);
        ck_assert(len > 2 && text[len - 1] == '\n' && text[len - 2] == '\r');
        snprintf(text + len - 2, 3, "%s", cuts[i]);
        ck_assert_int_eq(pk_results_parse_csv(text, "t.csv", &in, &n, &cap, err, sizeof err), -1);
        ck_assert_msg(strstr(err, "'t.csv' line 2: no line break at the end (truncated"), "%s",
                      err);
        ck_assert_int_eq(n, 0);
    }
    one_row(text, sizeof text, "polysum", "serial", "0.5", "", "-");
    char *host = strstr(text, ",vm,r,");
    ck_assert(host);
    host[2] = '\r'; /* a CR inside a row, not before its LF */
    ck_assert_int_eq(pk_results_parse_csv(text, "t.csv", &in, &n, &cap, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "line 2: a carriage return without a line feed"), "%s", err);
    free(in);
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
    tcase_add_test(tc, test_results_bad_values_are_refused);
    tcase_add_test(tc, test_results_control_bytes_become_question_marks);
    tcase_add_test(tc, test_results_nul_byte_is_refused);
    tcase_add_test(tc, test_results_recheck_marks_disagreement);
    tcase_add_test(tc, test_results_recheck_without_serial_marks_both);
    tcase_add_test(tc, test_results_baseline_prefers_own_run);
    tcase_add_test(tc, test_results_is_baseline_asks_the_model);
    tcase_add_test(tc, test_results_cpu_model_and_cores_round_trip);
    tcase_add_test(tc, test_results_bad_cores_are_refused);
    tcase_add_test(tc, test_results_read_files_merges_and_rechecks);
    tcase_add_test(tc, test_results_repeated_rep_is_refused);
    tcase_add_test(tc, test_results_header_alone_is_refused);
    tcase_add_test(tc, test_results_missing_final_line_break_is_named);
    suite_add_tcase(s, tc);
    return s;
}
