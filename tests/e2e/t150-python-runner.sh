#!/bin/bash
# pk-python, the runner of the python (multiprocessing) and python-threads models: for every
# kernel it has, at p = 1 and 2 and n = 1 (fewer items than workers) and 7 (a prime), its
# result equals pk-run serial's exactly (pi: within the kernel's tolerance 1e-5) with status ok;
# PK_FAULT=drop (the last block loses its last item) fails the check, exit 1; a worker killed
# by a signal or exiting 3 is status error, exit 1, and leaves no process behind; SIGTERM
# stops the runner and its workers; bad input is one line and exit 2.
. "$(dirname "$0")/lib.sh"

PKPY="$BIN_DIR/pk-python"
KERNELS="polysum square histogram pi montecarlo spawn"
if ! command -v python3 >/dev/null 2>&1; then
    skip "pk-python runs" "python3 missing"
    done_testing
    exit
fi
[ -x "$PKPY" ] && ok "make built bin/pk-python" || not_ok "make built bin/pk-python"
skip "python3 missing is reported as unavailable" "python3 is installed here (pk list's part)"

field() { tr ' ' '\n' | sed -n "s/^$1=//p"; } # field NAME < LINE

# same KERNEL N RESULT REF: exact, or within pi's relative tolerance
same() {
    if [ "$1" = pi ]; then
        python3 -c 'import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); sys.exit(abs(a - b) > 1e-5 * max(abs(a), abs(b)))' "$3" "$4"
    else
        [ "$3" = "$4" ]
    fi
}

for k in $KERNELS; do
    for n in 1 7; do
        ref=$("$PK_RUN" "$k" serial 1 "$n" -r 1 -w 0 | field result)
        for m in python python-threads; do
            for p in 1 2; do
                line=$("$PKPY" "$k" "$m" "$p" "$n" -r 2 -w 1 --bind close 2>"$TMP/err"); rc=$?
                got=$(echo "$line" | field result) status=$(echo "$line" | field status)
                if [ $rc -eq 0 ] && [ "$status" = ok ] && same "$k" "$n" "$got" "$ref" &&
                    echo "$line" | grep -q "^pk-result v1 kernel=$k model=$m p=$p threads=1 n=$n .* pages=- mpi=- end$"; then
                    ok "$k $m p=$p n=$n: $got, as serial C"
                else
                    not_ok "$k $m p=$p n=$n: exit $rc, status $status, result $got, serial C $ref"
                    echo "$line" | diag; diag "$TMP/err"
                fi
            done
        done
    done
done

# square's check takes a square for every input and no more: an item computed twice, cut
# back to n, passed before
KDIR=$(cd "$(dirname "$0")/../../kernels" && pwd)
if PYTHONDONTWRITEBYTECODE=1 python3 - "$KDIR/square" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import python as sq
data = {"n": 5, "seed": 1}
y = [sq.square_input(1, i) ** 2 for i in range(5)]
assert sq.verify(data, y)[0] == "ok", sq.verify(data, y)
assert sq.verify(data, y + y[-1:])[0] == "failed", sq.verify(data, y + y[-1:])
assert sq.verify(data, y[:-1])[0] == "failed"
PY
then ok "square's check refuses an extra square and a missing one"; else not_ok "square's check on the count of squares"; fi

# the generated inputs follow --seed as the C kernels' do (the largest seed: 2^62)
for k in square histogram montecarlo; do
    ref=$("$PK_RUN" "$k" serial 1 97 -r 1 -w 0 --seed 4611686018427387904 | field result)
    got=$("$PKPY" "$k" python 2 97 -r 1 -w 0 --seed 4611686018427387904 | field result)
    [ -n "$ref" ] && [ "$got" = "$ref" ] && ok "$k --seed 2^62: $got, as serial C" ||
        not_ok "$k --seed 2^62: $got, serial C $ref"
done
[ "$("$PKPY" polysum python 1 1e3 -r 1 -w 0 | field n)" = 1000 ] && ok "size 1e3 reads as 1000" ||
    not_ok "size 1e3 does not read as 1000"

# histogram's --sync: lock agrees exactly; none races on purpose (status race, exit 0)
ref=$("$PK_RUN" histogram serial 1 3001 -r 1 -w 0 --bins 7 | field result)
for m in python python-threads; do
    line=$("$PKPY" histogram "$m" 2 3001 -r 1 -w 0 --sync lock --bins 7)
    [ "$(echo "$line" | field result)" = "$ref" ] && [ "$(echo "$line" | field params)" = sync:lock/bins:7 ] &&
        ok "histogram $m --sync lock: $ref" || { not_ok "histogram $m --sync lock"; echo "$line" | diag; }
    line=$("$PKPY" histogram "$m" 2 3001 -r 1 -w 0 --sync none --bins 7); rc=$?
    [ $rc -eq 0 ] && [ "$(echo "$line" | field status)" = race ] &&
        ok "histogram $m --sync none: status race, exit 0" || { not_ok "histogram $m --sync none (exit $rc)"; echo "$line" | diag; }
done

# a wrong answer fails: every kernel, both models
for k in $KERNELS; do
    for m in python python-threads; do
        line=$(PK_FAULT=drop "$PKPY" "$k" "$m" 2 7 -r 1 -w 0); rc=$?
        [ $rc -eq 1 ] && [ "$(echo "$line" | field status)" = failed ] &&
            ok "$k $m PK_FAULT=drop: failed, exit 1 ($(echo "$line" | field detail | cut -c1-60))" ||
            { not_ok "$k $m PK_FAULT=drop: exit $rc"; echo "$line" | diag; }
    done
done

# left SIZE: pk-python processes (the runner, and its workers: forked, they keep its command
# line) of this test's run of that size; each case has its own size
left() { ps -eo pid=,args= | grep -E "pk-python [a-z]+ python 2 $1( |$)" | grep -v grep; }

# a killed worker is an error, not a hang, and nothing is left: the crew (polysum), the pool
# (square, histogram), before its first task (task 1 places the workers) and later
size=1000
for k in polysum square histogram; do
    for fault in crash crash,task=2 abort,task=2 exit,worker=1,task=3; do
        size=$((size + 1))
        PK_FAULT=$fault timeout 120 "$PKPY" "$k" python 2 $size -r 2 -w 1 >"$TMP/out" 2>"$TMP/err"; rc=$?
        status=$(field status <"$TMP/out")
        if [ $rc -eq 1 ] && [ "$status" = error ] && [ -z "$(left $size)" ]; then
            ok "$k PK_FAULT=$fault: error, exit 1, no process left ($(field detail <"$TMP/out"))"
        else
            not_ok "$k PK_FAULT=$fault: exit $rc, status $status, left: $(left $size)"; diag "$TMP/out" "$TMP/err"
        fi
    done
done

# SIGTERM while a worker hangs: the runner stops its workers and dies of the signal
for k in polysum square; do
    size=$((size + 1))
    PK_PROGRESS=1 PK_FAULT=hang,task=3 "$PKPY" "$k" python 2 $size -r 3 -w 0 >"$TMP/out" 2>"$TMP/err" &
    pid=$!
    for _ in $(seq 600); do grep -q "pk-progress 1 3" "$TMP/err" && break; sleep 0.1; done
    before=$(left $size | wc -l)
    kill -TERM $pid; wait $pid; rc=$?
    for _ in $(seq 50); do [ -z "$(left $size)" ] && break; sleep 0.1; done
    if [ $rc -eq 143 ] && [ "$before" -eq 3 ] && [ -z "$(left $size)" ]; then
        ok "$k: SIGTERM with a hung worker: exit 143, its 2 workers gone"
    else
        not_ok "$k: SIGTERM: exit $rc, $before processes before, left: $(left $size)"; diag "$TMP/err"
    fi
done

# progress lines as pk-run prints them (PK_PROGRESS set)
PK_PROGRESS=1 "$PKPY" polysum python 2 100 -r 2 -w 1 >/dev/null 2>"$TMP/err"
[ "$(cat "$TMP/err")" = "$(printf 'pk-progress 1 3\npk-progress 2 3\npk-progress 3 3')" ] &&
    ok "PK_PROGRESS: pk-progress K N after every rep" || { not_ok "PK_PROGRESS"; diag "$TMP/err"; }

# bad input: one line naming the value, exit 2
refuses "unknown kernel" nosuch "$PKPY" nosuch python 1 10
refuses "kernel without a python model" stream "$PKPY" stream python 1 10
refuses "unknown model" fork "$PKPY" polysum fork 1 10
refuses "zero workers" "'0'" "$PKPY" polysum python 0 10
refuses "fractional size" 1.5 "$PKPY" polysum python 1 1.5
refuses "size too large" 6074001001 "$PKPY" polysum python 1 6074001001
refuses "zero reps" "'0'" "$PKPY" polysum python 1 10 -r 0
refuses "unknown option" nosuch "$PKPY" polysum python 1 10 --nosuch 3
refuses "--sync atomic has no Python form" atomic "$PKPY" histogram python 2 10 --sync atomic
refuses "unknown --sync" bogus "$PKPY" histogram python 2 10 --sync bogus
refuses "--bins out of range" 0 "$PKPY" histogram python 2 10 --bins 0
refuses "bad --bind" nowhere "$PKPY" polysum python 1 10 --bind nowhere
refuses "bad PK_FAULT" bogus env PK_FAULT=bogus "$PKPY" polysum python 1 10
refuses "missing positional" WORKERS "$PKPY" polysum python

done_testing
