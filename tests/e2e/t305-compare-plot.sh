#!/bin/bash
# pk compare judges every configuration; pk plot draws PNG and SVG (or writes the script).
. "$(dirname "$0")/lib.sh"

"$PK" run polysum -c S -m serial,threads -p 2 -r 9 -q -o "$TMP/a.csv" >/dev/null 2>&1
"$PK" run polysum -c S -m serial,threads -p 2 -r 9 -q -o "$TMP/b.csv" >/dev/null 2>&1
check "compare two runs" "$PK" compare "$TMP/a.csv" "$TMP/b.csv"
[ "$(grep -cE "faster|slower|no significant difference" "$TMP/out")" -eq 2 ] \
    && ok "a verdict per configuration" || { not_ok "a verdict per configuration"; diag "$TMP/out"; }
grep -q "Mann-Whitney" "$TMP/out" && ok "9 reps each: Mann-Whitney" || not_ok "Mann-Whitney used"
refuses "compare needs two files" "two files" "$PK" compare "$TMP/a.csv"

"$PK" run polysum -c S -m serial,threads,fork -p 1,2 -r 6 -q -o "$TMP/p.csv" >/dev/null 2>&1
check "plot" "$PK" plot "$TMP/p.csv" -o "$TMP/plots"
[ -s "$TMP/plots/polysum-n1000.gp" ] && [ -s "$TMP/plots/polysum-n1000.dat" ] && ok "script and data" || not_ok "script and data"
if command -v gnuplot >/dev/null; then
    head -c 4 "$TMP/plots/polysum-n1000.png" | grep -q PNG && ok "PNG written" || not_ok "PNG written"
    grep -q "<svg" "$TMP/plots/polysum-n1000.svg" && ok "SVG written" || not_ok "SVG written"
else
    skip "PNG written" "no gnuplot"; skip "SVG written" "no gnuplot"
fi
done_testing
