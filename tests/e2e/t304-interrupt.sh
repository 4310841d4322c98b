#!/bin/bash
# SIGINT mid-plan: pk stops launching, ends the running configuration's process group, keeps
# the CSV of what it finished (valid), exits 130, and leaves no process or temporary file.
# SIGHUP and SIGQUIT act as SIGTERM does (128 + n); a second SIGINT during an mpi launch still
# removes the launch directory.
. "$(dirname "$0")/lib.sh"

start() {
    # a script's background job starts with QUIT ignored; pk, like a shell, keeps an ignored
    # HUP or QUIT ignored (nohup), so the default is given back here
    env --default-signal=HUP,QUIT PK_T304=$$ "$PK" run polysum -n 3e8 -m serial,threads,fork -p 2 -r 4 -w 0 -q -o "$TMP/i.csv" \
        >"$TMP/out" 2>"$TMP/err" &
    pid=$!
    for _ in $(seq 300); do [ -s "$TMP/i.csv" ] && break; sleep 0.1; done
}
# left: pk's processes still there: those whose environment holds this test's marker (other
# pk runs on the machine run the same command lines)
left() { grep -lsF "PK_T304=$$" /proc/[0-9]*/environ | wc -l; }

start
kill -INT $pid; wait $pid; rc=$?
[ $rc -eq 130 ] && ok "exit 130 after SIGINT" || { not_ok "exit 130 after SIGINT (got $rc)"; diag "$TMP/err"; }
check "the CSV is valid" "$PK" report "$TMP/i.csv"
n=$(grep -cE "^  (serial|threads|fork) " "$TMP/out")
[ "$n" -ge 1 ] && [ "$n" -lt 3 ] && ok "it holds the finished configurations ($n of 3)" || not_ok "finished configurations ($n)"
sleep 0.5
[ "$(left)" -eq 0 ] && ok "no runner left" || not_ok "no runner left"
ls "$TMP" | grep -q "\.tmp\." && not_ok "no temporary file" || ok "no temporary file"

rm -f "$TMP/i.csv"
start
kill -INT $pid; sleep 0.05; kill -INT $pid 2>/dev/null; wait $pid; rc=$?
[ $rc -eq 130 ] && ok "second SIGINT exits 130 at once" || not_ok "second SIGINT (got $rc)"
sleep 0.5
[ "$(left)" -eq 0 ] && ok "no runner left after two SIGINTs" || not_ok "no runner left after two SIGINTs"

rm -f "$TMP/i.csv"
start
kill -TERM $pid; wait $pid; rc=$?
[ $rc -eq 143 ] && ok "exit 143 after SIGTERM" || not_ok "exit 143 after SIGTERM (got $rc)"
check "the CSV is valid after SIGTERM" "$PK" report "$TMP/i.csv"

# wait_gone PID: waits (at most 30 s) for PID to end, then kills it; its exit status, or 255
wait_gone() {
    for _ in $(seq 300); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$1" 2>/dev/null && { kill -KILL "$1"; wait "$1"; return 255; }
    wait "$1"
}

for sig in HUP:129 QUIT:131; do
    name=${sig%:*} code=${sig#*:}
    rm -f "$TMP/i.csv"
    start
    kill -$name $pid; wait_gone $pid; rc=$?
    [ $rc -eq $code ] && grep -q "interrupted" "$TMP/err" && ok "SIG$name: exit $code, an 'interrupted' line" ||
        { not_ok "SIG$name: exit $code (got $rc)"; diag "$TMP/err"; }
    check "the CSV is valid after SIG$name" "$PK" report "$TMP/i.csv"
    sleep 0.5
    [ "$(left)" -eq 0 ] && ok "no runner left after SIG$name" || not_ok "no runner left after SIG$name"
done

# two SIGINTs while mpirun's ranks hold their shared memory: the launch directory still goes
if mpi_available; then
    mkdir "$TMP/launch"
    unset OMPI_MCA_btl_vader_backing_directory OMPI_MCA_orte_tmpdir_base
    PK_T304=$$ PK_LAUNCH_DIR=$TMP/launch "$PK" run polysum -n 3e8 -m mpi -p 2 -r 20 -w 0 -q >/dev/null 2>"$TMP/err" &
    pid=$!
    # the ranks are running once their segments are there
    for _ in $(seq 300); do
        [ -n "$(find "$TMP/launch" -mindepth 2 -type f 2>/dev/null | head -1)" ] && break; sleep 0.1
    done
    [ -n "$(find "$TMP/launch" -mindepth 2 -type f | head -1)" ] && ok "mpi launch directory in PK_LAUNCH_DIR" ||
        not_ok "mpi launch directory in PK_LAUNCH_DIR"
    kill -INT $pid; sleep 0.05; kill -INT $pid 2>/dev/null; wait_gone $pid; rc=$?
    [ $rc -eq 130 ] && ok "two SIGINTs during mpi: exit 130" || { not_ok "two SIGINTs during mpi (got $rc)"; diag "$TMP/err"; }
    [ -z "$(ls -A "$TMP/launch")" ] && ok "two SIGINTs during mpi: launch directory removed" ||
        { not_ok "two SIGINTs during mpi: launch directory removed"; find "$TMP/launch" | diag; }
    sleep 0.5
    [ "$(left)" -eq 0 ] && ok "no rank left after two SIGINTs" || not_ok "no rank left after two SIGINTs"
else
    for t in "mpi launch directory" "two SIGINTs during mpi: exit" "launch directory removed" "no rank left"; do
        skip "$t" "no pk-mpi or mpirun"
    done
fi
done_testing
