#!/bin/bash
# What pk report, compare and plot refuse to read as results (exit 2, one line naming the
# file): anything but a regular file, never waited on (a FIFO with no writer blocked open()
# for ever).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/results-lib.sh"
S3="1.0 1.1 0.9"
cd "$TMP" || exit 1
{ header; rows polysum serial 1 $POLYSUM_1000 r1 $S3; } >good.csv

# a FIFO, a directory and a device: refused at once by all three commands
mkfifo fifo.csv
mkdir dir.csv
for path in fifo.csv dir.csv /dev/null; do
    refuses "report $path is refused" "'$path' is not a pk results file" timeout 20 "$PK" report "$path"
    refuses "compare $path is refused" "'$path' is not a pk results file" timeout 20 "$PK" compare good.csv "$path"
    refuses "plot $path is refused" "'$path' is not a pk results file" timeout 20 "$PK" plot "$path" -o plots
done
[ ! -e plots ] && ok "plot made no directory" || not_ok "plot made no directory"
# a pipe, even with a writer, is not a file pk reads
refuses "a pipe on /dev/stdin is refused" "not a regular file" timeout 20 "$PK" report /dev/stdin < <(header)
check "a regular file still reads" "$PK" report good.csv
done_testing
