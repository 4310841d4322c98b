/*
 * Temporary file in the target's directory (rename is atomic only within one filesystem).
 * The stream writes through a cookie that remembers the first failed write(2), so a disk
 * that fills (ENOSPC) or a file-size limit (EFBIG) is named in the caller's message even when
 * the failure shows first in a printf far from here.
 */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void say(const struct pk_outfile *o, int error)
{
    if (o->err && o->errlen)
        snprintf(o->err, o->errlen, "cannot write '%s': %s", o->path, strerror(error));
}

static ssize_t cookie_write(void *cookie, const char *buf, size_t size)
{
    struct pk_outfile *o = cookie;
    size_t done = 0;
    while (done < size) {
        ssize_t n = write(o->fd, buf + done, size - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (!o->error)
                o->error = n < 0 ? errno : ENOSPC;
            say(o, o->error);
            errno = o->error;
            return done ? (ssize_t)done : -1;
        }
        done += (size_t)n;
    }
    return (ssize_t)done;
}

static int cookie_close(void *cookie)
{
    struct pk_outfile *o = cookie;
    int rc = o->fd >= 0 ? close(o->fd) : 0;
    o->fd = -1;
    return rc;
}

int pk_outfile_open(struct pk_outfile *o, const char *path, char *err, size_t errlen)
{
    cookie_io_functions_t io = {.write = cookie_write, .close = cookie_close};
    snprintf(o->path, sizeof o->path, "%s", path);
    snprintf(o->tmp, sizeof o->tmp, "%s.tmp.%d", path, (int)getpid());
    o->f = NULL;
    o->err = err;
    o->errlen = errlen;
    o->error = 0;
    o->fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (o->fd < 0 || !(o->f = fopencookie(o, "w", io))) {
        say(o, errno);
        if (o->fd >= 0) {
            close(o->fd);
            o->fd = -1;
            unlink(o->tmp);
        }
        return -1;
    }
    return 0;
}

int pk_outfile_probe(const char *path, char *err, size_t errlen)
{
    struct pk_outfile o;
    struct stat st;
    /* the temporary beside a directory (or a device) opens fine; only the rename would fail */
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "cannot write '%s': %s", path,
                 S_ISDIR(st.st_mode) ? "it is a directory" : "it is not a regular file");
        return -1;
    }
    if (pk_outfile_open(&o, path, err, errlen))
        return -1;
    pk_outfile_abort(&o);
    return 0;
}

int pk_outfile_commit(struct pk_outfile *o, char *err, size_t errlen)
{
    int failed = fflush(o->f) || ferror(o->f) || o->error;
    int saved = o->error ? o->error : errno;
    if (!failed && fsync(o->fd))
        failed = 1, saved = errno;
    if (fclose(o->f) && !failed)
        failed = 1, saved = o->error ? o->error : errno;
    o->f = NULL;
    if (!failed && rename(o->tmp, o->path) == 0)
        return 0;
    if (!failed)
        saved = errno;
    snprintf(err, errlen, "cannot write '%s': %s", o->path, strerror(saved ? saved : EIO));
    unlink(o->tmp);
    return -1;
}

void pk_outfile_abort(struct pk_outfile *o)
{
    if (o->f)
        fclose(o->f);
    o->f = NULL;
    unlink(o->tmp);
}
