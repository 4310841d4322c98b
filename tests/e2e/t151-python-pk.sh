#!/bin/bash
# The python and python-threads models through pk (issue 14): pk starts bin/pk-python under
# python3 like any runner, verifies and compares its results with the C models' (exactly:
# Python's ints are exact), reports a wrong result as DISAGREE and a killed worker as an error
# with no process left; with no interpreter both models are unavailable, with the reason; pk
# show and pk list --loc read python.py; a configuration that would run for minutes is warned
# about, naming the size that fits. Every check names a size of its own, so other pk runs on the
# machine are never mistaken for this test's.
. "$(dirname "$0")/lib.sh"

# 1. no interpreter (PK_PYTHON names none): unavailable with the reason, -m python refused
PK_PYTHON=/nonexistent "$PK" list >"$TMP/list" 2>&1
un=$(grep -cE "^  python(-threads)? +unavailable" "$TMP/list")
why=$(grep -c "why: PK_PYTHON '/nonexistent' is not an executable program" "$TMP/list")
[ "$un" -eq 2 ] && [ "$why" -eq 2 ] && ok "PK_PYTHON=/nonexistent: pk list shows both models unavailable, and why" ||
    { not_ok "PK_PYTHON=/nonexistent: $un unavailable, $why reasons"; diag "$TMP/list"; }
for m in python python-threads; do
    PK_PYTHON=/nonexistent refuses "PK_PYTHON=/nonexistent: pk run -m $m exits 2 naming the model" \
        "cannot run the $m model: PK_PYTHON '/nonexistent'" "$PK" run polysum -m "$m" -n 1000
done
# pk info says the same of each model that needs more than pk-run, beside mpi's line
PK_PYTHON=/nonexistent "$PK" info >"$TMP/info" 2>&1
n=$(grep -cE "^  python(-threads)? model +PK_PYTHON '/nonexistent' is not an executable program" "$TMP/info")
[ "$n" -eq 2 ] && grep -qE "^  mpi model " "$TMP/info" && grep -qE "^  hybrid model " "$TMP/info" &&
    ok "PK_PYTHON=/nonexistent: pk info names both python models unavailable, and why" ||
    { not_ok "PK_PYTHON=/nonexistent: pk info has $n python reasons"; diag "$TMP/info"; }

# 8. make run's section: the job in every available model (the ones given), C and Python, in a
# file of its own
check_make_run() {
    if [ "$(cd "$BIN_DIR" 2>/dev/null && pwd)" != "$TOP/bin" ]; then
        skip "make run's python section" "the programs under test are not bin/ but $BIN_DIR"
        return
    fi
    local F="$TMP/run/run.csv" rc models has=1
    make -s -C "$TOP" run RUN='pi -c S -m serial -p 1 -r 1 -w 0 -q' \
        RUN_PYTHON='polysum -n 1e4 -p 1,2 -r 2 -w 0 -q' RUN_RESULTS="$F" >"$TMP/out" 2>"$TMP/err"; rc=$?
    models=$(awk -F, 'NR > 1 {print $2}' "$TMP/run/run-python.csv" 2>/dev/null | sort -u | tr '\n' ' ')
    for m in "$@"; do
        case " $models" in *" $m "*) ;; *) has=0 ;; esac
    done
    [ $rc -eq 0 ] && [ $has -eq 1 ] && tail -n 1 "$TMP/out" | grep -qF "results in $F $TMP/run/run-python.csv;" &&
        ok "make run's python section: the available models in run-python.csv ($models)" ||
        { not_ok "make run's python section (exit $rc, models '$models')"; diag "$TMP/out" "$TMP/err"; }
}

if ! command -v python3 >/dev/null 2>&1; then
    skip "the python models through pk" "python3 missing"
    check_make_run serial threads fork
    done_testing
    exit
fi

# 2. which kernels: the ones with a python.py, as the runner says; -m python alone on others: one line
want=$(cd "$TOP/kernels" && ls -d */python.py | sed 's#/python.py##' | tr '\n' ' ')
for m in python python-threads; do
    got=$(awk -v m="$m" '$1 == m {on = 1; next} /^  [a-z]/ {on = 0} on && /kernels:/ {
        sub(/.*kernels: */, ""); sub(/ *\(.*/, ""); print}' <("$PK" list))
    [ "$got " = "$want" ] && ok "pk list: $m has the kernels with a python.py ($got)" ||
        not_ok "pk list: $m has '$got', python.py in '$want'"
done
refuses "-m python on kernels without python.py: one line naming those with it" \
    "none of the kernels to run has a python model (histogram, montecarlo, pi, polysum, spawn and square do)" \
    "$PK" run stream mandelbrot -m python -n 1000

# 3. the issue's check: polysum n = 999983, serial, python and python-threads at p = 1, 2
n=999983
exact=$(python3 -c "n = $n; print(sum(i + i * i + i ** 3 for i in range(n)))")
"$PK" run polysum -n $n -m serial,python,python-threads -p 1,2 -r 2 -w 1 --format csv \
    >"$TMP/csv" 2>"$TMP/err"; rc=$?
configs=$(awk -F, 'NR > 1 {print $2, $3}' "$TMP/csv" | sort -u | tr '\n' ' ')
wrong=$(awk -F, -v want="$exact" 'NR > 1 && ($8 != "ok" || $10 != want)' "$TMP/csv" | wc -l)
[ $rc -eq 0 ] && [ "$configs" = "python 1 python 2 python-threads 1 python-threads 2 serial 1 " ] &&
    [ "$wrong" -eq 0 ] && ok "polysum n=$n: serial, python, python-threads at p=1,2 verify and agree exactly ($exact)" ||
    { not_ok "polysum n=$n (exit $rc, configurations '$configs', $wrong rows wrong)"; diag "$TMP/csv" "$TMP/err"; }

# 4. every kernel with a python.py, class S, both models at p = 1, 2, against serial C
kernels=${want% }
# shellcheck disable=SC2086 # one word per kernel
"$PK" run $kernels -c S -m serial,python,python-threads -p 1,2 -r 2 -w 1 >"$TMP/out" 2>"$TMP/err"; rc=$?
agree=$(grep -c "(every configuration verified and agrees)" "$TMP/out")
[ $rc -eq 0 ] && [ "$agree" -eq "$(echo "$kernels" | wc -w)" ] &&
    ok "class S: $kernels in python and python-threads verify and agree with serial" ||
    { not_ok "class S (exit $rc, $agree kernels agree)"; diag "$TMP/out" "$TMP/err"; }

# 5. a wrong Python result disagrees (exit 1); a killed worker is an error row, nothing left
PK_FAULT=wrong,model=python "$PK" run polysum -n 999979 -m serial,python -p 2 -r 2 -q \
    >"$TMP/out" 2>"$TMP/err"; rc=$?
[ $rc -eq 1 ] && grep -qE '^  python +2 .*DISAGREE$' "$TMP/out" &&
    ok "PK_FAULT=wrong,model=python: DISAGREE, exit 1" || { not_ok "wrong (exit $rc)"; diag "$TMP/out"; }
n=999961
PK_FAULT=crash,model=python "$PK" run polysum -n $n -m serial,python -p 2 -r 2 -q \
    >"$TMP/out" 2>"$TMP/err"; rc=$?
sleep 0.5
left=$(ps -eo pid=,args= | grep -E "pk-python polysum python 2 $n( |$)" | grep -v grep)
[ $rc -eq 1 ] && grep -qE '^  python +2 .*ERROR$' "$TMP/out" &&
    grep -q "python p=2: error: worker 0 .* ended by signal 11" "$TMP/out" && [ -z "$left" ] &&
    ok "PK_FAULT=crash,model=python: an error row, exit 1, no process left" ||
    { not_ok "crash (exit $rc, left: $left)"; diag "$TMP/out"; }

# 6. pk show and pk list --loc read python.py, one file for both models
SRC="$TOP/kernels/polysum/python.py"
for m in python python-threads; do
    "$PK" show polysum "$m" >"$TMP/out" 2>"$TMP/err"; rc=$?
    awk '/^==> polysum\/python.py: /{on = 1; next} /^==> / {on = 0} on' "$TMP/out" | sed '$ { /^$/ d }' >"$TMP/body"
    [ $rc -eq 0 ] && grep -q "^==> polysum/python.py: $m model, $(wc -l <"$SRC") lines" "$TMP/out" &&
        cmp -s "$TMP/body" "$SRC" && ok "pk show polysum $m shows python.py whole" ||
        { not_ok "pk show polysum $m (exit $rc)"; diag "$TMP/out"; }
done
"$PK" show polysum >"$TMP/out"
[ "$(grep -c '^==> polysum/python.py' "$TMP/out")" -eq 1 ] && ok "pk show polysum: python.py once" ||
    not_ok "pk show polysum shows python.py $(grep -c '^==> polysum/python.py' "$TMP/out") times"
"$PK" show polysum --diff serial python -U 100000 >"$TMP/d" 2>&1; rc=$?
tail -n +4 "$TMP/d" | sed -n 's/^[ +]//p' >"$TMP/b"
[ $rc -eq 0 ] && head -n 2 "$TMP/d" | tr '\n' ' ' | grep -qxF -- "--- polysum/serial.c +++ polysum/python.py " &&
    cmp -s "$TMP/b" "$SRC" && ok "pk show polysum --diff serial python: the diff rebuilds python.py" ||
    { not_ok "pk show --diff serial python (exit $rc)"; diag "$TMP/d"; }
code=$(grep -cvE '^[[:space:]]*(#.*)?$' "$SRC")
"$PK" list --loc >"$TMP/loc" 2>&1
col=$(awk '$1 == "kernel" {for (i = 1; i <= NF; i++) if ($i == "python") c = i} $1 == "polysum" && c {print $(c + 0)}' "$TMP/loc")
[ "$col" = "$code" ] && ! grep -q '^kernel .*python-threads' "$TMP/loc" &&
    ok "pk list --loc: one python column, polysum's $code code lines" ||
    { not_ok "pk list --loc: python column '$col', wanted $code"; diag "$TMP/loc"; }

# 7. sizes: minutes by the runner's rate -> a warning naming the size that fits; -q: none
n=1999999993
"$PK" run polysum -m python -p 1 -n $n -r 1 -w 0 --timeout 1 >"$TMP/out" 2>"$TMP/err"
grep -qE "^pk: python polysum at n = $n would run for about [0-9]+ min .*; -n [0-9]+ fits in about a minute$" "$TMP/err" &&
    ok "a python configuration of minutes: warned, with the size that fits" ||
    { not_ok "no size warning"; diag "$TMP/err"; }
"$PK" run polysum -m python -p 1 -n $((n - 2)) -r 1 -w 0 --timeout 1 -q >"$TMP/out" 2>"$TMP/err"
! grep -q "would run for" "$TMP/err" && ok "-q: no size warning" || { not_ok "-q warned"; diag "$TMP/err"; }
"$PK" run polysum -m python -p 1 -n 1000 -r 1 -w 0 >"$TMP/out" 2>"$TMP/err"
! grep -q "would run for" "$TMP/err" && ok "a short python configuration: no size warning" ||
    { not_ok "warned at n=1000"; diag "$TMP/err"; }

check_make_run serial threads fork python python-threads
done_testing
