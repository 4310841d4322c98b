/* Facts about the machine that pk's defaults and checks depend on. */
#ifndef PK_SYSINFO_H
#define PK_SYSINFO_H

#include <stddef.h>

/* The CPUs this process may run on (its affinity mask, which cgroups and taskset narrow). */
int pk_sys_cores(void);

/* The size of the largest (last-level) cache of CPU 0 in bytes, or 0 if unknown. */
long long pk_sys_llc_bytes(void);

/* The directory holding the running executable, into buf; 0, or -1 if it cannot be read. */
int pk_sys_self_dir(char *buf, size_t len);

/* Memory in bytes, each -1 when unknown. */
struct pk_sys_memory {
    double total;     /* MemTotal */
    double available; /* MemAvailable: what can be had now without swapping */
    double cgroup;    /* the tightest memory.max of this process's cgroup and its parents */
};

/*
 * Reads /proc/meminfo and this process's cgroup limit into m. root prefixes every path ("" or
 * NULL for the real ones; tests give a directory that holds proc/ and sys/fs/cgroup/).
 */
void pk_sys_memory(const char *root, struct pk_sys_memory *m);

/* CPU time in clock ticks, summed over some CPUs, from /proc/stat's per-CPU lines. */
struct pk_cpu_times {
    double busy;  /* user, nice, system, irq, softirq: work (guests count in user) */
    double steal; /* what the hypervisor gave to other guests */
    double total; /* those, idle and iowait */
    int cpus;     /* the CPUs summed */
};

/*
 * Sums the "cpuN ..." lines of /proc/stat's text whose N is in the first `nuse` entries of use
 * and non-zero there (use NULL: every CPU) into t. Returns 0, or -1 if no such line parses.
 */
int pk_sys_cpu_times_parse(const char *text, const unsigned char *use, int nuse,
                           struct pk_cpu_times *t);

/*
 * How many of the CPUs this process may run on were busy, as a count of CPUs (0.0 to their
 * number), over window_s seconds from now (the caller waits that long), and in *steal those
 * the hypervisor took: what other work takes of the CPUs a run is about to use. Unlike the
 * load average, it does not remember the minute before (pk's own last run) and counts no
 * task that sleeps in the kernel. Returns -1 when /proc/stat cannot be read.
 */
double pk_sys_cpus_busy(double window_s, double *steal);

/*
 * The most of `ranks` ranks that one node holds, by SLURM_TASKS_PER_NODE's text ("2(x3),1":
 * 2 tasks on each of three nodes, then 1): its largest count, or all the ranks where the text
 * is NULL, not that form, or its tasks are fewer than the ranks (they all run here then).
 */
int pk_sys_ranks_per_node(const char *tasks_per_node, int ranks);

/*
 * Opens /dev/null on each of 0, 1 and 2 that is closed, so that no file or pipe opened later
 * lands there and is taken for standard input, output or error. Call first thing in main.
 * Returns 0, or -1 if /dev/null cannot be opened.
 */
int pk_sys_std_fds(void);

#endif
