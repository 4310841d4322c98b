/* The terminal's width: the kernel's idea first, then $COLUMNS, then the caller's default. */
#include "term.h"

#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"

int pk_term_columns(int fd, int fallback)
{
    struct winsize ws;
    const char *env = getenv("COLUMNS");
    char err[128];
    int columns;

    if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
        return ws.ws_col;
    /* a shell's odd COLUMNS is no reason to refuse: it is ignored */
    if (env && !pk_cli_parse_int("COLUMNS", env, 20, 10000, &columns, err, sizeof err))
        return columns;
    return fallback;
}
