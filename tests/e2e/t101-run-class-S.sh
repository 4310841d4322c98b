#!/bin/bash
# pk run -c S over every kernel and available model: exit 0, every configuration ok; and pk
# finds its runners from any directory.
. "$(dirname "$0")/lib.sh"

check "pk run -c S exits 0" "$PK" run -c S -r 2
bad=$(grep -cE " (FAILED|ERROR|TIMEOUT|DISAGREE)$" "$TMP/out")
[ "$bad" -eq 0 ] && ok "no configuration failed" || { not_ok "no configuration failed"; diag "$TMP/out"; }
rows=$(grep -cE "^  (serial|openmp|threads|fork|mpi) " "$TMP/out")
[ "$rows" -gt 0 ] && ok "table has $rows rows" || not_ok "table has rows"
(cd / && "$PK" run polysum -c S -m serial,fork -p 2 -r 1 >"$TMP/out2" 2>&1) \
    && ok "runs from / (runners found beside pk)" || { not_ok "runs from /"; diag "$TMP/out2"; }
if mpi_available; then
    grep -qE "^  mpi " "$TMP/out" && ok "mpi rows present" || not_ok "mpi rows present"
else
    skip "mpi rows present" "no pk-mpi or mpirun"
fi
done_testing
