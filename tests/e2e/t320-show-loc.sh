#!/bin/bash
# pk show (the code of each model, side by side, as a diff) and pk list --loc (lines per model),
# from the checkout, from a PK_SOURCE_DIR copy with known files, and after make install.
. "$(dirname "$0")/lib.sh"

KERNELS=$("$PK" list | awk '/^kernels/ {k = 1; next} /^$/ {k = 0} k && /^  [a-z]/ {print $1}')
MODELS="serial openmp threads fork mpi"
SRC="$TOP/kernels"

# 1. every kernel and model: exit 0, a header naming the file, and the file's first line
bad=""
for k in $KERNELS; do
    for m in $MODELS; do
        first=$(head -n 1 "$SRC/$k/$m.c")
        if ! "$PK" show "$k" "$m" >"$TMP/out" 2>"$TMP/err" || ! grep -qxF -- "$first" "$TMP/out" ||
            ! grep -q "^==> $k/$m.c: $m model" "$TMP/out"; then
            bad="$bad $k/$m"
        fi
    done
done
[ -n "$KERNELS" ] && [ -z "$bad" ] && ok "show prints every kernel's every model file" ||
    not_ok "show of$bad (kernels: $KERNELS)"

# 2. the default is the shared work once, then all five files in order, each complete
"$PK" show pi >"$TMP/all" 2>"$TMP/err"; rc=$?
order=$(grep -o '^==> pi/[a-z.]*' "$TMP/all" | tr '\n' ' ')
want="==> pi/kernel.h ==> pi/serial.c ==> pi/openmp.c ==> pi/threads.c ==> pi/fork.c ==> pi/mpi.c ==> pi/hybrid.c "
# python.py once, for python and python-threads: the source, whether or not python3 is here
want="$want==> pi/python.py "
# the sources whatever is built: a runner folder without pk-mpi (no mpicc) hides no file
mkdir "$TMP/runners" && cp "$BIN_DIR/pk-run" "$TMP/runners/"
PK_RUNNER_DIR=$TMP/runners "$PK" show pi 2>"$TMP/err" | grep -o '^==> pi/[a-z.]*' | tr '\n' ' ' >"$TMP/order"
[ "$(cat "$TMP/order")" = "$want" ] && ok "without pk-mpi, show pi still shows every file" ||
    { not_ok "show pi without pk-mpi: $(cat "$TMP/order")"; diag "$TMP/err"; }
body_ok=1
for m in $MODELS hybrid; do # the lines after a file's header are that file, byte for byte
    awk -v h="==> pi/$m.c:" 'index($0, h) == 1 {on = 1; next} /^==> / {on = 0} on' "$TMP/all" |
        sed '$ { /^$/ d }' >"$TMP/body"
    cmp -s "$TMP/body" "$SRC/pi/$m.c" || body_ok=0
done
[ $rc -eq 0 ] && [ "$order" = "$want" ] && [ $body_ok -eq 1 ] &&
    grep -q '^static inline double pi_term' "$TMP/all" && ok "show pi: shared part, then every model file whole (hybrid too)" ||
    not_ok "show pi (exit $rc, headers '$order', bodies $body_ok)"

# 3. usage errors: exit 2, one line naming the value
refuses "--context given twice" "'-U' is given twice" "$PK" show pi --diff serial openmp --context 2 -U 3
refuses "show unknown kernel" "'polysm'" "$PK" show polysm
refuses "show unknown model" "'cuda'" "$PK" show polysum cuda
refuses "show without a kernel" "kernel" "$PK" show serial
refuses "show two kernels" "'pi'" "$PK" show polysum pi
refuses "diff of one model" "two models" "$PK" show polysum --diff serial
refuses "side by side of three models" "two models" "$PK" show polysum --side-by-side serial fork mpi
refuses "bad context" "'x'" "$PK" show polysum --diff serial mpi -U x
# a bad environment value is a usage error, as a bad PK_RUNNER_DIR is
refuses "PK_SOURCE_DIR not a folder: show" "'/nonexistent/src'" env PK_SOURCE_DIR=/nonexistent/src "$PK" show pi serial
refuses "PK_SOURCE_DIR not a folder: list --loc" "'/nonexistent/src'" env PK_SOURCE_DIR=/nonexistent/src "$PK" list --loc
# a model the kernel lacks: refused before a line is printed, naming the models it has
refuses "show matmul python" "matmul has no python model (its models: serial, openmp" "$PK" show matmul python
refuses "show histogram hybrid" "histogram has no hybrid model" "$PK" show histogram serial hybrid
refuses "side by side with a missing model" "histogram has no hybrid model" "$PK" show histogram --side-by-side serial hybrid
refuses "diff with a missing model" "matmul has no python model" "$PK" show matmul --diff python serial

# 4. a model diffed with itself: nothing, exit 0
bad=""
for m in $MODELS; do
    "$PK" show stencil --diff "$m" "$m" >"$TMP/out" 2>&1 && [ ! -s "$TMP/out" ] || bad="$bad $m"
done
[ -z "$bad" ] && ok "diff of a model with itself is empty" || not_ok "diff with itself:$bad"

# 5. serial -> openmp of polysum: the pragma is added, serial's call removed
"$PK" show polysum --diff serial openmp >"$TMP/out" 2>"$TMP/err"; rc=$?
pragma=$(grep '^#pragma omp' "$SRC/polysum/openmp.c")
[ $rc -eq 0 ] && [ -n "$pragma" ] && grep -qxF -- "+$pragma" "$TMP/out" &&
    grep -qxF -- "-    d->sum = polysum_range(0, n);" "$TMP/out" &&
    head -n 2 "$TMP/out" | tr '\n' ' ' | grep -qxF -- "--- polysum/serial.c +++ polysum/openmp.c " &&
    ok "diff serial openmp adds the pragma line" || { not_ok "diff serial openmp (exit $rc)"; diag "$TMP/out"; }

# 6. with unlimited context the diff holds both files whole: ' ' and '-' lines are the first,
# ' ' and '+' the second (checked for every ordered pair of every kernel's models)
bad=""
for k in $KERNELS; do
    for a in $MODELS; do
        for b in $MODELS; do
            [ "$a" = "$b" ] && continue
            "$PK" show "$k" --diff "$a" "$b" -U 100000 >"$TMP/d" || bad="$bad $k:$a:$b"
            tail -n +4 "$TMP/d" | sed -n 's/^[ -]//p' >"$TMP/a"
            tail -n +4 "$TMP/d" | sed -n 's/^[ +]//p' >"$TMP/b"
            cmp -s "$TMP/a" "$SRC/$k/$a.c" && cmp -s "$TMP/b" "$SRC/$k/$b.c" || bad="$bad $k:$a:$b"
        done
    done
done
[ -z "$bad" ] && ok "every diff rebuilds both files" || not_ok "diffs that lose lines:$bad"

# 7. side by side: within COLUMNS, the pragma on a row marked as only-right or changed, and
# identical files give identical halves
COLUMNS=100 "$PK" show polysum --side-by-side serial openmp >"$TMP/out" 2>"$TMP/err"; rc=$?
wide=$(awk 'length($0) > 100' "$TMP/out" | wc -l)
[ $rc -eq 0 ] && [ "$wide" -eq 0 ] && grep -qE '^.{48} [>|] #pragma omp parallel' "$TMP/out" &&
    ok "side by side fits COLUMNS=100 and marks the pragma" ||
    { not_ok "side by side (exit $rc, $wide rows too wide)"; diag "$TMP/out"; }
COLUMNS=250 "$PK" show square --side-by-side fork fork >"$TMP/out" 2>&1
halves=$(tail -n +3 "$TMP/out" | awk '{l = substr($0, 1, 123); sub(/ +$/, "", l); r = substr($0, 127);
    if (l != r) bad++} END {print bad + 0}')
[ "$halves" -eq 0 ] && [ "$(tail -n +3 "$TMP/out" | wc -l)" -eq "$(wc -l <"$SRC/square/fork.c")" ] &&
    ok "side by side of a file with itself: equal halves, one row per line" ||
    not_ok "side by side with itself: $halves rows differ"

# 7b. the width: a terminal's own (TIOCGWINSZ, over $COLUMNS), else $COLUMNS, else 80
env -u COLUMNS "$PK" show pi --side-by-side serial openmp >"$TMP/out" 2>&1
wide=$(awk 'length($0) > 80' "$TMP/out" | wc -l)
widest=$(awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }' "$TMP/out")
[ "$wide" -eq 0 ] && [ "$widest" -ge 70 ] && ok "side by side into a pipe without COLUMNS: 80 wide" ||
    { not_ok "side by side into a pipe: widest row $widest, wanted 70..80"; diag "$TMP/out"; }
if command -v script >/dev/null 2>&1; then
    COLUMNS=250 PK="$PK" script -qec 'stty cols 100; "$PK" show pi --side-by-side serial openmp' \
        /dev/null >"$TMP/out" 2>&1
    widest=$(tr -d '\r' <"$TMP/out" | awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }')
    [ "$widest" -le 100 ] && [ "$widest" -ge 90 ] &&
        ok "side by side on a 100-column terminal is 100 wide, whatever COLUMNS says" ||
        { not_ok "side by side on a 100-column terminal: widest row $widest"; diag "$TMP/out"; }
else
    skip "side by side on a terminal" "no script(1)"
fi

# 8. pk list --loc: a copy of the sources with a file whose count is known by construction
cp -r "$SRC" "$TMP/src"
printf '%s\n' '/* 3 code lines, 5 comment lines, 1 blank */' '#include "kernel.h"' '' \
    'int polysum_serial(struct pk_case *c, int p) // "/* not open" */' '/*' ' return 1; */' \
    '{ const char *s = "/*"; return 0; }' '// end \' '   still a comment' >"$TMP/src/polysum/serial.c"
PK_SOURCE_DIR="$TMP/src" "$PK" list --loc >"$TMP/loc" 2>"$TMP/err"; rc=$?
row=$(awk '$1 == "polysum" {print $3}' "$TMP/loc")
[ $rc -eq 0 ] && [ "$row" = 3 ] && ok "list --loc counts a known file: 3" ||
    { not_ok "list --loc known file (exit $rc, got '$row')"; diag "$TMP/loc"; }

# 9. the checkout's table: each model column of one kernel equals GCC's own comment stripping,
# and the total and median rows are the column's sum and median
"$PK" list --loc >"$TMP/loc" 2>"$TMP/err"; rc=$?
if [ $rc -eq 0 ] && ${CC:-cc} -fpreprocessed -dD -E -P "$SRC/stencil/mpi.c" >/dev/null 2>&1; then
    bad=""
    col=3
    for m in $MODELS; do
        want=$(${CC:-cc} -fpreprocessed -dD -E -P "$SRC/stencil/$m.c" | grep -c '[^[:space:]]')
        got=$(awk -v c=$col '$1 == "stencil" {print $c}' "$TMP/loc")
        [ "$got" = "$want" ] || bad="$bad $m:$got/$want"
        col=$((col + 1))
    done
    [ -z "$bad" ] && ok "list --loc of stencil equals the compiler's count" || not_ok "stencil counts:$bad"
else
    skip "list --loc against the compiler's count" "no cc -fpreprocessed (exit $rc)"
fi
# columns 2..NF: shared and a model file each; "-" (no such model) is left out of total and median
sums=$(awk '$1 == "kernel" {nf = NF} NR > 2 && $1 != "total" && $1 != "median" && NF == nf {
        n++; for (c = 2; c <= nf; c++) if ($c != "-") { s[c] += $c; k[c]++; v[c, k[c]] = $c } }
    $1 == "total" { for (c = 2; c <= nf; c++) if ($c != s[c]) bad++ }
    $1 == "median" { for (c = 2; c <= nf; c++) {
        m = k[c]; for (i = 1; i <= m; i++) x[i] = v[c, i]
        for (i = 2; i <= m; i++) for (j = i; j > 1 && x[j-1] > x[j]; j--) { t = x[j]; x[j] = x[j-1]; x[j-1] = t }
        med = m % 2 ? x[(m + 1) / 2] : (x[m / 2] + x[m / 2 + 1]) / 2
        if ($c + 0 != med) bad++ } }
    END { print n, bad + 0 }' "$TMP/loc")
[ "$sums" = "$(echo "$KERNELS" | wc -w) 0" ] && ok "list --loc total and median rows" ||
    { not_ok "list --loc totals (kernels, bad: $sums)"; diag "$TMP/loc"; }

# 10. after make install, pk finds the sources under PREFIX/share (no rebuild: -o all)
if make --no-print-directory -s -C "$TOP" -o all install PREFIX="$TMP/inst" >"$TMP/out" 2>&1; then
    (cd / && env -u PK_SOURCE_DIR "$TMP/inst/bin/pk" show polysum openmp) >"$TMP/out" 2>"$TMP/err"; rc=$?
    env -u PK_SOURCE_DIR "$TMP/inst/bin/pk" list --loc >"$TMP/loc" 2>&1
    [ $rc -eq 0 ] && grep -qxF -- "$pragma" "$TMP/out" &&
        grep -qxF "sources: $TMP/inst/share/parkernels/kernels" "$TMP/loc" &&
        ok "installed pk shows the installed sources" || { not_ok "installed pk (exit $rc)"; diag "$TMP/err"; }
else
    not_ok "make install"
    diag "$TMP/out"
fi
done_testing
