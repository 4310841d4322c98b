/* cli: whole numbers exactly, every bad spelling refused with the value named. */
#include <check.h>
#include <string.h>

#include "cli.h"
#include "model.h"

START_TEST(test_cli_count_accepts_exact_forms)
{
    static const struct {
        const char *text;
        long long value;
    } good[] = {{"1", 1},
                {"1000000", 1000000},
                {"1e6", 1000000},
                {"1E6", 1000000},
                {"2.5e3", 2500},
                {"1.000e3", 1000},
                {"007", 7},
                {"9007199254740993", 9007199254740993LL},
                {"1e18", 1000000000000000000LL},
                {"4611686018427387904", 4611686018427387904LL},
                /* trailing fraction zeros past the 63 digits kept: still 1, not "too large" */
                {"1.0000000000000000000000000000000000000000000000000000000000000000000000", 1},
                {"2.50000000000000000000000000000000000000000000000000000000000000000000e1", 25}};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        long long v = -1;
        char err[128] = "";
        ck_assert_msg(pk_cli_parse_count("size", good[i].text, 1, 1LL << 62, &v, err, sizeof err) ==
                          0,
                      "'%s' refused: %s", good[i].text, err);
        ck_assert_msg(v == good[i].value, "'%s' gave %lld", good[i].text, v);
    }
}
END_TEST

START_TEST(test_cli_count_refuses_and_names_value)
{
    static const char *bad[] = {"",    "0",    "-5",   "abc", "10x", "1e30", "99999999999999999999",
                                "1.5", "1e-3", " 5",   "5 ",  "+5",  "1e",   "1.",
                                "--1", "0x10", "1,000"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        long long v = 12345;
        char err[128] = "";
        ck_assert_msg(pk_cli_parse_count("size", bad[i], 1, 1LL << 62, &v, err, sizeof err) == -1,
                      "'%s' accepted as %lld", bad[i], v);
        ck_assert_msg(v == 12345, "'%s' wrote the output", bad[i]);
        ck_assert_msg(strncmp(err, "size", 4) == 0, "'%s': message '%s'", bad[i], err);
        if (*bad[i])
            ck_assert_msg(strstr(err, bad[i]) != NULL, "'%s': message '%s' lacks it", bad[i], err);
        ck_assert_msg(strchr(err, '\n') == NULL, "message spans lines");
    }
}
END_TEST

START_TEST(test_cli_workers_lists_and_ranges)
{
    int w[PK_MAX_WORKER_LIST], n;
    char err[128];
    ck_assert_int_eq(pk_cli_parse_workers("4,1,2", 8, w, &n, err, sizeof err), 0);
    ck_assert(n == 3 && w[0] == 1 && w[1] == 2 && w[2] == 4);
    ck_assert_int_eq(pk_cli_parse_workers("1..4", 8, w, &n, err, sizeof err), 0);
    ck_assert(n == 4 && w[3] == 4);
    ck_assert_int_eq(pk_cli_parse_workers("max", 16, w, &n, err, sizeof err), 0);
    ck_assert(n == 1 && w[0] == 16);
    ck_assert_int_eq(pk_cli_parse_workers("1,max", 2, w, &n, err, sizeof err), 0);
    ck_assert(n == 2 && w[0] == 1 && w[1] == 2);
}
END_TEST

START_TEST(test_cli_workers_refuses)
{
    static const char *bad[] = {"",    "0",       "-1",    "1,,2", "2,2", "abc",    "4..1",
                                "1..", "1,max,1", "99999", "1e30", "3x",  "1..2000"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int w[PK_MAX_WORKER_LIST], n;
        char err[160] = "";
        ck_assert_msg(pk_cli_parse_workers(bad[i], 1, w, &n, err, sizeof err) == -1,
                      "'%s' accepted", bad[i]);
        ck_assert_msg(err[0] != '\0', "'%s' gave no reason", bad[i]);
    }
}
END_TEST

START_TEST(test_cli_model_lists)
{
    bool sel[PK_NMODEL];
    char err[160];
    ck_assert_int_eq(pk_model_parse_list("fork,openmp", sel, err, sizeof err), 0);
    ck_assert(sel[PK_FORK] && sel[PK_OPENMP] && !sel[PK_SERIAL] && !sel[PK_MPI]);
    ck_assert_int_eq(pk_model_parse_list("all", sel, err, sizeof err), 0);
    ck_assert(sel[PK_SERIAL] && sel[PK_MPI]);
    ck_assert_int_eq(pk_model_parse_list("openmp,openmp", sel, err, sizeof err), -1);
    ck_assert_int_eq(pk_model_parse_list("cuda", sel, err, sizeof err), -1);
    ck_assert(strstr(err, "'cuda'") != NULL);
    ck_assert_int_eq(pk_model_parse_list("all,serial", sel, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "'all' stands alone") != NULL, "%s", err); /* not "unknown" */
    ck_assert_int_eq(pk_model_parse_list("", sel, err, sizeof err), -1);
    ck_assert_int_eq(pk_model_parse_list("serial,", sel, err, sizeof err), -1);
}
END_TEST

START_TEST(test_cli_seconds)
{
    double s;
    char err[128];
    ck_assert_int_eq(pk_cli_parse_seconds("timeout", "2.5", &s, err, sizeof err), 0);
    ck_assert(s == 2.5);
    ck_assert_int_eq(pk_cli_parse_seconds("timeout", "-1", &s, err, sizeof err), -1);
    ck_assert_int_eq(pk_cli_parse_seconds("timeout", "soon", &s, err, sizeof err), -1);
    ck_assert_int_eq(pk_cli_parse_seconds("timeout", "nan", &s, err, sizeof err), -1);
    ck_assert_int_eq(pk_cli_parse_seconds("timeout", "1e9", &s, err, sizeof err), -1);
    /* decimal only, as every count: strtod alone took these */
    ck_assert_int_eq(pk_cli_parse_seconds("timeout", "0x10", &s, err, sizeof err), -1);
    ck_assert_int_eq(pk_cli_parse_seconds("timeout", "0x1p3", &s, err, sizeof err), -1);
    ck_assert_int_eq(pk_cli_parse_seconds("timeout", "infinity", &s, err, sizeof err), -1);
    ck_assert_int_eq(pk_cli_parse_seconds("timeout", " 2", &s, err, sizeof err), -1);
    ck_assert_int_eq(pk_cli_parse_seconds("timeout", "1.5e1", &s, err, sizeof err), 0);
    ck_assert(s == 15);
    /* out of double's range: a decimal number still, refused for its size */
    ck_assert_int_eq(pk_cli_parse_seconds("timeout", "1e400", &s, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "more than a week"), "%s", err);
    ck_assert_int_eq(pk_cli_parse_seconds("timeout", "1e-400", &s, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "too small"), "%s", err);
}
END_TEST

START_TEST(test_cli_quote_one_line)
{
    char buf[192];
    pk_cli_quote("100\n", buf, sizeof buf);
    ck_assert_str_eq(buf, "100\\n");
    pk_cli_quote("a\tb\x7f", buf, sizeof buf);
    ck_assert_str_eq(buf, "a\\x09b\\x7f");
    pk_cli_quote("0123456789012345678901234567890123456789TAIL", buf, sizeof buf);
    ck_assert_str_eq(buf, "0123456789012345678901234567890123456789...");
    pk_cli_quote("", buf, sizeof buf);
    ck_assert_str_eq(buf, "");
}
END_TEST

START_TEST(test_cli_messages_are_one_short_line)
{
    static char huge[100001];
    char err[256];
    long long n;
    int w[PK_MAX_WORKER_LIST], count;

    memset(huge, '9', sizeof huge - 1);
    ck_assert_int_eq(pk_cli_parse_count("size", huge, 1, 100, &n, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "too large") != NULL, "%s", err);
    ck_assert_int_eq(pk_cli_parse_count("size", "100\n", 1, 1000, &n, err, sizeof err), -1);
    ck_assert_msg(strchr(err, '\n') == NULL && strstr(err, "'100\\n'"), "%s", err);
    ck_assert_int_eq(pk_cli_parse_workers("1..", 4, w, &count, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "'1..'") != NULL, "%s", err);
    ck_assert_int_eq(pk_cli_parse_workers("..4", 4, w, &count, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "'..4'") != NULL, "%s", err);
    ck_assert_int_eq(pk_cli_parse_workers("1..8..9", 16, w, &count, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "'1..8..9'") != NULL, "%s", err); /* the whole item, not '8..9' */
    ck_assert_int_eq(pk_cli_parse_workers("2,4\n", 4, w, &count, err, sizeof err), -1);
    ck_assert_msg(strchr(err, '\n') == NULL, "%s", err);
    ck_assert_int_eq(pk_cli_parse_seconds("timeout", "1\n", &(double){0}, err, sizeof err), -1);
    ck_assert_msg(strchr(err, '\n') == NULL && strstr(err, "'1\\n'"), "%s", err);
}
END_TEST

START_TEST(test_cli_slurm_cpus_per_node)
{
    static const struct {
        const char *text;
        long long total;
    } good[] = {{"4", 4},     {"72(x2),36", 180}, {"36,72(x2)", 180},
                {"2(x3)", 6}, {"1,1,1", 3},       {"128(x1000)", 128000}};
    static const char *bad[] = {"",    "0",      "x",  "72(x2",  "72(2)", "72(x0)", "72,",
                                ",72", "72 ,36", "-4", "4(x2)x", "72(x)", "1e3",    "9999999999"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        long long t = -1;
        char err[256] = "";
        ck_assert_msg(pk_cli_parse_slurm_cpus(good[i].text, &t, err, sizeof err) == 0,
                      "'%s' refused: %s", good[i].text, err);
        ck_assert_msg(t == good[i].total, "'%s' gave %lld", good[i].text, t);
    }
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        long long t = 12345;
        char err[256] = "";
        ck_assert_msg(pk_cli_parse_slurm_cpus(bad[i], &t, err, sizeof err) == -1,
                      "'%s' accepted as %lld", bad[i], t);
        ck_assert_msg(t == 12345, "'%s' wrote the output", bad[i]);
        if (*bad[i])
            ck_assert_msg(strstr(err, bad[i]) != NULL, "'%s': message '%s' lacks it", bad[i], err);
        ck_assert_msg(strchr(err, '\n') == NULL, "message spans lines");
    }
}
END_TEST

Suite *cli_suite(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("parse");
    tcase_add_test(tc, test_cli_count_accepts_exact_forms);
    tcase_add_test(tc, test_cli_count_refuses_and_names_value);
    tcase_add_test(tc, test_cli_workers_lists_and_ranges);
    tcase_add_test(tc, test_cli_workers_refuses);
    tcase_add_test(tc, test_cli_model_lists);
    tcase_add_test(tc, test_cli_seconds);
    tcase_add_test(tc, test_cli_quote_one_line);
    tcase_add_test(tc, test_cli_messages_are_one_short_line);
    tcase_add_test(tc, test_cli_slurm_cpus_per_node);
    suite_add_tcase(s, tc);
    return s;
}
