#!/bin/bash
# pk report, compare and plot re-check what a results file claims (issue 11, items 5, 8-11):
# agreement from the results, an honest summary sentence, Amdahl fits by the data, merged runs
# labelled with their own serial, the run options in every row, exact integers in JSON.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/results-lib.sh"
S6="1.0 1.1 0.9 1.2 0.8 1.0"

# item 5: rows that say ok but carry another result
{ header; rows polysum serial 1 $POLYSUM_1000 r1 $S6; rows polysum threads 2 249833583001 r1 $S6; } >"$TMP/tampered.csv"
expect_rc "report: an ok row with another result exits 1" 1 "$PK" report "$TMP/tampered.csv"
has "report marks it DISAGREE" "threads +2 .*DISAGREE" "$TMP/out"
lacks "report does not say every configuration agrees" "agrees" "$TMP/out"
{ header; rows polysum serial 1 $POLYSUM_1000 r1 $S6; } >"$TMP/serial.csv"
{ header; rows polysum threads 2 249833583001 r2 $S6; } >"$TMP/threads.csv"
expect_rc "report: disagreement across two files exits 1" 1 "$PK" report "$TMP/serial.csv" "$TMP/threads.csv"
has "the row names the other file's serial" "DISAGREE" "$TMP/out"
expect_rc "report --format csv: the merged record says disagree" 1 "$PK" report --format csv "$TMP/tampered.csv"
has "csv rows carry disagree" "^polysum,threads,2,.*,disagree," "$TMP/out"
expect_rc "compare: a tampered file exits 1" 1 "$PK" compare "$TMP/serial.csv" "$TMP/tampered.csv"
{ header; rows polysum threads 2 $POLYSUM_1000 r3 $S6; } >"$TMP/threads-good.csv"
expect_rc "compare: OLD and NEW with different results exit 1" 1 "$PK" compare "$TMP/threads-good.csv" "$TMP/threads.csv"
has "compare says DISAGREE" "DISAGREE" "$TMP/out"
expect_rc "compare: agreeing files exit 0" 0 "$PK" compare "$TMP/threads-good.csv" "$TMP/threads-good.csv"
expect_rc "plot: a tampered file exits 1" 1 "$PK" plot "$TMP/tampered.csv" -o "$TMP/plots5"
lacks "plot draws no disagreeing series" "threads" "$TMP/plots5/polysum-n1000.dat"

# item 8: the summary compares with serial and says when nothing is significantly faster
{ header; rows polysum serial 1 $POLYSUM_1000 r1 $S6; rows polysum mpi 2 $POLYSUM_1000 r1 0.9 1.3 0.7 1.1 0.95 1.05; } >"$TMP/holds1.csv"
expect_rc "report of an interval that holds 1" 0 "$PK" report "$TMP/holds1.csv"
has "summary: none significantly faster than serial" "Summary: no parallel configuration was significantly faster than serial" "$TMP/out"
lacks "summary: nothing called fastest" "fastest" "$TMP/out"
{ header; rows polysum serial 1 $POLYSUM_1000 r1 $S6; rows polysum fork 2 $POLYSUM_1000 r1 1.5 1.6 1.4 1.7 1.5 1.6; } >"$TMP/below1.csv"
expect_rc "report of a slowdown" 0 "$PK" report "$TMP/below1.csv"
has "summary: the interval lies below 1" "lies below 1: slower than serial" "$TMP/out"
{ header; rows polysum threads 2 $POLYSUM_1000 r1 $S6; rows polysum fork 2 $POLYSUM_1000 r1 $S6; } >"$TMP/noserial.csv"
expect_rc "report without serial" 0 "$PK" report "$TMP/noserial.csv"
lacks "summary without serial calls nothing fastest" "fastest" "$TMP/out"
has "summary without serial says so" "no verified serial run" "$TMP/out"
{ header; rows polysum serial 1 $POLYSUM_1000 r1 $S6; rows polysum threads 2 $POLYSUM_1000 r1 0.5 0.55 0.45 0.6 0.5 0.52; } >"$TMP/faster.csv"
expect_rc "report of a real speedup" 0 "$PK" report "$TMP/faster.csv"
has "summary: significantly faster is fastest" "Summary: threads at p=2 was fastest, 1\.9[0-9]x serial \[" "$TMP/out"

# item 9: times that rise are a slowdown, not superlinear; a rejected fit is not drawn
{ header; rows polysum serial 1 $POLYSUM_1000 r1 1.3e-6; rows polysum threads 1 $POLYSUM_1000 r1 1.3e-6
  rows polysum threads 2 $POLYSUM_1000 r1 8e-6; rows polysum threads 4 $POLYSUM_1000 r1 9.2e-3; } >"$TMP/rising.csv"
expect_rc "report of rising times" 0 "$PK" report "$TMP/rising.csv"
has "Amdahl: rising times are a slowdown" "Amdahl fit .*threads: none \(slowdown" "$TMP/out"
lacks "Amdahl: not called superlinear" "superlinear" "$TMP/out"
expect_rc "plot of rising times" 0 "$PK" plot "$TMP/rising.csv" -o "$TMP/plots9"
lacks "plot draws no rejected fit" "^fit[0-9]" "$TMP/plots9/polysum-n1000.gp"
{ header; rows polysum serial 1 $POLYSUM_1000 r1 1.0; rows polysum threads 1 $POLYSUM_1000 r1 1.0
  rows polysum threads 2 $POLYSUM_1000 r1 0.55; rows polysum threads 4 $POLYSUM_1000 r1 0.325; } >"$TMP/amdahl.csv"
expect_rc "plot of an Amdahl curve" 0 "$PK" plot "$TMP/amdahl.csv" -o "$TMP/plots9b"
has "plot draws an accepted fit" "^fit[0-9]" "$TMP/plots9b/polysum-n1000.gp"

# item 10: two runs of one plan: labelled tables, each speedup against its own run's serial
{ header; rows polysum serial 1 $POLYSUM_1000 runA 1.0 1.0 1.0 1.0 1.0 1.0; rows polysum threads 2 $POLYSUM_1000 runA $S6; } >"$TMP/runA.csv"
{ header; rows polysum serial 1 $POLYSUM_1000 runB 1.4 1.4 1.4 1.4 1.4 1.4; rows polysum threads 2 $POLYSUM_1000 runB $S6; } >"$TMP/runB.csv"
expect_rc "report of two runs" 0 "$PK" report "$TMP/runA.csv" "$TMP/runB.csv"
has "the first run is labelled" "run 1 of 2: runA on vm" "$TMP/out"
has "the second run is labelled" "run 2 of 2: runB on vm" "$TMP/out"
lacks "no serial row is compared with another run's serial" "^  serial .* 0\.71 " "$TMP/out"
[ "$(grep -cE '^  serial +1 .* 1\.00 ' "$TMP/out")" -eq 2 ] && ok "each serial row: speedup 1.00" \
    || { not_ok "each serial row: speedup 1.00"; diag "$TMP/out"; }
has "run B's threads against run B's serial (1.4 / 1.0)" "^  threads +2 .* 1\.40 " "$TMP/out"
expect_rc "markdown of two runs" 0 "$PK" report --format markdown "$TMP/runA.csv" "$TMP/runB.csv"
[ "$(grep -c ', run run[AB] on vm' "$TMP/out")" -eq 2 ] && ok "markdown: a heading per run" \
    || { not_ok "markdown: a heading per run"; diag "$TMP/out"; }
expect_rc "report of one plan split over jobs" 0 "$PK" report "$TMP/serial.csv" "$TMP/threads-good.csv"
has "pooled runs get a note" "pooled from 2 runs" "$TMP/out"
has "a pooled row still has its speedup" "^  threads +2 .* 1\.00 " "$TMP/out"

# item 10: --bind and --order are recorded in every row
if "$PK" run polysum -c S -m serial,threads -p 2 -r 2 -w 0 --bind close -q -o "$TMP/bind.csv" >/dev/null 2>&1; then
    rowsn=$(tail -n +2 "$TMP/bind.csv" | wc -l)
    [ "$rowsn" -gt 0 ] && [ "$(grep -c ',bind:close/order:grouped,' "$TMP/bind.csv")" -eq "$rowsn" ] \
        && ok "every row records bind:close/order:grouped" || { not_ok "every row records bind:close/order:grouped"; diag "$TMP/bind.csv"; }
else
    not_ok "pk run --bind close"
fi

# item 11: integers exact in JSON
{ header; N=1234567891 SEED=1234567891 rows polysum serial 1 1 r1 1.0; } >"$TMP/big.csv"
expect_rc "json of a large size and seed" 0 "$PK" report --format json "$TMP/big.csv"
has "json: size exact" '"size": 1234567891,' "$TMP/out"
has "json: seed exact" '"seed": 1234567891,' "$TMP/out"
expect_rc "pk run --format json with a large seed" 0 "$PK" run polysum -n 1000 --seed 1234567891 -m serial -r 1 -w 0 -q --format json
has "pk run json: seed exact" '"seed": 1234567891,' "$TMP/out"
done_testing
