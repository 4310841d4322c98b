/* matmul: arena layout, the structured inputs, the poison, and the exact check of every C(i,j). */
#include "kernel.h"

#include <math.h>
#include <stdio.h>

#include "u128.h"

/* Packing slots: one per worker in process; an mpi rank is one worker with one slot. */
static int slots(const struct pk_case *c)
{
    /* a packing buffer per thread of this process: one per mpi rank, threads per hybrid rank */
    return pk_case_local_workers(c);
}

static size_t work_len(long long n)
{
    return (matmul_work_doubles(n) + 7) / 8 * 8;
}

size_t matmul_bytes(const struct pk_case *c)
{
    size_t n2 = (size_t)c->n * (size_t)c->n;
    return pk_arena_bytes(sizeof(struct matmul_data)) + 3 * pk_arena_bytes(n2 * sizeof(double)) +
           pk_arena_bytes((size_t)slots(c) * work_len(c->n) * sizeof(double)) +
           2 * pk_arena_bytes((size_t)c->ranks * sizeof(int));
}

size_t matmul_touched(const struct pk_case *c)
{
    if (c->rank == 0)
        return matmul_bytes(c);
    struct pk_range r = pk_partition_block(c->n, c->ranks, c->rank);
    size_t n = (size_t)c->n, block = (size_t)(r.hi - r.lo) * n * sizeof(double);
    return pk_arena_bytes(sizeof(struct matmul_data)) + 2 * pk_arena_bytes(block) +
           pk_arena_bytes(n * n * sizeof(double)) +
           pk_arena_bytes((size_t)slots(c) * work_len(c->n) * sizeof(double)) +
           2 * pk_arena_bytes((size_t)c->ranks * sizeof(int));
}

int matmul_setup(struct pk_case *c, char *err, size_t errlen)
{
    long long n = c->n;
    size_t n2 = (size_t)n * (size_t)n;
    struct matmul_data *d = pk_arena_alloc(&c->arena, sizeof *d);

    if (!d || !(d->a = pk_arena_alloc(&c->arena, n2 * sizeof *d->a)) ||
        !(d->b = pk_arena_alloc(&c->arena, n2 * sizeof *d->b)) ||
        !(d->c = pk_arena_alloc(&c->arena, n2 * sizeof *d->c)) ||
        !(d->work = pk_arena_alloc(&c->arena, (size_t)slots(c) * work_len(n) * sizeof(double))) ||
        !(d->counts = pk_arena_alloc(&c->arena, (size_t)c->ranks * sizeof *d->counts)) ||
        !(d->displs = pk_arena_alloc(&c->arena, (size_t)c->ranks * sizeof *d->displs))) {
        snprintf(err, errlen, "matmul: arena too small");
        return -1;
    }
    d->work_len = work_len(n);
    /* mpi: only rank 0 holds the inputs; the others receive rows of A and all of B per rep */
    if (c->rank == 0)
        for (long long i = 0; i < n; i++)
            for (long long j = 0; j < n; j++) {
                d->a[i * n + j] = matmul_a(i, j);
                d->b[i * n + j] = matmul_b(i, j);
            }
    c->data = d;
    return 0;
}

void matmul_reset(struct pk_case *c)
{
    struct matmul_data *d = c->data;
    long long n = c->n;
    /* rank 0 receives all of C; another mpi rank poisons only the rows it computes */
    struct pk_range r =
        c->rank == 0 ? (struct pk_range){0, n} : pk_partition_block(n, c->ranks, c->rank);

    for (long long x = r.lo * n; x < r.hi * n; x++)
        d->c[x] = NAN;
}

/* Writes v, signed, in decimal. */
static void format_i128(char *buf, size_t len, __int128 v)
{
    char digits[48];
    pk_u128_format(digits, sizeof digits, v < 0 ? -(pk_u128)v : (pk_u128)v);
    snprintf(buf, len, "%s%s", v < 0 ? "-" : "", digits);
}

void matmul_verify(const struct pk_case *c, struct pk_verdict *v)
{
    const struct matmul_data *d = c->data;
    long long n = c->n, wrong = 0, bad_i = 0, bad_j = 0;
    __int128 sum = 0; /* of C: exact, up to n^5 / 12 */

    v->covered = c->n; /* every element of C against its closed form */
    for (long long i = 0; i < n; i++)
        for (long long j = 0; j < n; j++) {
            long long want = matmul_closed_form(n, i, j);
            if (d->c[i * n + j] == (double)want) { /* exact: want < 2^53; NaN never equal */
                sum += want;
            } else if (wrong++ == 0) {
                bad_i = i;
                bad_j = j;
            }
        }
    if (wrong == 0) {
        v->status = PK_STATUS_OK;
        format_i128(v->result, sizeof v->result, sum);
        return;
    }
    v->status = PK_STATUS_FAILED;
    snprintf(v->result, sizeof v->result, "-");
    snprintf(v->detail, sizeof v->detail,
             "%lld of %lld elements wrong; first C(%lld,%lld) = %.17g, closed form %lld", wrong,
             n * n, bad_i, bad_j, d->c[bad_i * n + bad_j], matmul_closed_form(n, bad_i, bad_j));
}

double matmul_rate(const struct pk_case *c, double seconds)
{
    double n = (double)c->n;
    return 2 * n * n * n / seconds / 1e9;
}
