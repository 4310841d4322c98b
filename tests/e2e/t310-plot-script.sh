#!/bin/bash
# The gnuplot script pk plot writes is fit for a paper (issue 15, item 5): one legend per
# figure, a title with kernel, n, class, reps, host and run, a colour-blind-safe palette (no
# yellow), the serial point drawn last (on top), efficiency error bars, no fit the report
# rejected, and merged runs as separate series rather than one zigzag; the title names the CPU
# model and a vertical mark stands at the core count (points right of it oversubscribe), both
# from the cpu_model and cores columns, which pk run fills from the machine's context.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/results-lib.sh"
S6="1.0 1.1 0.9 1.2 0.8 1.0"
{ header; rows polysum serial 1 $POLYSUM_1000 r1 $S6; rows polysum threads 1 $POLYSUM_1000 r1 $S6
  rows polysum threads 2 $POLYSUM_1000 r1 0.5 0.55 0.45 0.6 0.5 0.52
  rows polysum fork 2 $POLYSUM_1000 r1 0.6 0.65 0.55 0.7 0.6 0.62; } | sed 's/,1000,,/,1000,S,/' |
    # the later columns, a CPU text with a comma and both quotes (CSV- and gnuplot-quoted)
    sed '1s/\r$/,options,pages,mpi,cpu_model,cores\r/; 2,$s/\r$/,-,4k,-,"Acme'"'"'s ""Zen"" 9, rev 2",1\r/' >"$TMP/p.csv"
check "plot" "$PK" plot "$TMP/p.csv" -o "$TMP/plots"
GP="$TMP/plots/polysum-n1000.gp"
# each figure (PNG, then SVG) has three plot commands; only the first titles its series
awk '/^plot / { n++; if (n % 3 != 1 && / title [^n]/) bad++ } END { exit !(n == 6 && !bad) }' "$GP" \
    && ok "one legend per figure" || { not_ok "one legend per figure"; diag "$GP"; }
[ "$(grep -c '^set key' "$GP")" -eq 2 ] && [ "$(grep -c '^unset key' "$GP")" -eq 2 ] \
    && ok "the key is set once per figure and unset for the other panels" || not_ok "key set once per figure"
has "title names kernel, n and class" "title 'polysum, n = 1000 \(class S\)" "$GP"
has "title names reps, host, CPU model and run" "6 reps; host vm; CPU Acme''s \"Zen\" 9, rev 2; run r1'" "$GP"
has "the core count is set" "^cores = 1$" "$GP"
has "a vertical mark at the core count" "^set arrow 1 from first cores, graph 0 to first cores, graph 1 nohead" "$GP"
has "the mark is labelled" "^set label 1 sprintf\('%d cores', cores\) at first cores" "$GP"
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
# files from before the machine columns: the CPU is unknown, and no mark is drawn
has "older file: CPU unknown" "; CPU unknown; runs runA" "$TMP/runs/polysum-n1000.gp"
lacks "older file: no core mark" "^set arrow" "$TMP/runs/polysum-n1000.gp"
# pk run records this machine's CPU model and usable cores; plot names and marks them
"$PK" run polysum -c S -m serial,threads -p 1,2 -r 1 -q -o "$TMP/run.csv" >/dev/null 2>&1
check "plot of a pk run" "$PK" plot "$TMP/run.csv" -o "$TMP/real"
cpu=$("$PK" info | awk '$1 == "cpu" { $1 = ""; sub(/^ +/, ""); print; exit }')
cores=$("$PK" info | awk '$1 == "cores" { print $2; exit }')
GP="$TMP/real/polysum-n1000.gp"
grep -qF "; CPU $(printf '%s' "$cpu" | sed "s/'/''/g"); run " "$GP" && ok "pk run's CPU model in the title: $cpu" ||
    { not_ok "CPU '$cpu' in the title"; diag "$GP"; }
has "pk run's usable cores: $cores" "^cores = $cores$" "$GP"
if [ "$cores" -le 2 ]; then
    has "the mark drawn where p reaches the cores" "^set arrow 1 from first cores" "$GP"
else
    lacks "no mark left of the measured p (cores $cores > p 2)" "^set arrow" "$GP"
fi
done_testing
