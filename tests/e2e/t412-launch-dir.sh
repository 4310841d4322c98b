#!/bin/bash
# MPI launches: a --launcher of many words is bounded (exit 2, one line); each local launch
# keeps Open MPI's shared memory and session directory in a directory of its own under
# PK_LAUNCH_DIR and removes it, also when the launcher is killed; --bind with more ranks than
# cores runs (Open MPI is told it may overload a core).
. "$(dirname "$0")/lib.sh"

cd "$TMP" || exit 2
unset OMPI_MCA_btl_vader_backing_directory OMPI_MCA_orte_tmpdir_base
mkdir launch tmp
export PK_LAUNCH_DIR=$TMP/launch TMPDIR=$TMP/tmp

# 84 words once overflowed pk's argv on the stack; any count over the bound is refused
words=$(printf 'x %.0s' $(seq 83))
refuses "--launcher of 84 words" "84 words" "$PK" run polysum -c S -m mpi --launcher "mpirun $words"
words=$(printf 'x %.0s' $(seq 200))
refuses "--launcher of 201 words" "201 words" "$PK" run polysum -c S -m mpi --launcher "mpirun $words"

if ! mpi_available; then
    for t in "long launcher runs" "fake launcher's session directory removed" \
        "mpi rank crash leaves nothing" "stopped mpirun" "stopped mpirun: no process" \
        "stopped mpirun: removed" "--bind close, ranks past the cores" \
        "--bind spread, ranks past the cores"; do skip "$t" "no pk-mpi or mpirun"; done
    done_testing
    exit
fi

# 40 words still run: env with 38 assignments, then mpirun
envs=$(printf 'PK_T412=%s ' $(seq 38))
"$PK" run polysum -c S -m serial,mpi -p 2 -r 1 -w 0 -q --launcher "env $envs mpirun" >out 2>err
rc=$?
[ $rc -eq 0 ] && ok "long launcher runs" || { not_ok "long launcher runs (exit $rc)"; diag err; }

# nothing_left DESC: the launch directory is empty and no Open MPI session directory is in TMPDIR
nothing_left() {
    if [ -z "$(ls -A launch)" ] && [ -z "$(ls -A tmp)" ]; then ok "$1"; else
        not_ok "$1"; find launch tmp | diag; fi
    rm -rf launch/* tmp/*
}

# A launcher that, like Open MPI, makes its session directory where it is told (else in TMPDIR),
# records that its launch directory is pk's own, then dies by SIGKILL.
cat >fake-mpirun <<'EOF'
#!/bin/sh
d=${OMPI_MCA_orte_tmpdir_base:-$TMPDIR}/ompi.host.0/pid.$$
mkdir -p "$d" && : >"$d/contact.txt"
echo "${OMPI_MCA_btl_vader_backing_directory:-none}" >"$(dirname "$0")/vader-dir"
kill -KILL $$
EOF
chmod +x fake-mpirun
"$PK" run polysum -c S -m serial,mpi -p 2 -r 1 -w 0 -q --launcher "$TMP/fake-mpirun" >out 2>err
rc=$?
case $(cat vader-dir) in
"$TMP"/launch/pk-*) ok "the launch directory is under PK_LAUNCH_DIR" ;;
*) not_ok "the launch directory is under PK_LAUNCH_DIR (got $(cat vader-dir))" ;;
esac
[ $rc -eq 1 ] && grep -q "signal 9" out && ok "killed launcher is an error" || { not_ok "killed launcher (exit $rc)"; diag out err; }
nothing_left "fake launcher's session directory removed"

PK_FAULT=crash,model=mpi,worker=1 "$PK" run polysum -n 100203 -m serial,mpi -p 2 -r 2 -q -o f.csv >out 2>err
rc=$?
[ $rc -eq 1 ] && ok "mpi rank crash: exit 1" || { not_ok "mpi rank crash (exit $rc)"; diag err; }
nothing_left "mpi rank crash leaves nothing"

# a stopped mpirun: TERM cannot act on it, so it is KILLed past the grace and cleans up nothing
PK_T412=$$ PK_FAULT=hang,model=mpi,worker=1 "$PK" run polysum -n 100204 -m serial,mpi -p 2 -r 2 -q \
    --timeout 2 -o f.csv >out 2>err &
pk=$!
launcher=""
for _ in $(seq 300); do
    for f in $(grep -lsF "PK_T412=$$" /proc/[0-9]*/environ); do
        pid=${f#/proc/}; pid=${pid%/environ}
        [ "$(cat /proc/$pid/comm 2>/dev/null)" = mpirun ] && launcher=$pid
    done
    [ -n "$launcher" ] && [ -n "$(find tmp launch -name 'ompi.*' 2>/dev/null)" ] && break
    sleep 0.1
done
[ -n "$launcher" ] && kill -STOP "$launcher"
wait $pk
rc=$?
[ $rc -eq 1 ] && grep -q -- "--timeout 2" out && ok "stopped mpirun: TIMEOUT, exit 1" ||
    { not_ok "stopped mpirun (exit $rc, launcher '$launcher')"; diag out err; }
sleep 0.5
[ -z "$(grep -lsF "PK_T412=$$" /proc/[0-9]*/environ)" ] && ok "stopped mpirun: no process left" ||
    not_ok "stopped mpirun: no process left"
nothing_left "stopped mpirun: its session directory and segments removed"

# more ranks than cores, bound: Open MPI refuses unless the binding may overload a core
p=$(($(nproc) + 1))
for bind in close spread; do
    "$PK" run polysum -c S -m mpi -p $p -r 1 -w 0 -q --bind $bind >out 2>err
    rc=$?
    [ $rc -eq 0 ] && ok "--bind $bind, ranks past the cores (p=$p)" ||
        { not_ok "--bind $bind, ranks past the cores (p=$p, exit $rc)"; diag out err; }
done
nothing_left "bound runs leave nothing"
done_testing
