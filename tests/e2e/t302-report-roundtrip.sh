#!/bin/bash
# pk report of the CSV that pk run wrote prints the very tables pk run printed.
. "$(dirname "$0")/lib.sh"

"$PK" run polysum pi -c S -m serial,threads,fork -p 1,2 -r 6 -q -o "$TMP/r.csv" >"$TMP/run.txt" 2>"$TMP/err"
[ $? -eq 0 ] && ok "run with -o r.csv" || { not_ok "run with -o r.csv"; diag "$TMP/err"; }
check "pk report r.csv" "$PK" report "$TMP/r.csv"
# the tables after the context block (pk report's is the files' context; -q left pk run's out)
tables() { awk 'f; /^$/ { f = 1 }' "$1"; }
diff <(tables "$TMP/run.txt") <(tables "$TMP/out") >"$TMP/diff" && ok "report reproduces the run's tables" \
    || { not_ok "report reproduces the run's tables"; diag "$TMP/diff"; }
grep -q "Summary: " "$TMP/out" && ok "summary sentence" || not_ok "summary sentence"
grep -q "95% CI" "$TMP/out" && ok "interval column" || not_ok "interval column"
# two files (as from two array tasks) merge; speedup finds its serial base in the other file
"$PK" run polysum -c S -m serial -r 6 -q -o "$TMP/a.csv" >/dev/null 2>&1
"$PK" run polysum -c S -m threads -p 2 -r 6 -q -o "$TMP/b.csv" >/dev/null 2>&1
check "report merges two files" "$PK" report "$TMP/a.csv" "$TMP/b.csv"
awk '$1 == "threads" && $2 == 2' "$TMP/out" | grep -qE " [0-9]+\.[0-9]+ +\[" \
    && ok "merged speedup uses the other file's serial" || { not_ok "merged speedup"; diag "$TMP/out"; }
# the Amdahl fit names why it has none: p = 2 times set to a third of p = 1's (superlinear),
# then to twice them (no fall at all)
"$PK" run polysum -c S -m threads -p 1,2 -r 6 -q -o "$TMP/fit.csv" >/dev/null 2>&1
scale() {
    awk -F, -v OFS=, -v f="$1" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; print; next }
        $c["workers"] == 1 { $c["time_s"] = 0.03 } $c["workers"] == 2 { $c["time_s"] = 0.03 * f } { print }' \
        "$TMP/fit.csv" >"$TMP/fit-$1.csv"
}
scale 0.33
scale 2
"$PK" report "$TMP/fit-0.33.csv" 2>/dev/null | grep -q "threads: none (superlinear" &&
    ok "Amdahl fit: superlinear times are named so" || not_ok "Amdahl fit: superlinear times"
"$PK" report "$TMP/fit-2.csv" 2>/dev/null | grep -q "threads: none (slowdown" &&
    ok "Amdahl fit: rising times are named a slowdown" || not_ok "Amdahl fit: rising times"
head -c -20 "$TMP/a.csv" >"$TMP/cut.csv" # inside the last row (a fixed offset may end a line)
refuses "truncated file is refused" "cut.csv" "$PK" report "$TMP/cut.csv"
refuses "missing file is refused" "nope.csv" "$PK" report "$TMP/nope.csv"
echo "not,a,results,file" >"$TMP/foreign.csv"
refuses "foreign file is refused" "foreign.csv" "$PK" report "$TMP/foreign.csv"
done_testing
