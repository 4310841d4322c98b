/* Option scanning: one table lookup per word; no global state, unlike getopt. */
#include "opts.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "pk_kernel.h"

void opt_begin(struct opt_scan *s, int argc, char **argv, int first, const struct opt *table,
               bool params)
{
    memset(s, 0, sizeof *s);
    s->argc = argc;
    s->argv = argv;
    s->index = first;
    s->table = table;
    s->params = params;
}

/* Takes the option's value: the text after '=' (or the attached -n5 form), else the next word. */
static int take_value(struct opt_scan *s, const char *attached, char *err, size_t errlen)
{
    if (attached) {
        s->value = attached;
        return 0;
    }
    if (s->index >= s->argc) {
        snprintf(err, errlen, "option '%s' needs a value", s->name);
        return -1;
    }
    s->value = s->argv[s->index++];
    return 0;
}

static int scan_long(struct opt_scan *s, const char *word, char *err, size_t errlen)
{
    const char *eq = strchr(word, '=');
    size_t len = eq ? (size_t)(eq - word) : strlen(word);
    const char *attached = eq ? eq + 1 : NULL;

    snprintf(s->name_buf, sizeof s->name_buf, "--%.*s", (int)len, word);
    s->name = s->name_buf;
    for (const struct opt *o = s->table; o->id; o++) {
        if (!o->long_name || strlen(o->long_name) != len || strncmp(o->long_name, word, len))
            continue;
        if (!o->takes_value) {
            if (attached) {
                snprintf(err, errlen, "option '%s' takes no value", s->name);
                return OPT_ERROR;
            }
            return o->id;
        }
        return take_value(s, attached, err, errlen) ? OPT_ERROR : o->id;
    }
    if (s->params && len < sizeof s->name_buf - 2) {
        char bare[64];
        snprintf(bare, sizeof bare, "%.*s", (int)len, word);
        if (pk_kernel_param_known(bare)) {
            if (take_value(s, attached, err, errlen))
                return OPT_ERROR;
            snprintf(s->name_buf, sizeof s->name_buf, "%s", bare);
            return OPT_PARAM;
        }
    }
    snprintf(err, errlen, "unknown option '%s'", s->name);
    return OPT_ERROR;
}

static int scan_short(struct opt_scan *s, const char *word, char *err, size_t errlen)
{
    snprintf(s->name_buf, sizeof s->name_buf, "-%c", word[0]);
    s->name = s->name_buf;
    for (const struct opt *o = s->table; o->id; o++) {
        if (o->short_name != word[0])
            continue;
        if (!o->takes_value) {
            if (word[1]) {
                snprintf(err, errlen, "option '-%c' takes no value (got '%s')", word[0], word);
                return OPT_ERROR;
            }
            return o->id;
        }
        return take_value(s, word[1] ? word + 1 : NULL, err, errlen) ? OPT_ERROR : o->id;
    }
    snprintf(err, errlen, "unknown option '-%s'", word);
    return OPT_ERROR;
}

int opt_next(struct opt_scan *s, char *err, size_t errlen)
{
    if (s->index >= s->argc)
        return OPT_END;
    const char *word = s->argv[s->index++];
    s->value = NULL;
    /* "-5" is a (negative) number for the caller to refuse by name; no option is a digit */
    if (s->only_args || word[0] != '-' || word[1] == '\0' || isdigit((unsigned char)word[1])) {
        s->value = word;
        return OPT_ARG;
    }
    if (strcmp(word, "--") == 0) {
        s->only_args = true;
        return opt_next(s, err, errlen);
    }
    if (word[1] == '-')
        return scan_long(s, word + 2, err, errlen);
    return scan_short(s, word + 1, err, errlen);
}
