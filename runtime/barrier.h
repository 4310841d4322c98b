/*
 * A pthread barrier that worker processes can share: it lives in MAP_SHARED memory (the arena)
 * and is marked PTHREAD_PROCESS_SHARED, so fork workers started after it was made meet at it.
 * Threads of one process need no helper: pthread_barrier_init(b, NULL, count).
 */
#ifndef PK_BARRIER_H
#define PK_BARRIER_H

#include <pthread.h>
#include <stddef.h>

/*
 * Initialises *b, which must lie in memory shared by the processes that will wait at it, for
 * `count` (>= 1) parties. Returns 0, or -1 with the reason in err. On Linux (glibc, musl) such a
 * barrier holds no resource beyond its bytes, so unmapping them is enough to end it.
 */
int pk_barrier_init_shared(pthread_barrier_t *b, unsigned count, char *err, size_t errlen);

#endif
