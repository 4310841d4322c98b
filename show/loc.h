/*
 * Source lines of C, counted by a small lexer that knows comments, string and character
 * literals and backslash-newline (and of '#'-comment languages: Python): what `pk list --loc`
 * counts and `pk show` reads kernel.h with.
 */
#ifndef PK_LOC_H
#define PK_LOC_H

#include <stddef.h>

/* What one physical line holds, once comments and literals are told apart from code. */
enum pk_loc_kind {
    PK_LOC_BLANK,   /* only white space (or nothing) */
    PK_LOC_COMMENT, /* comment text and white space, no code */
    PK_LOC_CODE,    /* at least one character of code (a literal counts as code) */
};

struct pk_loc_counts {
    int lines;   /* physical lines: newlines, plus one for a last line without one */
    int code;    /* the logical source lines: lines with code */
    int comment; /* lines with comment text and no code */
    int blank;   /* lines with neither */
};

/* A range of physical lines, 1-based and inclusive. */
struct pk_loc_span {
    int first, last;
};

/* The number of physical lines of src[0..len). */
int pk_loc_lines(const char *src, size_t len);

/*
 * Lexes src[0..len) as C and fills *counts. If mask is not NULL, writes len bytes to it: the
 * source with every comment character turned into a space, every character inside a string or
 * character literal into '_' (quotes kept), and newlines where they were, so that code can be
 * searched for braces and words without meeting them in comments or literals. If kinds is not
 * NULL, writes the kind of each line (pk_loc_lines(src, len) entries) to it.
 * A backslash-newline joins lines as the C preprocessor does: a // comment or a literal goes on
 * past it, and its backslash is code only where code surrounds it.
 */
void pk_loc_scan(const char *src, size_t len, char *mask, unsigned char *kinds,
                 struct pk_loc_counts *counts);

/*
 * Counts src[0..len), the file called name: C (a name ending in .c or .h) as pk_loc_scan does;
 * any other file (python.py) as a language whose comments start with '#': a line is blank, a
 * comment (only white space before its '#') or code (a string or docstring counts as code).
 */
void pk_loc_scan_file(const char *name, const char *src, size_t len, struct pk_loc_counts *counts);

/*
 * Finds the `static inline` function definitions at file scope of src[0..len) (a header's
 * per-element work functions), each with the comment lines directly above it. Writes up to max
 * spans in source order and returns how many there are (which may exceed max), or -1 when out
 * of memory.
 */
int pk_loc_inline_functions(const char *src, size_t len, struct pk_loc_span *spans, int max);

#endif
