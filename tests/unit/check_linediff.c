/*
 * linediff: the edit script is minimal and turns one text into the other, and its unified form
 * is what `diff -u` prints (hunk ranges, context merging, a missing final newline).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "linediff.h"

struct texts {
    struct pk_line *a, *b;
    int na, nb, n;
    struct pk_edit *e;
};

static void diff_texts(struct texts *t, const char *a, const char *b)
{
    t->na = pk_lines_split(a, strlen(a), &t->a);
    t->nb = pk_lines_split(b, strlen(b), &t->b);
    ck_assert(t->na >= 0 && t->nb >= 0);
    t->n = pk_diff(t->a, t->na, t->b, t->nb, &t->e);
    ck_assert_int_ge(t->n, 0);
}

static void texts_free(struct texts *t)
{
    free(t->a);
    free(t->b);
    free(t->e);
}

/* Replays the script: SAME and DEL walk a in order, SAME and ADD walk b, and SAME lines match. */
static int replay(const struct texts *t)
{
    int ia = 0, ib = 0, same = 0;
    for (int i = 0; i < t->n; i++) {
        const struct pk_edit *e = &t->e[i];
        ck_assert_msg(e->a == ia && e->b == ib, "edit %d at (%d,%d), expected (%d,%d)", i, e->a,
                      e->b, ia, ib);
        if (e->op == PK_EDIT_SAME) {
            ck_assert(t->a[ia].len == t->b[ib].len &&
                      memcmp(t->a[ia].s, t->b[ib].s, t->a[ia].len) == 0);
            same++;
        }
        ia += e->op != PK_EDIT_ADD;
        ib += e->op != PK_EDIT_DEL;
    }
    ck_assert_int_eq(ia, t->na);
    ck_assert_int_eq(ib, t->nb);
    return same;
}

/* Myers' example (1986): ABCABBA to CBABAC has a longest common subsequence of 4 lines. */
START_TEST(test_linediff_minimal_on_myers_example)
{
    struct texts t;
    diff_texts(&t, "A\nB\nC\nA\nB\nB\nA\n", "C\nB\nA\nB\nA\nC\n");
    ck_assert_int_eq(replay(&t), 4);
    ck_assert_int_eq(t.n, 4 + 3 + 2); /* 4 kept, 3 removed, 2 added */
    texts_free(&t);
}
END_TEST

START_TEST(test_linediff_equal_and_empty_texts)
{
    struct texts t;
    diff_texts(&t, "x\ny\n", "x\ny\n");
    ck_assert(pk_diff_same(t.e, t.n));
    ck_assert_int_eq(replay(&t), 2);
    texts_free(&t);

    diff_texts(&t, "", "p\nq\n");
    ck_assert_int_eq(t.n, 2);
    ck_assert(t.e[0].op == PK_EDIT_ADD && t.e[1].op == PK_EDIT_ADD);
    replay(&t);
    texts_free(&t);
}
END_TEST

START_TEST(test_linediff_deletions_before_additions)
{
    struct texts t;
    diff_texts(&t, "k\na\nb\nk\n", "k\nc\nd\nk\n");
    static const char want[] = " --++ ";
    ck_assert_int_eq(t.n, 6);
    for (int i = 0; i < t.n; i++)
        ck_assert_int_eq(t.e[i].op, want[i]);
    replay(&t);
    texts_free(&t);
}
END_TEST

/* Renders the unified diff of a and b with `context` lines into buf. */
static void unified(const char *a, const char *b, int context, char *buf, size_t len)
{
    struct texts t;
    FILE *f;
    buf[0] = '\0'; /* fmemopen leaves the buffer alone when nothing is written */
    f = fmemopen(buf, len, "w");
    ck_assert_ptr_nonnull(f);
    diff_texts(&t, a, b);
    ck_assert_int_eq(pk_diff_unified(f, "a.c", t.a, "b.c", t.b, t.e, t.n, context), 0);
    fclose(f);
    texts_free(&t);
}

START_TEST(test_linediff_unified_matches_diff_u)
{
    char buf[1024];
    /* two changes 8 unchanged lines apart: with 3 lines of context, two hunks */
    unified("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "1\nTWO\n3\n4\n5\n6\n7\n8\n9\n10\n11\n", 3, buf,
            sizeof buf);
    ck_assert_str_eq(buf, "--- a.c\n+++ b.c\n"
                          "@@ -1,5 +1,5 @@\n 1\n-2\n+TWO\n 3\n 4\n 5\n"
                          "@@ -8,3 +8,4 @@\n 8\n 9\n 10\n+11\n");
    /* with 4 lines of context the gap of 8 is bridged: one hunk */
    unified("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "1\nTWO\n3\n4\n5\n6\n7\n8\n9\n10\n11\n", 4, buf,
            sizeof buf);
    ck_assert_str_eq(buf, "--- a.c\n+++ b.c\n@@ -1,10 +1,11 @@\n 1\n-2\n+TWO\n 3\n 4\n 5\n"
                          " 6\n 7\n 8\n 9\n 10\n+11\n");
    /* an insertion into an empty text, and a lost final newline */
    unified("", "x\n", 3, buf, sizeof buf);
    ck_assert_str_eq(buf, "--- a.c\n+++ b.c\n@@ -0,0 +1 @@\n+x\n");
    unified("x\ny\n", "x\ny", 3, buf, sizeof buf);
    ck_assert_str_eq(buf, "--- a.c\n+++ b.c\n@@ -1,2 +1,2 @@\n x\n-y\n+y\n"
                          "\\ No newline at end of file\n");
    /* equal texts: nothing at all */
    unified("same\n", "same\n", 3, buf, sizeof buf);
    ck_assert_str_eq(buf, "");
}
END_TEST

Suite *linediff_suite(void)
{
    Suite *s = suite_create("linediff");
    TCase *tc = tcase_create("diff");
    tcase_add_test(tc, test_linediff_minimal_on_myers_example);
    tcase_add_test(tc, test_linediff_equal_and_empty_texts);
    tcase_add_test(tc, test_linediff_deletions_before_additions);
    tcase_add_test(tc, test_linediff_unified_matches_diff_u);
    suite_add_tcase(s, tc);
    return s;
}
