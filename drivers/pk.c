/*
 * pk: runs the kernels in every parallel model, checks that the models agree, and reports times,
 * speedups and efficiency. main() dispatches through the subcommand table.
 */
#include "pk.h"

#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "sysinfo.h"

static int cmd_help(int argc, char **argv);
static int cmd_version(int argc, char **argv);

static const struct pk_subcommand subcommands[] = {
    {"list", "list the kernels, their sizes and options, and the models", cmd_list},
    {"run", "run, verify and time kernels in every model", cmd_run},
    {"report", "print the tables of results files (merging them)", cmd_report},
    {"compare", "compare two results files configuration by configuration", cmd_compare},
    {"plot", "plot time, speedup and efficiency against workers (gnuplot)", cmd_plot},
    {"show", "show a kernel's code model by model, side by side or as a diff", cmd_show},
    {"info", "show the machine, build and environment facts pk records", cmd_info},
    {"help", "show this help, or a subcommand's ('pk help run')", cmd_help},
    {"version", "print the version", cmd_version},
};
#define NSUBCOMMANDS (int)(sizeof subcommands / sizeof subcommands[0])

void pk_usage_error(const char *fmt, ...)
{
    va_list ap;
    char message[1024];
    fflush(stdout);
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    /* one line whatever a quoted value holds: a newline in it shows as \n */
    fputs("pk: ", stderr);
    for (const unsigned char *p = (const unsigned char *)message; *p; p++)
        if (*p == '\n')
            fputs("\\n", stderr);
        else if (*p < 0x20 || *p == 0x7f)
            fprintf(stderr, "\\x%02x", *p);
        else
            fputc(*p, stderr);
    fputc('\n', stderr);
    exit(2);
}

int pk_finish_stdout(int code)
{
    if (fflush(stdout) || ferror(stdout)) {
        fprintf(stderr, "pk: cannot write to standard output\n");
        return code ? code : 1;
    }
    return code;
}

static void usage(FILE *f)
{
    fprintf(f, "usage: pk COMMAND [options]\n"
               "Runs numeric kernels in the serial, openmp, threads, fork and mpi models,\n"
               "verifies every result, and reports time, speedup and efficiency.\n\n"
               "commands:\n");
    for (int i = 0; i < NSUBCOMMANDS; i++)
        fprintf(f, "  %-8s %s\n", subcommands[i].name, subcommands[i].summary);
    fprintf(f, "\n'pk COMMAND --help' tells more. Start with 'pk run -c S'.\n");
}

static const struct pk_subcommand *find(const char *name)
{
    for (int i = 0; i < NSUBCOMMANDS; i++)
        if (strcmp(subcommands[i].name, name) == 0)
            return &subcommands[i];
    return NULL;
}

static int cmd_help(int argc, char **argv)
{
    if (argc > 2)
        pk_usage_error("help takes one command name at most");
    if (argc == 2) {
        const struct pk_subcommand *sub = find(argv[1]);
        char *help_argv[] = {argv[1], "--help", NULL};
        if (!sub || sub->run == cmd_help || sub->run == cmd_version)
            pk_usage_error("no help for '%s' (try 'pk --help')", argv[1]);
        return sub->run(2, help_argv);
    }
    usage(stdout);
    return pk_finish_stdout(0);
}

static int cmd_version(int argc, char **argv)
{
    (void)argv;
    if (argc > 1)
        pk_usage_error("version takes no arguments");
    printf("pk (parkernels) %s\n", PK_VERSION);
    return pk_finish_stdout(0);
}

int main(int argc, char **argv)
{
    const struct pk_subcommand *sub;

    /* a closed 0, 1 or 2 would be taken by the first pipe or file pk opens */
    if (pk_sys_std_fds()) {
        fputs("pk: cannot open /dev/null\n", stderr);
        return 2;
    }
    /* a file-size limit (ulimit -f) would kill pk mid-write and leave a temporary file: as
     * EFBIG, it is reported like any write error and cleaned up */
    signal(SIGXFSZ, SIG_IGN);

    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)
        return cmd_help(1, argv + 1);
    if (strcmp(argv[1], "--version") == 0)
        return cmd_version(1, argv + 1);
    if (!(sub = find(argv[1])))
        pk_usage_error("unknown command '%s' (try 'pk --help')", argv[1]);
    return sub->run(argc - 1, argv + 1);
}
