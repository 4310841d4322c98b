/*
 * loc: the lexer behind `pk list --loc` and `pk show` tells code from comments line by line,
 * through the tricks C allows: comments spanning lines, comment openers inside literals, escaped
 * quotes, backslash-newline inside // comments and strings, C23 digit separators.
 */
#include <check.h>
#include <string.h>

#include "loc.h"

enum { B = PK_LOC_BLANK, M = PK_LOC_COMMENT, C = PK_LOC_CODE };

/* Scans text and checks every line's kind against want[0..n) and the totals against them. */
static void expect_kinds(const char *text, const unsigned char *want, int n)
{
    unsigned char kinds[64];
    struct pk_loc_counts c;
    int code = 0, comment = 0, blank = 0;

    ck_assert_int_le(n, 64);
    ck_assert_int_eq(pk_loc_lines(text, strlen(text)), n);
    pk_loc_scan(text, strlen(text), NULL, kinds, &c);
    for (int l = 0; l < n; l++) {
        ck_assert_msg(kinds[l] == want[l], "line %d: kind %d, wanted %d", l + 1, kinds[l], want[l]);
        code += want[l] == C;
        comment += want[l] == M;
        blank += want[l] == B;
    }
    ck_assert_int_eq(c.lines, n);
    ck_assert_int_eq(c.code, code);
    ck_assert_int_eq(c.comment, comment);
    ck_assert_int_eq(c.blank, blank);
}

START_TEST(test_loc_tricky_file_counts_each_line)
{
    static const char text[] = "/* a block comment\n"                    /* 1 M */
                               "   over two lines */\n"                  /* 2 M */
                               "int a = 1; /* trailing */\n"             /* 3 C */
                               "// a line comment \\\n"                  /* 4 M */
                               "   goes on after backslash-newline\n"    /* 5 M */
                               "const char *s = \"/* not a comment\";\n" /* 6 C */
                               "char q = '\"'; /* a quote in a char\n"   /* 7 C */
                               "   still the comment */\n"               /* 8 M */
                               "char r = '\\''; // an escaped quote\n"   /* 9 C */
                               "\t  \n"                                  /* 10 B */
                               "   /* one */ /* two */ // three\n"       /* 11 M */
                               "const char *t = \"\\\\\"; /* open\n"     /* 12 C: "\\" ends */
                               "*/\n"                                    /* 13 M */
                               "const char *u = \"a\\\n"                 /* 14 C */
                               "/* inside the string */\";\n"            /* 15 C */
                               "int n = 1'0; char d = '/'; /*\n"         /* 16 C: C23 1'0 */
                               "*/\n"                                    /* 17 M */
                               "/\\\n"                                   /* 18 M: '/' '*' split */
                               "* split opener */\n"                     /* 19 M */
                               "\n"                                      /* 20 B */
                               "#define TWO(x) \\\n"                     /* 21 C */
                               "    ((x) + (x))\n"                       /* 22 C */
                               "/* a /* does not nest */ int x;\n"       /* 23 C */
                               "/**/int y; /***/\n"                      /* 24 C */
                               "long z = 0x1e+2;\n"                      /* 25 C */
                               "}";                                      /* 26 C, no newline */
    static const unsigned char want[] = {M, M, C, M, M, C, C, M, C, B, M, C, M,
                                         C, C, C, M, M, M, B, C, C, C, C, C, C};
    expect_kinds(text, want, (int)sizeof want);
}
END_TEST

START_TEST(test_loc_empty_and_unterminated)
{
    struct pk_loc_counts c;
    pk_loc_scan("", 0, NULL, NULL, &c);
    ck_assert(c.lines == 0 && c.code == 0 && c.comment == 0 && c.blank == 0);

    /* an unclosed comment runs to the end; an unclosed literal ends with its line */
    static const unsigned char want1[] = {C, M, M};
    expect_kinds("x; /* open\nstill\nend", want1, 3);
    static const unsigned char want2[] = {C, M};
    expect_kinds("s = \"open /*\n// a comment\n", want2, 2);
}
END_TEST

START_TEST(test_loc_mask_hides_comments_and_literals)
{
    static const char text[] = "a = \"{\"; /* } */ b = '}'; // {\nc\\\n;";
    static const char want[] = "a = \"_\"; "
                               "       " /* the comment, blanked */
                               " b = '_'; "
                               "    " /* the // comment */
                               "\nc\\\n;";
    char mask[sizeof text];
    struct pk_loc_counts c;

    pk_loc_scan(text, strlen(text), mask, NULL, &c);
    mask[strlen(text)] = '\0';
    ck_assert_str_eq(mask, want);
    ck_assert_int_eq(c.code, 3);
}
END_TEST

START_TEST(test_loc_finds_static_inline_functions)
{
    static const char text[] = "/* file comment */\n"                         /* 1 */
                               "#define OPEN {\n"                             /* 2 */
                               "struct s { int x; };\n"                       /* 3 */
                               "\n"                                           /* 4 */
                               "/* what f does */\n"                          /* 5 */
                               "static inline int f(void)\n"                  /* 6 */
                               "{\n"                                          /* 7 */
                               "    return '}' + \"{\"[0]; /* } */\n"         /* 8 */
                               "}\n"                                          /* 9 */
                               "static int g(void) { return 1; }\n"           /* 10: not inline */
                               "static const int table[] = {1, 2};\n"         /* 11 */
                               "int h(void);\n"                               /* 12 */
                               "/*\n"                                         /* 13 */
                               " * two lines about k\n"                       /* 14 */
                               " */\n"                                        /* 15 */
                               "inline static struct s k(int a) { if (a) {\n" /* 16 */
                               "    return (struct s){a}; }\n"                /* 17 */
                               "    return (struct s){0}; }\n";               /* 18 */
    struct pk_loc_span spans[4];

    int n = pk_loc_inline_functions(text, strlen(text), spans, 4);
    ck_assert_int_eq(n, 2);
    ck_assert_int_eq(spans[0].first, 5);
    ck_assert_int_eq(spans[0].last, 9);
    ck_assert_int_eq(spans[1].first, 13);
    ck_assert_int_eq(spans[1].last, 18);
    ck_assert_int_eq(pk_loc_inline_functions(text, strlen(text), spans, 1), 2);
    ck_assert_int_eq(pk_loc_inline_functions("int x;\n", 7, spans, 4), 0);
}
END_TEST

Suite *loc_suite(void)
{
    Suite *s = suite_create("loc");
    TCase *tc = tcase_create("lexer");
    tcase_add_test(tc, test_loc_tricky_file_counts_each_line);
    tcase_add_test(tc, test_loc_empty_and_unterminated);
    tcase_add_test(tc, test_loc_mask_hides_comments_and_literals);
    tcase_add_test(tc, test_loc_finds_static_inline_functions);
    suite_add_tcase(s, tc);
    return s;
}
