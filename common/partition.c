/* Block partition: floor(n/p) items each, one more for the first n % p workers. */
#include "partition.h"

#include "fault.h"

struct pk_range pk_partition_block(long long n, int p, int w)
{
    long long base = n / p, extra = n % p;
    /* workers below `extra` hold base + 1 items; the rest hold base */
    long long lo = w * base + (w < extra ? w : extra);
    struct pk_range r = {lo, lo + base + (w < extra ? 1 : 0)};
    /* test-only: the deliberately wrong variant every check must catch (fault.h) */
    if (pk_fault.kind == PK_FAULT_DROP && w == (n < p ? n : p) - 1)
        r.hi--;
    return r;
}
