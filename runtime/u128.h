/* Unsigned 128-bit integers: exact sums for kernels whose answers outgrow 64 bits. */
#ifndef PK_U128_H
#define PK_U128_H

#include <stddef.h>

typedef unsigned __int128 pk_u128;

/* Writes v in decimal to buf (at least 40 bytes: 2^128 has 39 digits). Returns buf. */
char *pk_u128_format(char *buf, size_t len, pk_u128 v);

#endif
