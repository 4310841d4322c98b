#!/bin/bash
# The adversarial table: pk as a careless or hostile user drives it, through its flags, its
# environment, resource limits, signals and its standard descriptors. One line per case:
#
#   EXIT | FRAGMENT | HOW | ENV | ARGS
#
# EXIT     the exit status wanted
# FRAGMENT text that stderr or stdout must hold (- for none); for EXIT 2 it must be the one
#          line on stderr, and stdout must be empty
# HOW      -          run pk as it is
#          ulimit X   under the resource limit `ulimit X`
#          sig S      send SIGS once r.csv exists (ARGS write it); sig2 S: twice, 0.05 s apart
#          nohup      HUP ignored at start (as nohup does), then sent: pk must go on
#          stop       SIGSTOP then SIGCONT once r.csv exists: pk must go on
#          close      stdin, stdout and stderr closed at start
#          full       stdout is /dev/full;  pipe: stdout is a pipe whose reader has left
# ENV      VAR=VALUE words for env(1) (- for none)
# ARGS     pk's arguments, as shell words; ENV is read as shell words too (the table is this test's own text)
#
# After every case, nothing may be left: no temporary results file, nothing in the launch
# directory (PK_LAUNCH_DIR, this test's own), no process that carries the case's marker in its
# environment; and a results file that the case wrote must read back with 'pk report'.
# (Hostile results files have their own table.)
. "$(dirname "$0")/lib.sh"

mkdir "$TMP/w" "$TMP/launch"
cd "$TMP/w" || exit 2
export PK_LAUNCH_DIR=$TMP/launch
unset OMPI_MCA_btl_vader_backing_directory OMPI_MCA_orte_tmpdir_base PK_FAULT PK_RUNNER_DIR
P=1..2
BIG=3e8 # polysum size that runs a few seconds: long enough for a signal to land mid-run
LONG=$(printf 'x %.0s' $(seq 83))
LONGW=$(printf "x%.0s" $(seq 300)) # one word
HUGE=$(head -c 100000 /dev/zero | tr '\0' 9)
case_no=0

# marked: processes (pk, runners, workers, launchers, ranks) whose environment holds the marker
marked() { grep -lsF "PK_T410=$1" /proc/[0-9]*/environ 2>/dev/null | grep -v "^/proc/$$/"; }

# wait_for FILE PID: until FILE exists (at most 60 s) or PID ended
wait_for() {
    for _ in $(seq 600); do [ -s "$1" ] && return 0; kill -0 "$2" 2>/dev/null || return 1; sleep 0.1; done
    return 1
}

# finish PID: its exit status; kills it if it runs 60 s more (then 255)
finish() {
    for _ in $(seq 600); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$1" 2>/dev/null && { kill -KILL "$1"; wait "$1"; return 255; }
    wait "$1"
}

run_case() {
    local want=$1 frag=$2 how=$3 envs=$4 args=$5 mark rc why=""
    case_no=$((case_no + 1))
    mark="$$.$case_no"
    rm -rf ./* && mkdir dir.csv && ln -s /dev/full full.csv
    [ "$envs" = - ] && envs=""
    local env_words
    eval "env_words=($envs)"
    eval "set -- $args"
    local cmd=(env "PK_T410=$mark" "${env_words[@]}" "$PK" "$@")
    case $how in
    -) "${cmd[@]}" >out 2>err; rc=$? ;;
    ulimit*) (${how}; exec "${cmd[@]}") >out 2>err; rc=$? ;;
    close) "${cmd[@]}" <&- >&- 2>&-; rc=$?; : >out; : >err ;;
    full) "${cmd[@]}" >/dev/full 2>err; rc=$?; : >out ;;
    pipe) "${cmd[@]}" 2>err | (exec <&-; sleep 0.3); rc=${PIPESTATUS[0]}; : >out ;;
    sig* | stop | nohup)
        local s=${how#* } pre=(env --default-signal=HUP,QUIT)
        [ "$how" = nohup ] && pre=(env --ignore-signal=HUP) s=HUP
        "${pre[@]}" "${cmd[@]}" >out 2>err &
        local pid=$!
        if wait_for r.csv $pid; then
            case $how in
            stop) kill -STOP $pid; sleep 0.3; kill -CONT $pid ;;
            sig2*) kill -"$s" $pid; sleep 0.05; kill -"$s" $pid 2>/dev/null ;;
            *) kill -"$s" $pid ;;
            esac
        else
            why="r.csv never came; "
        fi
        finish $pid; rc=$?
        ;;
    esac
    [ "$rc" -eq "$want" ] || why="$why exit $rc, wanted $want;"
    if [ "$frag" != - ] && ! cat out err | grep -qF -- "$frag"; then why="$why no '$frag';"; fi
    if [ "$want" -eq 2 ] && [ "$how" = - ]; then
        [ "$(wc -l <err)" -eq 1 ] || why="$why $(wc -l <err) stderr lines;"
        [ -s out ] && why="$why stdout not empty;"
    fi
    ls -A | grep -q '\.tmp\.' && why="$why temporary file left;"
    if [ -n "$(ls -A "$PK_LAUNCH_DIR")" ]; then
        why="$why launch directory not empty;"
        rm -rf "${PK_LAUNCH_DIR:?}"/*
    fi
    if [ -n "$(marked "$mark")" ]; then
        sleep 1 # what pk killed may still be on its way out
        [ -n "$(marked "$mark")" ] && why="$why processes left: $(marked "$mark" | tr '\n' ' ');"
    fi
    if [ -s r.csv ]; then
        "$PK" report r.csv >/dev/null 2>&1
        [ $? -le 1 ] || why="$why r.csv does not read back;"
    fi
    if [ -z "$why" ]; then ok "$desc"; else not_ok "$desc:$why"; diag err | head -5; fi
}

mpi=true
mpi_available || mpi=false
while IFS='|' read -r want frag how envs args; do
    want=$(echo $want)
    [ -z "$want" ] || [ "${want#\#}" != "$want" ] && continue
    frag=$(echo "$frag" | sed 's/^ *//; s/ *$//') how=$(echo $how) envs=$(echo $envs)
    args=$(echo "$args" | sed 's/^ *//; s/ *$//')
    desc="[$how] $envs pk $args"
    desc=${desc:0:110}
    if ! $mpi && { [[ $args == *mpi* ]] || [[ $args == *hybrid* ]]; }; then
        skip "$desc" "no pk-mpi or mpirun"; continue
    fi
    # AddressSanitizer maps terabytes of shadow memory: an address-space limit stops it first
    if [ -n "${ASAN_OPTIONS:-}" ] && [[ $how == "ulimit -v"* ]]; then
        skip "$desc" "ASan build (its shadow memory needs more address space)"; continue
    fi
    run_case "$want" "$frag" "$how" "$envs" "$args"
done <<'TABLE'
# -------- flags: every bad value is refused in one line that names it, before anything runs
2 | 'polysm'                  | - | - | run polysm
2 | 'polysum'                 | - | - | run polysum polysum
2 | 'cuda'                    | - | - | run -m cuda
2 | 'serial,'                 | - | - | run -m serial,
2 | ',serial'                 | - | - | run -m ,serial
2 | 'fork'                    | - | - | run -m fork,fork
2 | ''                        | - | - | run -m ''
2 | size '0'                  | - | - | run -n 0
2 | '-5'                      | - | - | run -n -5
2 | 'abc'                     | - | - | run -n abc
2 | '10x'                     | - | - | run -n 10x
2 | '1e30'                    | - | - | run -n 1e30
2 | '1.5'                     | - | - | run -n 1.5
2 | '1e-3'                    | - | - | run -n 1e-3
2 | '100\n'                   | - | - | run -n $'100\n'
2 | ' 100'                    | - | - | run -n ' 100'
2 | '100 '                    | - | - | run -n '100 '
2 | '0x10'                    | - | - | run -n 0x10
2 | '+5'                      | - | - | run -n +5
2 | too large                 | - | - | run -n "$HUGE"
2 | size is empty             | - | - | run -n ''
2 | 6074001001                | - | - | run polysum -n 6074001001
2 | 4294967296                | - | - | run stream -n 4e18
2 | '1e6x'                    | - | - | run -c S -n 1e6x
2 | not both                  | - | - | run -c S -n 100
2 | 'Q'                       | - | - | run -c Q
2 | ''                        | - | - | run -c ''
2 | '0'                       | - | - | run -p 0
2 | '-2'                      | - | - | run -p -2
2 | twice                     | - | - | run -p 2,2
2 | '4..1'                    | - | - | run -p 4..1
2 | '1..'                     | - | - | run -p 1..
2 | '..4'                     | - | - | run -p ..4
2 | '..'                      | - | - | run -p ..
2 | ','                       | - | - | run -p ,
2 | '1,,2'                    | - | - | run -p 1,,2
2 | '100000'                  | - | - | run -p 100000
2 | '100000'                  | - | - | run -p 1..100000
2 | 'abc'                     | - | - | run -p abc
2 | '2\n'                     | - | - | run -p $'2\n'
2 | worker list is empty      | - | - | run -p ''
2 | '0'                       | - | - | run -r 0
2 | '-1'                      | - | - | run -r -1
2 | '1e9'                     | - | - | run -r 1e9
2 | '-1'                      | - | - | run -w -1
2 | 'x'                       | - | - | run -w x
2 | '-1'                      | - | - | run --seed -1
2 | '1e30'                    | - | - | run --seed 1e30
2 | 'x'                       | - | - | run --seed x
2 | '-1'                      | - | - | run --timeout -1
2 | 'x'                       | - | - | run --timeout x
2 | 'nan'                     | - | - | run --timeout nan
2 | 'inf'                     | - | - | run --timeout inf
2 | more than a week          | - | - | run --timeout 1e9
2 | '1\n'                     | - | - | run --timeout $'1\n'
2 | launcher is empty         | - | - | run --launcher ''
2 | launcher is empty         | - | - | run --launcher '   '
2 | '/nonexistent/mpirun'     | - | - | run -m mpi --launcher /nonexistent/mpirun
2 | 84 words                  | - | - | run -m mpi --launcher "mpirun $LONG"
2 | too long                  | - | - | run -m mpi --launcher "mpirun $HUGE"
2 | 'xml'                     | - | - | run --format xml
2 | ''                        | - | - | run --format ''
2 | output file name is empty | - | - | run -c S -o ''
2 | /nonexistent/dir/r.csv    | - | - | run -c S -o /nonexistent/dir/r.csv
2 | 'r.xyz'                   | - | - | run -c S -o r.xyz
2 | 'noext'                   | - | - | run -c S -o noext
2 | it is a directory         | - | - | run -c S -o dir.csv
2 | not a regular file        | - | - | run -c S -o full.csv
2 | 'sideways'                | - | - | run --order sideways
2 | '0'                       | - | - | run --until-ci 0
2 | '100'                     | - | - | run --until-ci 100
2 | 'x'                       | - | - | run --until-ci x
2 | --until-ci needs          | - | - | run -c S --until-ci 5 --order random
2 | 'everywhere'              | - | - | run --bind everywhere
2 | '0'                       | - | - | run --threads 0
2 | 'x'                       | - | - | run --threads x
2 | not a multiple            | - | - | run pi -c S -m hybrid --threads 3 -p 2
2 | hybrid model              | - | - | run histogram -c S -m hybrid
2 | '--frobnicate'            | - | - | run --frobnicate
2 | '--size'                  | - | - | run --size
2 | '-n'                      | - | - | run -n
2 | '-x'                      | - | - | run -x
2 | '--sync'                  | - | - | run polysum --sync none
2 | 'bogus'                   | - | - | run histogram --sync bogus
2 | '0'                       | - | - | run histogram --bins 0
2 | '1e9'                     | - | - | run histogram --bins 1e9
2 | twice                     | - | - | run histogram --sync private --sync lock
2 | 'rnu'                     | - | - | rnu
2 | 'rnu'                     | - | - | help rnu
2 | one command name          | - | - | help run run
2 | no arguments              | - | - | version x
2 | at least one results file | - | - | report
2 | two files                 | - | - | compare r.csv
2 | '--bogus'                 | - | - | list --bogus
2 | '--bogus'                 | - | - | info --bogus
2 | 'nope'                    | - | - | show nope
2 | -o DIR                    | - | - | plot
2 | /nonexistent.csv          | - | - | report /nonexistent.csv
2 | 'poly\nsum'               | - | - | run $'poly\nsum'
2 | '\x1b[2J'                 | - | - | run $'\e[2J'
0 | usage: pk run             | - | - | run --help
0 | usage: pk run             | - | - | help run
0 | pk (parkernels)           | - | - | version
0 | pk (parkernels)           | - | - | --version
0 | kernels                   | - | - | list
# -------- good runs: exit 0, every result file reads back
0 | agrees                    | - | - | run polysum -c s -m serial,threads,fork -p 2 -r 2 -q -o r.csv
0 | kernel,model              | - | - | run pi -c S -m serial -r 1 -q --format csv
0 | "kernel"                  | - | - | run pi -c S -m serial -r 1 -q --format json -o r.json
0 | agrees                    | - | - | run pi -c S -m serial -r 1 -q -o r.md
0 | agrees                    | - | - | run pi -c S -m serial,threads -p 2 -r 3 -q --order random -o r.csv
0 | agrees                    | - | - | run pi -c S -m serial,fork -p 2 -r 3 -q --order interleave
0 | agrees                    | - | - | run pi -c S -m serial,threads -p 2 -r 20 -q --until-ci 50
0 | agrees                    | - | - | run -c S -m serial,threads -p 2 -r 1 -w 0 -q --bind close -o r.csv
0 | agrees                    | - | - | run polysum -c S -m serial,mpi -p 2 -r 1 -q -o r.csv
0 | agrees                    | - | - | run polysum -c S -m mpi -p 3 -r 1 -q --bind close
0 | agrees                    | - | - | run polysum -c S -m mpi -p 3 -r 1 -q --bind spread
0 | agrees                    | - | - | run polysum -c S -m serial,mpi -p 2 -r 1 -q --launcher "env PK_T410_X=1 mpirun"
# -------- environment
2 | 'bogus'                   | - | PK_FAULT=bogus                    | run polysum -c S -m serial
2 | 'colour'                  | - | PK_FAULT=wrong,colour=red         | run polysum -c S -m serial
2 | 'x'                       | - | PK_FAULT=crash,worker=x           | run polysum -c S -m serial
2 | PK_FAULT is too long      | - | PK_FAULT=crash,kernel=$LONGW     | run polysum -c S -m serial
2 | '/nonexistent'            | - | PK_RUNNER_DIR=/nonexistent        | run polysum -c S -m serial
2 | PK_RUNNER_DIR             | - | PK_RUNNER_DIR=/                   | run polysum -c S -m serial
0 | agrees                    | - | PK_FAULT=                         | run polysum -c S -m serial -q
0 | agrees                    | - | PK_RUNNER_DIR=                    | run polysum -c S -m serial -q
0 | agrees                    | - | SLURM_NTASKS=abc                  | run polysum -c S -m serial,threads -p 2 -q
0 | agrees                    | - | SLURM_CPUS_PER_TASK=0             | run polysum -c S -m serial -q
0 | agrees                    | - | SLURM_JOB_ID=1                    | run polysum -c S -m serial,threads -p 2 -q
0 | agrees                    | - | OMP_NUM_THREADS=abc               | run polysum -c S -m serial,openmp -p 2 -q
0 | is not a list of thread counts | - | OMP_NUM_THREADS=abc         | run polysum -c S -m serial,openmp -p 2 -r 2
0 | agrees                    | - | OMP_PROC_BIND=garbage             | run polysum -c S -m serial,threads -p 2 -q
0 | agrees                    | - | NO_COLOR=1 TERM=dumb              | run polysum -c S -m serial -q
0 | agrees                    | - | TMPDIR=/nonexistent               | run polysum -c S -m serial,mpi -p 2 -q
0 | agrees                    | - | PK_LAUNCH_DIR=/nonexistent        | run polysum -c S -m serial,mpi -p 2 -q
2 | 'mpirun'                  | - | PATH=/nonexistent                 | run polysum -c S -m serial,mpi -p 2 -q
0 | agrees                    | - | PATH=                             | run polysum -c S -m serial -q
0 | agrees                    | - | LC_ALL=C.UTF-8 LANG=de_DE.UTF-8   | run polysum -c S -m serial -q --timeout 2.5
0 | agrees                    | - | PK_PROGRESS=1                     | run polysum -c S -m serial -q
0 | agrees                    | - | HOME=/nonexistent                 | run polysum -c S -m serial -q
# -------- faults (PK_FAULT, test-only): exit 1, the rest still runs
1 | worker 1                  | - | PK_FAULT=crash,model=fork,worker=1,task=2 | run polysum -n 100001 -m serial,fork -p 2 -r 2 -q -o r.csv
1 | --timeout 2               | - | PK_FAULT=hang,model=threads,worker=1,task=2 | run polysum -n 100002 -m serial,threads -p 2 -r 2 -q --timeout 2 -o r.csv
1 | differs from serial       | - | PK_FAULT=wrong,model=threads      | run polysum -c S -m serial,threads -p 2 -r 1 -q -o r.csv
1 | no result line            | - | PK_FAULT=noline,model=fork        | run polysum -c S -m serial,fork -p 2 -r 1 -q -o r.csv
1 | signal 11                 | - | PK_FAULT=crash,model=mpi,worker=1 | run polysum -n 100003 -m serial,mpi -p 2 -r 2 -q -o r.csv
1 | --timeout 3               | - | PK_FAULT=hang,model=mpi,worker=1  | run polysum -n 100004 -m serial,mpi -p 2 -r 2 -q --timeout 3 -o r.csv
# -------- resource limits: a write error named, never a crash or a temporary file left
1 | File too large            | ulimit -f 1     | - | run polysum pi -c S -m serial,threads -p 2 -r 5 -q -o r.csv
1 | -                         | ulimit -f 0     | - | run polysum -c S -m serial -r 1 -q -o r.csv
1 | -                         | ulimit -v 300000 | - | run stream -n 1e8 -m serial -r 1 -q
0 | -                         | ulimit -v 300000 | - | run polysum -c S -m serial,threads -p 2 -r 1 -q
1 | Too many open files       | ulimit -n 6     | - | run polysum -c S -m serial -r 1 -q
1 | -                         | ulimit -t 1     | - | run polysum -n 1e9 -m serial -r 3 -q
0 | -                         | ulimit -s 64    | - | run polysum -c S -m serial,threads,fork -p 2 -r 1 -q -o r.csv
0 | -                         | ulimit -c 0     | - | run polysum -c S -m serial -r 1 -q
# -------- signals mid-run: 128 + n, an 'interrupted' line, the results so far kept
130 | interrupted             | sig INT   | - | run polysum -n $BIG -m serial,threads,fork -p 2 -r 3 -w 0 -q -o r.csv
143 | interrupted             | sig TERM  | - | run polysum -n $BIG -m serial,threads,fork -p 2 -r 3 -w 0 -q -o r.csv
129 | interrupted             | sig HUP   | - | run polysum -n $BIG -m serial,threads,fork -p 2 -r 3 -w 0 -q -o r.csv
131 | interrupted             | sig QUIT  | - | run polysum -n $BIG -m serial,threads,fork -p 2 -r 3 -w 0 -q -o r.csv
130 | interrupted             | sig2 INT  | - | run polysum -n $BIG -m serial,threads,fork -p 2 -r 3 -w 0 -q -o r.csv
143 | interrupted             | sig2 TERM | - | run polysum -n $BIG -m serial,threads,fork -p 2 -r 3 -w 0 -q -o r.csv
130 | interrupted             | sig INT   | - | run polysum -n $BIG -m serial,mpi -p 2 -r 3 -w 0 -q -o r.csv
130 | interrupted             | sig2 INT  | - | run polysum -n $BIG -m serial,mpi -p 2 -r 3 -w 0 -q -o r.csv
143 | interrupted             | sig2 TERM | - | run polysum -n $BIG -m serial,mpi -p 2 -r 3 -w 0 -q -o r.csv
129 | interrupted             | sig HUP   | - | run polysum -n $BIG -m serial,mpi -p 2 -r 3 -w 0 -q -o r.csv
0 | agrees                    | nohup     | - | run polysum -n 3e7 -m serial,threads -p 2 -r 2 -w 0 -q -o r.csv
0 | agrees                    | stop      | - | run polysum -n 3e7 -m serial,threads,fork -p 2 -r 2 -w 0 -q -o r.csv
# -------- standard descriptors
0 | -                         | close | - | run polysum -c S -m serial,threads,fork -p 2 -r 1 -q -o r.csv
0 | -                         | close | - | run polysum -c S -m serial,mpi -p 2 -r 1 -q -o r.csv
1 | standard output           | full  | - | run polysum -c S -m serial -r 1 -q -o r.csv
1 | standard output           | pipe  | - | run polysum -c S -m serial,threads -p 2 -r 1 -q -o r.csv
1 | standard output           | pipe  | PK_FAULT=wrong,model=threads | run polysum -c S -m serial,threads -p 2 -r 1 -q -o r.csv
1 | standard output           | full  | - | list
TABLE
done_testing
