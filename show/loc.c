/*
 * A C lexer just large enough to tell code from comments: it follows translation phases 2 and 3
 * (backslash-newline joins lines, then comments, literals and preprocessing numbers are found),
 * so a "/ *" inside a string, a // comment ended by a backslash, or C23's 1'000 are read right.
 * It does not expand macros or special-case #include <...>.
 */
#include "loc.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

enum cls { C_SPACE, C_CODE, C_COMMENT, C_LIT };

/* The source with every backslash-newline removed: at[k] is where logical character k lies. */
struct logical {
    size_t *at;
    size_t n;
};

static bool splice_at(const char *s, size_t len, size_t i, size_t *skip)
{
    if (s[i] != '\\' || i + 1 >= len)
        return false;
    if (s[i + 1] == '\n')
        *skip = 2;
    else if (s[i + 1] == '\r' && i + 2 < len && s[i + 2] == '\n')
        *skip = 3;
    else
        return false;
    return true;
}

static int logical_make(const char *s, size_t len, struct logical *lg)
{
    size_t skip;
    lg->n = 0;
    lg->at = malloc((len ? len : 1) * sizeof *lg->at);
    if (!lg->at)
        return -1;
    for (size_t i = 0; i < len;) {
        if (splice_at(s, len, i, &skip)) {
            i += skip;
            continue;
        }
        lg->at[lg->n++] = i++;
    }
    return 0;
}

static bool ident_char(int c)
{
    return isalnum(c) || c == '_';
}

/* Classifies every logical character of the source into cls[0..lg->n). */
static void classify(const char *s, const struct logical *lg, unsigned char *cls)
{
    size_t n = lg->n;
#define CH(k) ((k) < n ? (unsigned char)s[lg->at[k]] : 0)
    for (size_t k = 0; k < n;) {
        int c = CH(k);
        if (c == '/' && CH(k + 1) == '*') {
            size_t e = k + 2;
            while (e < n && !(CH(e) == '*' && CH(e + 1) == '/'))
                e++;
            e = e < n ? e + 2 : n; /* an unclosed comment runs to the end */
            memset(cls + k, C_COMMENT, e - k);
            k = e;
        } else if (c == '/' && CH(k + 1) == '/') {
            while (k < n && CH(k) != '\n')
                cls[k++] = C_COMMENT;
        } else if (c == '"' || c == '\'') {
            cls[k++] = C_CODE; /* the quotes are code, what they enclose is literal */
            while (k < n && CH(k) != c && CH(k) != '\n') {
                if (CH(k) == '\\' && k + 1 < n && CH(k + 1) != '\n')
                    cls[k++] = C_LIT;
                cls[k++] = C_LIT;
            }
            if (k < n && CH(k) == c) /* an unclosed literal ends with its line */
                cls[k++] = C_CODE;
        } else if (isdigit(c) || (c == '.' && isdigit(CH(k + 1)))) {
            /* a preprocessing number: 0x1p-3, 1e+9, 1'000'000 (C23 digit separators) */
            cls[k++] = C_CODE;
            while (k < n) {
                int d = CH(k);
                if ((d == '+' || d == '-') && CH(k - 1) && strchr("eEpP", CH(k - 1)))
                    cls[k++] = C_CODE;
                else if (d == '\'' && ident_char(CH(k + 1)))
                    cls[k++] = C_CODE;
                else if (ident_char(d) || d == '.')
                    cls[k++] = C_CODE;
                else
                    break;
            }
        } else if (ident_char(c)) {
            while (k < n && ident_char(CH(k)))
                cls[k++] = C_CODE; /* so that u8'a' or x1'... never starts a number */
        } else {
            cls[k++] = isspace(c) ? C_SPACE : C_CODE;
        }
    }
#undef CH
}

int pk_loc_lines(const char *src, size_t len)
{
    int lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += src[i] == '\n';
    return lines + (len > 0 && src[len - 1] != '\n');
}

/* Marks line with kind k unless it already holds something stronger (code beats comment). */
static void mark(unsigned char *kinds, int line, enum pk_loc_kind k)
{
    if (kinds[line] < k)
        kinds[line] = (unsigned char)k;
}

void pk_loc_scan(const char *src, size_t len, char *mask, unsigned char *kinds,
                 struct pk_loc_counts *counts)
{
    int nlines = pk_loc_lines(src, len);
    unsigned char *own = NULL, *cls = NULL, *k_out = kinds;
    struct logical lg = {NULL, 0};
    size_t next = 0; /* the next logical character */
    int line = 0;

    memset(counts, 0, sizeof *counts);
    counts->lines = nlines;
    if (!k_out)
        k_out = own = malloc(nlines ? (size_t)nlines : 1);
    cls = malloc(len ? len : 1);
    if (!k_out || !cls || logical_make(src, len, &lg))
        goto out_free; /* counts stay zero: callers see an empty file */
    memset(k_out, PK_LOC_BLANK, (size_t)nlines);
    classify(src, &lg, cls);

    for (size_t i = 0; i < len; i++) {
        char out;
        unsigned char c = (unsigned char)src[i];
        if (next < lg.n && lg.at[next] == i) {
            enum cls k = cls[next++];
            if (c == '\n')
                out = '\n';
            else if (k == C_COMMENT)
                out = ' ';
            else if (k == C_LIT)
                out = '_';
            else
                out = (char)c;
            if (k == C_CODE || k == C_LIT)
                mark(k_out, line, PK_LOC_CODE);
            else if (k == C_COMMENT && !isspace(c))
                mark(k_out, line, PK_LOC_COMMENT);
        } else {
            /* part of a backslash-newline: it takes the class of what it splices, if one */
            bool inside = next > 0 && next < lg.n && cls[next - 1] == cls[next] &&
                          (cls[next] == C_COMMENT || cls[next] == C_LIT);
            if (c == '\n')
                out = '\n';
            else if (c != '\\')
                out = ' ';
            else if (inside)
                out = cls[next] == C_LIT ? '_' : ' ';
            else
                out = '\\';
            if (c == '\\')
                mark(k_out, line, inside && cls[next] == C_COMMENT ? PK_LOC_COMMENT : PK_LOC_CODE);
        }
        if (mask)
            mask[i] = out;
        if (c == '\n')
            line++;
    }
    for (int l = 0; l < nlines; l++) {
        counts->code += k_out[l] == PK_LOC_CODE;
        counts->comment += k_out[l] == PK_LOC_COMMENT;
        counts->blank += k_out[l] == PK_LOC_BLANK;
    }
out_free:
    free(lg.at);
    free(cls);
    free(own);
}

/* True if the newline at src[j] ends a backslash-newline (phase 2 ignores all context). */
static bool splice_newline(const char *src, size_t j)
{
    return (j >= 1 && src[j - 1] == '\\') || (j >= 2 && src[j - 1] == '\r' && src[j - 2] == '\\');
}

static bool word_is(const char *w, size_t n, const char *lit)
{
    return strlen(lit) == n && memcmp(w, lit, n) == 0;
}

int pk_loc_inline_functions(const char *src, size_t len, struct pk_loc_span *spans, int max)
{
    struct pk_loc_counts counts;
    int nlines = pk_loc_lines(src, len), found = 0, depth = 0, line = 1;
    int start_line = 0; /* the line where the current file-scope declaration began, or 0 */
    bool is_static = false, is_inline = false, in_fn = false, line_start = true;
    char *mask = malloc(len ? len : 1);
    unsigned char *kinds = malloc(nlines ? (size_t)nlines : 1);

    if (!mask || !kinds) {
        free(mask);
        free(kinds);
        return -1;
    }
    pk_loc_scan(src, len, mask, kinds, &counts);
    for (size_t i = 0; i < len; i++) {
        char c = mask[i];
        if (c == '\n') {
            line++;
            line_start = true;
            continue;
        }
        if (isspace((unsigned char)c))
            continue;
        if (line_start && c == '#') { /* a directive: skip it, with its continuation lines */
            while (i + 1 < len && !(src[i + 1] == '\n' && !splice_newline(src, i + 1)))
                line += src[++i] == '\n';
            continue;
        }
        line_start = false;
        if (depth == 0 && !start_line)
            start_line = line;
        if (ident_char((unsigned char)c)) {
            size_t e = i;
            while (e < len && ident_char((unsigned char)mask[e]))
                e++;
            if (depth == 0 && word_is(mask + i, e - i, "static"))
                is_static = true;
            if (depth == 0 &&
                (word_is(mask + i, e - i, "inline") || word_is(mask + i, e - i, "__inline") ||
                 word_is(mask + i, e - i, "__inline__")))
                is_inline = true;
            i = e - 1;
        } else if (c == '{') {
            if (depth++ == 0)
                in_fn = is_static && is_inline;
        } else if (c == '}' && depth > 0 && --depth == 0) {
            if (in_fn) {
                int first = start_line;
                while (first > 1 && kinds[first - 2] == PK_LOC_COMMENT)
                    first--; /* the comment directly above says what the function is */
                if (found < max)
                    spans[found] = (struct pk_loc_span){first, line};
                found++;
            }
            start_line = 0;
            is_static = is_inline = in_fn = false;
        } else if (c == ';' && depth == 0) {
            start_line = 0;
            is_static = is_inline = false;
        }
    }
    free(mask);
    free(kinds);
    return found;
}

/* A line of a '#'-comment language: blank, only a comment, or code (a docstring is code). */
static void count_hash_line(const char *s, size_t n, struct pk_loc_counts *counts)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\f'))
        i++;
    if (i == n)
        counts->blank++;
    else if (s[i] == '#')
        counts->comment++;
    else
        counts->code++;
}

void pk_loc_scan_file(const char *name, const char *src, size_t len, struct pk_loc_counts *counts)
{
    size_t n = strlen(name);
    if (n > 2 && name[n - 2] == '.' && (name[n - 1] == 'c' || name[n - 1] == 'h')) {
        pk_loc_scan(src, len, NULL, NULL, counts);
        return;
    }
    memset(counts, 0, sizeof *counts);
    counts->lines = pk_loc_lines(src, len);
    for (size_t at = 0; at < len;) {
        const char *end = memchr(src + at, '\n', len - at);
        size_t n_line = end ? (size_t)(end - (src + at)) : len - at;
        count_hash_line(src + at, n_line, counts);
        at += n_line + 1;
    }
}
