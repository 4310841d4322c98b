/*
 * The one kernel table (kernels/registry.c): every entry names its mpi entry point and, where
 * the kernel has one, its hybrid one, and those entries match the files in the kernel's folder
 * (mpi.c, hybrid.c); pk_kernel_has_hybrid and the hybrid field say the same; names are unique
 * and sorted, and pk_kernel_find finds each entry and nothing else. An option read only under
 * another's choice (only_with) names a choice that exists, and pk_case_check_param_read refuses
 * it under every other choice and passes it under that one. bin/pk, which runs no
 * kernel, holds no model's entry point and does not load libgomp.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
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

START_TEST(test_registry_only_with_names_a_choice)
{
    int rules = 0;
    char err[256];
    for (int i = 0; i < pk_nkernels; i++) {
        const struct pk_kernel *k = &pk_kernels[i];
        for (int p = 0; p < PK_MAX_PARAMS && k->params[p].name; p++) {
            const char *other = k->params[p].only_with.param;
            const char *want = k->params[p].only_with.choice;
            if (!other)
                continue;
            rules++;
            ck_assert_msg(want != NULL, "%s --%s: only_with names no choice", k->name,
                          k->params[p].name);
            int o = pk_kernel_param_index(k, other);
            ck_assert_msg(o >= 0 && o != p && k->params[o].choices[0],
                          "%s --%s: only_with names '%s', no other option of choices", k->name,
                          k->params[p].name, other);
            bool found = false;
            struct pk_case c;
            pk_case_init(&c, k, PK_SERIAL, 1, k->size[PK_CLASS_S]);
            for (int ch = 0; ch < PK_MAX_CHOICES && k->params[o].choices[ch]; ch++) {
                bool read = strcmp(k->params[o].choices[ch], want) == 0;
                found |= read;
                ck_assert_int_eq(
                    pk_case_set_param(&c, other, k->params[o].choices[ch], err, sizeof err), 0);
                ck_assert_int_eq(pk_case_check_param_read(&c, k->params[p].name, err, sizeof err),
                                 read ? 0 : -1);
                if (!read)
                    ck_assert_msg(strstr(err, k->params[o].choices[ch]) != NULL, "%s", err);
            }
            ck_assert_msg(found, "%s --%s: only_with '%s' is no choice of --%s", k->name,
                          k->params[p].name, want, other);
        }
    }
    ck_assert_int_gt(rules, 0); /* mandelbrot's --chunk is one */
}
END_TEST

/* The bytes of the program bin/NAME, NUL-terminated; *len is their count. */
static char *program(const char *name, size_t *len)
{
    char path[4096];
    FILE *f;
    char *buf;
    long size;

    snprintf(path, sizeof path, "%s/%s", test_bin_dir(), name);
    f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
    size = ftell(f);
    ck_assert_int_gt(size, 0);
    rewind(f);
    buf = malloc((size_t)size + 1);
    ck_assert_ptr_nonnull(buf);
    *len = fread(buf, 1, (size_t)size, f);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

/* True if the NUL-terminated string s appears, with its NUL before and after, in buf. */
static bool holds_name(const char *buf, size_t len, const char *s)
{
    size_t n = strlen(s);
    for (const char *p = buf; (p = memchr(p, s[0], len - (size_t)(p - buf))); p++)
        if (p > buf && p[-1] == '\0' && (size_t)(p - buf) + n < len && memcmp(p, s, n + 1) == 0)
            return true;
    return false;
}

START_TEST(test_registry_pk_links_no_model)
{
    static const char *models[] = {"serial", "openmp", "threads", "fork", "mpi", "hybrid"};
    size_t pk_len, run_len;
    char *pk = program("pk", &pk_len), *run = program("pk-run", &run_len), name[64];

    /* the symbol names are there to see: pk-run holds its entry points by name */
    ck_assert_msg(holds_name(run, run_len, "pi_openmp"), "pk-run has no symbol table to read");
    ck_assert_msg(!holds_name(pk, pk_len, "libgomp.so.1"), "pk loads libgomp");
    for (int i = 0; i < pk_nkernels; i++)
        for (size_t m = 0; m < sizeof models / sizeof models[0]; m++) {
            snprintf(name, sizeof name, "%s_%s", pk_kernels[i].name, models[m]);
            ck_assert_msg(!holds_name(pk, pk_len, name), "pk links %s", name);
        }
    free(pk);
    free(run);
}
END_TEST

Suite *registry_suite(void)
{
    Suite *s = suite_create("registry");
    TCase *tc = tcase_create("table");
    tcase_add_test(tc, test_registry_entry_names_its_mpi_and_hybrid_files);
    tcase_add_test(tc, test_registry_sorted_unique_and_found);
    tcase_add_test(tc, test_registry_only_with_names_a_choice);
    tcase_add_test(tc, test_registry_pk_links_no_model);
    suite_add_tcase(s, tc);
    return s;
}
