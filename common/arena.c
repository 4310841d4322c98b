/* A bump allocator over one shared mapping; nothing is freed until the whole arena goes. */
#include "arena.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#define SMALL_ALIGN 64u
#define PAGE_ALIGN  4096u
#define PAGE_FROM   ((size_t)64 * 1024)

static size_t alignment_for(size_t bytes)
{
    return bytes >= PAGE_FROM ? PAGE_ALIGN : SMALL_ALIGN;
}

size_t pk_arena_slack(size_t bytes)
{
    return alignment_for(bytes);
}

int pk_arena_map(struct pk_arena *a, size_t bytes, char *err, size_t errlen)
{
    a->base = NULL;
    a->size = a->used = 0;
    if (bytes == 0)
        bytes = PAGE_ALIGN;
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE,
                   -1, 0);
    if (p == MAP_FAILED) {
        snprintf(err, errlen, "cannot map %zu bytes of shared memory: %s", bytes, strerror(errno));
        return -1;
    }
    a->base = p;
    a->size = bytes;
    return 0;
}

void *pk_arena_alloc(struct pk_arena *a, size_t bytes)
{
    size_t align = alignment_for(bytes);
    uintptr_t at = ((uintptr_t)a->base + a->used + align - 1) & ~(uintptr_t)(align - 1);
    size_t offset = (size_t)(at - (uintptr_t)a->base);

    if (!a->base || offset > a->size || bytes > a->size - offset)
        return NULL;
    a->used = offset + bytes;
    return a->base + offset;
}

void pk_arena_unmap(struct pk_arena *a)
{
    if (a->base)
        munmap(a->base, a->size);
    a->base = NULL;
    a->size = a->used = 0;
}
