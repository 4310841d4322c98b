#!/bin/bash
# The gnuplot script pk plot writes is fit for a paper (issue 15, item 5): one legend per
# figure, a title with kernel, n, class, reps, host and run, a colour-blind-safe palette (no
# yellow), the serial point drawn last (on top), efficiency error bars, no fit the report
# rejected, and merged runs as separate series rather than one zigzag.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/results-lib.sh"
S6="1.0 1.1 0.9 1.2 0.8 1.0"
{ header; rows polysum serial 1 $POLYSUM_1000 r1 $S6; rows polysum threads 1 $POLYSUM_1000 r1 $S6
  rows polysum threads 2 $POLYSUM_1000 r1 0.5 0.55 0.45 0.6 0.5 0.52
  rows polysum fork 2 $POLYSUM_1000 r1 0.6 0.65 0.55 0.7 0.6 0.62; } | sed 's/,1000,,/,1000,S,/' >"$TMP/p.csv"
check "plot" "$PK" plot "$TMP/p.csv" -o "$TMP/plots"
GP="$TMP/plots/polysum-n1000.gp"
# each figure (PNG, then SVG) has three plot commands; only the first titles its series
awk '/^plot / { n++; if (n % 3 != 1 && / title [^n]/) bad++ } END { exit !(n == 6 && !bad) }' "$GP" \
    && ok "one legend per figure" || { not_ok "one legend per figure"; diag "$GP"; }
[ "$(grep -c '^set key' "$GP")" -eq 2 ] && [ "$(grep -c '^unset key' "$GP")" -eq 2 ] \
    && ok "the key is set once per figure and unset for the other panels" || not_ok "key set once per figure"
has "title names kernel, n and class" "title 'polysum, n = 1000 \(class S\)" "$GP"
has "title names reps, host and run" "6 reps; host vm; run r1'" "$GP"
lacks "no yellow" "(#F0E442|#FFFF00|yellow|#E6E600)" "$GP"
[ "$(grep -c "lc rgb '#[0-9A-F]\{6\}'" "$GP")" -eq 3 ] && ok "each series has its own palette colour" || { not_ok "palette colours"; diag "$GP"; }
awk '/^plot dat/ && !done { done = 1; n = split($0, a, "dat index "); exit !(a[n] ~ /^0 /) }' "$GP" \
    && ok "serial (index 0) drawn last" || { not_ok "serial drawn last"; diag "$GP"; }
grep -q 'using 1:8:(\$6/\$1):(\$7/\$1) with yerrorlines' "$GP" && ok "efficiency has error bars" || not_ok "efficiency has error bars"
# merged runs: separate series
{ header; rows polysum serial 1 $POLYSUM_1000 runA $S6; rows polysum threads 2 $POLYSUM_1000 runA $S6; } >"$TMP/a.csv"
{ header; rows polysum serial 1 $POLYSUM_1000 runB $S6; rows polysum threads 2 $POLYSUM_1000 runB $S6; } >"$TMP/b.csv"
check "plot of two runs" "$PK" plot "$TMP/a.csv" "$TMP/b.csv" -o "$TMP/runs"
[ "$(grep -c '^# threads run run[AB]$' "$TMP/runs/polysum-n1000.dat")" -eq 2 ] \
    && ok "two runs: two threads series" || { not_ok "two runs: two threads series"; diag "$TMP/runs/polysum-n1000.dat"; }
has "two runs: both in the title" "runs runA, runB'" "$TMP/runs/polysum-n1000.gp"
done_testing
