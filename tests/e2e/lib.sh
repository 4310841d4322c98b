# TAP helpers for the end-to-end tests: sourced by every tests/e2e/t*.sh.
# Each script prints TAP ("ok N - what", "not ok N - what", "ok N - what # SKIP why").
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
BIN_DIR=${PK_BIN_DIR:-$TOP/bin} # make asan/tsan point the tests at their own programs
PK="$BIN_DIR/pk"
PK_RUN="$BIN_DIR/pk-run"
PK_MPI="$BIN_DIR/pk-mpi"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/pk-e2e.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
_n=0
_failed=0

ok() { _n=$((_n + 1)); echo "ok $_n - $*"; }
not_ok() { _n=$((_n + 1)); _failed=$((_failed + 1)); echo "not ok $_n - $*"; }
skip() { _n=$((_n + 1)); echo "ok $_n - $1 # SKIP $2"; }
diag() { sed 's/^/# /' "$@"; }
done_testing() { echo "1..$_n"; [ "$_failed" -eq 0 ]; }

# check DESC COMMAND...: passes when COMMAND exits 0.
check() {
    local desc=$1; shift
    if "$@" >"$TMP/out" 2>"$TMP/err"; then ok "$desc"; else
        not_ok "$desc (exit $?)"; diag "$TMP/err"; fi
}

# refuses DESC WORD COMMAND...: COMMAND must exit 2, print nothing on stdout and exactly one
# line on stderr that contains WORD (the offending value).
refuses() {
    local desc=$1 word=$2 rc; shift 2
    "$@" >"$TMP/out" 2>"$TMP/err"; rc=$?
    local lines; lines=$(wc -l <"$TMP/err")
    if [ "$rc" -eq 2 ] && [ "$lines" -eq 1 ] && grep -qF -- "$word" "$TMP/err" && [ ! -s "$TMP/out" ]; then
        ok "$desc"
    else
        not_ok "$desc (exit $rc, $lines stderr lines, wanted 2 and one line naming '$word')"
        diag "$TMP/err"
    fi
}

# The MPI library pk-mpi links (make MPI=openmpi|mpich), its launcher, and how to start N ranks
# of a command with it as pk does (launch/launch_flavour.c): mpi_launch N COMMAND...
MPI_LIBRARY=$([ -x "$PK_MPI" ] && "$PK_MPI" --library 2>/dev/null)
case $MPI_LIBRARY in
*MPICH* | *Intel* | *intel*) MPI_FLAVOUR=mpich
    MPIEXEC=$(command -v mpiexec.mpich >/dev/null 2>&1 && echo mpiexec.mpich || echo mpiexec) ;;
*) MPI_FLAVOUR=openmpi MPIEXEC=mpirun ;;
esac
mpi_available() { [ -x "$PK_MPI" ] && command -v "$MPIEXEC" >/dev/null 2>&1; }
mpi_launch() {
    local np=$1; shift
    if [ "$MPI_FLAVOUR" = mpich ]; then "$MPIEXEC" -n "$np" "$@"; return; fi
    local root=""; [ "$(id -u)" = 0 ] && root=--allow-run-as-root
    mpirun $root --oversubscribe -np "$np" "$@"
}
