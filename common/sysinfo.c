/* Machine facts from the kernel: affinity for the usable cores, /proc/self/exe for paths. */
#include "sysinfo.h"

#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
