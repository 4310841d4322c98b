/*
 * sysinfo: the memory limits read from a fake /proc and /sys (meminfo, cgroup v1 and v2), the
 * memory check that names the limit which refused, the ranks that one node of a SLURM
 * allocation holds and the memory check counting those alone, the CPU times of /proc/stat's
 * per-CPU lines, and closed standard descriptors reopened.
 */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <math.h>
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
    for (char *slash = strchr(path + strlen(root) + 1, '/'); slash;
         slash = strchr(slash + 1, '/')) {
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

START_TEST(test_sysinfo_ranks_per_node)
{
    ck_assert_int_eq(pk_sys_ranks_per_node(NULL, 5), 5);
    ck_assert_int_eq(pk_sys_ranks_per_node("", 5), 5);
    ck_assert_int_eq(pk_sys_ranks_per_node("4", 3), 3);
    ck_assert_int_eq(pk_sys_ranks_per_node("4", 4), 4);
    ck_assert_int_eq(pk_sys_ranks_per_node("4", 5), 5); /* more ranks than tasks: all here */
    ck_assert_int_eq(pk_sys_ranks_per_node("2(x3),1", 7), 2);
    ck_assert_int_eq(pk_sys_ranks_per_node("2(x3),1", 1), 1);
    ck_assert_int_eq(pk_sys_ranks_per_node("2(x3),1", 8), 8);
    ck_assert_int_eq(pk_sys_ranks_per_node("1,3", 4), 3);
    ck_assert_int_eq(pk_sys_ranks_per_node("16(x2)", 32), 16);
    static const char *bad[] = {"x",    "0",     "-2",    "2,", ",2", "2(x3",
                                "2(x)", "2(x0)", "2(y3)", "2 ", "+2", "99999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(pk_sys_ranks_per_node(bad[i], 6) == 6, "'%s'", bad[i]);
}
END_TEST

/*
 * matmul under mpi, p = 16: rank 0 holds A, B and C (24 n^2 bytes), every other rank B and its
 * rows of A and C (9 n^2): 159 n^2 in all. At an n where one node of two ranks
 * (SLURM_TASKS_PER_NODE 2(x8)) needs 0.3 of this machine's limit, all 16 on one node need 1.45.
 */
START_TEST(test_sysinfo_check_counts_one_node)
{
    const struct pk_kernel *k = pk_kernel_find("matmul");
    struct pk_sys_memory m;
    struct pk_case c;
    char err[256];
    const char *saved = getenv("SLURM_TASKS_PER_NODE");
    char keep[64] = "";

    pk_sys_memory(NULL, &m);
    double limit = m.total > 0 ? 0.8 * m.total : -1;
    if (m.available > 0 && (limit < 0 || m.available < limit))
        limit = m.available;
    if (m.cgroup > 0 && (limit < 0 || m.cgroup < limit))
        limit = m.cgroup;
    long long n = (long long)sqrt(0.3 * limit / 33.0);
    if (limit <= 0 || n > k->max_size)
        return; /* no limit to pass, or more memory than matmul's largest size can fill */
    if (saved)
        snprintf(keep, sizeof keep, "%s", saved);
    pk_case_init(&c, k, PK_MPI, 16, n);
    unsetenv("SLURM_TASKS_PER_NODE");
    ck_assert_msg(pk_case_check(&c, err, sizeof err) == -1, "n %lld on one node passed", n);
    ck_assert_msg(strstr(err, "needs") != NULL, "%s", err);
    setenv("SLURM_TASKS_PER_NODE", "2(x8)", 1);
    ck_assert_msg(pk_case_check(&c, err, sizeof err) == 0, "n %lld, 2 ranks a node: %s", n, err);
    setenv("SLURM_TASKS_PER_NODE", "16", 1);
    ck_assert_int_eq(pk_case_check(&c, err, sizeof err), -1);
    if (saved)
        setenv("SLURM_TASKS_PER_NODE", keep, 1);
    else
        unsetenv("SLURM_TASKS_PER_NODE");
}
END_TEST

START_TEST(test_sysinfo_cpu_times)
{
    static const char stat[] = "cpu  11 2 3 94 5 6 7 8 0 0\n"
                               "cpu0 1 2 3 4 5 6 7 8 9 10\n"
                               "cpu1 10 0 0 90 0 0 0 0 0 0\n"
                               "cpu3 0 0 0 100 0 0 0 0 0 0\n"
                               "intr 12345 0 0\n"
                               "cpu9 junk\n"
                               "ctxt 99\n";
    static const unsigned char only1[] = {0, 1}, only3[] = {0, 0, 0, 1};
    struct pk_cpu_times t;

    ck_assert_int_eq(pk_sys_cpu_times_parse(stat, NULL, 0, &t), 0);
    ck_assert_int_eq(t.cpus, 3); /* the "cpu " sum and the junk line are not CPUs */
    ck_assert_double_eq(t.busy, (1 + 2 + 3 + 6 + 7) + 10);
    ck_assert_double_eq(t.steal, 8);
    ck_assert_double_eq(t.total, 36 + 100 + 100);
    ck_assert_int_eq(pk_sys_cpu_times_parse(stat, only1, 2, &t), 0);
    ck_assert_int_eq(t.cpus, 1);
    ck_assert_double_eq(t.busy, 10);
    ck_assert_double_eq(t.total, 100);
    ck_assert_int_eq(pk_sys_cpu_times_parse(stat, only3, 4, &t), 0);
    ck_assert_double_eq(t.busy, 0);
    ck_assert_int_eq(pk_sys_cpu_times_parse(stat, only1, 1, &t), -1); /* cpu1 outside the mask */
    ck_assert_int_eq(pk_sys_cpu_times_parse("intr 1\n", NULL, 0, &t), -1);
    ck_assert_int_eq(pk_sys_cpu_times_parse("", NULL, 0, &t), -1);

    /* this machine: a count of CPUs between none and all that this process may use */
    double steal, busy = pk_sys_cpus_busy(0.05, &steal);
    ck_assert_msg(busy >= 0 && busy <= pk_sys_cores() + 1e-9, "busy %g", busy);
    ck_assert_msg(steal >= 0 && steal <= pk_sys_cores() + 1e-9, "steal %g", steal);
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
    tcase_add_test(tc, test_sysinfo_ranks_per_node);
    tcase_add_test(tc, test_sysinfo_check_counts_one_node);
    tcase_add_test(tc, test_sysinfo_cpu_times);
    tcase_add_test(tc, test_sysinfo_std_fds_reopened);
    suite_add_tcase(s, tc);
    return s;
}
