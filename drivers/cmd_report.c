/* pk report: reads CSV records back (one per job, say), merges them, prints the same tables. */
#include "pk.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "opts.h"
#include "outfile.h"

static const char report_usage[] =
    "usage: pk report FILE.csv... [--format table|csv|json|markdown] [-o FILE]\n"
    "Reads results written by 'pk run -o FILE.csv' (for example one file per SLURM array\n"
    "task), merges them and prints the tables; speedups take their serial base from any\n"
    "file. With --format csv or -o FILE.csv it writes the merged record.\n"
    "Exit status: 0 every configuration verified; 1 some failed; 2 a file is unreadable,\n"
    "not a pk results file, corrupt or truncated (nothing is printed then).\n";

/* Reads every FILE into *all; exits 2 naming the first bad one. */
int pk_read_result_files(int argc, char **argv, int first, struct pk_result **all, int *n)
{
    int cap = 0;
    char err[512];
    *all = NULL;
    *n = 0;
    for (int i = first; i < argc; i++)
        if (pk_results_read_csv(argv[i], all, n, &cap, err, sizeof err))
            pk_usage_error("%s", err);
    return 0;
}

int cmd_report(int argc, char **argv)
{
    enum { O_FORMAT = 1, O_OUTPUT, O_HELP };
    static const struct opt opts[] = {{O_FORMAT, 0, "format", true},
                                      {O_OUTPUT, 'o', "output", true},
                                      {O_HELP, 'h', "help", false},
                                      {0, 0, NULL, false}};
    struct opt_scan s;
    const char *files[256], *output = NULL;
    int nfiles = 0, id, n;
    enum pk_format format = PK_FORMAT_TABLE, out_format = PK_FORMAT_CSV;
    struct pk_result *all;
    char err[512];
    bool failed = false;

    opt_begin(&s, argc, argv, 1, opts, false);
    while ((id = opt_next(&s, err, sizeof err)) != OPT_END) {
        switch (id) {
        case OPT_ERROR:
            pk_usage_error("%s (see 'pk report --help')", err);
        case OPT_ARG:
            if (nfiles == 256)
                pk_usage_error("too many files (at most 256)");
            files[nfiles++] = s.value;
            break;
        case O_FORMAT:
            if (pk_format_parse(s.value, &format))
                pk_usage_error("unknown format '%s' (table, csv, json or markdown)", s.value);
            break;
        case O_OUTPUT:
            output = s.value;
            if (pk_format_from_path(output, &out_format))
                pk_usage_error("cannot tell the format of '%s' from its extension (.csv, .json, "
                               ".md, .txt)",
                               output);
            if (pk_outfile_probe(output, err, sizeof err))
                pk_usage_error("%s", err);
            break;
        case O_HELP:
            fputs(report_usage, stdout);
            return pk_finish_stdout(0);
        }
    }
    if (nfiles == 0)
        pk_usage_error("report needs at least one results file (see 'pk report --help')");
    pk_read_result_files(nfiles, (char **)files, 0, &all, &n);
    for (int i = 0; i < n; i++)
        failed |= pk_status_is_failure(all[i].rec.status);
    pk_report_write(stdout, format, all, n, NULL, isatty(STDOUT_FILENO) && !getenv("NO_COLOR"));
    if (output) {
        struct pk_outfile o;
        if (pk_outfile_open(&o, output, err, sizeof err) ||
            pk_report_write(o.f, out_format, all, n, NULL, false) ||
            pk_outfile_commit(&o, err, sizeof err)) {
            if (o.f)
                pk_outfile_abort(&o);
            fprintf(stderr, "pk: %s\n", err);
            failed = true;
        }
    }
    free(all);
    return pk_finish_stdout(failed ? 1 : 0);
}
