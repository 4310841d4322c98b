/* Decimal formatting of 128-bit values; printf has no conversion for them. */
#include "u128.h"

#include <string.h>

char *pk_u128_format(char *buf, size_t len, pk_u128 v)
{
    char digits[40];
    size_t n = 0;
    do {
        digits[n++] = (char)('0' + (int)(v % 10));
        v /= 10;
    } while (v);
    if (n + 1 > len) {
        buf[0] = '\0';
        return buf;
    }
    for (size_t i = 0; i < n; i++)
        buf[i] = digits[n - 1 - i];
    buf[n] = '\0';
    return buf;
}
