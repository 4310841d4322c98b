/* Process-shared barrier: the attribute dance of pthread_barrier_init, done once here. */
#include "barrier.h"

#include <stdio.h>
#include <string.h>

int pk_barrier_init_shared(pthread_barrier_t *b, unsigned count, char *err, size_t errlen)
{
    pthread_barrierattr_t attr;
    int rc = pthread_barrierattr_init(&attr);

    if (rc == 0) {
        rc = pthread_barrierattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
        if (rc == 0)
            rc = pthread_barrier_init(b, &attr, count);
        pthread_barrierattr_destroy(&attr);
    }
    if (rc) {
        snprintf(err, errlen, "cannot make a process-shared barrier for %u: %s", count,
                 strerror(rc));
        return -1;
    }
    return 0;
}
