/*
 * matmul: block.c again, compiled with -march=x86-64-v3 -ffp-contract=off (the Makefile), as
 * matmul_rows_x86_64_v3; matmul_rows() runs it where the CPU has AVX2 (block.c says why).
 */
#define MATMUL_ISA x86_64_v3
#include "block.c"
