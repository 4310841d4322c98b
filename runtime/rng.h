/*
 * A counter-based generator: value i depends only on (seed, i), never on which worker asks or
 * in what order, so every model and every worker count draws the very same numbers.
 * It is SplitMix64 (Steele, Lea, Flood, OOPSLA 2014) read at position i.
 */
#ifndef PK_RNG_H
#define PK_RNG_H

#include <stdint.h>

/* The i-th 64-bit output of the SplitMix64 stream started at `seed`. */
static inline uint64_t pk_rng_u64(uint64_t seed, uint64_t i)
{
    uint64_t z = seed + (i + 1) * 0x9E3779B97F4A7C15u;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* The i-th output as a double uniform on [0, 1), from its top 53 bits. */
static inline double pk_rng_unit(uint64_t seed, uint64_t i)
{
    return (double)(pk_rng_u64(seed, i) >> 11) * 0x1p-53;
}

/* The i-th output mapped to [0, range) without modulo bias worth naming (Lemire's multiply). */
static inline uint64_t pk_rng_below(uint64_t seed, uint64_t i, uint64_t range)
{
    return (uint64_t)(((unsigned __int128)pk_rng_u64(seed, i) * range) >> 64);
}

#endif
