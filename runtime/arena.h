/*
 * The arena: one anonymous mapping holding a case's inputs and outputs. It is MAP_SHARED, so
 * fork workers started after setup read and write the very bytes the other models use, except
 * with huge pages, where the in-process models take private memory (transparent huge pages
 * for shared memory are often off: /sys/kernel/mm/transparent_hugepage/shmem_enabled).
 *
 * Layout: large allocations are staggered. Arrays carved back to back, each a multiple of a
 * large power of two, would start at the same address modulo that power, so a[i], b[i] and
 * c[i] would fall in the same cache sets and DRAM banks (STREAM's OFFSET exists for this).
 * The k-th large allocation of an arena starts at k * PK_ARENA_STAGGER modulo
 * PK_ARENA_SPAN from the arena's base (itself aligned to PK_ARENA_SPAN): a page plus a few
 * cache lines per array, so no two large arrays share their alignment modulo any power of
 * two from 4 KiB up (for the first 64 of them).
 */
#ifndef PK_ARENA_H
#define PK_ARENA_H

#include <stdbool.h>
#include <stddef.h>

#define PK_ARENA_LARGE   ((size_t)64 * 1024)       /* allocations from here up are staggered */
#define PK_ARENA_SPAN    ((size_t)2 * 1024 * 1024) /* the base's alignment: a huge page */
#define PK_ARENA_STAGGER ((size_t)(4096 + 3 * 64)) /* a page and three cache lines */

/* The page size an arena asks for (pk's --pages). */
enum pk_pages {
    PK_PAGES_NORMAL, /* base pages (4 KiB), huge pages refused with MADV_NOHUGEPAGE */
    PK_PAGES_HUGE,   /* MADV_HUGEPAGE: transparent huge pages where the kernel allows them */
};

struct pk_arena {
    unsigned char *base; /* PK_ARENA_SPAN-aligned, inside the mapping */
    size_t size, used;
    int large; /* large allocations so far: the next one's stagger */
    void *map; /* the mapping itself, and its length */
    size_t map_len;
    enum pk_pages pages;
    bool shared;
};

/*
 * Maps `bytes` of anonymous memory, its base aligned to PK_ARENA_SPAN (pages are not touched,
 * so they are placed by the first worker that writes them), with `pages` as advice. It is
 * MAP_SHARED, except that with PK_PAGES_HUGE and !shared (no other process needs to see it:
 * every model but fork) it is private, which transparent huge pages serve more often.
 * Returns 0, or -1 with the reason in err.
 */
int pk_arena_map(struct pk_arena *a, size_t bytes, enum pk_pages pages, bool shared, char *err,
                 size_t errlen);

/*
 * Carves `bytes` from the arena: 64-byte aligned; from PK_ARENA_LARGE up, staggered as above.
 * Fresh pages read as zero. Returns NULL when the arena is full.
 */
void *pk_arena_alloc(struct pk_arena *a, size_t bytes);

/* What pk_arena_alloc needs beyond `bytes` in the worst case (alignment and stagger). */
size_t pk_arena_slack(size_t bytes);

/* bytes + pk_arena_slack(bytes): what one allocation may take, for a kernel's bytes(). */
size_t pk_arena_bytes(size_t bytes);

/*
 * The share (0 to 1) of the arena's resident memory that sits in huge pages, as this process's
 * /proc/self/smaps tells it (AnonHugePages, ShmemPmdMapped); -1 if it cannot be read, 0 when
 * nothing is resident.
 */
double pk_arena_huge_share(const struct pk_arena *a);

/*
 * Why huge pages cannot back this arena, or NULL if nothing stands in the way: shared memory
 * with shared-memory THP off, or THP off altogether (read from
 * /sys/kernel/mm/transparent_hugepage).
 */
const char *pk_arena_huge_refused(bool shared);

/* "normal" or "huge"; and the reverse, 0 or -1 for an unknown word. */
const char *pk_pages_name(enum pk_pages p);
int pk_pages_parse(const char *word, enum pk_pages *p);

/* Unmaps the arena (no-op on one never mapped) and leaves it empty. */
void pk_arena_unmap(struct pk_arena *a);

#endif
