/*
 * Option scanning on getopt_long (GNU ordering "-": positional words come back in order, so
 * "pk run pi -m serial" and "pk run -m serial pi" mean the same). getopt's own messages are
 * off; its '?' and ':' are turned here into one line naming the word, and an ambiguous
 * abbreviation names its candidates.
 */
#include "opts.h"

#include <ctype.h>
#include <string.h>

#include "pk_kernel.h"

enum { VAL_LONG = 256, VAL_PARAM = 512 }; /* getopt vals: short char, or these + index */

static void add_long(struct opt_scan *s, int *n, const char *name, bool value, int val)
{
    for (int i = 0; i < *n; i++)
        if (strcmp(s->longopts[i].name, name) == 0)
            return; /* a parameter several kernels share */
    if (*n == OPT_MAX_LONG)
        return;
    s->longopts[(*n)++] = (struct option){name, value ? required_argument : no_argument, NULL, val};
}

void opt_begin(struct opt_scan *s, int argc, char **argv, int first, const struct opt *table,
               bool params)
{
    int n = 0;
    size_t k = 0;

    memset(s, 0, sizeof *s);
    s->argc = argc - first + 1;
    s->argv = argv + first - 1;
    s->table = table;
    s->params = params;
    s->shortopts[k++] = '-'; /* positional words in order, as code 1 */
    s->shortopts[k++] = ':'; /* a missing value as ':', not '?' */
    for (int i = 0; table[i].id; i++) {
        if (table[i].short_name && k + 3 < sizeof s->shortopts) {
            s->shortopts[k++] = table[i].short_name;
            if (table[i].takes_value)
                s->shortopts[k++] = ':';
        }
        if (table[i].long_name)
            add_long(s, &n, table[i].long_name, table[i].takes_value, VAL_LONG + i);
    }
    s->shortopts[k] = '\0';
    for (int i = 0; params && i < pk_nkernels; i++)
        for (int j = 0; j < PK_MAX_PARAMS && pk_kernels[i].params[j].name; j++)
            add_long(s, &n, pk_kernels[i].params[j].name, true, VAL_PARAM + n);
    s->longopts[n] = (struct option){NULL, 0, NULL, 0};
    optind = 0; /* glibc: start afresh */
    opterr = 0;
}

/* The table entry of a getopt val, or NULL (a kernel parameter). */
static const struct opt *entry_of(const struct opt_scan *s, int val)
{
    if (val >= VAL_LONG && val < VAL_PARAM)
        return &s->table[val - VAL_LONG];
    for (int i = 0; val > 0 && val < VAL_LONG && s->table[i].id; i++)
        if (s->table[i].short_name == val)
            return &s->table[i];
    return NULL;
}

/* The message for a long option getopt refused: unknown, ambiguous, or given a value it lacks. */
static void long_error(const struct opt_scan *s, const char *word, char *err, size_t errlen)
{
    const char *eq = strchr(word, '=');
    size_t len = eq ? (size_t)(eq - word) : strlen(word), used;
    int matches = 0;
    const struct option *exact = NULL, *first = NULL;

    for (const struct option *o = s->longopts; o->name; o++)
        if (strncmp(o->name, word, len) == 0) {
            if (strlen(o->name) == len)
                exact = o;
            first = first ? first : o;
            matches++;
        }
    if (exact || matches == 1) {
        snprintf(err, errlen, "option '--%s' takes no value", (exact ? exact : first)->name);
        return;
    }
    if (matches == 0 || len == 0) {
        snprintf(err, errlen, "unknown option '--%.*s'", (int)(len ? len : strlen(word)), word);
        return;
    }
    used = (size_t)snprintf(err, errlen, "ambiguous option '--%.*s' (could be", (int)len, word);
    for (const struct option *o = s->longopts; o->name && used < errlen; o++)
        if (strncmp(o->name, word, len) == 0)
            used += (size_t)snprintf(err + used, errlen - used, " --%s", o->name);
    if (used < errlen)
        snprintf(err + used, errlen - used, ")");
}

static const char *long_name_of(const struct opt_scan *s, int val)
{
    for (const struct option *o = s->longopts; o->name; o++)
        if (o->val == val)
            return o->name;
    return "?";
}

int opt_next(struct opt_scan *s, char *err, size_t errlen)
{
    int now = optind ? optind : 1; /* the word getopt reads next, unless inside a cluster */
    bool mid = s->cluster && s->cluster == optind;
    int longindex = -1, c;

    s->value = NULL;
    if (s->only_args) {
        if (optind >= s->argc)
            return OPT_END;
        s->value = s->argv[optind++];
        return OPT_ARG;
    }
    /* "-5" is a (negative) number for the caller to refuse by name; no option is a digit */
    if (!mid && now < s->argc && s->argv[now][0] == '-' &&
        isdigit((unsigned char)s->argv[now][1])) {
        s->value = s->argv[now];
        optind = now + 1;
        return OPT_ARG;
    }
    const char *word = mid || now >= s->argc ? NULL : s->argv[now];
    bool is_long = word && word[0] == '-' && word[1] == '-' && word[2];
    const char *cluster = mid ? s->argv[s->cluster] : word; /* for messages */
    c = getopt_long(s->argc, s->argv, s->shortopts, s->longopts, &longindex);
    s->cluster = 0;
    if (c == -1) {
        if (optind < s->argc) { /* stopped after "--" */
            s->only_args = true;
            return opt_next(s, err, errlen);
        }
        return OPT_END;
    }
    if (c == 1) {
        s->value = optarg;
        return OPT_ARG;
    }
    if (!is_long && optind == now && (mid || word)) /* more short flags in this word */
        s->cluster = now;
    if (c == '?') {
        if (is_long)
            long_error(s, word + 2, err, errlen);
        else if (cluster && strlen(cluster) > 2)
            snprintf(err, errlen, "unknown option '-%c' in '%s'", optopt > 0 ? optopt : '?',
                     cluster);
        else
            snprintf(err, errlen, "unknown option '-%c'", optopt > 0 ? optopt : '?');
        return OPT_ERROR;
    }
    if (c == ':') {
        const struct opt *o = entry_of(s, optopt);
        if (is_long)
            snprintf(err, errlen, "option '--%s' needs a value",
                     o && o->long_name ? o->long_name : long_name_of(s, optopt));
        else
            snprintf(err, errlen, "option '-%c' needs a value", optopt);
        return OPT_ERROR;
    }
    s->value = optarg;
    if (c >= VAL_PARAM) {
        snprintf(s->name_buf, sizeof s->name_buf, "%s", s->longopts[longindex].name);
        s->name = s->name_buf;
        return OPT_PARAM;
    }
    const struct opt *o = entry_of(s, c);
    if (!o) {
        snprintf(err, errlen, "unknown option '-%c'", c);
        return OPT_ERROR;
    }
    if (longindex >= 0)
        snprintf(s->name_buf, sizeof s->name_buf, "--%s", o->long_name);
    else
        snprintf(s->name_buf, sizeof s->name_buf, "-%c", o->short_name);
    s->name = s->name_buf;
    return o->id;
}

void opt_table_from_docs(const struct opt_doc *docs, struct opt *out, size_t cap)
{
    size_t i = 0;
    for (; docs[i].opt.id && i + 1 < cap; i++)
        out[i] = docs[i].opt;
    out[i] = (struct opt){0, 0, NULL, false};
}

void opt_usage(FILE *f, const struct opt_doc *docs)
{
    enum { HELP_COLUMN = 22 };
    for (const struct opt_doc *d = docs; d->opt.id; d++) {
        char head[64];
        int len =
            snprintf(head, sizeof head, "  %c%c%s--%s%s%s", d->opt.short_name ? '-' : ' ',
                     d->opt.short_name ? d->opt.short_name : ' ', d->opt.short_name ? ", " : "  ",
                     d->opt.long_name, d->arg ? " " : "", d->arg ? d->arg : "");
        fputs(head, f);
        const char *line = d->help;
        if (len + 1 > HELP_COLUMN)
            fputc('\n', f), len = 0;
        while (line) {
            const char *nl = strchr(line, '\n');
            fprintf(f, "%*s%.*s\n", HELP_COLUMN - len, "",
                    (int)(nl ? nl - line : (long)strlen(line)), line);
            len = 0;
            line = nl ? nl + 1 : NULL;
        }
    }
}
