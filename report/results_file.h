/* Reading a results file whole and within limits (results_file.c), for the CSV reader. */
#ifndef PK_RESULTS_FILE_H
#define PK_RESULTS_FILE_H

#include <stddef.h>
#include <sys/stat.h>

/*
 * The whole of path, NUL-terminated, in memory the caller frees; *st gets its identity (one
 * file given twice is told by it). NULL with a one-line reason naming path in err: not a
 * regular file or a pipe, a NUL byte (binary), larger than PK_RESULTS_MAX_BYTES, unreadable.
 */
char *pk_results_slurp(const char *path, struct stat *st, char *err, size_t errlen);

#endif
