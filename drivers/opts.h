/*
 * A small option scanner for pk and its runners: a table of options, GNU-style spellings
 * (-n 5, -n5, --size 5, --size=5, -- ends options), and kernel parameters as --NAME VALUE.
 * Errors come back as one line naming the offending word; the caller decides the exit.
 */
#ifndef PK_OPTS_H
#define PK_OPTS_H

#include <stdbool.h>
#include <stddef.h>

struct opt {
    int id;          /* returned when seen: a positive value of the caller's choosing */
    char short_name; /* 0 if none */
    const char *long_name;
    bool takes_value;
};

enum { OPT_END = 0, OPT_ERROR = -1, OPT_ARG = -2, OPT_PARAM = -3 };

struct opt_scan {
    int argc, index;
    char **argv;
    const struct opt *table; /* ends with an entry whose id is 0 */
    bool params;             /* accept --NAME VALUE for kernel parameters */
    bool only_args;          /* after "--" */
    const char *value;       /* the value, or the positional argument */
    const char *name;        /* the option as written, for messages ("--size", "-n") */
    char name_buf[64];
};

/* Starts scanning argv[first..argc). */
void opt_begin(struct opt_scan *s, int argc, char **argv, int first, const struct opt *table,
               bool params);

/*
 * The next item: an option id (with s->value for options that take one), OPT_ARG for a
 * positional argument (in s->value), OPT_PARAM for a kernel parameter (s->name without the
 * dashes in name_buf, s->value its value), OPT_END, or OPT_ERROR with the reason in err.
 */
int opt_next(struct opt_scan *s, char *err, size_t errlen);

#endif
