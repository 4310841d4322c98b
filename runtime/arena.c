/* A bump allocator over one mapping; nothing is freed until the whole arena goes. */
#include "arena.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#define SMALL_ALIGN 64u
#define THP_DIR     "/sys/kernel/mm/transparent_hugepage/"

size_t pk_arena_slack(size_t bytes)
{
    return bytes >= PK_ARENA_LARGE ? PK_ARENA_SPAN : SMALL_ALIGN;
}

size_t pk_arena_bytes(size_t bytes)
{
    return bytes + pk_arena_slack(bytes);
}

int pk_arena_map(struct pk_arena *a, size_t bytes, enum pk_pages pages, bool shared, char *err,
                 size_t errlen)
{
    memset(a, 0, sizeof *a);
    if (bytes == 0)
        bytes = SMALL_ALIGN;
    bytes = (bytes + 4095) & ~(size_t)4095;
    /* private memory only where huge pages are asked for and no other process needs it */
    bool private = pages == PK_PAGES_HUGE && !shared;
    size_t len = bytes + PK_ARENA_SPAN; /* room to align the base to a huge page */
    void *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
                   (private ? MAP_PRIVATE : MAP_SHARED) | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) {
        snprintf(err, errlen, "cannot map %zu bytes of %s memory: %s", bytes,
                 private ? "private" : "shared", strerror(errno));
        return -1;
    }
    uintptr_t at = ((uintptr_t)p + PK_ARENA_SPAN - 1) & ~(uintptr_t)(PK_ARENA_SPAN - 1);
    /* advice only: a kernel without THP refuses it, and the page size is read back afterwards */
    (void)madvise((void *)at, bytes, pages == PK_PAGES_HUGE ? MADV_HUGEPAGE : MADV_NOHUGEPAGE);
    a->map = p;
    a->map_len = len;
    a->base = (unsigned char *)at;
    a->size = bytes;
    a->pages = pages;
    a->shared = !private;
    return 0;
}

void *pk_arena_alloc(struct pk_arena *a, size_t bytes)
{
    size_t offset;

    if (!a->base)
        return NULL;
    offset = (a->used + SMALL_ALIGN - 1) & ~(size_t)(SMALL_ALIGN - 1);
    if (bytes >= PK_ARENA_LARGE) {
        /* the first offset from here that sits at this array's own residue modulo the span */
        size_t want = ((size_t)a->large * PK_ARENA_STAGGER) % PK_ARENA_SPAN;
        size_t have = offset % PK_ARENA_SPAN;
        offset += (want + PK_ARENA_SPAN - have) % PK_ARENA_SPAN;
    }
    if (offset > a->size || bytes > a->size - offset)
        return NULL;
    if (bytes >= PK_ARENA_LARGE)
        a->large++;
    a->used = offset + bytes;
    return a->base + offset;
}

/* Adds a "Key:   N kB" line's N to *kb when line starts with key. */
static void add_field(const char *line, const char *key, unsigned long long *kb)
{
    size_t len = strlen(key);
    unsigned long long v;
    if (strncmp(line, key, len) == 0 && sscanf(line + len, " %llu", &v) == 1)
        *kb += v;
}

double pk_arena_huge_share(const struct pk_arena *a)
{
    unsigned long long rss = 0, huge = 0, lo, hi;
    uintptr_t start = (uintptr_t)a->map, end = start + a->map_len;
    bool inside = false, found = false;
    char line[512];
    FILE *f;

    if (!a->map || !(f = fopen("/proc/self/smaps", "r")))
        return -1;
    while (fgets(line, sizeof line, f)) {
        /* a mapping's header, "lo-hi perms offset dev inode [path]", then its "Key: N kB" lines */
        size_t word = strcspn(line, " \t");
        if (word > 0 && line[word - 1] != ':' && sscanf(line, "%llx-%llx", &lo, &hi) == 2) {
            inside = lo < end && start < hi; /* madvise may have split the mapping */
            found |= inside;
            continue;
        }
        if (!inside)
            continue;
        add_field(line, "Rss:", &rss);
        add_field(line, "AnonHugePages:", &huge);
        add_field(line, "ShmemPmdMapped:", &huge);
    }
    fclose(f);
    if (!found)
        return -1;
    return rss ? (double)huge / (double)rss : 0;
}

/* The bracketed word of a THP setting file ("always [madvise] never"), or "" if unreadable. */
static void thp_setting(const char *file, char *word, size_t len)
{
    char line[256], *open, *close;
    FILE *f = fopen(file, "r");
    word[0] = '\0';
    if (!f)
        return;
    if (fgets(line, sizeof line, f) && (open = strchr(line, '[')) && (close = strchr(open, ']')))
        snprintf(word, len, "%.*s", (int)(close - open - 1), open + 1);
    fclose(f);
}

const char *pk_arena_huge_refused(bool shared)
{
    char word[64];
    thp_setting(THP_DIR "enabled", word, sizeof word);
    if (strcmp(word, "never") == 0)
        return "transparent huge pages are off (" THP_DIR "enabled is never)";
    if (!word[0])
        return "this kernel has no transparent huge pages (no " THP_DIR "enabled)";
    if (!shared)
        return NULL;
    thp_setting(THP_DIR "shmem_enabled", word, sizeof word);
    if (!word[0] || strcmp(word, "never") == 0 || strcmp(word, "deny") == 0)
        return "shared memory gets no huge pages here (" THP_DIR "shmem_enabled is never)";
    return NULL;
}

const char *pk_pages_name(enum pk_pages p)
{
    return p == PK_PAGES_HUGE ? "huge" : "normal";
}

int pk_pages_parse(const char *word, enum pk_pages *p)
{
    if (strcmp(word, "normal") == 0)
        *p = PK_PAGES_NORMAL;
    else if (strcmp(word, "huge") == 0)
        *p = PK_PAGES_HUGE;
    else
        return -1;
    return 0;
}

void pk_arena_unmap(struct pk_arena *a)
{
    if (a->map)
        munmap(a->map, a->map_len);
    memset(a, 0, sizeof *a);
}
