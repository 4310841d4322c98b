/*
 * libFuzzer harness for the command-line parsers: pk_cli_parse_count, pk_cli_parse_workers,
 * pk_cli_parse_seconds (runtime/cli.c) and pk_model_parse_list, pk_class_parse (runtime/model.c).
 * The first byte picks the parser and its bounds; the rest is the argument, as argv gives it
 * (up to its first NUL). Beyond "no sanitizer report", each accepted value must keep the
 * parser's contract: within bounds, sorted, unique, at least one model.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "model.h"

#define EXPECT(cond)                                                                               \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz_cli: '%s' accepted, but not %s\n", arg, #cond);                  \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* The bounds the callers use: size, reps, warm-up, seed, PK_FAULT worker. */
static const long long bounds[][2] = {
    {1, 1LL << 62}, {1, 1000}, {0, 1000}, {0, 1LL << 62}, {0, PK_MAX_WORKERS}, {-5, 5},
};
#define NBOUNDS (sizeof bounds / sizeof bounds[0])

static void fuzz_count(const char *arg, unsigned pick)
{
    long long min = bounds[pick % NBOUNDS][0], max = bounds[pick % NBOUNDS][1], v, again;
    char err[256], text[32];
    if (pk_cli_parse_count("size", arg, min, max, &v, err, sizeof err))
        return;
    EXPECT(v >= min && v <= max);
    /* the value printed plainly parses back to itself */
    snprintf(text, sizeof text, "%lld", v);
    EXPECT(pk_cli_parse_count("size", text, min, max, &again, err, sizeof err) == 0 && again == v);
}

static void fuzz_workers(const char *arg, unsigned pick)
{
    int out[PK_MAX_WORKER_LIST], count, max_workers = 1 + (int)(pick % 64);
    char err[256];
    if (pk_cli_parse_workers(arg, max_workers, out, &count, err, sizeof err))
        return;
    EXPECT(count >= 1 && count <= PK_MAX_WORKER_LIST);
    for (int i = 0; i < count; i++) {
        EXPECT(out[i] >= 1 && out[i] <= PK_MAX_WORKERS);
        EXPECT(i == 0 || out[i - 1] < out[i]);
    }
}

static void fuzz_seconds(const char *arg)
{
    double v;
    char err[256];
    if (pk_cli_parse_seconds("timeout", arg, &v, err, sizeof err))
        return;
    EXPECT(isfinite(v) && v >= 0 && v <= 7 * 86400.0);
}

static void fuzz_models(const char *arg)
{
    bool selected[PK_NMODEL];
    char err[256];
    int n = 0;
    if (pk_model_parse_list(arg, selected, err, sizeof err))
        return;
    for (int m = 0; m < PK_NMODEL; m++)
        n += selected[m];
    EXPECT(n >= 1);
}

static void fuzz_class(const char *arg)
{
    enum pk_class k;
    if (pk_class_parse(arg, &k) == 0)
        EXPECT(k >= 0 && k < PK_NCLASS && strlen(arg) == 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    char *arg = malloc(size);
    if (!arg)
        return 0;
    memcpy(arg, data + 1, size - 1);
    arg[size - 1] = '\0';
    unsigned pick = data[0] / 5u;
    switch (data[0] % 5) {
    case 0:
        fuzz_count(arg, pick);
        break;
    case 1:
        fuzz_workers(arg, pick);
        break;
    case 2:
        fuzz_seconds(arg);
        break;
    case 3:
        fuzz_models(arg);
        break;
    default:
        fuzz_class(arg);
        break;
    }
    free(arg);
    return 0;
}
