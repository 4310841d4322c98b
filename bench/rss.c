/*
 * bench/rss: the peak resident memory of one pk-run configuration against the kernel's own
 * arrays (what its bytes() hook asks of the arena). Runs PK_RUN KERNEL MODEL P SIZE -r 1 -w 0,
 * takes the child's peak RSS from wait4, and prints one line (bench/README.md):
 *   rss,KERNEL,MODEL,P,SIZE,ARRAY_BYTES,PEAK_RSS_BYTES
 * The peak is pk-run's own process: for fork its workers share the arena, which it counts once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"
#include "pk_kernel.h"

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

    int out[2];
    if (pipe(out)) {
        perror("rss: pipe");
        return 1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("rss: fork");
        return 1;
    }
    if (pid == 0) {
        dup2(out[1], STDOUT_FILENO);
        close(out[0]);
        close(out[1]);
        execl(argv[1], argv[1], argv[2], argv[3], argv[4], argv[5], "-r", "1", "-w", "0",
              (char *)NULL);
        perror("rss: exec");
        _exit(127);
    }
    close(out[1]);
    char line[8192];
    size_t len = 0;
    ssize_t got;
    while ((got = read(out[0], line + len, sizeof line - 1 - len)) > 0)
        len += (size_t)got;
    line[len] = '\0';
    close(out[0]);
    int status;
    struct rusage use;
    if (wait4(pid, &status, 0, &use) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
        !strstr(line, " status=ok ")) {
        fprintf(stderr, "rss: %s %s p=%s n=%s did not run and verify: %.300s\n", argv[2], argv[3],
                argv[4], argv[5], line);
        return 1;
    }
    printf("rss,%s,%s,%lld,%lld,%zu,%lld\n", k->name, argv[3], p, n, arrays,
           (long long)use.ru_maxrss * 1024);
    return 0;
}
