/* Block partition: floor(n/p) items each, one more for the first n % p workers. */
#include "partition.h"

#include <stdio.h>
#include <stdlib.h>

#include "seams.h"

struct pk_range pk_partition_block(long long n, int p, int w)
{
    long long base = n / p, extra = n % p;
    /* workers below `extra` hold base + 1 items; the rest hold base */
    long long lo = w * base + (w < extra ? w : extra);
    struct pk_range r = {lo, lo + base + (w < extra ? 1 : 0)};
    /* test-only: the deliberately wrong variant every check must catch (seams.h) */
    if (pk_seam_partition_drop && w == (n < p ? n : p) - 1)
        r.hi--;
    return r;
}

int pk_partition_verify(long long n, int p, const struct pk_range *r, char *err, size_t errlen)
{
    long long covered = 0, at = 0;
    int bad = -1;
    for (int w = 0; w < p; w++) {
        if (bad < 0 && (r[w].lo != at || r[w].hi < r[w].lo))
            bad = w;
        covered += r[w].hi > r[w].lo ? r[w].hi - r[w].lo : 0;
        at = r[w].hi;
    }
    if (bad < 0 && at == n)
        return 0;
    if (bad >= 0)
        snprintf(err, errlen,
                 "the partition of %lld items among %d workers is not a tiling: worker %d holds "
                 "[%lld, %lld) after %lld; the blocks hold %lld items",
                 n, p, bad, r[bad].lo, r[bad].hi, bad ? r[bad - 1].hi : 0LL, covered);
    else
        snprintf(err, errlen,
                 "the partition of %lld items among %d workers covers %lld of them: the last "
                 "block ends at %lld",
                 n, p, covered, at);
    return -1;
}

int pk_partition_check(long long n, int p, char *err, size_t errlen)
{
    struct pk_range *r = malloc((size_t)p * sizeof *r);
    int rc;
    if (!r) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (int w = 0; w < p; w++)
        r[w] = pk_partition_block(n, p, w);
    rc = pk_partition_verify(n, p, r, err, errlen);
    free(r);
    return rc;
}
