#!/bin/bash
# bench/carry and bench/manycore, the one-call sweep for a lent many-core machine that has no
# Open MPI (bench/README.md): the packed pk runs every kernel and model with the system's
# Open MPI, PMIx and libgomp hidden; a packed tree that lacks a library fails the preflight
# in seconds; the budget stops a sweep and keeps what it measured; bad settings exit 2.
. "$(dirname "$0")/lib.sh"
MC=$TOP/bench/manycore
KERNELS=$("$PK" list | awk '/^models/ { exit } /^  [a-z]/ { print $1 }')
MODELS="serial openmp threads fork mpi"

refuses "manycore: a class it does not know" "'Q'" env MANYCORE_CLASS=Q sh "$MC" "$TMP/x"
refuses "manycore: reps that are not a number" "'3x'" env MANYCORE_REPS=3x sh "$MC" "$TMP/x"
refuses "manycore: a worker list with a shell word" "'1;2'" env MANYCORE_WORKERS='1;2' sh "$MC" "$TMP/x"
refuses "manycore: no OUT" "usage" sh "$MC"

# The budget: TERM at its end, the finished configurations kept, exit 1, the log says so.
# Six kernels at class W need far more than 6 s (their 30 configurations at p = 1 alone run
# 90 reps of 0.08-0.14 s each on the 2-core AMD VM, 11 s, and 15 s in all), and the first
# configuration (polysum serial: 3 reps) about 0.5 s: room for a core twice as fast, or a
# machine twice as loaded, either way.
BUDGET_KERNELS="polysum histogram montecarlo mandelbrot pi stencil"
MANYCORE_CARRY=$TMP/none MANYCORE_CLASS=W MANYCORE_BUDGET=6 MANYCORE_KERNELS=$BUDGET_KERNELS \
    PK_BIN_DIR=$BIN_DIR sh "$MC" "$TMP/budget" >"$TMP/out" 2>"$TMP/err"
rc=$?
csv=$TMP/budget/manycore.csv
configs=$(awk -F, 'NR > 1 && !s[$1 FS $2 FS $3]++' "$csv" 2>/dev/null | wc -l)
failed=$(awk -F, 'NR > 1 && $8 != "ok"' "$csv" 2>/dev/null | wc -l)
kernels=$(awk -F, 'NR > 1 && !s[$1]++' "$csv" 2>/dev/null | wc -l)
if [ "$rc" -eq 1 ] && grep -q "the budget stopped the sweep" "$TMP/budget/log.txt" &&
    [ "$configs" -ge 1 ] && [ "$failed" -eq 0 ] && [ "$kernels" -lt 6 ]; then
    ok "manycore: the budget stops the sweep, keeps $configs verified configurations, exits 1"
else
    not_ok "manycore: the budget (exit $rc; $configs configurations of $kernels kernels, $failed not ok)"
    diag "$TMP/err"
fi

if ! mpi_available || [ "$MPI_FLAVOUR" != openmpi ] || ! command -v dpkg >/dev/null; then
    skip "carry: pack pk with Open MPI" "needs the Open MPI build and dpkg"
    done_testing
    exit
fi
CARRY=$TMP/carry
check "carry: pack pk, Open MPI and their libraries" env PK_BIN_DIR="$BIN_DIR" sh "$TOP/bench/carry" "$CARRY"

# hidden COMMAND...: run COMMAND in a mount namespace of its own where every file of the
# system's Open MPI, PMIx, libgomp and Open MPI's libraries is an empty character device.
HIDE_PKGS="openmpi-bin openmpi-common libopenmpi3 libpmix2 libgomp1 libhwloc15 libevent-core-2.1-7
           libevent-pthreads-2.1-7 libfabric1 libucx0"
hidden() {
    # shellcheck disable=SC2016,SC2086 # expanded by the inner bash; the package names are words
    unshare -m bash -c 'for pkg in $1; do
            dpkg -L "$pkg" 2>/dev/null | while IFS= read -r f; do
                if [ -f "$f" ] && [ ! -L "$f" ]; then mount --bind /dev/null "$f" || exit 1; fi
            done || exit 99
        done; shift; exec "$@"' bash "$HIDE_PKGS" "$@"
}
if [ "$(id -u)" != 0 ] || ! unshare -m true 2>/dev/null; then
    skip "carry: the packed pk runs without the system's Open MPI" "needs root and unshare -m"
    done_testing
    exit
fi
# The hiding itself must work, or the run below would prove nothing.
hidden sh -c 'if /usr/bin/orterun --version; then echo visible; else echo hidden; fi' >"$TMP/out" 2>&1
[ "$(tail -n 1 "$TMP/out")" = hidden ] && ok "hidden: the system's mpirun no longer runs" ||
    { not_ok "hidden: the system's mpirun still runs, or the hiding failed"; diag "$TMP/out"; }

hidden env MANYCORE_CARRY="$CARRY" MANYCORE_CLASS=S MANYCORE_WORKERS=1,2 MANYCORE_REPS=1 \
    sh "$MC" "$TMP/mc" >"$TMP/out" 2>"$TMP/err"
rc=$?
want=0 missing=""
for k in $KERNELS; do
    for m in $MODELS; do
        for p in 1 2; do
            [ "$m" = serial ] && [ "$p" = 2 ] && continue
            want=$((want + 1))
            grep -q "^$k,$m,$p,.*,ok," "$TMP/mc/manycore.csv" 2>/dev/null || missing="$missing $k/$m/$p"
        done
    done
done
if [ "$rc" -eq 0 ] && [ -z "$missing" ]; then
    ok "carried, system Open MPI hidden: all $want configurations verified"
else
    not_ok "carried, system Open MPI hidden (exit $rc; not verified:$missing)"
    diag "$TMP/err"
fi
grep -q "^# carried: $CARRY" "$TMP/mc/machine.txt" && grep -q "mpi library *Open MPI" "$TMP/mc/machine.txt" &&
    ok "machine.txt names the packed tree and the MPI library" ||
    { not_ok "machine.txt"; diag "$TMP/mc/machine.txt"; }
# bench/efficiency.py, the README table from those files: with one rep, polysum's openmp cell is
# serial's time over twice openmp's at p = 2, computed here again from the CSV.
if command -v python3 >/dev/null; then
    want=$(awk -F, '$1 == "polysum" && $8 == "ok" && $2 == "serial" { s = $13 }
                    $1 == "polysum" && $8 == "ok" && $2 == "openmp" && $3 == 2 { o = $13 }
                    END { if (s && o) printf "%.2f", s / (o * 2) }' "$TMP/mc/manycore.csv")
    python3 -B "$TOP/bench/efficiency.py" "$TMP/mc/manycore.csv" >"$TMP/eff" 2>"$TMP/err"
    got=$(awk -F' *[|] *' '$2 == "polysum" { print $3 }' "$TMP/eff")
    rows=$(grep '^| [a-z]' "$TMP/eff" | grep -vc '^| efficiency')
    [ -n "$want" ] && [ "$got" = "$want" ] && [ "$rows" -eq "$(echo $KERNELS | wc -w)" ] &&
        grep -q '^| efficiency at p = 2 | openmp | threads | fork | mpi |$' "$TMP/eff" &&
        ok "efficiency.py: a row per kernel; polysum openmp $got, as the CSV gives" ||
        { not_ok "efficiency.py: polysum openmp '$got', want '$want', $rows rows"; diag "$TMP/eff" "$TMP/err"; }
else
    skip "efficiency.py" "no python3"
fi
missing=""
for f in machine.txt preflight.txt manycore.csv manycore.md log.txt; do
    [ -s "$TMP/mc/$f" ] || missing="$missing $f"
done
[ -z "$missing" ] && ok "manycore wrote its five files" || not_ok "manycore lacks:$missing"

# Faults the preflight must see: the MPI library left out of lib/; Open MPI's components not
# moved (its prefix unset, so it looks in the hidden /usr).
rm "$CARRY/lib/libmpi.so.40"
hidden env MANYCORE_CARRY="$CARRY" MANYCORE_KERNELS=polysum sh "$MC" "$TMP/nolib" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ "$rc" -eq 3 ] && [ ! -e "$TMP/nolib/manycore.csv" ] && grep -q "preflight failed" "$TMP/err" &&
    ok "a packed tree without libmpi fails the preflight (exit 3, nothing measured)" ||
    { not_ok "without libmpi: exit $rc"; diag "$TMP/err"; }
check "carry again" env PK_BIN_DIR="$BIN_DIR" sh "$TOP/bench/carry" "$CARRY"
sed -i '/^OPAL_PREFIX=/d' "$CARRY/env"
hidden env MANYCORE_CARRY="$CARRY" MANYCORE_KERNELS=polysum sh "$MC" "$TMP/noprefix" >"$TMP/out" 2>"$TMP/err"
rc=$?
[ "$rc" -eq 3 ] && ok "Open MPI's components left at the system's paths fail the preflight (exit 3)" ||
    { not_ok "without OPAL_PREFIX: exit $rc"; diag "$TMP/err"; }
done_testing
