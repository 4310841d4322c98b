#!/bin/bash
# montecarlo's hit count depends only on the seed and n: every model and worker count, mpi
# included, must report the count a pure-Python SplitMix64 gives, and another seed another count.
. "$(dirname "$0")/lib.sh"

for case in "1 784694" "7 785874"; do
    set -- $case
    "$PK" run montecarlo -n 1000003 -p 1,2,3 -r 2 --seed "$1" --format csv >"$TMP/csv" 2>"$TMP/err"
    rc=$?
    [ $rc -eq 0 ] && ok "montecarlo --seed $1 exits 0" || { not_ok "montecarlo --seed $1 exits 0 (got $rc)"; diag "$TMP/err"; }
    # one row per rep; columns 2, 3, 8 and 10 are model, workers, status and result
    rows=$(awk -F, 'NR > 1 {print $2, $3}' "$TMP/csv" | sort -u | wc -l)
    wrong=$(awk -F, -v want="$2" 'NR > 1 && ($8 != "ok" || $10 != want)' "$TMP/csv" | wc -l)
    [ "$rows" -ge 4 ] && [ "$wrong" -eq 0 ] && ok "montecarlo --seed $1 hits $2 in all $rows configurations" \
        || { not_ok "montecarlo --seed $1 hits $2 everywhere ($wrong of $rows wrong)"; diag "$TMP/csv"; }
    if mpi_available; then
        grep -q "^montecarlo,mpi,3," "$TMP/csv" && ok "mpi p=3 included" || not_ok "mpi p=3 included"
    else
        skip "mpi p=3 included" "no pk-mpi or mpirun"
    fi
done
done_testing
