#!/bin/bash
# square's hash for seed 1, computed apart from the C code (Python's integers), in every model
# and worker count, mpi's Scatterv/Gatherv included; a different seed changes it.
. "$(dirname "$0")/lib.sh"

for case in "5 62cc20908063c797" "10000 bd2be76bbbce3b2f"; do
    set -- $case
    "$PK" run square -n "$1" -p 1,2,3 -r 2 --format csv >"$TMP/csv" 2>"$TMP/err"
    rc=$?
    [ $rc -eq 0 ] && ok "square -n $1 exits 0" || { not_ok "square -n $1 exits 0 (got $rc)"; diag "$TMP/err"; }
    # columns found by their header names, so a reordered CSV still reads right
    cols='NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }'
    rows=$(awk -F, "$cols"' { print $col["model"], $col["workers"] }' "$TMP/csv" | sort -u | wc -l)
    wrong=$(awk -F, -v want="$2" "$cols"' $col["status"] != "ok" || $col["result"] != want' \
        "$TMP/csv" | wc -l)
    [ "$rows" -ge 4 ] && [ "$wrong" -eq 0 ] && ok "square -n $1 = $2 in all $rows configurations" \
        || { not_ok "square -n $1 = $2 everywhere ($wrong of $rows wrong)"; diag "$TMP/csv"; }
    if mpi_available; then
        grep -q "^square,mpi,3," "$TMP/csv" && ok "mpi p=3 included" || not_ok "mpi p=3 included"
    else
        skip "mpi p=3 included" "no pk-mpi or mpirun"
    fi
done
"$PK_RUN" square serial 1 5 -r 1 --seed 2 >"$TMP/line" 2>"$TMP/err"
grep -q "status=ok" "$TMP/line" && ! grep -q "result=62cc20908063c797" "$TMP/line" \
    && ok "seed 2 verifies and hashes differently" || { not_ok "seed 2 differs"; diag "$TMP/line" "$TMP/err"; }
done_testing
