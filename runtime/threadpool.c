/* Thread pool: a generation counter under one mutex; workers sleep on a condition variable. */
#include "threadpool.h"

#include "seams.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct slot {
    struct pk_threadpool *pool;
    int index;
    unsigned long finished; /* the last generation this worker returned from (under lock) */
};

struct pk_threadpool {
    int workers, created;
    pthread_t *threads;
    struct slot *slots;
    pthread_mutex_t lock;
    pthread_cond_t wake, done;
    unsigned long generation; /* bumped once per task */
    int running;              /* workers still busy with this generation */
    int status;               /* first non-zero status of this generation */
    bool stopping;
    pk_threadpool_fn fn;
    void *arg;
};

static void *worker_main(void *opaque)
{
    struct slot *s = opaque;
    struct pk_threadpool *pool = s->pool;
    unsigned long seen = 0;

    pthread_mutex_lock(&pool->lock);
    for (;;) {
        while (pool->generation == seen && !pool->stopping)
            pthread_cond_wait(&pool->wake, &pool->lock);
        if (pool->stopping)
            break;
        seen = pool->generation;
        pk_threadpool_fn fn = pool->fn;
        void *arg = pool->arg;
        pthread_mutex_unlock(&pool->lock);

        if (pk_seam_worker_task)
            pk_seam_worker_task(s->index, (long)seen);
        int rc = fn(arg, s->index, pool->workers);

        pthread_mutex_lock(&pool->lock);
        s->finished = seen;
        if (rc && !pool->status)
            pool->status = rc;
        if (--pool->running == 0)
            pthread_cond_signal(&pool->done);
    }
    pthread_mutex_unlock(&pool->lock);
    return NULL;
}

int pk_threadpool_start(struct pk_threadpool **out, int workers, char *err, size_t errlen)
{
    struct pk_threadpool *pool = calloc(1, sizeof *pool);
    *out = NULL;
    if (!pool || !(pool->threads = calloc((size_t)workers, sizeof *pool->threads)) ||
        !(pool->slots = calloc((size_t)workers, sizeof *pool->slots))) {
        snprintf(err, errlen, "cannot start thread pool: out of memory");
        if (pool)
            free(pool->threads);
        free(pool);
        return -1;
    }
    pool->workers = workers;
    pthread_mutex_init(&pool->lock, NULL);
    pthread_cond_init(&pool->wake, NULL);
    pthread_cond_init(&pool->done, NULL);
    for (int w = 0; w < workers; w++) {
        pool->slots[w] = (struct slot){pool, w, 0};
        int rc = pthread_create(&pool->threads[w], NULL, worker_main, &pool->slots[w]);
        if (rc) {
            snprintf(err, errlen, "cannot create worker thread %d: %s", w, strerror(rc));
            pk_threadpool_stop(pool);
            return -1;
        }
        pool->created++;
    }
    *out = pool;
    return 0;
}

int pk_threadpool_run(struct pk_threadpool *pool, pk_threadpool_fn fn, void *arg)
{
    pthread_mutex_lock(&pool->lock);
    pool->fn = fn;
    pool->arg = arg;
    pool->status = 0;
    pool->running = pool->workers;
    pool->generation++;
    pthread_cond_broadcast(&pool->wake);
    while (pool->running > 0)
        pthread_cond_wait(&pool->done, &pool->lock);
    /* A rep is timed and checked only once every worker is done; a miscounted 'running' would
     * let it return while one still writes, and a check that trails the writer would pass. */
    for (int w = 0; w < pool->workers; w++)
        if (pool->slots[w].finished != pool->generation) {
            fprintf(stderr, "thread pool: task %lu returned while worker %d was still in it\n",
                    pool->generation, w);
            abort();
        }
    int status = pool->status;
    pthread_mutex_unlock(&pool->lock);
    return status;
}

void pk_threadpool_stop(struct pk_threadpool *pool)
{
    if (!pool)
        return;
    pthread_mutex_lock(&pool->lock);
    pool->stopping = true;
    pthread_cond_broadcast(&pool->wake);
    pthread_mutex_unlock(&pool->lock);
    for (int w = 0; w < pool->created; w++)
        pthread_join(pool->threads[w], NULL);
    pthread_mutex_destroy(&pool->lock);
    pthread_cond_destroy(&pool->wake);
    pthread_cond_destroy(&pool->done);
    free(pool->threads);
    free(pool->slots);
    free(pool);
}
