/* Temporary file in the target's directory (rename is atomic only within one filesystem). */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int pk_outfile_open(struct pk_outfile *o, const char *path, char *err, size_t errlen)
{
    int fd;
    snprintf(o->path, sizeof o->path, "%s", path);
    snprintf(o->tmp, sizeof o->tmp, "%s.tmp.%d", path, (int)getpid());
    o->f = NULL;
    fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0 || !(o->f = fdopen(fd, "w"))) {
        snprintf(err, errlen, "cannot write '%s': %s", path, strerror(errno));
        if (fd >= 0) {
            close(fd);
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
    int failed = fflush(o->f) || ferror(o->f) || fsync(fileno(o->f));
    int saved = errno;
    if (fclose(o->f) && !failed)
        failed = 1, saved = errno;
    o->f = NULL;
    if (!failed && rename(o->tmp, o->path) == 0)
        return 0;
    if (!failed)
        saved = errno;
    snprintf(err, errlen, "cannot write '%s': %s", o->path, strerror(saved));
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
