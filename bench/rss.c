/*
 * bench/rss: the peak resident memory of one pk-run configuration against the kernel's own
 * arrays (what its bytes() hook asks of the arena). Runs PK_RUN KERNEL MODEL P SIZE -r 1 -w 0
 * as pk runs a runner (launch/child: its peak RSS from wait4), and prints one line
 * (bench/README.md):
 *   rss,KERNEL,MODEL,P,SIZE,ARRAY_BYTES,PEAK_RSS_BYTES
 * The peak is the largest of pk-run's and of each process it reaped (fork workers, which map
 * the same arena): wait4 reports no sum.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "child.h"
#include "cli.h"
#include "harness.h"

int main(int argc, char **argv)
{
    if (argc != 6) {
        fprintf(stderr, "usage: rss PK_RUN KERNEL MODEL P SIZE\n");
        return 2;
    }
    const struct pk_kernel *k = pk_kernel_find(argv[2]);
    enum pk_model model;
    long long p, n;
    char why[256] = "";
    if (!k || pk_model_parse(argv[3], &model) ||
        pk_cli_parse_count("workers", argv[4], 1, 1 << 20, &p, why, sizeof why) ||
        pk_cli_parse_count("size", argv[5], 1, k->max_size, &n, why, sizeof why)) {
        fprintf(stderr, "rss: bad arguments: %s %s %s %s %s\n", argv[2], argv[3], argv[4], argv[5],
                why);
        return 2;
    }
    struct pk_case c;
    pk_case_init(&c, k, model, (int)p, n);
    size_t arrays = k->bytes(&c);

    char *run[] = {argv[1], argv[2], argv[3], argv[4], argv[5], "-r", "1", "-w", "0", NULL};
    struct pk_child child;
    if (pk_child_run(run, 0, NULL, &child, why, sizeof why)) {
        fprintf(stderr, "rss: %s\n", why);
        return 1;
    }
    if (!child.exited || child.exit_code != 0 || !strstr(child.out, " status=ok ")) {
        fprintf(stderr, "rss: %s %s p=%s n=%s did not run and verify: %.300s%.300s\n", argv[2],
                argv[3], argv[4], argv[5], child.out, child.err);
        pk_child_free(&child);
        return 1;
    }
    printf("rss,%s,%s,%lld,%lld,%zu,%lld\n", k->name, argv[3], p, n, arrays, child.peak_rss_bytes);
    pk_child_free(&child);
    return 0;
}
