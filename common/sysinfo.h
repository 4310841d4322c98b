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

#endif
