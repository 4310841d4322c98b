/* Machine facts from the kernel: affinity for the usable cores, /proc/self/exe for paths. */
#include "sysinfo.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int pk_sys_cores(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return CPU_COUNT(&set);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

long long pk_sys_llc_bytes(void)
{
    long long largest = 0;
    for (int i = 0; i < 8; i++) {
        char path[96], text[32], *end;
        snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu0/cache/index%d/size", i);
        FILE *f = fopen(path, "r");
        if (!f)
            break;
        long long v = fgets(text, sizeof text, f) ? strtoll(text, &end, 10) : 0;
        fclose(f);
        if (v > 0 && (*end == 'K' || *end == 'k'))
            v <<= 10;
        else if (v > 0 && (*end == 'M' || *end == 'm'))
            v <<= 20;
        largest = v > largest ? v : largest;
    }
    return largest;
}

int pk_sys_self_dir(char *buf, size_t len)
{
    ssize_t n = readlink("/proc/self/exe", buf, len - 1);
    if (n <= 0)
        return -1;
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash)
        return -1;
    *slash = '\0';
    return 0;
}

int pk_sys_ranks_per_node(const char *tasks_per_node, int ranks)
{
    long most = 0, total = 0;
    const char *s = tasks_per_node;
    if (!s || !*s)
        return ranks;
    for (;;) {
        char *end;
        long count = strtol(s, &end, 10), times = 1;
        if (end == s || *s < '0' || *s > '9' || count <= 0 || count > INT_MAX)
            return ranks;
        if (strncmp(end, "(x", 2) == 0) {
            s = end + 2;
            times = strtol(s, &end, 10);
            if (end == s || *s < '0' || *s > '9' || times <= 0 || *end != ')')
                return ranks;
            end++;
        }
        most = count > most ? count : most;
        total += count * (times < INT_MAX ? times : INT_MAX);
        if (total > INT_MAX)
            total = INT_MAX;
        if (*end == '\0')
            break;
        if (*end != ',')
            return ranks;
        s = end + 1;
    }
    return total < ranks ? ranks : (int)(most < ranks ? most : ranks);
}

int pk_sys_cpu_times_parse(const char *text, const unsigned char *use, int nuse,
                           struct pk_cpu_times *t)
{
    *t = (struct pk_cpu_times){0, 0, 0, 0};
    for (const char *line = text, *next; line; line = next ? next + 1 : NULL) {
        next = strchr(line, '\n');
        double f[8];
        int cpu;
        /* "cpuN user nice system idle iowait irq softirq steal ..." (the "cpu " sum is skipped) */
        if (strncmp(line, "cpu", 3) != 0 || line[3] < '0' || line[3] > '9' ||
            sscanf(line, "cpu%d %lf %lf %lf %lf %lf %lf %lf %lf", &cpu, &f[0], &f[1], &f[2], &f[3],
                   &f[4], &f[5], &f[6], &f[7]) != 9 ||
            cpu < 0)
            continue;
        if (use && (cpu >= nuse || !use[cpu]))
            continue;
        t->busy += f[0] + f[1] + f[2] + f[5] + f[6];
        t->steal += f[7];
        t->total += f[0] + f[1] + f[2] + f[3] + f[4] + f[5] + f[6] + f[7];
        t->cpus++;
    }
    return t->cpus > 0 ? 0 : -1;
}

/* The CPU times of the CPUs in this process's affinity mask, now. */
static int cpu_times_now(struct pk_cpu_times *t)
{
    static char text[1 << 16];
    unsigned char use[CPU_SETSIZE];
    cpu_set_t set;
    FILE *f = fopen("/proc/stat", "r");
    if (!f)
        return -1;
    size_t len = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[len] = '\0';
    bool masked = sched_getaffinity(0, sizeof set, &set) == 0;
    for (int i = 0; i < CPU_SETSIZE; i++)
        use[i] = !masked || CPU_ISSET(i, &set);
    return pk_sys_cpu_times_parse(text, use, CPU_SETSIZE, t);
}

double pk_sys_cpus_busy(double window_s, double *steal)
{
    struct pk_cpu_times a, b;
    struct timespec wait = {(time_t)window_s, (long)((window_s - (double)(time_t)window_s) * 1e9)};
    *steal = 0;
    if (cpu_times_now(&a))
        return -1;
    while (nanosleep(&wait, &wait) == -1 && errno == EINTR)
        ;
    if (cpu_times_now(&b) || b.cpus != a.cpus || b.total <= a.total)
        return -1;
    *steal = (b.steal - a.steal) / (b.total - a.total) * a.cpus;
    return (b.busy - a.busy) / (b.total - a.total) * a.cpus;
}

int pk_sys_std_fds(void)
{
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
            continue;
        /* the lowest free descriptor is fd itself: every lower one is open by now */
        int got = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
        if (got < 0)
            return -1;
        if (got != fd) {
            dup2(got, fd);
            close(got);
        }
    }
    return 0;
}

/* The first number in file (a "max" or no number: -1). */
static double read_number(const char *path)
{
    char text[64], *end;
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    double v = fgets(text, sizeof text, f) ? strtod(text, &end) : -1;
    if (v >= 0 && end == text)
        v = -1;
    fclose(f);
    return v;
}

/* MemAvailable (or MemTotal) from a meminfo file in bytes; -1 if it has none. */
static double meminfo(const char *path, const char *key)
{
    char line[256];
    size_t klen = strlen(key);
    double v = -1;
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, key, klen) == 0 && line[klen] == ':') {
            v = strtod(line + klen + 1, NULL) * 1024; /* "kB" */
            break;
        }
    fclose(f);
    return v;
}

/*
 * The tightest memory limit of this process's cgroup and its ancestors: memory.max (v2) or
 * memory.limit_in_bytes (v1), -1 if none is set. root prefixes every path (tests).
 */
static double cgroup_limit(const char *root)
{
    char path[PATH_MAX], line[1024], group[PATH_MAX] = "";
    const char *file = "memory.max", *base = "sys/fs/cgroup";
    double limit = -1;

    snprintf(path, sizeof path, "%s/proc/self/cgroup", root);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        char *c1 = strchr(line, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
        if (!c2)
            continue;
        if (strncmp(line, "0::", 3) == 0 && !group[0]) {
            snprintf(group, sizeof group, "%s", c2 + 1);
        } else if (strncmp(c1 + 1, "memory:", 7) == 0) { /* v1 wins when it is there */
            snprintf(group, sizeof group, "%s", c2 + 1);
            file = "memory.limit_in_bytes";
            base = "sys/fs/cgroup/memory";
            break;
        }
    }
    fclose(f);
    if (!group[0])
        return -1;
    for (;;) {
        if ((size_t)snprintf(path, sizeof path, "%s/%s%s/%s", root, base,
                             strcmp(group, "/") ? group : "", file) >= sizeof path)
            break; /* a path too long to be a cgroup's: no limit read from it */
        double v = read_number(path);
        /* v1 says "no limit" with a number near 2^63 */
        if (v > 0 && v < 0x1p60 && (limit < 0 || v < limit))
            limit = v;
        char *slash = strrchr(group, '/');
        if (!slash || slash == group) {
            if (strcmp(group, "/") == 0)
                break;
            snprintf(group, sizeof group, "/");
            continue;
        }
        *slash = '\0';
    }
    return limit;
}

void pk_sys_memory(const char *root, struct pk_sys_memory *m)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/proc/meminfo", root ? root : "");
    m->total = meminfo(path, "MemTotal");
    m->available = meminfo(path, "MemAvailable");
    if (m->total < 0 && !(root && *root))
        m->total = (double)sysconf(_SC_PHYS_PAGES) * (double)sysconf(_SC_PAGESIZE);
    m->cgroup = cgroup_limit(root ? root : "");
}
