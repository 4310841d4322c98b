#!/bin/bash
# bench/summarize.py, bench/efficiency.py and bench/stream_layout.py on hand-made pk results
# files whose answers are known: a figure is never pooled across processes (spawn's us/round
# is time over work, not work over time), efficiency takes its serial base at the same kernel
# options and always shows two decimals, files of two CPUs are refused, and bad input is one
# line and exit 2, with nothing written.
. "$(dirname "$0")/lib.sh"
if ! command -v python3 >/dev/null; then
    skip "bench scripts" "no python3"
    done_testing
    exit
fi
B=$TOP/bench
H='kernel,model,workers,size,class,params,seed,status,detail,result,rep,warmup,time_s,rate,unit,startup_s,setup_s,wall_s,cpus,hosts,host,run,commit,job,threads,options,pages,mpi,cpu_model,cores'
# row KERNEL MODEL P N CLASS PARAMS STATUS TIME RATE UNIT RUN [CPU]
row() { echo "$1,$2,$3,$4,$5,$6,1,$7,-,x,1,0,$8,$9,${10},0,0,0,0-1,vm,vm,${11},c0ffee,,1,-,4k,-,\"${12:-AMD EPYC}\",2"; }

# spawn fork p = 2, n = 4000, in two processes (two passes): times 1.0 1.1 1.2 at 275 us/round
# (1.1 s median), 1.3 1.4 1.5 at 350. Pooled median 1.25 s: 312.5 us/round, min 250 (1.0 s),
# max 375 (1.5 s). Pooling rate x time as work gave 275 x 1.1 / 1.25 = 242.
# polysum: serial 2.016 s, openmp at p = 2 1.0 s: efficiency 1.008, "1.01".
{
    echo "$H"
    row spawn serial 1 4000 S - ok 0.004 1 us/round r1
    row polysum serial 1 1000 S - ok 2.016 0.5 GFLOP/s r1
    row polysum openmp 2 1000 S - ok 1.0 1 GFLOP/s r1
    for t in 1.0 1.1 1.2; do row spawn fork 2 4000 S - ok $t 275 us/round r1; done
} >"$TMP/pass1.csv"
{
    echo "$H"
    for t in 1.3 1.4 1.5; do row spawn fork 2 4000 S - ok $t 350 us/round r2; done
} >"$TMP/pass2.csv"
printf 'ref,variant,workers,size,median,min,max,reps,unit\nfloor,fork,2,2,250,240,260,31,us/round\n' >"$TMP/refs.csv"
printf '{"context": {"host": "vm", "date": "d", "cpu": "AMD|EPYC\\nX", "cores": 2}}\n' >"$TMP/ctx.json"
mkdir -p "$TMP/work" "$TMP/prev" "$TMP/res"
summ() { # summ OUT PKFILE...
    local out=$1; shift
    python3 -B "$B/summarize.py" --pk "$@" --context "$TMP/ctx.json" --refs "$TMP/refs.csv" \
        --work "$TMP/work" --class S --reps 3 --order passes --warmup 0 --out "$out" --previous "$TMP/prev"
}
check "summarize: two passes of hand-made files" summ "$TMP/res/r" "$TMP/pass1.csv" "$TMP/pass2.csv"
# field SECTION FIGURE MODEL COLUMNS: the summary CSV's cells (its cpu holds a newline: csv, not awk)
field() {
    python3 -c 'import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    if (r["section"], r["figure"], r["model"]) == tuple(sys.argv[2:5]):
        print(*(r[c] for c in sys.argv[5:]))' "$TMP/res/r.csv" "$@"
}
got=$(field pk-rate spawn fork median min max)
[ "$got" = "312.5 250 375" ] && ok "summarize: spawn fork 312.5 us/round at the pooled median (250-375)" ||
    not_ok "summarize: spawn fork pk-rate '$got', want '312.5 250 375'"
got=$(field ratio spawn/floor fork median)
[ "$got" = 1.25 ] && ok "summarize: spawn/floor fork 1.25 (312.5 / 250)" ||
    not_ok "summarize: spawn/floor fork '$got', want 1.25"
grep -q '^| polysum | 1.01 | ' "$TMP/res/r.md" && ok "summarize: efficiency 1.008 prints 1.01" ||
    { not_ok "summarize: efficiency cell"; grep polysum "$TMP/res/r.md" | diag /dev/stdin; }
grep -qx '| cpu | AMD/EPYC X |' "$TMP/res/r.md" && ok "summarize: '|' and a newline in the context are escaped" ||
    { not_ok "summarize: context cell"; grep cpu "$TMP/res/r.md" | diag /dev/stdin; }

# summarize: bad input is one line and exit 2, and nothing is written.
mkdir -p "$TMP/none"
printf 'a,b\n1,2\n' >"$TMP/notpk.csv"
echo "$H" >"$TMP/empty.csv"
refuses "summarize: no arguments" "usage" python3 -B "$B/summarize.py"
refuses "summarize: a missing file" "nosuch.csv" summ "$TMP/none/r" "$TMP/nosuch.csv"
refuses "summarize: a CSV that is not pk's" "not a pk results file (no kernel column)" summ "$TMP/none/r" "$TMP/notpk.csv"
refuses "summarize: a file with no rows" "no pk rows" summ "$TMP/none/r" "$TMP/empty.csv"
[ -z "$(ls "$TMP/none")" ] && ok "summarize: nothing written on bad input" || not_ok "summarize wrote $(ls "$TMP/none")"

# efficiency.py
eff() { python3 -B "$B/efficiency.py" "$@"; }
check "efficiency: the hand-made files" eff "$TMP/pass1.csv" "$TMP/pass2.csv"
grep -qx '| polysum | 1.01 | - |' "$TMP/out" && grep -qx 'CPU: AMD EPYC; runs: r1, r2' "$TMP/out" &&
    ok "efficiency: 1.01 with two decimals, CPU and runs above the table" ||
    { not_ok "efficiency output"; diag "$TMP/out"; }
{ echo "$H"; row polysum serial 1 1000 S - ok 1 1 GFLOP/s r9 "Intel Xeon"; } >"$TMP/intel.csv"
refuses "efficiency: files of two CPUs" "more than one CPU" eff "$TMP/pass1.csv" "$TMP/intel.csv"
refuses "summarize: files of two CPUs" "more than one CPU" summ "$TMP/none/r" "$TMP/pass1.csv" "$TMP/intel.csv"
# the serial base at the same kernel options: private 1.0 s / (0.5 s x 2) = 1.00, atomic
# 4.0 s / (1.0 s x 2) = 2.00 (taking private's serial gave 0.50); pi's serial failed; square has
# no serial run at all.
{
    echo "$H"
    row histogram serial 1 100 S sync:private/bins:256 ok 1.0 1 M/s r1
    row histogram openmp 2 100 S sync:private/bins:256 ok 0.5 1 M/s r1
    row histogram serial 1 100 S sync:atomic/bins:256 ok 4.0 1 M/s r1
    row histogram openmp 2 100 S sync:atomic/bins:256 ok 1.0 1 M/s r1
    row pi serial 1 100 S - FAIL - - GFLOP/s r1
    row pi openmp 2 100 S - ok 1.0 1 GFLOP/s r1
    row square openmp 2 100 S - ok 1.0 1 GB/s r1
} >"$TMP/params.csv"
check "efficiency: kernel options, a failed serial, no serial" eff "$TMP/params.csv"
grep -qx '| histogram (sync:atomic/bins:256) | 2.00 |' "$TMP/out" &&
    grep -qx '| histogram (sync:private/bins:256) | 1.00 |' "$TMP/out" &&
    ok "efficiency: each kernel option against its own serial (2.00 and 1.00)" ||
    { not_ok "efficiency: params"; diag "$TMP/out"; }
grep -qx '| pi | serial FAIL |' "$TMP/out" && ok "efficiency: a failed serial shows 'serial FAIL'" ||
    { not_ok "efficiency: failed serial"; diag "$TMP/out"; }
grep -q 'no base, for: square\.$' "$TMP/out" && ok "efficiency: a kernel without serial is listed" ||
    { not_ok "efficiency: kernel without serial"; diag "$TMP/out"; }
refuses "efficiency: a file with no rows" "no pk rows" eff "$TMP/empty.csv"
refuses "efficiency: a CSV that is not pk's" "not a pk results file (no kernel column)" eff "$TMP/notpk.csv"
refuses "efficiency: a missing file" "nosuch.csv" eff "$TMP/nosuch.csv"
for bad in 0 -1 nan inf abc; do
    { echo "$H"; row polysum serial 1 1000 S - ok "$bad" 1 GFLOP/s r1; } >"$TMP/bad.csv"
    refuses "efficiency: time_s $bad" "time_s '$bad'" eff "$TMP/bad.csv"
done

# stream_layout.py: before's serial p = 1 has a failed rep, so it shows FAIL, not a figure
# from the rep that passed; after's (n = 1000, 24000 bytes in 2e-6 s: 12 GB/s) is shown.
L=$TMP/layout
mkdir -p "$L"
echo "model name: test" >"$L/cpu"
echo "class=S n=1000" >"$L/setup"
printf '1,10\n1,12\n1,14\n' >"$L/likwid.csv"
{ echo "$H"; row stream serial 1 1000 S - ok 2e-6 12 GB/s r1; row stream serial 1 1000 S - FAIL - - GB/s r1; } >"$L/before-1.csv"
{ echo "$H"; row stream serial 1 1000 S - ok 2e-6 12 GB/s r1; } >"$L/after-1.csv"
check "stream_layout: a failed rep" python3 -B "$B/stream_layout.py" "$L" 1000 "$TMP/layout.csv"
grep -qx '| serial | 1 | FAIL | - | 12.0 (12.0-12.0, 1 reps) | 1.00 | 4k |' "$TMP/out" &&
    ok "stream_layout: a configuration with a failed rep shows its status, no figure" ||
    { not_ok "stream_layout table"; diag "$TMP/out"; }
refuses "stream_layout: no arguments" "usage" python3 -B "$B/stream_layout.py"
refuses "stream_layout: no such directory" "$TMP/nodir" python3 -B "$B/stream_layout.py" "$TMP/nodir" 1000
refuses "stream_layout: N not a count" "'1e3'" python3 -B "$B/stream_layout.py" "$L" 1e3
cp "$TMP/notpk.csv" "$L/before-2.csv"
refuses "stream_layout: a CSV that is not pk's" "no kernel column" python3 -B "$B/stream_layout.py" "$L" 1000 "$TMP/l2.csv"
[ ! -e "$TMP/l2.csv" ] && ok "stream_layout: nothing written on bad input" || not_ok "stream_layout wrote $TMP/l2.csv"
done_testing
