#!/bin/bash
# The OpenMP team that runs is the one the row names: when the runtime would run fewer threads
# than asked (OMP_THREAD_LIMIT, OMP_DYNAMIC, OMP_MAX_ACTIVE_LEVELS), the openmp and hybrid
# configurations fail (exit 1, status error) with a reason naming the variable, instead of a
# row that says p = 2, ok, after one thread ran (runtime/team.h).
. "$(dirname "$0")/lib.sh"

cd "$TMP" || exit 2

status_of() {
    awk -F, -v m="$1" 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
        $col["model"] == m { print $col["status"]; exit }' f.csv
}

# refused DESC MODEL WORD ENV... -- PK ARGS...: exit 1, MODEL's row error, WORD in the output
refused() {
    local desc=$1 model=$2 word=$3 got; shift 3
    env "$@" -q -o f.csv >out 2>err; rc=$?
    got=$(status_of "$model")
    if [ "$rc" -eq 1 ] && [ "$got" = error ] && grep -qF -- "$word" out; then ok "$desc"; else
        not_ok "$desc (exit $rc, $model '$got'; wanted 1, error, '$word')"; diag out err; fi
    rm -f f.csv out err
}

run_ok() {
    local desc=$1; shift
    env "$@" -q -o f.csv >out 2>err; rc=$?
    if [ "$rc" -eq 0 ]; then ok "$desc"; else not_ok "$desc (exit $rc)"; diag out err; fi
    rm -f f.csv out err
}

for k in pi montecarlo; do
    refused "$k openmp p=2 under OMP_THREAD_LIMIT=1" openmp "OMP_THREAD_LIMIT=1" \
        OMP_THREAD_LIMIT=1 "$PK" run $k -c S -m openmp -p 2 -r 1 -w 0
done
refused "openmp p=3 under OMP_THREAD_LIMIT=2" openmp "OMP_THREAD_LIMIT=2" \
    OMP_THREAD_LIMIT=2 "$PK" run polysum -c S -m serial,openmp -p 3 -r 1 -w 0
refused "openmp p=2 under OMP_DYNAMIC=true" openmp "OMP_DYNAMIC=true" \
    OMP_DYNAMIC=true "$PK" run pi -c S -m openmp -p 2 -r 1 -w 0
refused "openmp p=2 under OMP_MAX_ACTIVE_LEVELS=0" openmp "OMP_MAX_ACTIVE_LEVELS=0" \
    OMP_MAX_ACTIVE_LEVELS=0 "$PK" run stream -c S -m openmp -p 2 -r 1 -w 0
run_ok "openmp p=1 under OMP_THREAD_LIMIT=1: nothing to shrink" \
    OMP_THREAD_LIMIT=1 "$PK" run pi -c S -m openmp -p 1 -r 1 -w 0
run_ok "openmp p=2 under OMP_THREAD_LIMIT=2 and OMP_NESTED=false" \
    OMP_THREAD_LIMIT=2 OMP_NESTED=false "$PK" run pi -c S -m openmp -p 2 -r 1 -w 0

if mpi_available; then
    refused "hybrid 2x2 under OMP_THREAD_LIMIT=1" hybrid "OMP_THREAD_LIMIT=1" \
        OMP_THREAD_LIMIT=1 "$PK" run pi -c S -m hybrid -p 4 --threads 2 -r 1 -w 0
    refused "hybrid 1x2 under OMP_DYNAMIC=true" hybrid "OMP_DYNAMIC=true" \
        OMP_DYNAMIC=true "$PK" run polysum -c S -m hybrid -p 2 --threads 2 -r 1 -w 0
else
    skip "hybrid 2x2 under OMP_THREAD_LIMIT=1" "no pk-mpi or mpirun"
    skip "hybrid 1x2 under OMP_DYNAMIC=true" "no pk-mpi or mpirun"
fi
done_testing
