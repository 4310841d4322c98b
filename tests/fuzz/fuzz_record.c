/*
 * libFuzzer harness for the result line parser, pk_record_parse (harness/record.c): what a
 * runner prints, pk reads. Beyond "no sanitizer report": a line it accepts keeps the record's
 * invariants, and writing the record back gives a line that parses again and writes back to
 * the same bytes (what a runner writes, pk reads whole).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"

#define EXPECT(cond)                                                                               \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz_record: not %s\n", #cond);                                       \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

static struct pk_record first, second; /* 10 kB each: not on the stack */

/* The record as a result line, in a malloc'd buffer. */
static char *written(const struct pk_record *r)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    EXPECT(f != NULL);
    EXPECT(pk_record_write(f, r) == 0);
    fclose(f);
    return text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[256];
    char *line = malloc(size + 1);
    if (!line)
        return 0;
    memcpy(line, data, size);
    line[size] = '\0';
    if (pk_record_parse(line, &first, err, sizeof err) == 0) {
        EXPECT(first.reps >= 0 && first.reps <= PK_MAX_REPS);
        EXPECT(first.status >= 0 && first.status < PK_NSTATUS);
        for (int k = 0; k < first.reps; k++)
            EXPECT(first.times[k] >= 0);
        char *again = written(&first);
        EXPECT(pk_record_parse(again, &second, err, sizeof err) == 0);
        char *third = written(&second);
        EXPECT(strcmp(again, third) == 0);
        free(again);
        free(third);
    } else {
        EXPECT(err[0] != '\0' && strchr(err, '\n') == NULL);
    }
    free(line);
    return 0;
}
