#!/bin/bash
# What an audit of pk's reported numbers found (2026-11-28), each case on a hand-made file:
# runs that repeat a configuration keep their own serial in every export and plot, compare's
# verdict follows its test, a merged record is not compared by its first run alone, the
# header's rep count covers every row, and a time just under a unit prints in the next one.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/results-lib.sh"
S6="1.0 1.0 1.0 1.0 1.0 1.0"

# Run A: serial 1 s, threads p=2 0.5 s. Run B repeats both, but its serial failed: no speedup
# for run B's threads anywhere (against run A's serial it would read 2.00).
{ header; rows polysum serial 1 $POLYSUM_1000 runA $S6; rows polysum threads 2 $POLYSUM_1000 runA 0.5 0.5 0.5 0.5 0.5 0.5; } >"$TMP/A.csv"
{ header; STATUS=failed rows polysum serial 1 $POLYSUM_1000 runB $S6; rows polysum threads 2 $POLYSUM_1000 runB 0.25 0.25 0.25 0.25 0.25 0.25; } >"$TMP/B.csv"
expect_rc "report of a run whose serial failed" 1 "$PK" report "$TMP/A.csv" "$TMP/B.csv" -o "$TMP/AB.json" -o "$TMP/AB.md"
has "the table: run B's threads has no speedup" "^  threads +2 +250ms .*  -  " "$TMP/out"
has "markdown: run A's threads at 2.00" "^\| threads \| 2 \| 500ms .*\| 2\.00 \| 1\.00 \|" "$TMP/AB.md"
has "markdown: run B's threads without one" "^\| threads \| 2 \| 250ms .*\| - \| - \|" "$TMP/AB.md"
lacks "markdown: nothing at 4.00 (run B's threads over run A's serial)" "4\.00" "$TMP/AB.md"
lacks "json: no speedup of 4 (run A's serial over run B's threads)" '"speedup": 4[,.]' "$TMP/AB.json"
has "json: run A's speedup of 2" '"speedup": 2[,.]' "$TMP/AB.json"

# Plot: each run's Amdahl fit divides its own serial (run B is run A at half the time)
{ header; rows polysum serial 1 $POLYSUM_1000 runA 0.2; rows polysum threads 1 $POLYSUM_1000 runA 0.2
  rows polysum threads 2 $POLYSUM_1000 runA 0.11; rows polysum threads 4 $POLYSUM_1000 runA 0.065; } >"$TMP/pA.csv"
{ header; rows polysum serial 1 $POLYSUM_1000 runB 0.1; rows polysum threads 1 $POLYSUM_1000 runB 0.1
  rows polysum threads 2 $POLYSUM_1000 runB 0.055; rows polysum threads 4 $POLYSUM_1000 runB 0.0325; } >"$TMP/pB.csv"
expect_rc "plot of two runs" 0 "$PK" plot "$TMP/pA.csv" "$TMP/pB.csv" -o "$TMP/plots"
gp=$TMP/plots/polysum-n1000.gp
[ "$(grep -c '^fit[0-9]*(x) = ' "$gp")" -eq 2 ] && ok "a fit per run" || { not_ok "a fit per run"; diag "$gp"; }
has "run A's fit divides 0.2" "^fit[0-9]+\(x\) = 0\.2 / " "$gp"
has "run B's fit divides 0.1" "^fit[0-9]+\(x\) = 0\.1 / " "$gp"
has "the ideal line names its run" "title 'ideal: serial time / p, run runA'" "$gp"

# compare: significance from Mann-Whitney, direction from it too. NEW's median is 0.7% lower,
# but 14 of its 30 reps are slower than every OLD rep: the test says slower.
old30="$(printf '0.1 %.0s' $(seq 15))$(printf '0.2 %.0s' $(seq 15))"
new30="$(printf '0.149 %.0s' $(seq 16))$(printf '0.3 %.0s' $(seq 14))"
# shellcheck disable=SC2086 # the times are words
{ header; rows polysum serial 1 $POLYSUM_1000 r1 $old30; } >"$TMP/mw-old.csv"
# shellcheck disable=SC2086
{ header; rows polysum serial 1 $POLYSUM_1000 r2 $new30; } >"$TMP/mw-new.csv"
expect_rc "compare of medians and ranks that disagree" 0 "$PK" compare "$TMP/mw-old.csv" "$TMP/mw-new.csv"
has "the verdict is mixed" "mixed \(Mann-Whitney p=[0-9.e-]+ says slower, the medians the other way\)" "$TMP/out"
lacks "not called faster" "faster \(" "$TMP/out"
expect_rc "compare the other way round" 0 "$PK" compare "$TMP/mw-new.csv" "$TMP/mw-old.csv"
has "mixed again" "mixed \(Mann-Whitney p=[0-9.e-]+ says faster" "$TMP/out"
expect_rc "compare of a file with itself" 0 "$PK" compare "$TMP/mw-old.csv" "$TMP/mw-old.csv"
{ header; rows polysum serial 1 $POLYSUM_1000 r3 $(printf '0.2 %.0s' $(seq 9)) $(printf '0.3 %.0s' $(seq 9)); } >"$TMP/slow.csv"
{ header; rows polysum serial 1 $POLYSUM_1000 r4 $(printf '0.1 %.0s' $(seq 9)) $(printf '0.15 %.0s' $(seq 9)); } >"$TMP/fast.csv"
expect_rc "compare of a clear speedup" 0 "$PK" compare "$TMP/slow.csv" "$TMP/fast.csv"
has "faster" "  faster \(Mann-Whitney" "$TMP/out"

# compare refuses a side that holds a configuration from two runs (it took the first alone)
expect_rc "a merged record" 0 "$PK" report "$TMP/slow.csv" "$TMP/fast.csv" -o "$TMP/merged.csv"
refuses "compare refuses a merged record as OLD" "from two runs (r3, r4)" "$PK" compare "$TMP/merged.csv" "$TMP/fast.csv"
refuses "compare refuses a merged record as NEW" "merged.csv' holds polysum serial p=1" "$PK" compare "$TMP/fast.csv" "$TMP/merged.csv"

# compare names a failure within one file by its status
{ header; rows polysum serial 1 $POLYSUM_1000 r5 $S6; rows polysum threads 2 249833583001 r5 $S6; } >"$TMP/tampered.csv"
expect_rc "compare with a file that disagrees within itself" 1 "$PK" compare "$TMP/A.csv" "$TMP/tampered.csv"
has "it says DISAGREE in NEW" "threads +2  DISAGREE in NEW, not compared: result 249833583001 differs" "$TMP/out"

# the header counts the reps of every row; a row without reps says so
{ header; rows polysum serial 1 $POLYSUM_1000 r6 1 1 1; rows polysum threads 2 $POLYSUM_1000 r6 $S6 $S6; } >"$TMP/reps.csv"
expect_rc "report of 3 and 12 reps" 0 "$PK" report "$TMP/reps.csv"
has "the header says 3 to 12 reps" "n = 1000, 3 to 12 reps after 0 warm-up" "$TMP/out"

# a time in [0.9995, 1) of a unit prints in the next unit
{ header; rows polysum serial 1 $POLYSUM_1000 r7 0.9996 0.9996 0.9996 0.9996 0.9996 0.9996
  rows polysum threads 2 $POLYSUM_1000 r7 0.0009996 0.0009996 0.0009996 0.0009996 0.0009996 0.0009996; } >"$TMP/units.csv"
expect_rc "report of times just under 1 s and 1 ms" 0 "$PK" report "$TMP/units.csv"
has "1s" "^  serial +1 +1s \[1s, 1s\]" "$TMP/out"
has "1ms" "^  threads +2 +1ms \[1ms, 1ms\]" "$TMP/out"
lacks "no 1e+03" "e\+03" "$TMP/out"

# spawn's sentence when openmp did not run: no ';' before the first model
expect_rc "spawn without openmp" 0 "$PK" run spawn -c S -m serial,threads -p 1,2 -r 1 -w 0 -q
has "creating and joining workers costs threads" "Summary: creating and joining workers costs threads [0-9.]+ us/round at p=2\." "$TMP/out"
done_testing
