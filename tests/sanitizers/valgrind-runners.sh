#!/bin/sh
# Part of 'make valgrind': memcheck over pk and pk-run as a user runs them. pk runs every kernel
# x {serial, threads 3, fork 3} at class S, each pk-run traced through exec (and its fork workers
# through fork); then pk report and pk compare read the CSV back, and pk run --format json
# gathers the machine context. Every process logs to its own file; any error or definite leak
# in any of them fails the script, which then prints the reports.
set -u
cd "$(dirname "$0")/../.." || exit 2
BIN=${PK_BIN_DIR:-bin}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/pk-valgrind.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
VG="valgrind -q --trace-children=yes --leak-check=full --errors-for-leak-kinds=definite
    --show-leak-kinds=definite --log-file=$TMP/vg.%p.log"
failed=0

# step ARGS...: pk ARGS under memcheck; its own exit status must be 0 too.
step() {
    echo "valgrind: pk $*"
    $VG "$BIN/pk" "$@" >"$TMP/out" 2>"$TMP/err" ||
        { failed=1; echo "valgrind: exit $? from pk $*"; cat "$TMP/err"; }
}
step run -c S -m serial,threads,fork -p 3 -r 2 -w 1 -q --timeout 300 -o "$TMP/r.csv"
step report "$TMP/r.csv"
step compare "$TMP/r.csv" "$TMP/r.csv"
step run pi -c S -m serial,fork -p 2 -r 2 -w 0 -q --format json

for log in "$TMP"/vg.*.log; do
    [ -s "$log" ] || continue
    failed=1
    pid=${log##*vg.}
    echo "valgrind: report of pid ${pid%.log}:"
    cat "$log"
done
n=$(ls "$TMP"/vg.*.log | wc -l)
[ "$failed" -eq 0 ] && echo "valgrind: $n processes, no errors, no definite leaks"
exit "$failed"
