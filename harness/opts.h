/*
 * pk's option scanner, on getopt_long: a table of options, GNU spellings (-n 5, -n5, -qm serial,
 * --size 5, --size=5, --si 5 as an unambiguous abbreviation, -- ends options), kernel parameters
 * as --NAME VALUE, and positional words returned in order. Errors come back as one line naming
 * the offending word (an ambiguous abbreviation names its candidates); the caller decides the
 * exit. One scan at a time: getopt's state is global.
 */
#ifndef PK_OPTS_H
#define PK_OPTS_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct opt {
    int id;          /* returned when seen: a positive value of the caller's choosing */
    char short_name; /* 0 if none */
    const char *long_name;
    bool takes_value;
};

/* An option with its help, so that a command's usage and its parser come from one list. */
struct opt_doc {
    struct opt opt;
    const char *arg;  /* the value's name in the usage ("LIST"), NULL for a flag */
    const char *help; /* one or more lines, '\n' between them */
    bool repeats;     /* may be given more than once (-o FILE adds a file); else refused */
};

enum { OPT_END = 0, OPT_ERROR = -1, OPT_ARG = -2, OPT_PARAM = -3 };

#define OPT_MAX_LONG 128

struct opt_scan {
    int argc;
    char **argv;             /* argv[0] is the word before the first one scanned */
    const struct opt *table; /* ends with an entry whose id is 0 */
    bool params;             /* accept --NAME VALUE for kernel parameters */
    bool only_args;          /* after "--" */
    int cluster;             /* index of the word being read as short flags (-qm), or 0 */
    const char *value;       /* the value, or the positional argument */
    const char *name;        /* the option as written, for messages ("--size", "-n") */
    char name_buf[64];       /* OPT_PARAM: the parameter's name, without dashes */
    struct option longopts[OPT_MAX_LONG + 1];
    char shortopts[3 * 64 + 4];
};

/* Starts scanning argv[first..argc). */
void opt_begin(struct opt_scan *s, int argc, char **argv, int first, const struct opt *table,
               bool params);

/*
 * The next item: an option id (with s->value for options that take one), OPT_ARG for a
 * positional argument (in s->value), OPT_PARAM for a kernel parameter (its name without the
 * dashes in name_buf, s->value its value), OPT_END, or OPT_ERROR with the reason in err.
 */
int opt_next(struct opt_scan *s, char *err, size_t errlen);

/* Copies the options of docs (ending with an id of 0) into out (cap entries, terminator kept). */
void opt_table_from_docs(const struct opt_doc *docs, struct opt *out, size_t cap);

/* Writes the option lines of a usage text: "  -m, --models LIST   help", help lines aligned. */
void opt_usage(FILE *f, const struct opt_doc *docs);

#endif
