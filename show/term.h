/* The width of the terminal that output goes to, for tables and pk show's two columns. */
#ifndef PK_TERM_H
#define PK_TERM_H

/*
 * The columns of the terminal on fd (TIOCGWINSZ); when fd is no terminal or does not say,
 * $COLUMNS when it holds a whole number in [20, 10000]; else fallback.
 */
int pk_term_columns(int fd, int fallback);

#endif
