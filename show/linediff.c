/*
 * A line diff by the textbook longest-common-subsequence table, after trimming the common head
 * and tail: model files are tens of lines, so the quadratic table is small, and unlike a
 * heuristic diff it is always minimal.
 */
#include "linediff.h"

#include <stdlib.h>
#include <string.h>

int pk_lines_split(const char *text, size_t len, struct pk_line **lines)
{
    int n = 0, cap = 16;
    struct pk_line *v = malloc((size_t)cap * sizeof *v);

    if (!v)
        return -1;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len;
        if (n == cap) {
            struct pk_line *w = realloc(v, (size_t)(cap *= 2) * sizeof *v);
            if (!w) {
                free(v);
                return -1;
            }
            v = w;
        }
        v[n++] = (struct pk_line){text + i, end - i, nl != NULL};
        i = end + 1;
    }
    *lines = v;
    return n;
}

static bool line_eq(const struct pk_line *x, const struct pk_line *y)
{
    return x->len == y->len && x->newline == y->newline && memcmp(x->s, y->s, x->len) == 0;
}

/* Puts every DEL of a changed stretch before its ADDs, then renumbers the positions. */
static void normalise(struct pk_edit *e, int n)
{
    int ia = 0, ib = 0;
    for (int i = 0; i < n;) {
        int j = i;
        while (j < n && e[j].op != PK_EDIT_SAME)
            j++;
        for (int k = i + 1; k < j; k++) { /* stable insertion: DEL sorts before ADD */
            struct pk_edit x = e[k];
            int m = k;
            for (; m > i && x.op == PK_EDIT_DEL && e[m - 1].op == PK_EDIT_ADD; m--)
                e[m] = e[m - 1];
            e[m] = x;
        }
        i = j == i ? i + 1 : j;
    }
    for (int i = 0; i < n; i++) {
        e[i].a = ia;
        e[i].b = ib;
        ia += e[i].op != PK_EDIT_ADD;
        ib += e[i].op != PK_EDIT_DEL;
    }
}

int pk_diff(const struct pk_line *a, int na, const struct pk_line *b, int nb,
            struct pk_edit **edits)
{
    int pre = 0, suf = 0, n = 0;
    while (pre < na && pre < nb && line_eq(&a[pre], &b[pre]))
        pre++;
    while (suf < na - pre && suf < nb - pre && line_eq(&a[na - 1 - suf], &b[nb - 1 - suf]))
        suf++;
    int m = na - pre - suf, k = nb - pre - suf, w = k + 1;
    if ((long)(m + 1) * (k + 1) > PK_DIFF_MAX_CELLS)
        return -2;

    /* lcs[i * w + j]: the longest common subsequence of a[pre+i..pre+m) and b[pre+j..pre+k) */
    int *lcs = calloc((size_t)(m + 1) * (size_t)w, sizeof *lcs);
    struct pk_edit *e = malloc((size_t)(na + nb + 1) * sizeof *e);
    if (!lcs || !e) {
        free(lcs);
        free(e);
        return -1;
    }
    for (int i = m - 1; i >= 0; i--)
        for (int j = k - 1; j >= 0; j--) {
            int down = lcs[(i + 1) * w + j], right = lcs[i * w + j + 1];
            lcs[i * w + j] = line_eq(&a[pre + i], &b[pre + j]) ? lcs[(i + 1) * w + j + 1] + 1
                             : down >= right                   ? down
                                                               : right;
        }

    for (int i = 0; i < pre; i++)
        e[n++].op = PK_EDIT_SAME;
    int i = 0, j = 0;
    while (i < m || j < k) {
        if (i < m && j < k && line_eq(&a[pre + i], &b[pre + j])) {
            e[n++].op = PK_EDIT_SAME;
            i++, j++;
        } else if (j == k || (i < m && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) {
            e[n++].op = PK_EDIT_DEL;
            i++;
        } else {
            e[n++].op = PK_EDIT_ADD;
            j++;
        }
    }
    for (int s = 0; s < suf; s++)
        e[n++].op = PK_EDIT_SAME;
    free(lcs);
    normalise(e, n);
    *edits = e;
    return n;
}

bool pk_diff_same(const struct pk_edit *e, int n)
{
    for (int i = 0; i < n; i++)
        if (e[i].op != PK_EDIT_SAME)
            return false;
    return true;
}

/* A hunk's side: "l,s" from the 0-based position pos and count; GNU's spelling for 0 and 1. */
static void range(FILE *f, int pos, int count)
{
    if (count == 1)
        fprintf(f, "%d", pos + 1);
    else
        fprintf(f, "%d,%d", count ? pos + 1 : pos, count);
}

static void put_line(FILE *f, char op, const struct pk_line *l)
{
    fprintf(f, "%c%.*s\n", op, (int)l->len, l->s);
    if (!l->newline)
        fputs("\\ No newline at end of file\n", f);
}

int pk_diff_unified(FILE *f, const char *name_a, const struct pk_line *a, const char *name_b,
                    const struct pk_line *b, const struct pk_edit *e, int n, int context)
{
    if (pk_diff_same(e, n))
        return 0;
    fprintf(f, "--- %s\n+++ %s\n", name_a, name_b);
    for (int i = 0; i < n;) {
        while (i < n && e[i].op == PK_EDIT_SAME)
            i++;
        if (i == n)
            break;
        int start = i - context > 0 ? i - context : 0, end = i, ca = 0, cb = 0;
        for (;;) { /* take in the next change while the unchanged gap fits both contexts */
            while (end < n && e[end].op != PK_EDIT_SAME)
                end++;
            int next = end;
            while (next < n && e[next].op == PK_EDIT_SAME)
                next++;
            if (next == n || next - end > 2 * context)
                break;
            end = next;
        }
        int stop = end + context < n ? end + context : n;
        for (int k = start; k < stop; k++) {
            ca += e[k].op != PK_EDIT_ADD;
            cb += e[k].op != PK_EDIT_DEL;
        }
        fputs("@@ -", f);
        range(f, e[start].a, ca);
        fputs(" +", f);
        range(f, e[start].b, cb);
        fputs(" @@\n", f);
        for (int k = start; k < stop; k++)
            put_line(f, e[k].op, e[k].op == PK_EDIT_ADD ? &b[e[k].b] : &a[e[k].a]);
        i = stop;
    }
    return ferror(f) ? -1 : 0;
}
