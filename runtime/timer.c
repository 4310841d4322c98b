/* CLOCK_MONOTONIC: immune to clock adjustments while a rep runs. */
#include "timer.h"

#include <time.h>

double pk_timer_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
