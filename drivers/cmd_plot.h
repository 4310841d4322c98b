/* pk plot's parts: the figures (cmd_plot.c), the output folder and gnuplot (cmd_plot_gnuplot.c). */
#ifndef PK_CMD_PLOT_H
#define PK_CMD_PLOT_H

#include <stdbool.h>
#include <stddef.h>

/* Exits 2 unless -o dir is a folder that pk may write in (or, with may_be_absent, nothing yet). */
void plot_check_dir(const char *dir, bool may_be_absent);

/* Runs gnuplot NAME.gp with DIR as its working directory: an argv, no shell. 0, or -1 with err. */
int plot_render(const char *dir, const char *name, char *err, size_t errlen);

#endif
