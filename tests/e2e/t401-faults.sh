#!/bin/bash
# Faults, injected with the test-only PK_FAULT (harness/fault.h) or done from outside: each run
# of pk must exit 1, mark the faulty configuration with the status and reason below, still run
# and verify the others, write a CSV that pk report reads back, and leave no process (running
# or zombie under a live parent), no temporary file and no shared-memory segment. Every case has its own size, so any
# process left behind is found by it in the process table.
. "$(dirname "$0")/lib.sh"

cd "$TMP" || exit 2
ROOT=""; [ "$(id -u)" = 0 ] && ROOT=--allow-run-as-root
# Open MPI's shared-memory segments and session directory go to a directory that pk makes for
# each local launch under PK_LAUNCH_DIR (here the test's own), and removes afterwards with
# whatever a killed launcher left there. Other pk runs on this machine use theirs: while this
# test runs, one in the background runs mpi again and again in the default /dev/shm.
unset OMPI_MCA_btl_vader_backing_directory OMPI_MCA_orte_tmpdir_base
mkdir "$TMP/launch"
export PK_LAUNCH_DIR=$TMP/launch
shm_left() { ls -A "$PK_LAUNCH_DIR"; }
if mpi_available; then
    : >bg.on
    (while [ -e bg.on ]; do
        env -u PK_LAUNCH_DIR "$PK" run polysum -n 7000001 -m mpi -p 2 -r 3 -w 0 -q >/dev/null 2>&1
        echo $? >>bg.log
    done) &
    bg=$!
fi

# left SIZE: the processes (pk, runners, fork workers, launchers, ranks) whose command line
# holds SIZE; a zombie shows no command line, but so long as its parent is alive, the parent is.
left() { ps -eo pid=,args= | grep -E "(pk|pk-run|pk-mpi|mpirun|orted|mpiexec[.a-z]*|hydra_pmi_proxy)( |$).* $1( |$)" | grep -v grep; }

# status_of FILE MODEL: that model's status in a results CSV (columns by header name).
status_of() {
    awk -F, -v m="$2" 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
        $col["model"] == m { print $col["status"]; exit }' "$1"
}

# expect DESC MODEL STATUS WORD: after a pk run into $TMP/f.csv that exited $rc.
expect() {
    local desc=$1 model=$2 status=$3 word=$4 size=$5 got
    sleep 0.3 # what pk killed is reaped by now
    got=$(status_of f.csv "$model")
    if [ "$rc" -eq 1 ] && [ "$got" = "$status" ] && grep -qF -- "$word" out &&
        [ "$(status_of f.csv serial)" = ok ] && [ -z "$(left "$size")" ] && [ -z "$(shm_left)" ] &&
        ! ls -A | grep -q '\.tmp\.' && { "$PK" report f.csv >/dev/null 2>&1; [ $? -eq 1 ]; }; then
        ok "$desc"
    else
        not_ok "$desc (exit $rc, $model '$got', wanted 1, '$status' and '$word')"
        diag out err
        left "$size" | diag
        ls -A | grep '\.tmp\.' | diag
        shm_left | sed 's/^/shared memory left: /' | diag
    fi
    rm -f f.csv out err
}

n=100100
while IFS='|' read -r desc fault model p timeout status word; do
    desc=$(echo $desc) fault=$(echo $fault) model=$(echo $model) p=$(echo $p)
    timeout=$(echo $timeout) status=$(echo $status) word=$(echo $word)
    [ -z "$desc" ] || [ "${desc#\#}" != "$desc" ] && continue
    n=$((n + 1))
    if [ "$model" = mpi ] && ! mpi_available; then skip "$desc" "no pk-mpi or mpirun"; continue; fi
    PK_FAULT=$fault "$PK" run polysum -n $n -m serial,$model -p $p -r 2 -w 1 --timeout $timeout \
        -q -o f.csv >out 2>err; rc=$?
    # MPICH's mpiexec says no more than its exit status: the bitwise OR of every rank's wait
    # status, so a rank killed by signal S shows as S, or as S OR'd with the signal that
    # mpiexec then sent the others (SIGKILL 9, SIGTERM 15), whichever the race gives.
    if [ "$model" = mpi ] && [ "$MPI_FLAVOUR" = mpich ] && [ "${word#signal }" != "$word" ]; then
        sig=${word#signal } got=$(sed -n 's/.*(exit status \([0-9]*\)).*/\1/p' out | head -n 1)
        word="exit status $sig"
        [ -n "$got" ] && [ $((got & sig)) -eq "$sig" ] && word="exit status $got"
    fi
    expect "$desc" "$model" "$status" "$word" $n
done <<'TABLE'
# what                                  | PK_FAULT                          | model  |p|timeout| status  | reason holds
fork worker crashes                     | crash,model=fork,worker=1,task=2   | fork   |2| 60 | error    | worker 1
fork worker aborts                      | abort,model=fork,worker=1,task=3   | fork   |2| 60 | error    | signal 6
fork worker exits non-zero              | exit,model=fork,worker=0,task=2    | fork   |2| 60 | error    | status 3
fork worker hangs                       | hang,model=fork,worker=1,task=2    | fork   |2| 2  | timeout  | --timeout 2
thread worker hangs                     | hang,model=threads,worker=1,task=2 | threads|2| 2  | timeout  | --timeout 2
runner prints a malformed line          | badline,model=threads              | threads|2| 60 | error    | malformed
runner prints its line cut short        | truncate,model=threads             | threads|2| 60 | error    | result line
runner prints no line                   | noline,model=fork                  | fork   |2| 60 | error    | no result line
one model's result differs              | wrong,model=threads                | threads|2| 60 | disagree | differs from serial
a partition drops an item               | drop,model=fork                    | fork   |3| 60 | failed   | rep 1
mpi rank crashes                        | crash,model=mpi,worker=1           | mpi    |2| 60 | error    | signal 11
mpi rank aborts                         | abort,model=mpi,worker=1,task=2    | mpi    |2| 60 | error    | signal 6
mpi rank exits non-zero                 | exit,model=mpi,worker=1            | mpi    |2| 60 | error    | exit
mpi rank never joins the gather         | hang,model=mpi,worker=1            | mpi    |2| 3  | timeout  | --timeout 3
mpi result differs                      | wrong,model=mpi                    | mpi    |2| 60 | disagree | differs from serial
TABLE

# A launcher that fails: it starts, prints nothing and exits 1.
if mpi_available; then
    n=$((n + 1))
    "$PK" run polysum -n $n -m serial,mpi -p 2 -r 2 -q --launcher false -o f.csv >out 2>err; rc=$?
    expect "mpi launcher fails" mpi error "no result line" $n
else
    skip "mpi launcher fails" "no pk-mpi or mpirun"
fi

# A launcher that leaves a rank's segment behind and dies by SIGKILL: pk removes it.
if [ "$MPI_FLAVOUR" != openmpi ]; then
    skip "mpi launcher killed, its shared memory left" "Open MPI's segments; pk-mpi links $MPI_LIBRARY"
elif mpi_available; then
    n=$((n + 1))
    printf '%s\n' '#!/bin/sh' ': >"$OMPI_MCA_btl_vader_backing_directory/vader_segment.left"' \
        'echo "$OMPI_MCA_btl_vader_backing_directory" >seen-dir' 'kill -KILL $$' >fake-mpirun
    chmod +x fake-mpirun
    "$PK" run polysum -n $n -m serial,mpi -p 2 -r 2 -q --launcher "$TMP/fake-mpirun" -o f.csv \
        >out 2>err; rc=$?
    rm -f fake-mpirun
    expect "mpi launcher killed, its shared memory left: pk removes it" mpi error "signal 9" $n
    case $(cat seen-dir 2>/dev/null) in
    "$PK_LAUNCH_DIR"/pk-*) ok "the launcher's directory was pk's own, under PK_LAUNCH_DIR" ;;
    *) not_ok "the launcher's directory was pk's own, under PK_LAUNCH_DIR (got $(cat seen-dir))" ;;
    esac
else
    skip "mpi launcher killed, its shared memory left" "no pk-mpi or mpirun"
fi

# A fork worker killed from outside (SIGKILL) while it works.
n=300000017
"$PK" run polysum -n $n -m serial,fork -p 2 -r 5 -w 0 -q -o f.csv >out 2>err &
pk=$!
worker=""
for _ in $(seq 300); do
    runner=$(pgrep -f "pk-run polysum fork 2 $n" | head -1)
    [ -n "$runner" ] && worker=$(pgrep -P "$runner" | head -1)
    [ -n "$worker" ] && break
    sleep 0.05
done
[ -n "$worker" ] && kill -KILL "$worker"
wait $pk; rc=$?
expect "fork worker killed from outside" fork error "signal 9" $n

# the mpi runs in the background went on beside all of the above, and each of them passed
if mpi_available; then
    rm -f bg.on
    wait $bg
    runs=$(wc -l <bg.log) passed=$(grep -cx 0 bg.log)
    [ "$runs" -ge 1 ] && [ "$passed" -eq "$runs" ] && ok "a background pk ran mpi $runs times beside these cases" ||
        not_ok "background mpi runs ($passed of $runs passed)"
else
    skip "background mpi runs" "no pk-mpi or mpirun"
fi
done_testing
