#!/bin/bash
# Warnings at the right time (issue 15 item 10): the busy-machine warning comes before the
# run (before anything of the results), --until-ci says when it gave up and with what
# interval, and "more workers than cores" counts every node of a multi-node SLURM job for mpi
# and hybrid (not for the models that run on one node).
. "$(dirname "$0")/lib.sh"
unset SLURM_JOB_ID SLURM_NTASKS SLURM_JOB_NUM_NODES SLURM_NNODES SLURM_JOB_CPUS_PER_NODE \
    SLURM_CPUS_ON_NODE SLURM_CPUS_PER_TASK

# PK_BUSY_CPUS stands for the CPUs that pk finds busy with other work before the run
PK_BUSY_CPUS=1000 "$PK" run pi -c S -m serial -r 2 >"$TMP/both" 2>&1
first=$(grep -n . "$TMP/both" | head -1)
case $first in
1:pk:\ warning:\ other\ work\ kept\ 1000.00\ of\ the\ *) ok "busy warning: the first line, before the run's results" ;;
*) not_ok "busy warning: the first line (got '$first')"; diag "$TMP/both" ;;
esac
[ "$(grep -c 'other work kept' "$TMP/both")" -eq 1 ] && ok "busy warning: said once" ||
    not_ok "busy warning: said once"
PK_BUSY_CPUS=0 "$PK" run pi -c S -m serial -r 2 >/dev/null 2>"$TMP/err"
! grep -q 'other work kept' "$TMP/err" && ok "no busy warning on an idle machine" ||
    not_ok "no busy warning on an idle machine"
PK_BUSY_CPUS=1000 "$PK" run pi -c S -m serial -r 2 -q >/dev/null 2>"$TMP/err"
[ ! -s "$TMP/err" ] && ok "-q: no busy warning" || { not_ok "-q: no busy warning"; diag "$TMP/err"; }
refuses "PK_BUSY_CPUS must be a number" "'high'" env PK_BUSY_CPUS=high "$PK" run pi -c S

# --until-ci with a target no run can reach (1e-9 %): every configuration gives up at -r
"$PK" run pi -c S -m serial,threads -p 2 -r 7 --until-ci 1e-9 -o "$TMP/u.csv" >"$TMP/out" 2>&1
pattern='gave up after 7 reps (the most, -r) with the 95% interval at +-[0-9.e+-]*% of the median'
rows=$(awk 'NR > 1' "$TMP/u.csv" | wc -l)
[ "$rows" -eq 14 ] && [ "$(grep -c -- "^pi,serial,.*$pattern" "$TMP/u.csv")" -eq 7 ] &&
    [ "$(grep -c -- "^pi,threads,.*$pattern" "$TMP/u.csv")" -eq 7 ] &&
    ok "--until-ci: each row's detail says it gave up, with the interval" ||
    { not_ok "--until-ci detail ($rows rows)"; head -3 "$TMP/u.csv" | diag; }
[ "$(grep -c 'p=[12]: ok: --until-ci 1e-09%: gave up after 7 reps' "$TMP/out")" -eq 2 ] &&
    ok "--until-ci: the table's notes say it for both configurations" ||
    { not_ok "--until-ci: the table's notes"; diag "$TMP/out"; }
# a target that every run reaches at once (99 %): no such note
"$PK" run pi -c S -m serial -r 50 --until-ci 99 -o "$TMP/v.csv" >"$TMP/out" 2>&1
reps=$(awk 'NR > 1' "$TMP/v.csv" | wc -l)
[ "$reps" -lt 50 ] && ! grep -q 'gave up' "$TMP/out" "$TMP/v.csv" &&
    ok "--until-ci reached ($reps reps): no gave-up note" || { not_ok "--until-ci reached ($reps reps)"; diag "$TMP/out"; }

# more workers than cores: a two-node SLURM job has twice the cores for mpi, not for threads
cores=$(nproc)
if ! mpi_available; then
    skip "oversubscription over the nodes of a SLURM job" "no pk-mpi or mpirun"
elif [ "$cores" -gt 8 ]; then
    skip "oversubscription over the nodes of a SLURM job" "$cores cores: too many ranks to start"
else
    p=$((2 * cores))
    for how in "SLURM_JOB_NUM_NODES=2 SLURM_JOB_CPUS_PER_NODE=$cores(x2)" \
        "SLURM_NNODES=2 SLURM_CPUS_ON_NODE=$cores" \
        "SLURM_JOB_NUM_NODES=3 SLURM_JOB_CPUS_PER_NODE=$cores,$((cores - 1 > 0 ? cores - 1 : 1)),1"; do
        env $how "$PK" run pi -c S -m threads,mpi -p $p -r 2 >/dev/null 2>"$TMP/err"
        if grep -q "more workers than usable cores.*(1 configuration, e.g. pi threads p=$p)" "$TMP/err"; then
            ok "$how: threads p=$p oversubscribes, mpi p=$p does not"
        else
            not_ok "$how: threads p=$p oversubscribes, mpi p=$p does not"; diag "$TMP/err"
        fi
    done
    "$PK" run pi -c S -m threads,mpi -p $p -r 2 >/dev/null 2>"$TMP/err"
    grep -q "more workers than usable cores.*(2 configurations" "$TMP/err" &&
        ok "outside a job: both oversubscribe" || { not_ok "outside a job: both oversubscribe"; diag "$TMP/err"; }
    env SLURM_JOB_NUM_NODES=2 SLURM_JOB_CPUS_PER_NODE=1 "$PK" run pi -c S -m mpi -p $p -r 2 \
        >/dev/null 2>"$TMP/err"
    grep -q "more workers than usable cores" "$TMP/err" &&
        ok "a job with fewer cores than this machine: the machine's count holds" ||
        { not_ok "a job with fewer cores than this machine"; diag "$TMP/err"; }
fi
done_testing
