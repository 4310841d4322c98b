/*
 * Line diffs for `pk show`: the shortest edit script between two texts (a longest common
 * subsequence of their lines) and its unified-diff form, as `diff -u` prints it.
 */
#ifndef PK_LINEDIFF_H
#define PK_LINEDIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* One line of a text: its characters without the newline, and whether a newline ended it. */
struct pk_line {
    const char *s;
    size_t len;
    bool newline;
};

enum pk_edit_op { PK_EDIT_SAME = ' ', PK_EDIT_DEL = '-', PK_EDIT_ADD = '+' };

/*
 * One step of an edit script. a and b are 0-based line indexes into the old and new text: the
 * line kept (SAME), removed (DEL, a) or inserted (ADD, b); for the side a step does not touch,
 * the index is where it stands in that text (the number of lines before it).
 */
struct pk_edit {
    char op; /* enum pk_edit_op */
    int a, b;
};

/* Splits text[0..len) into lines; *lines is malloc'd (free it). Returns their number, or -1. */
int pk_lines_split(const char *text, size_t len, struct pk_line **lines);

/*
 * A shortest edit script from a[0..na) to b[0..nb): the lines of a longest common subsequence
 * are SAME, and within each changed stretch every DEL comes before every ADD. *edits is malloc'd
 * (na + nb entries at most; free it). Returns the number of edits, -1 when out of memory, or -2
 * when the texts differ in too many lines for the quadratic table (over PK_DIFF_MAX_CELLS).
 */
#define PK_DIFF_MAX_CELLS (1L << 24)
int pk_diff(const struct pk_line *a, int na, const struct pk_line *b, int nb,
            struct pk_edit **edits);

/* True if the script changes nothing. */
bool pk_diff_same(const struct pk_edit *e, int n);

/*
 * Writes the script as a unified diff with `context` lines around each change: "--- name_a",
 * "+++ name_b", then "@@ -l,s +l,s @@" hunks, with "\ No newline at end of file" where one is
 * missing. Writes nothing when the texts are equal. Returns 0, or -1 on a write error.
 */
int pk_diff_unified(FILE *f, const char *name_a, const struct pk_line *a, const char *name_b,
                    const struct pk_line *b, const struct pk_edit *e, int n, int context);

#endif
