/* pk plot's output folder and gnuplot's run in it (cmd_plot.c draws the figures). */
#include "cmd_plot.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pk.h"

/* Exits 2 unless -o dir is a folder that pk may write in (or, with may_be_absent, nothing yet). */
void plot_check_dir(const char *dir, bool may_be_absent)
{
    struct stat st;
    int found = stat(dir, &st);
    if (found != 0 && may_be_absent && errno == ENOENT)
        return;
    if (found != 0 || !S_ISDIR(st.st_mode))
        pk_usage_error("'-o %s' is not a folder", dir);
    if (access(dir, W_OK | X_OK) != 0)
        pk_usage_error("cannot write in '-o %s': %s", dir, strerror(errno));
}

/* Runs gnuplot NAME.gp with DIR as its working directory: an argv, no shell. */
int plot_render(const char *dir, const char *name, char *err, size_t errlen)
{
    char script[160];
    struct pk_child child = {0};
    int here = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc = -1;
    snprintf(script, sizeof script, "%s.gp", name);
    char *argv[] = {"gnuplot", script, NULL};
    if (here < 0 || chdir(dir)) {
        snprintf(err, errlen, "cannot enter '%.400s': %s", dir, strerror(errno));
        goto out_close;
    }
    /* the child inherits the working directory; pk returns to its own at once */
    if (pk_child_run(argv, 60, NULL, &child, err, errlen) == 0) {
        if (child.exited && child.exit_code == 0)
            rc = 0;
        else
            snprintf(err, errlen, "gnuplot failed on %.300s/%.100s.gp", dir, name);
        pk_child_free(&child);
    }
    if (fchdir(here)) {
        snprintf(err, errlen, "cannot return to the working directory: %s", strerror(errno));
        rc = -1;
    }
out_close:
    if (here >= 0)
        close(here);
    return rc;
}
