#!/bin/bash
# pk plot and a hostile results file (issue 12, items 1 and 2): no text from a file reaches a
# shell or gnuplot's command language, nothing is written outside -o DIR, DIR is created only
# once every input is valid, and a DIR with a quote in its name works.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/results-lib.sh"
S6="1.0 1.1 0.9 1.2 0.8 1.0"
mkdir -p "$TMP/work/a/b"
cd "$TMP/work/a/b" || exit 2

# item 1: a kernel field with shell code
{ header; rows "x';touch INJECTED;'" serial 1 1 r1 $S6; } >"$TMP/inject.csv"
"$PK" plot "$TMP/inject.csv" -o out1 >"$TMP/out" 2>"$TMP/err"; rc=$?
[ "$rc" -eq 2 ] && ok "a kernel field with shell code is refused (exit 2)" || { not_ok "shell-code kernel refused (exit $rc)"; diag "$TMP/err"; }
[ ! -e INJECTED ] && [ ! -e out1/INJECTED ] && ok "no shell code ran" || not_ok "no shell code ran"
[ ! -e out1 ] && ok "DIR is not created for an invalid file" || not_ok "DIR is not created for an invalid file"
[ "$(wc -l <"$TMP/err")" -eq 1 ] && grep -q "line 2" "$TMP/err" && ok "one line naming the line" || { not_ok "one line naming the line"; diag "$TMP/err"; }

# item 2: a kernel field that climbs out of DIR
{ header; rows "../../ESCAPED" serial 1 1 r1 $S6; } >"$TMP/escape.csv"
"$PK" plot "$TMP/escape.csv" -o out2 >/dev/null 2>"$TMP/err"; rc=$?
[ "$rc" -eq 2 ] && ok "a kernel field with ../ is refused (exit 2)" || not_ok "../ kernel refused (exit $rc)"
[ -z "$(find "$TMP/work" -name 'ESCAPED*')" ] && ok "nothing written outside DIR" || not_ok "nothing written outside DIR"
{ header; rows polysum "../x" 1 1 r1 $S6; } >"$TMP/escape-model.csv"
"$PK" plot "$TMP/escape-model.csv" -o out3 >/dev/null 2>"$TMP/err"; rc=$?
[ "$rc" -eq 2 ] && [ ! -e out3 ] && ok "an unknown model is refused before DIR" || not_ok "unknown model refused (exit $rc)"

# text that reaches gnuplot's script is quoted: a host with a quote and a system() call
{ header; HOST="vm'); system('touch GP_INJECTED'); print('" rows polysum serial 1 $POLYSUM_1000 r1 $S6
  HOST="vm'); system('touch GP_INJECTED'); print('" rows polysum threads 2 $POLYSUM_1000 r1 $S6; } >"$TMP/gp.csv"
"$PK" plot "$TMP/gp.csv" -o out4 >/dev/null 2>"$TMP/err"; rc=$?
[ "$rc" -eq 0 ] && ok "a host with a quote plots" || { not_ok "a host with a quote plots (exit $rc)"; diag "$TMP/err"; }
[ -z "$(find "$TMP/work" -name 'GP_INJECTED')" ] && ok "no gnuplot code from the file ran" || not_ok "no gnuplot code from the file ran"

# -o "Bob's plots": a quote in DIR
"$PK" run polysum -c S -m serial,threads -p 2 -r 3 -w 0 -q -o "$TMP/p.csv" >/dev/null 2>&1
"$PK" plot "$TMP/p.csv" -o "Bob's plots" >"$TMP/out" 2>"$TMP/err"; rc=$?
[ "$rc" -eq 0 ] && ok "pk plot -o \"Bob's plots\"" || { not_ok "pk plot -o \"Bob's plots\" (exit $rc)"; diag "$TMP/err"; }
[ -s "Bob's plots/polysum-n1000.gp" ] && [ -s "Bob's plots/polysum-n1000.dat" ] && ok "script and data in DIR" || not_ok "script and data in DIR"
if command -v gnuplot >/dev/null; then
    head -c 4 "Bob's plots/polysum-n1000.png" | grep -q PNG && ok "PNG in Bob's plots" || not_ok "PNG in Bob's plots"
else
    skip "PNG in Bob's plots" "no gnuplot"
fi
# -o that is no folder: one line naming it, exit 2, nothing written, before any file is read
: >afile
refuses "-o given twice" "'-o' is given twice" "$PK" plot "$TMP/p.csv" -o a -o b
refuses "-o a regular file" "'-o afile' is not a folder" "$PK" plot "$TMP/p.csv" -o afile
refuses "-o /dev/null" "'-o /dev/null' is not a folder" "$PK" plot "$TMP/p.csv" -o /dev/null
refuses "-o under a regular file" "'-o afile/sub' is not a folder" "$PK" plot "$TMP/p.csv" -o afile/sub
refuses "-o a file, whatever the inputs" "'-o afile'" "$PK" plot "$TMP/missing.csv" -o afile
rm afile

# the -optsN suffix is the figure's place among them all: a figure that cannot be written
# (its .dat taken by a folder) does not rename the next one
"$PK" run pi stencil -c S -m serial -r 2 -w 0 -q -o "$TMP/ps.csv" >/dev/null 2>&1
"$PK" plot "$TMP/ps.csv" -o "$TMP/clean" >/dev/null 2>&1
mkdir -p "$TMP/taken/pi-n1000.dat"
"$PK" plot "$TMP/ps.csv" -o "$TMP/taken" >"$TMP/out" 2>"$TMP/err"; rc=$?
clean=$(cd "$TMP/clean" && ls stencil-*.gp)
[ $rc -eq 1 ] && [ "$(wc -l <"$TMP/err")" -eq 1 ] && grep -q "pi-n1000.dat" "$TMP/err" &&
    [ "$clean" = "stencil-n256-opts1.gp" ] && [ -s "$TMP/taken/$clean" ] &&
    ok "a failed figure leaves the next one's name ($clean)" ||
    { not_ok "names after a failed figure (exit $rc, clean '$clean')"; ls "$TMP/taken" | diag /dev/stdin; diag "$TMP/err"; }

[ "$(ls | sort | tr '\n' ' ')" = "Bob's plots out4 " ] && ok "only the asked directories were made here" \
    || { not_ok "only the asked directories were made here"; ls -la | diag /dev/stdin; }
done_testing
