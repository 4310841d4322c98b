/* The pk driver: what its subcommands share. */
#ifndef PK_DRIVER_H
#define PK_DRIVER_H

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>

#include "child.h"
#include "launch.h"
#include "pk_kernel.h"
#include "report.h"
#include "results.h"

#define PK_VERSION "0.1.0"

struct pk_subcommand {
    const char *name, *summary;
    int (*run)(int argc, char **argv); /* argv[0] is the subcommand's name */
};

/* Prints "pk: MESSAGE" (printf-style) and exits 2: the one exit for usage errors. */
_Noreturn void pk_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Checks that stdout took everything (a full disk, a closed pipe) and returns code, or 1. */
int pk_finish_stdout(int code);

int cmd_list(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_info(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_plot(int argc, char **argv);
int cmd_show(int argc, char **argv);

#endif
