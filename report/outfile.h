/*
 * Results files written whole or not at all: the text goes to a temporary file beside the
 * target, which is renamed over it only once everything is on disk.
 */
#ifndef PK_OUTFILE_H
#define PK_OUTFILE_H

#include <limits.h>
#include <stddef.h>
#include <stdio.h>

struct pk_outfile {
    char path[PATH_MAX], tmp[PATH_MAX + 32];
    FILE *f;
    int fd, error; /* error: the first failed write's errno, 0 if none */
    char *err;     /* the caller's message buffer, filled when a write fails */
    size_t errlen;
};

/*
 * Checks now, before any work, that path can be written: not an existing directory or other
 * non-regular file, and its temporary can be created (and is removed again).
 */
int pk_outfile_probe(const char *path, char *err, size_t errlen);

/*
 * Opens the temporary file for path. Returns 0 with o->f ready, or -1 with the reason in err.
 * err must outlive o: a write to o->f that fails (a full disk, a file-size limit) puts
 * "cannot write 'PATH': REASON" there at once, so the caller can print it as it stands.
 */
int pk_outfile_open(struct pk_outfile *o, const char *path, char *err, size_t errlen);

/* Flushes, syncs and renames the temporary over path. Returns 0, or -1 (temporary removed). */
int pk_outfile_commit(struct pk_outfile *o, char *err, size_t errlen);

/* Closes and removes the temporary file. */
void pk_outfile_abort(struct pk_outfile *o);

#endif
