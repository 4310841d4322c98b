/*
 * pk show: a kernel's code, model by model. Every kernel keeps its work in kernel.h and one file
 * of the same shape per model, so printing the shared part once and then the model files, two
 * of them side by side, or the diff between two, shows what each model costs in code.
 */
#include "pk.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "linediff.h"
#include "loc.h"
#include "opts.h"
#include "source.h"
#include "term.h"

static const char show_usage[] =
    "usage: pk show [--full] KERNEL [MODEL...]\n"
    "       pk show KERNEL --side-by-side MODEL MODEL\n"
    "       pk show KERNEL --diff MODEL MODEL [-U N]\n"
    "Prints the kernel's shared work functions once (the static inline functions of its\n"
    "kernel.h, with the comment above each; all of kernel.h with --full, or when it has none),\n"
    "then the file of each MODEL (default: every model), each under a header; a file that\n"
    "several models run (python.py) is shown once; a MODEL the kernel lacks is refused.\n"
    "  --full           print kernel.h whole\n"
    "  --side-by-side   two model files in two columns, aligned on their common lines:\n"
    "                   '|' a changed line, '<' only left, '>' only right; the width is\n"
    "                   the terminal's, else $COLUMNS, else 80\n"
    "  --diff           a unified diff between two model files: the lines that differ are\n"
    "                   what the second model costs over the first (exit 0 either way)\n"
    "  -U, --context N  lines of context around each change in --diff (default 3)\n"
    "Sources come from $PK_SOURCE_DIR, else PREFIX/share/parkernels/kernels beside an installed\n"
    "pk, else the checkout's kernels/. 'pk list --loc' counts their lines.\n";

#define DEFAULT_COLUMNS 80 /* not a terminal and no $COLUMNS: a pager's or a file's width */

/* One source file of a kernel, read whole and split into lines. */
struct source {
    char name[256]; /* "polysum/serial.c": what headers and diffs call it */
    char *text;
    size_t len;
    struct pk_line *lines;
    int nlines;
};

/* Reads DIR/KERNEL/FILE; exits 1 with the reason when it cannot. */
static void source_load(struct source *src, const char *dir, const char *kernel, const char *file)
{
    char path[PATH_MAX + 300], err[PATH_MAX + 400];
    src->nlines = 0;
    snprintf(src->name, sizeof src->name, "%s/%s", kernel, file);
    snprintf(path, sizeof path, "%s/%s", dir, src->name);
    if (pk_source_read(path, &src->text, &src->len, err, sizeof err) ||
        (src->nlines = pk_lines_split(src->text, src->len, &src->lines)) < 0) {
        fflush(stdout);
        fprintf(stderr, "pk: %s\n", src->nlines < 0 ? "out of memory" : err);
        exit(1);
    }
}

static void source_free(struct source *src)
{
    free(src->text);
    free(src->lines);
}

static void put_lines(const struct source *src, int first, int last)
{
    for (int l = first; l <= last && l <= src->nlines; l++)
        printf("%.*s\n", (int)src->lines[l - 1].len, src->lines[l - 1].s);
}

/* The shared part: kernel.h's static inline functions, or all of it (--full, or none found). */
static void show_shared(const char *dir, const char *kernel, bool full)
{
    struct source h;
    struct pk_loc_span spans[64];
    int n = 0;

    source_load(&h, dir, kernel, "kernel.h");
    if (!full && (n = pk_loc_inline_functions(h.text, h.len, spans, 64)) < 0) {
        fprintf(stderr, "pk: out of memory\n");
        exit(1);
    }
    if (n == 0 || n > 64) { /* none to pick out, or more than fit: the whole header */
        printf("==> %s: shared by every model (whole) <==\n", h.name);
        put_lines(&h, 1, h.nlines);
    } else {
        printf("==> %s: the work every model shares (its static inline functions, lines", h.name);
        for (int i = 0; i < n; i++)
            printf("%s %d-%d", i ? "," : "", spans[i].first, spans[i].last);
        printf(") <==\n");
        for (int i = 0; i < n; i++) {
            if (i)
                printf("\n");
            put_lines(&h, spans[i].first, spans[i].last);
        }
    }
    source_free(&h);
}

static void show_model(const char *dir, const char *kernel, enum pk_model m)
{
    struct source s;
    struct pk_loc_counts c;
    char file[32];

    source_load(&s, dir, kernel, pk_model_source(m, file, sizeof file));
    pk_loc_scan_file(file, s.text, s.len, &c);
    printf("\n==> %s: %s model, %d lines, %d of them code <==\n", s.name, pk_model_name(m), c.lines,
           c.code);
    put_lines(&s, 1, s.nlines);
    source_free(&s);
}

/*
 * Copies into out the part of l from byte `from` that fits in `width` columns (tabs to the next
 * multiple of 8, a UTF-8 character as one column), its width into *col; returns where it stopped.
 */
static size_t cell(const struct pk_line *l, size_t from, size_t width, size_t *col, char *out,
                   size_t outlen)
{
    size_t i = from, o = 0;
    *col = 0;
    while (i < l->len) {
        unsigned char c = (unsigned char)l->s[i];
        size_t w = c == '\t' ? 8 - *col % 8 : (c & 0xC0) == 0x80 ? 0 : 1;
        if ((*col + w > width && *col > 0) || o + 9 > outlen)
            break;
        if (c == '\t')
            memset(out + o, ' ', w), o += w;
        else
            out[o++] = (char)c;
        *col += w;
        i++;
    }
    out[o] = '\0';
    return i;
}

/* One aligned row, wrapped onto as many screen rows as the longer side needs. */
static void sbs_row(const struct pk_line *l, char mark, const struct pk_line *r, size_t width)
{
    static const struct pk_line none = {"", 0, true};
    size_t li = 0, ri = 0, lcol, rcol;
    size_t buflen = width * 4 + 16;
    char *lbuf = malloc(buflen), *rbuf = malloc(buflen);

    if (!lbuf || !rbuf) {
        fprintf(stderr, "pk: out of memory\n");
        exit(1);
    }
    l = l ? l : &none;
    r = r ? r : &none;
    do {
        li = cell(l, li, width, &lcol, lbuf, buflen);
        ri = cell(r, ri, width, &rcol, rbuf, buflen);
        if (rbuf[0])
            printf("%s%*s %c %s\n", lbuf, (int)(width - lcol), "", mark, rbuf);
        else if (mark != ' ')
            printf("%s%*s %c\n", lbuf, (int)(width - lcol), "", mark);
        else
            printf("%s\n", lbuf);
        mark = ' '; /* continuation rows carry no mark */
    } while (li < l->len || ri < r->len);
    free(lbuf);
    free(rbuf);
}

static void show_side_by_side(const struct source *a, const struct source *b,
                              const struct pk_edit *e, int n)
{
    int columns = pk_term_columns(STDOUT_FILENO, DEFAULT_COLUMNS);
    size_t width = (size_t)(columns - 3) / 2;
    struct pk_line ha = {a->name, strlen(a->name), true}, hb = {b->name, strlen(b->name), true};
    char rule[10001];
    memset(rule, '=', width);
    rule[width] = '\0';
    struct pk_line ra = {rule, width, true};

    sbs_row(&ha, ' ', &hb, width);
    sbs_row(&ra, ' ', &ra, width);
    for (int i = 0; i < n;) {
        if (e[i].op == PK_EDIT_SAME) {
            sbs_row(&a->lines[e[i].a], ' ', &b->lines[e[i].b], width);
            i++;
            continue;
        }
        int d = i, nd = 0, na = 0; /* a changed stretch: nd DELs, then na ADDs */
        while (i < n && e[i].op == PK_EDIT_DEL)
            i++, nd++;
        int ad = i;
        while (i < n && e[i].op == PK_EDIT_ADD)
            i++, na++;
        for (int k = 0; k < nd || k < na; k++) {
            const struct pk_line *l = k < nd ? &a->lines[e[d + k].a] : NULL;
            const struct pk_line *r = k < na ? &b->lines[e[ad + k].b] : NULL;
            sbs_row(l, l && r ? '|' : l ? '<' : '>', r, width);
        }
    }
}

/*
 * True if kernel k has model m's file to show: the registry's word for a compiled model; for an
 * interpreted one (python), its file in dir, whether or not an interpreter is here to run it.
 */
static bool has_model(const char *dir, const struct pk_kernel *k, enum pk_model m)
{
    char file[32], path[PATH_MAX + 300];
    if (pk_model_desc(m)->runner != PK_RUNNER_INTERPRETER)
        return pk_model_has_kernel(m, k);
    snprintf(path, sizeof path, "%s/%s/%s", dir, k->name, pk_model_source(m, file, sizeof file));
    return access(path, R_OK) == 0;
}

/* Exits 2 naming the first model of models[n] that k lacks, and the models k has. */
static void check_models(const char *dir, const struct pk_kernel *k, const enum pk_model *models,
                         int n)
{
    for (int i = 0; i < n; i++) {
        if (has_model(dir, k, models[i]))
            continue;
        char have[256] = "";
        size_t used = 0;
        for (int m = 0; m < PK_NMODEL; m++)
            if (has_model(dir, k, (enum pk_model)m) && used < sizeof have)
                used += (size_t)snprintf(have + used, sizeof have - used, "%s%s", used ? ", " : "",
                                         pk_model_name((enum pk_model)m));
        pk_usage_error("%s has no %s model (its models: %s)", k->name, pk_model_name(models[i]),
                       have);
    }
}

/* Loads the two models' files and prints them side by side or as a unified diff. */
static int show_pair(const char *dir, const char *kernel, const enum pk_model m[2], bool diff,
                     int context)
{
    struct source s[2];
    struct pk_edit *e;
    char file[32];

    for (int i = 0; i < 2; i++) {
        source_load(&s[i], dir, kernel, pk_model_source(m[i], file, sizeof file));
    }
    int n = pk_diff(s[0].lines, s[0].nlines, s[1].lines, s[1].nlines, &e);
    if (n < 0) {
        fflush(stdout);
        fprintf(stderr, "pk: %s\n", n == -1 ? "out of memory" : "files too long to compare");
        exit(1);
    }
    if (diff)
        pk_diff_unified(stdout, s[0].name, s[0].lines, s[1].name, s[1].lines, e, n, context);
    else
        show_side_by_side(&s[0], &s[1], e, n);
    free(e);
    for (int i = 0; i < 2; i++)
        source_free(&s[i]);
    return pk_finish_stdout(0);
}

int cmd_show(int argc, char **argv)
{
    enum { O_FULL = 1, O_SBS, O_DIFF, O_CONTEXT, O_HELP };
    static const struct opt opts[] = {
        {O_FULL, 0, "full", false},   {O_SBS, 0, "side-by-side", false},
        {O_DIFF, 0, "diff", false},   {O_CONTEXT, 'U', "context", true},
        {O_HELP, 'h', "help", false}, {0, 0, NULL, false}};
    struct opt_scan s;
    const struct pk_kernel *k = NULL;
    enum pk_model *models = malloc((size_t)argc * sizeof *models), m;
    int nmodels = 0, id, context = 3;
    bool full = false, sbs = false, diff = false, context_given = false;
    char err[256], dir[PATH_MAX];

    if (!models)
        pk_usage_error("out of memory");
    unsigned seen = 0; /* the options given: a second one is refused (pk.1), not merged */
    opt_begin(&s, argc, argv, 1, opts, false);
    while ((id = opt_next(&s, err, sizeof err)) != OPT_END) {
        if (id > 0 && id != O_HELP && (seen & 1u << id))
            pk_usage_error("option '%s' is given twice", s.name);
        if (id > 0)
            seen |= 1u << id;
        switch (id) {
        case OPT_ERROR:
            pk_usage_error("%s (see 'pk show --help')", err);
        case OPT_ARG: /* kernels and models have distinct names, so words may come in any order */
            if (pk_model_parse(s.value, &m) == 0)
                models[nmodels++] = m;
            else if (!k && pk_kernel_find(s.value))
                k = pk_kernel_find(s.value);
            else if (k && pk_kernel_find(s.value))
                pk_usage_error("one kernel at a time: '%s' after '%s'", s.value, k->name);
            else if (!k)
                pk_usage_error("unknown kernel '%s' (try 'pk list')", s.value);
            else
                pk_usage_error("unknown model '%s' (try 'pk list')", s.value);
            break;
        case O_FULL:
            full = true;
            break;
        case O_SBS:
            sbs = true;
            break;
        case O_DIFF:
            diff = true;
            break;
        case O_CONTEXT:
            if (pk_cli_parse_int("context", s.value, 0, 100000, &context, err, sizeof err))
                pk_usage_error("%s", err);
            context_given = true;
            break;
        default:
            fputs(show_usage, stdout);
            free(models);
            return pk_finish_stdout(0);
        }
    }
    if (!k)
        pk_usage_error("show needs a kernel (try 'pk list')");
    if (sbs && diff)
        pk_usage_error("--side-by-side and --diff do not go together");
    if ((sbs || diff) && nmodels != 2)
        pk_usage_error("%s compares exactly two models (got %d)", sbs ? "--side-by-side" : "--diff",
                       nmodels);
    if ((sbs || diff) && full)
        pk_usage_error("--full goes with the plain listing, not %s",
                       sbs ? "--side-by-side" : "--diff");
    if (context_given && !diff)
        pk_usage_error("--context goes with --diff");
    switch (pk_source_dir(dir, sizeof dir, err, sizeof err)) {
    case 0:
        break;
    case -2: /* a bad $PK_SOURCE_DIR: the user's value */
        pk_usage_error("%s", err);
    default:
        fprintf(stderr, "pk: %s\n", err);
        free(models);
        return 1;
    }
    check_models(dir, k, models, nmodels); /* before anything is printed */

    int rc;
    if (sbs || diff) {
        rc = show_pair(dir, k->name, models, diff, context);
    } else {
        char shown[PK_NMODEL][32], file[32];
        int nshown = 0;
        show_shared(dir, k->name, full);
        for (int i = 0; i < (nmodels ? nmodels : PK_NMODEL); i++) {
            enum pk_model m = nmodels ? models[i] : (enum pk_model)i;
            bool again = false; /* a file two models run (python.py) is shown once */
            pk_model_source(m, file, sizeof file);
            for (int j = 0; j < nshown; j++)
                again |= strcmp(shown[j], file) == 0;
            /* the sources, whether or not a runner is built here (no mpicc: mpi.c still is) */
            if (!again && (nmodels || has_model(dir, k, m))) {
                show_model(dir, k->name, m);
                snprintf(shown[nshown++], sizeof shown[0], "%s", file);
            }
        }
        rc = pk_finish_stdout(0);
    }
    free(models);
    return rc;
}
