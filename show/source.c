/* Finding and reading the kernels' sources, relative to the running program. */
#include "source.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sysinfo.h"

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int pk_source_dir(char *buf, size_t len, char *err, size_t errlen)
{
    const char *env = getenv("PK_SOURCE_DIR");
    char self[PATH_MAX], installed[PATH_MAX + 32], checkout[PATH_MAX + 16];

    if (env && *env) {
        if (!is_dir(env)) {
            snprintf(err, errlen, "PK_SOURCE_DIR '%s' is not a folder", env);
            return -2;
        }
        snprintf(buf, len, "%s", env);
        return 0;
    }
    if (pk_sys_self_dir(self, sizeof self)) {
        snprintf(err, errlen,
                 "cannot find the kernel sources: /proc/self/exe unreadable "
                 "(set PK_SOURCE_DIR)");
        return -1;
    }
    snprintf(installed, sizeof installed, "%s/../share/parkernels/kernels", self);
    snprintf(checkout, sizeof checkout, "%s/../kernels", self);
    const char *found = is_dir(installed) ? installed : is_dir(checkout) ? checkout : NULL;
    if (!found) {
        snprintf(err, errlen, "cannot find the kernel sources in '%s' or '%s' (set PK_SOURCE_DIR)",
                 installed, checkout);
        return -1;
    }
    char clean[PATH_MAX];
    if (realpath(found, clean)) /* /usr/local/share/... rather than /usr/local/bin/../share/... */
        found = clean;
    if ((size_t)snprintf(buf, len, "%s", found) >= len) {
        snprintf(err, errlen, "kernel source path too long: '%s'", found);
        return -1;
    }
    return 0;
}

int pk_source_read(const char *path, char **text, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    size_t cap = 4096, n = 0;
    char *buf = NULL;

    if (!f) {
        snprintf(err, errlen, "cannot read '%s': %s", path, strerror(errno));
        return -1;
    }
    for (;;) {
        char *grown = realloc(buf, cap + 1);
        if (!grown) {
            snprintf(err, errlen, "out of memory reading '%s'", path);
            goto out_fail;
        }
        buf = grown;
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        cap *= 2;
    }
    if (ferror(f)) {
        snprintf(err, errlen, "cannot read '%s': %s", path, strerror(errno));
        goto out_fail;
    }
    fclose(f);
    buf[n] = '\0';
    *text = buf;
    *len = n;
    return 0;
out_fail:
    free(buf);
    fclose(f);
    return -1;
}
