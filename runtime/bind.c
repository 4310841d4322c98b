/* Pinning with sched_setaffinity on the calling thread (pid 0 means the calling thread). */
#include "bind.h"

#include <sched.h>
#include <stdio.h>
#include <string.h>

static cpu_set_t allowed;
static int nallowed;

int pk_bind_parse(const char *name, enum pk_bind *b)
{
    static const char *const names[] = {"none", "close", "spread"};
    for (int i = 0; i < 3; i++)
        if (strcmp(name, names[i]) == 0) {
            *b = (enum pk_bind)i;
            return 0;
        }
    return -1;
}

const char *pk_bind_name(enum pk_bind b)
{
    return b == PK_BIND_CLOSE ? "close" : b == PK_BIND_SPREAD ? "spread" : "none";
}

void pk_bind_init(void)
{
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0)
        CPU_ZERO(&allowed);
    nallowed = CPU_COUNT(&allowed);
}

/* The k-th CPU of the allowed set. */
static int nth_allowed(int k)
{
    for (int cpu = 0; cpu < CPU_SETSIZE; cpu++)
        if (CPU_ISSET(cpu, &allowed) && k-- == 0)
            return cpu;
    return -1;
}

int pk_bind_worker(enum pk_bind b, int w, int p)
{
    cpu_set_t one;
    if (b == PK_BIND_NONE)
        return 0;
    if (nallowed == 0)
        pk_bind_init();
    if (nallowed == 0)
        return -1;
    int k = b == PK_BIND_CLOSE ? w % nallowed
                               : (int)(((long long)w * nallowed / (p > 0 ? p : 1)) % nallowed);
    CPU_ZERO(&one);
    CPU_SET(nth_allowed(k), &one);
    return sched_setaffinity(0, sizeof one, &one) ? -1 : 0;
}

void pk_bind_current(char *buf, size_t len)
{
    cpu_set_t set;
    size_t used = 0;
    buf[0] = '\0';
    if (sched_getaffinity(0, sizeof set, &set) != 0) {
        snprintf(buf, len, "?");
        return;
    }
    for (int cpu = 0; cpu < CPU_SETSIZE && used < len; cpu++) {
        if (!CPU_ISSET(cpu, &set))
            continue;
        int last = cpu;
        while (last + 1 < CPU_SETSIZE && CPU_ISSET(last + 1, &set))
            last++;
        if (last > cpu)
            used += (size_t)snprintf(buf + used, len - used, "%s%d-%d", used ? "," : "", cpu, last);
        else
            used += (size_t)snprintf(buf + used, len - used, "%s%d", used ? "," : "", cpu);
        cpu = last;
    }
}

void pk_bind_append(char *buf, size_t len, const char *item)
{
    size_t used = strlen(buf), need = strlen(item) + (used ? 1 : 0);
    if (used >= 3 && strcmp(buf + used - 3, "...") == 0)
        return;
    if (used + need + 4 > len) {
        snprintf(buf + used, len - used, "%s...", used ? "|" : "");
        return;
    }
    snprintf(buf + used, len - used, "%s%s", used ? "|" : "", item);
}
