/* names: the lists of model and kernel names are built from the X-macro and the kernel table. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "model.h"
#include "harness.h"
#include "run_names.h"

START_TEST(test_names_models_all_in_order)
{
    char got[256], want[256] = "";
    size_t used = 0;
    for (int m = 0; m < PK_NMODEL; m++)
        used += (size_t)snprintf(want + used, sizeof want - used, "%s%s", m ? "," : "",
                                 pk_model_name((enum pk_model)m));
    ck_assert_str_eq(run_names_models(got, sizeof got, NULL, ",", ","), want);
}
END_TEST

/* Counts the words of a list written with ", " and " and " between them. */
static int count_words(const char *list)
{
    int n = *list != '\0';
    for (const char *p = list; *p; p++)
        n += *p == ',' || strncmp(p, " and ", 5) == 0;
    return n;
}

START_TEST(test_names_models_in_process_and_distributed_cover_all_once)
{
    char here[256], launched[256];
    run_names_models(here, sizeof here, run_model_in_process, ", ", " and ");
    run_names_models(launched, sizeof launched, run_model_distributed, ", ", " and ");
    ck_assert_int_eq(count_words(here) + count_words(launched), PK_NMODEL);
    for (int m = 0; m < PK_NMODEL; m++) {
        const char *name = pk_model_name((enum pk_model)m);
        bool distributed = pk_model_facts((enum pk_model)m)->distributed;
        ck_assert_msg(strstr(distributed ? launched : here, name), "%s missing", name);
    }
    ck_assert_msg(strstr(here, " and ") && !strstr(here, ", and"), "'%s'", here);
}
END_TEST

START_TEST(test_names_kernels_with_a_model_are_the_ones_that_have_it)
{
    for (int m = 0; m < PK_NMODEL; m++) {
        char list[1024];
        int have = 0;
        run_names_kernels_with(list, sizeof list, (enum pk_model)m);
        for (int k = 0; k < pk_nkernels; k++) {
            bool has = pk_model_has_kernel((enum pk_model)m, &pk_kernels[k]);
            if (pk_model_facts((enum pk_model)m)->rank_teams)
                ck_assert(has == (pk_kernels[k].hybrid != NULL));
            have += has;
            /* a whole word of the list: "pi" must not match inside "spawn" */
            bool listed = false;
            for (const char *p = list; (p = strstr(p, pk_kernels[k].name)); p++)
                listed |= (p == list || p[-1] == ' ') &&
                          strchr(", ", p[strlen(pk_kernels[k].name)]) != NULL;
            ck_assert_msg(listed == has, "%s: '%s'", pk_kernels[k].name, list);
        }
        ck_assert_int_eq(count_words(list), have);
    }
}
END_TEST

START_TEST(test_names_small_buffers_stay_terminated)
{
    char buf[8];
    memset(buf, 'x', sizeof buf);
    run_names_models(buf, sizeof buf, NULL, ", ", " and ");
    ck_assert_uint_lt(strlen(buf), sizeof buf);
    ck_assert(strncmp(buf, pk_model_name((enum pk_model)0), strlen(pk_model_name(0))) == 0);
    memset(buf, 'x', sizeof buf);
    run_names_kernels_with(buf, sizeof buf, (enum pk_model)0);
    ck_assert_uint_lt(strlen(buf), sizeof buf);
}
END_TEST

START_TEST(test_names_unknown_model_message_lists_every_model)
{
    bool sel[PK_NMODEL];
    char err[256], tiny[24];
    ck_assert_int_eq(pk_model_parse_list("cuda", sel, err, sizeof err), -1);
    ck_assert_msg(strncmp(err, "unknown model 'cuda' (models: ", 30) == 0, "%s", err);
    ck_assert_msg(err[strlen(err) - 1] == ')', "%s", err);
    for (int m = 0; m < PK_NMODEL; m++)
        ck_assert_msg(strstr(err, pk_model_name((enum pk_model)m)), "%s", err);
    /* cut short, never past the buffer */
    memset(tiny, 'x', sizeof tiny);
    ck_assert_int_eq(pk_model_parse_list("cuda", sel, tiny, sizeof tiny), -1);
    ck_assert_uint_lt(strlen(tiny), sizeof tiny);
}
END_TEST

Suite *names_suite(void)
{
    Suite *s = suite_create("names");
    TCase *tc = tcase_create("lists");
    tcase_add_test(tc, test_names_models_all_in_order);
    tcase_add_test(tc, test_names_models_in_process_and_distributed_cover_all_once);
    tcase_add_test(tc, test_names_kernels_with_a_model_are_the_ones_that_have_it);
    tcase_add_test(tc, test_names_small_buffers_stay_terminated);
    tcase_add_test(tc, test_names_unknown_model_message_lists_every_model);
    suite_add_tcase(s, tc);
    return s;
}
