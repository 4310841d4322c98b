/*
 * libFuzzer harness for the results CSV reader (drivers/results_read.c, through its in-memory
 * entry pk_results_parse_csv). Beyond "no sanitizer report": a file it accepts, written back
 * with pk_results_write_csv, reads again into as many configurations with the same reps, and
 * writes back to the same bytes (what `pk run -o` writes, `pk report` reads whole).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "results.h"

#define EXPECT(cond)                                                                               \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz_csv: not %s (%s)\n", #cond, err);                                \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

static char *written(const struct pk_result *r, int n)
{
    char *text = NULL, err[1] = "";
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    EXPECT(f != NULL);
    EXPECT(pk_results_write_csv(f, r, n) == 0);
    fclose(f);
    return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct pk_result *all = NULL, *back = NULL;
    int n = 0, cap = 0, nback = 0, capback = 0;
    char err[512] = "";

    if (memchr(data, '\0', size))
        return 0; /* the file reader refuses a NUL byte before parsing */
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    if (pk_results_parse_csv(text, "fuzz.csv", &all, &n, &cap, err, sizeof err) == 0) {
        char *again = written(all, n);
        EXPECT(pk_results_parse_csv(again, "again.csv", &back, &nback, &capback, err, sizeof err) ==
               0);
        EXPECT(nback == n);
        for (int i = 0; i < n; i++)
            EXPECT(pk_result_same_config(&all[i], &back[i]) && all[i].rec.reps == back[i].rec.reps);
        free(again);
        again = written(all, n);
        char *third = written(back, nback);
        EXPECT(strcmp(again, third) == 0);
        free(again);
        free(third);
    } else {
        EXPECT(n == 0 && err[0] != '\0');
    }
    free(all);
    free(back);
    free(text);
    return 0;
}
