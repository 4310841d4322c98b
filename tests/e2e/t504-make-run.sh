#!/bin/bash
# make run keeps its results in a file and names it, with the commands to read it, last.
. "$(dirname "$0")/lib.sh"
if [ "$(cd "$BIN_DIR" 2>/dev/null && pwd)" != "$TOP/bin" ]; then # make run builds and runs bin/
    skip "make run keeps its results" "the programs under test are not bin/ but $BIN_DIR"
    done_testing; exit
fi
F="$TMP/my results/run.csv"
make -s -C "$TOP" run RUN='pi -c S -m serial,threads -p 2 -r 2 -w 0 -q' RUN_RESULTS="$F" \
    >"$TMP/out" 2>"$TMP/err"; rc=$?
[ $rc -eq 0 ] && ok "make run exits 0" || { not_ok "make run exits $rc"; diag "$TMP/err"; }
[ -s "$F" ] && [ "$("$PK" report "$F" 2>/dev/null | grep -c '^ *threads ')" -ge 1 ] &&
    ok "make run wrote its results to RUN_RESULTS, and pk report reads them" ||
    { not_ok "no results in '$F'"; diag "$TMP/out"; }
last=$(tail -n 1 "$TMP/out")
case $last in
*"results in $F"*"pk report $F"*"pk plot $F"*) ok "the last line names the file and what to run next" ;;
*) not_ok "last line: $last" ;;
esac
done_testing
