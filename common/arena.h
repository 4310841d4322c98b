/*
 * The arena: one MAP_SHARED anonymous mapping holding a case's inputs and outputs, so fork
 * workers started after setup read and write the very bytes the other models use.
 */
#ifndef PK_ARENA_H
#define PK_ARENA_H

#include <stddef.h>

struct pk_arena {
    unsigned char *base;
    size_t size, used;
};

/*
 * Maps `bytes` of shared anonymous memory (pages are not touched, so they are placed by the
 * first worker that writes them). Returns 0, or -1 with the reason in err.
 */
int pk_arena_map(struct pk_arena *a, size_t bytes, char *err, size_t errlen);

/*
 * Carves `bytes` from the arena: 64-byte aligned, page aligned from 64 KiB up, zero-filled only
 * in the sense that fresh pages read as zero. Returns NULL when the arena is full.
 */
void *pk_arena_alloc(struct pk_arena *a, size_t bytes);

/* What pk_arena_alloc needs beyond `bytes` in the worst case, for sizing an arena. */
size_t pk_arena_slack(size_t bytes);

/* Unmaps the arena (no-op on one never mapped) and leaves it empty. */
void pk_arena_unmap(struct pk_arena *a);

#endif
