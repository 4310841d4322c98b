/*
 * sysinfo: the memory limits read from a fake /proc and /sys (meminfo, cgroup v1 and v2), the
 * memory check that names the limit which refused, and closed standard descriptors reopened.
 */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "sysinfo.h"

static char root[64];

/* Writes text to root/rel, making the folders on the way (no shell: the path is data). */
static void put(const char *rel, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    for (char *slash = strchr(path + strlen(root) + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        ck_assert_msg(mkdir(path, 0700) == 0 || errno == EEXIST, "mkdir %s", path);
        *slash = '/';
    }
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

static void make_root(void)
{
    snprintf(root, sizeof root, "/tmp/pk-sysinfo.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(root));
    put("proc/meminfo", "MemTotal:       16000000 kB\nMemFree:  1 kB\n"
                        "MemAvailable:    4000000 kB\n");
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st, (void)type, (void)ftw;
    return remove(path);
}

static void remove_root(void)
{
    ck_assert_int_eq(nftw(root, remove_entry, 16, FTW_DEPTH | FTW_PHYS), 0);
}

START_TEST(test_sysinfo_meminfo_and_cgroup_v2)
{
    struct pk_sys_memory m;
    make_root();
    put("proc/self/cgroup", "0::/a/b\n");
    put("sys/fs/cgroup/a/b/memory.max", "max\n");
    put("sys/fs/cgroup/a/memory.max", "2147483648\n"); /* a parent's limit binds the child */
    put("sys/fs/cgroup/memory.max", "8589934592\n");
    pk_sys_memory(root, &m);
    ck_assert(m.total == 16000000.0 * 1024);
    ck_assert(m.available == 4000000.0 * 1024);
    ck_assert(m.cgroup == 2147483648.0);
    remove_root();
}
END_TEST

START_TEST(test_sysinfo_cgroup_v1_and_none)
{
    struct pk_sys_memory m;
    make_root();
    put("proc/self/cgroup", "4:memory:/job\n0::/\n");
    put("sys/fs/cgroup/memory/job/memory.limit_in_bytes", "1073741824\n");
    put("sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n"); /* none */
    pk_sys_memory(root, &m);
    ck_assert(m.cgroup == 1073741824.0);
    put("proc/self/cgroup", "0::/\n");
    put("sys/fs/cgroup/memory.max", "max\n");
    pk_sys_memory(root, &m);
    ck_assert(m.cgroup == -1);
    remove_root();
}
END_TEST

START_TEST(test_sysinfo_check_names_the_limit)
{
    const struct pk_kernel *k = pk_kernel_find("stream");
    struct pk_case c;
    char err[256];
    double gib = 1024.0 * 1024 * 1024;
    ck_assert_ptr_nonnull(k);
    pk_case_init(&c, k, PK_SERIAL, 1, 1000);

    struct pk_sys_memory m = {16 * gib, 4 * gib, -1};
    /* 5 GiB: under 80% of the total (the old rule) but over what is available */
    ck_assert_int_eq(pk_case_check_memory(&c, 5 * gib, &m, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "MemAvailable") && strstr(err, "4.0 GiB"), "%s", err);
    ck_assert_int_eq(pk_case_check_memory(&c, 3 * gib, &m, err, sizeof err), 0);
    m.cgroup = 2 * gib;
    ck_assert_int_eq(pk_case_check_memory(&c, 3 * gib, &m, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "memory.max") && strstr(err, "2.0 GiB"), "%s", err);
    m = (struct pk_sys_memory){16 * gib, -1, -1};
    ck_assert_int_eq(pk_case_check_memory(&c, 13 * gib, &m, err, sizeof err), -1);
    ck_assert_msg(strstr(err, "MemTotal") != NULL, "%s", err);
    m = (struct pk_sys_memory){-1, -1, -1};
    ck_assert_int_eq(pk_case_check_memory(&c, 1e18, &m, err, sizeof err), 0);
}
END_TEST

START_TEST(test_sysinfo_std_fds_reopened)
{
    close(0);
    close(1);
    ck_assert_int_eq(pk_sys_std_fds(), 0);
    ck_assert(fcntl(0, F_GETFD) >= 0 && fcntl(1, F_GETFD) >= 0 && fcntl(2, F_GETFD) >= 0);
    struct stat a, b;
    ck_assert_int_eq(fstat(1, &a), 0);
    ck_assert_int_eq(stat("/dev/null", &b), 0);
    ck_assert(a.st_rdev == b.st_rdev);
    int fd = open("/dev/null", O_RDONLY); /* the next descriptor is no longer 0 or 1 */
    ck_assert_int_gt(fd, 2);
    close(fd);
}
END_TEST

Suite *sysinfo_suite(void)
{
    Suite *s = suite_create("sysinfo");
    TCase *tc = tcase_create("memory");
    tcase_add_test(tc, test_sysinfo_meminfo_and_cgroup_v2);
    tcase_add_test(tc, test_sysinfo_cgroup_v1_and_none);
    tcase_add_test(tc, test_sysinfo_check_names_the_limit);
    tcase_add_test(tc, test_sysinfo_std_fds_reopened);
    suite_add_tcase(s, tc);
    return s;
}
