/*
 * The one kernel table (kernels/registry.c): every entry names its mpi entry point and, where
 * the kernel has one, its hybrid one, and those entries match the files in the kernel's folder
 * (mpi.c, hybrid.c); pk_kernel_has_hybrid and the hybrid field say the same; names are unique
 * and sorted, and pk_kernel_find finds each entry and nothing else.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"

/* True if the kernel's folder (beside the bin directory the tests use) holds file. */
static bool has_file(const struct pk_kernel *k, const char *file)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/../kernels/%s/%s", test_bin_dir(), k->name, file);
    return access(path, F_OK) == 0;
}

START_TEST(test_registry_entry_names_its_mpi_and_hybrid_files)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/../kernels/registry.c", test_bin_dir());
    ck_assert_msg(access(path, F_OK) == 0, "no source tree beside %s", test_bin_dir());
    for (int i = 0; i < pk_nkernels; i++) {
        const struct pk_kernel *k = &pk_kernels[i];
        ck_assert_msg((k->mpi != NULL) == has_file(k, "mpi.c"),
                      "%s: its entry %s an mpi model, its folder %s mpi.c", k->name,
                      k->mpi ? "names" : "lacks", has_file(k, "mpi.c") ? "has" : "lacks");
        ck_assert_msg((k->hybrid != NULL) == has_file(k, "hybrid.c"),
                      "%s: its entry %s a hybrid model, its folder %s hybrid.c", k->name,
                      k->hybrid ? "names" : "lacks", has_file(k, "hybrid.c") ? "has" : "lacks");
        ck_assert_msg(!k->hybrid || k->mpi, "%s: a hybrid model without an mpi one", k->name);
        ck_assert_msg(!k->mpi_collect || k->mpi, "%s: a collect without an mpi model", k->name);
        ck_assert(pk_kernel_has_hybrid(k) == (k->hybrid != NULL));
    }
}
END_TEST

START_TEST(test_registry_sorted_unique_and_found)
{
    ck_assert_int_gt(pk_nkernels, 0);
    for (int i = 0; i < pk_nkernels; i++) {
        const struct pk_kernel *k = &pk_kernels[i];
        if (i > 0)
            ck_assert_msg(strcmp(pk_kernels[i - 1].name, k->name) < 0,
                          "'%s' after '%s': not sorted or not unique", k->name,
                          pk_kernels[i - 1].name);
        ck_assert_ptr_eq(pk_kernel_find(k->name), k);
    }
    ck_assert_ptr_null(pk_kernel_find("no-such-kernel"));
    ck_assert_ptr_null(pk_kernel_find(""));
}
END_TEST

Suite *registry_suite(void)
{
    Suite *s = suite_create("registry");
    TCase *tc = tcase_create("table");
    tcase_add_test(tc, test_registry_entry_names_its_mpi_and_hybrid_files);
    tcase_add_test(tc, test_registry_sorted_unique_and_found);
    suite_add_tcase(s, tc);
    return s;
}
