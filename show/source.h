/*
 * The kernels' source files, for `pk show` and `pk list --loc`: where they are (in a checkout or
 * an installed tree) and reading one whole.
 */
#ifndef PK_SOURCE_H
#define PK_SOURCE_H

#include <stddef.h>

/*
 * The folder holding kernels/<name>/ for every kernel, into buf: $PK_SOURCE_DIR if set, else
 * <dir of the running program>/../share/parkernels/kernels (as `make install` lays it out),
 * else <dir of the running program>/../kernels (a checkout's bin/pk). Returns 0; -2 when
 * $PK_SOURCE_DIR is set but names no folder (a usage error); -1 when the sources are not found.
 * Either way err holds a one-line reason naming where it looked.
 */
int pk_source_dir(char *buf, size_t len, char *err, size_t errlen);

/*
 * Reads the file at path into a malloc'd, NUL-terminated *text of *len bytes (free it).
 * Returns 0, or -1 with a one-line reason naming the path in err.
 */
int pk_source_read(const char *path, char **text, size_t *len, char *err, size_t errlen);

#endif
