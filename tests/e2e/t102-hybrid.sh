#!/bin/bash
# The hybrid model: ranks x threads, verified against serial; p must divide by --threads;
# only kernels with a hybrid model run it; inside an allocation ranks come from SLURM_NTASKS.
. "$(dirname "$0")/lib.sh"

if ! mpi_available; then
    skip "hybrid runs" "no pk-mpi or mpirun"; done_testing; exit 0
fi
check "stencil hybrid 1x2 and 2x1" "$PK" run stencil -c S -m serial,hybrid -p 2 --threads 2 -r 2 -q
grep -qE "^  hybrid +1x2 .* ok$" "$TMP/out" && ok "hybrid row shows 1x2 and verifies" \
    || { not_ok "hybrid row"; diag "$TMP/out"; }
grep -q "every configuration verified and agrees" "$TMP/out" && ok "hybrid agrees with serial" || not_ok "hybrid agrees"
refuses "p not a multiple of --threads" "p=3" "$PK" run polysum -c S -m hybrid -p 3 --threads 2
refuses "kernel without hybrid" "hybrid model" "$PK" run square -c S -m hybrid --threads 2
refuses "threads zero" "'0'" "$PK" run pi -c S -m hybrid --threads 0
SLURM_NTASKS=2 SLURM_CPUS_PER_TASK=1 "$PK" run polysum -c S -m mpi --launcher "$MPIEXEC" -r 1 -q --format csv >"$TMP/csv" 2>"$TMP/err"
[ "$(awk -F, 'NR > 1 {print $3}' "$TMP/csv" | sort -u)" = "2" ] && ok "SLURM_NTASKS=2 gives mpi p=2" \
    || { not_ok "SLURM_NTASKS default"; diag "$TMP/csv"; diag "$TMP/err"; }
done_testing
