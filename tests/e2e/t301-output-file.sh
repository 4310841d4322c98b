#!/bin/bash
# -o FILE writes the CSV record whole; an unwritable path is refused before anything runs.
. "$(dirname "$0")/lib.sh"

check "run with -o" "$PK" run polysum -c S -m serial,threads -p 2 -r 3 -o "$TMP/r.csv"
head -1 "$TMP/r.csv" | grep -q "^kernel,model,workers,size" && ok "CSV header" || not_ok "CSV header"
[ "$(awk 'NR > 1' "$TMP/r.csv" | wc -l)" -eq 6 ] && ok "one row per rep: 2 configurations x 3 reps" \
    || { not_ok "one row per rep: 2 configurations x 3 reps"; diag "$TMP/r.csv"; }
ls "$TMP" | grep -q "\.tmp\." && not_ok "no temporary file left" || ok "no temporary file left"
grep -q "polysum (Queue)" "$TMP/out" && ok "table still on stdout" || not_ok "table still on stdout"
done_testing
