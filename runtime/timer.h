/* Wall-clock timing for reps: a monotonic clock in seconds. */
#ifndef PK_TIMER_H
#define PK_TIMER_H

/* Seconds on CLOCK_MONOTONIC since an arbitrary origin; only differences mean anything. */
double pk_timer_now(void);

#endif
