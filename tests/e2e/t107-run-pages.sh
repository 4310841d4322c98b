#!/bin/bash
# --pages: the page size each configuration got is in its row (column pages); normal is 4k in
# every model; with huge, a model that cannot have them (fork's shared arena where shared-memory
# THP is off) says so in its row; a bad word is refused.
. "$(dirname "$0")/lib.sh"

col() { # col NAME FILE: the values of column NAME, one a line, after the header
    tr -d '\r' <"$2" | awk -F, -v name="$1" '
        NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next }
        c { print $c }'
}

check "pk run --pages normal" "$PK" run stream -n 300000 -m serial,threads,fork -p 1,2 -r 1 -q \
    --format csv
[ "$(col pages "$TMP/out" | sort -u)" = "4k" ] && ok "normal: every row has 4k pages" ||
    { not_ok "normal pages"; diag "$TMP/out"; }

check "pk run --pages huge" "$PK" run stream -n 300000 -m serial,fork -p 1 -r 1 -q --pages huge \
    --format csv -o "$TMP/huge.csv"
[ "$(col pages "$TMP/huge.csv" | grep -cvE '^(4k|2m|2m:[0-9]+%)$')" -eq 0 ] &&
    ok "huge: every row says its page size" || { not_ok "huge pages words"; diag "$TMP/huge.csv"; }
shmem=$(sed -n 's/.*\[\(.*\)\].*/\1/p' /sys/kernel/mm/transparent_hugepage/shmem_enabled 2>/dev/null)
case $shmem in
never | deny | '')
    grep '^stream,fork,' "$TMP/huge.csv" | grep -q 'pages huge refused.*shmem_enabled' &&
        ok "huge: fork's row says shared memory gets no huge pages" ||
        { not_ok "fork's refusal"; diag "$TMP/huge.csv"; }
    ;;
*) skip "fork's refusal" "shared-memory THP is '$shmem' here" ;;
esac
check "pk report reads the pages column back" "$PK" report "$TMP/huge.csv" --format csv
[ -n "$(col pages "$TMP/out")" ] && cmp -s <(col pages "$TMP/huge.csv") <(col pages "$TMP/out") &&
    ok "pages round-trip" ||
    not_ok "pages round-trip"

"$PK_RUN" stream serial 1 300000 -r 1 --pages huge >"$TMP/line" 2>"$TMP/err" &&
    grep -qE ' pages=(4k|2m)' "$TMP/line" && ok "pk-run --pages huge: pages in the result line" ||
    { not_ok "pk-run --pages"; diag "$TMP/line" "$TMP/err"; }
refuses "pk run: unknown --pages" "'giant'" "$PK" run stream -c S --pages giant
refuses "pk-run: unknown --pages" "'giant'" "$PK_RUN" stream serial 1 1000 --pages giant
done_testing
