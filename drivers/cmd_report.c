/* pk report: reads CSV records back (one per job, say), merges them, prints the same tables. */
#include "pk.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "opts.h"
#include "outfile.h"

static const char report_usage[] =
    "usage: pk report FILE.csv... [--format table|csv|json|markdown] [-o FILE]...\n"
    "Reads results written by 'pk run -o FILE.csv' (for example one file per SLURM array\n"
    "task), merges them and prints the tables; each speedup takes the serial of its own run,\n"
    "else, for a configuration measured in one run only, another file's. With --format csv\n"
    "or -o FILE.csv it writes the merged record; -o may repeat (one file per -o, each in the\n"
    "format its extension names).\n"
    "Agreement is checked again from the results of every file (not from their status\n"
    "column); a configuration whose result differs is reported DISAGREE. When a configuration\n"
    "was measured in several runs, each run gets its own table, labelled.\n"
    "The table starts with the context the files carry (host, run, commit, job, cpu, cores,\n"
    "mpi, options, pages); CSV does not keep memory, compiler, flags, OpenMP settings or load.\n"
    "Exit status: 0 every configuration verified; 1 some failed or disagree; 2 a file is\n"
    "unreadable, neither a regular file nor a pipe (a device, a directory), not a pk results\n"
    "file, a header with no row, corrupt, truncated (a last row without its line break\n"
    "too), larger than 256 MiB, names a kernel or model pk does not know, or repeats a rep\n"
    "already read (a row twice, a file given twice): nothing is printed then.\n";

/* Sets key to the distinct values of one field over all[0..n), with ", " ("" and "-" are none). */
static void context_key(struct pk_context *ctx, const char *key, const struct pk_result *all, int n,
                        size_t offset)
{
    char list[256] = "";
    size_t used = 0;
    for (int i = 0; i < n; i++) {
        const char *v = (const char *)&all[i] + offset;
        bool seen = *v == '\0' || strcmp(v, "-") == 0;
        for (int j = 0; j < i && !seen; j++)
            seen = strcmp(v, (const char *)&all[j] + offset) == 0;
        if (!seen && used + strlen(v) + 3 < sizeof list)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", used ? ", " : "", v);
    }
    if (used)
        pk_context_set(ctx, key, list);
}

/* Sets "cores" to the distinct usable core counts of all[0..n) ("2, 64"; 0 is unknown). */
static void cores_key(struct pk_context *ctx, const struct pk_result *all, int n)
{
    char list[256] = "";
    size_t used = 0;
    for (int i = 0; i < n; i++) {
        bool seen = all[i].cores <= 0;
        for (int j = 0; j < i && !seen; j++)
            seen = all[j].cores == all[i].cores;
        if (!seen && used + 16 < sizeof list)
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%d", used ? ", " : "",
                                     all[i].cores);
    }
    if (used)
        pk_context_set(ctx, "cores", list);
}

/*
 * A results file keeps only the context keys of its rows (host, run, commit, SLURM job, CPU
 * model, cores, MPI library, options, pages): the context block and the exports say so and carry
 * those, rather than this machine's context, which may not be the one that measured.
 */
static void context_of_files(struct pk_context *ctx, const struct pk_result *all, int n, int nfiles)
{
    char source[256];
    ctx->n = 0;
    snprintf(source, sizeof source,
             "pk report of %d results file%s; CSV keeps only these keys (pk run -o FILE.json "
             "keeps memory, compiler, flags, OpenMP, load)",
             nfiles, nfiles == 1 ? "" : "s");
    pk_context_set(ctx, "source", source);
    context_key(ctx, "host", all, n, offsetof(struct pk_result, host));
    context_key(ctx, "run", all, n, offsetof(struct pk_result, run));
    context_key(ctx, "commit", all, n, offsetof(struct pk_result, commit));
    context_key(ctx, "job", all, n, offsetof(struct pk_result, job));
    context_key(ctx, "cpu", all, n, offsetof(struct pk_result, cpu_model));
    cores_key(ctx, all, n);
    context_key(ctx, "mpi library", all, n, offsetof(struct pk_result, rec.mpi));
    context_key(ctx, "options", all, n, offsetof(struct pk_result, options));
    context_key(ctx, "pages", all, n, offsetof(struct pk_result, rec.pages));
}

int cmd_report(int argc, char **argv)
{
    enum { O_FORMAT = 1, O_OUTPUT, O_HELP };
    static const struct opt opts[] = {{O_FORMAT, 0, "format", true},
                                      {O_OUTPUT, 'o', "output", true},
                                      {O_HELP, 'h', "help", false},
                                      {0, 0, NULL, false}};
    struct opt_scan s;
    const char *files[256], *output[8];
    int nfiles = 0, noutputs = 0, id, n;
    enum pk_format format = PK_FORMAT_TABLE, out_format[8];
    bool format_given = false;
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
            if (format_given)
                pk_usage_error("option '%s' is given twice", s.name);
            format_given = true;
            if (pk_format_parse(s.value, &format))
                pk_usage_error("unknown format '%s' (table, csv, json or markdown)", s.value);
            break;
        case O_OUTPUT: /* may repeat: one file per -o */
            for (int i = 0; i < noutputs; i++)
                if (strcmp(output[i], s.value) == 0)
                    pk_usage_error("output file '%s' is named twice", s.value);
            if (noutputs == 8)
                pk_usage_error("too many output files at '%s' (at most 8)", s.value);
            output[noutputs] = s.value;
            if (pk_format_from_path(s.value, &out_format[noutputs]))
                pk_usage_error("cannot tell the format of '%s' from its extension (.csv, .json, "
                               ".md, .txt)",
                               s.value);
            if (pk_outfile_probe(s.value, err, sizeof err))
                pk_usage_error("%s", err);
            noutputs++;
            break;
        case O_HELP:
            fputs(report_usage, stdout);
            return pk_finish_stdout(0);
        }
    }
    if (nfiles == 0)
        pk_usage_error("report needs at least one results file (see 'pk report --help')");
    if (pk_results_read_files((char *const *)files, nfiles, &all, &n, err, sizeof err) < 0)
        pk_usage_error("%s", err);
    for (int i = 0; i < n; i++)
        failed |= pk_status_is_failure(all[i].rec.status);
    struct pk_context ctx;
    context_of_files(&ctx, all, n, nfiles);
    pk_report_write(stdout, format, all, n, &ctx, isatty(STDOUT_FILENO) && !getenv("NO_COLOR"));
    for (int i = 0; i < noutputs; i++) {
        struct pk_outfile o;
        err[0] = '\0';
        if (pk_outfile_open(&o, output[i], err, sizeof err) ||
            pk_report_write(o.f, out_format[i], all, n, &ctx, false) ||
            pk_outfile_commit(&o, err, sizeof err)) {
            if (o.f)
                pk_outfile_abort(&o);
            fprintf(stderr, "pk: %s\n", err[0] ? err : "cannot write an output file");
            failed = true;
        }
    }
    free(all);
    return pk_finish_stdout(failed ? 1 : 0);
}
