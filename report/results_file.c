/*
 * A results file read whole, within limits: a regular file or a pipe, never a device or a
 * directory, never waited on, stopped at a NUL byte or past PK_RESULTS_MAX_BYTES.
 */
#include "results_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "results.h"

static int read_error(char *err, size_t errlen, const char *path, FILE *f, char *buf)
{
    snprintf(err, errlen, "cannot read '%s': %s", path, strerror(errno));
    free(buf);
    if (f)
        fclose(f);
    return -1;
}

/* What a file that is not a regular one is, for the message that refuses it. */
static const char *file_kind(mode_t mode)
{
    return S_ISDIR(mode)    ? "a directory"
           : S_ISCHR(mode)  ? "a character device"
           : S_ISBLK(mode)  ? "a block device"
           : S_ISSOCK(mode) ? "a socket"
                            : "not a regular file";
}

/*
 * Opens path for reading if it is a regular file or a pipe (`pk report <(ssh host cat r.csv)`):
 * opened with O_NONBLOCK (a FIFO with no writer would block open() for ever; read, it then
 * ends at once), checked with fstat, then made blocking again. A device or a directory is
 * refused unread: /dev/zero never ends. Fills *st. Returns the stream, or NULL with the reason
 * in err.
 */
static FILE *open_regular(const char *path, struct stat *st, char *err, size_t errlen)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        read_error(err, errlen, path, NULL, NULL);
        return NULL;
    }
    if (fstat(fd, st) < 0) {
        read_error(err, errlen, path, NULL, NULL);
        goto out_close;
    }
    if (!S_ISREG(st->st_mode) && !S_ISFIFO(st->st_mode)) {
        snprintf(err, errlen, "'%s' is not a pk results file (%s, not a regular file or pipe)",
                 path, file_kind(st->st_mode));
        goto out_close;
    }
    if (S_ISREG(st->st_mode) && (uintmax_t)st->st_size > PK_RESULTS_MAX_BYTES) {
        snprintf(err, errlen, "'%s' is not a pk results file (larger than %d MiB)", path,
                 (int)(PK_RESULTS_MAX_BYTES >> 20));
        goto out_close;
    }
    int flags = fcntl(fd, F_GETFL);
    FILE *f = flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0 ? NULL : fdopen(fd, "rb");
    if (!f) {
        read_error(err, errlen, path, NULL, NULL);
        goto out_close;
    }
    return f;

out_close:
    close(fd);
    return NULL;
}

/*
 * The whole file, NUL-terminated, read in chunks; *st gets its identity. Only a regular file
 * or a pipe is read (never a device or a directory, which may never end); reading
 * stops at the first chunk that holds a NUL byte (a binary file) and past
 * PK_RESULTS_MAX_BYTES (a file that grows while it is read), so memory never grows with what
 * a results file is not.
 */
char *pk_results_slurp(const char *path, struct stat *st, char *err, size_t errlen)
{
    FILE *f = open_regular(path, st, err, errlen);
    char *buf = NULL;
    size_t len = 0, cap = 0;
    if (!f)
        return NULL;
    for (;;) {
        if (len + 65536 + 1 > cap) {
            cap = 2 * cap + 65536 + 1;
            char *grown = realloc(buf, cap);
            if (!grown) {
                snprintf(err, errlen, "'%s' is too large to read (out of memory)", path);
                goto out_fail;
            }
            buf = grown;
        }
        size_t got = fread(buf + len, 1, 65536, f);
        if (memchr(buf + len, '\0', got)) {
            snprintf(err, errlen, "'%s' is not a pk results file (it holds a NUL byte: binary)",
                     path);
            goto out_fail;
        }
        len += got;
        if (len > PK_RESULTS_MAX_BYTES) {
            snprintf(err, errlen, "'%s' is not a pk results file (larger than %d MiB)", path,
                     (int)(PK_RESULTS_MAX_BYTES >> 20));
            goto out_fail;
        }
        if (got < 65536)
            break;
    }
    if (ferror(f)) {
        read_error(err, errlen, path, f, buf);
        return NULL;
    }
    fclose(f);
    buf[len] = '\0';
    return buf;

out_fail:
    free(buf);
    fclose(f);
    return NULL;
}
