#!/bin/bash
# An adversarial table of results files (issues 11 and 12): each hostile file is given to
# pk report, pk compare and pk plot, with the exit status each must give (0 fine, 1 a
# failed or disagreeing configuration, 2 refused with one line on stderr), and after each
# command nothing may be left but what it was asked to write (pk plot's DIR, only when the
# file was read).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/results-lib.sh"
F="$TMP/files"
mkdir -p "$F"
ROW=$(rows polysum serial 1 $POLYSUM_1000 r1 1.0 | tr -d '\r')
# mk NAME: the file's bytes on stdin
mk() { cat >"$F/$1"; }
# row: one valid row; with_field COL VALUE: the same with field COL (1-based) replaced
row() { printf '%s\r\n' "$ROW"; }
with_field() { printf '%s\n' "$ROW" | awk -F, -v OFS=, -v ORS='\r\n' -v c="$1" -v v="$2" '{ $c = v; print }'; }

header | mk empty-rows.csv
: | mk empty.csv
{ printf '\357\273\277'; header; row; } | mk bom.csv
{ printf 'a,b,c\r\n'; } | mk other-header.csv
{ header; row | tr -d '\r\n'; } | mk no-final-newline.csv
{ header; printf 'polysum,"serial,1\r\n'; } | mk open-quote.csv
{ header; row | sed 's/\r$/,extra\r/'; } | mk extra-field.csv
{ header; row | sed 's/,1\r$/\r/'; } | mk missing-field.csv
{ header; with_field 1 "x';touch INJECTED;'"; } | mk kernel-shell.csv
{ header; with_field 1 '$(touch INJECTED)'; } | mk kernel-subst.csv
{ header; with_field 1 '../../ESCAPED'; } | mk kernel-dotdot.csv
{ header; with_field 1 'POLYSUM'; } | mk kernel-case.csv
{ header; with_field 2 'cuda'; } | mk model-unknown.csv
{ header; with_field 2 '../x'; } | mk model-dotdot.csv
for v in 0 -1 1e9 2147483648 abc ''; do { header; with_field 3 "$v"; } | mk "workers-[$v].csv"; done
for v in 0 -5 99999999999999999999 1.5 ''; do { header; with_field 4 "$v"; } | mk "size-[$v].csv"; done
{ header; with_field 5 'X'; } | mk class-unknown.csv
{ header; with_field 6 "sync:none';system('id')"; } | mk params-quote.csv
{ header; with_field 7 '-1'; } | mk seed-negative.csv
{ header; with_field 8 'okay'; } | mk status-unknown.csv
{ header; with_field 11 '0'; } | mk rep-zero.csv
{ header; with_field 11 '2'; } | mk rep-gap.csv
{ header; with_field 12 '-1'; } | mk warmup-negative.csv
for v in inf -inf nan NaN -1 1e999 0x1p3x ''; do { header; with_field 13 "$v"; } | mk "time-[$v].csv"; done
for v in -5 inf nan; do { header; with_field 14 "$v"; } | mk "rate-[$v].csv"; done
for c in 16 17 18; do { header; with_field $c '-0.5'; } | mk "duration-$c-negative.csv"; done
{ header; with_field 25 '2'; } | mk threads-above-workers.csv
{ header; with_field 25 '0'; } | mk threads-zero.csv
{ header; with_field 9 "$(head -c 3000 /dev/zero | tr '\0' x)"; } | mk detail-too-long.csv
{ header; row; printf 'x\0y\r\n'; } | mk nul-byte.csv
head -c 70000 /dev/urandom | mk random.csv
{ printf '%s,options\r\n' "$RES_HEADER"; row; } | mk columns-26-rows-25.csv
{ header; row | sed 's/\r$/,bind:none\r/'; } | mk columns-25-rows-26.csv
{ header; row; printf '\r\n'; } | mk blank-last-line.csv
# read, but not verified
{ header; rows polysum serial 1 $POLYSUM_1000 r1 1 1; rows polysum threads 2 1 r1 1 1; } | mk tampered.csv
{ header; rows polysum serial 1 $POLYSUM_1000 r1 1; with_field 10 1 | sed 's/,1,0,1.0,/,2,0,1.0,/'; } | mk reps-disagree.csv
{ header; STATUS=failed rows polysum serial 1 $POLYSUM_1000 r1 1; } | mk status-failed.csv
{ header; STATUS=disagree rows polysum serial 1 $POLYSUM_1000 r1 1; } | mk status-disagree.csv
# read and fine
{ header; row; } | mk valid.csv
{ header; row | tr -d '\r'; } | mk lf-line-ends.csv
{ header; HOST="vm;rm -rf /;'\"\$(id)" rows polysum serial 1 $POLYSUM_1000 r1 1; } | sed 's/,vm;rm -rf \/;.\(.*\)"$(id),/,"vm;rm -rf \/;'"'"'""$(id)",/' | mk host-hostile.csv
{ header; with_field 9 "\"$(printf '\033[2J\033]0;x\007')\""; } | mk detail-escapes.csv
{ header; row; row | sed 's/,1,0,1.0,/,2,0,1.0,/'; } | mk two-reps.csv
{ header; row; row; } | mk rep1-twice.csv

# expected exit status of report (compare and plot give the same), by file
declare -A want=([valid.csv]=0 [lf-line-ends.csv]=0 [host-hostile.csv]=0
    [detail-escapes.csv]=0 [two-reps.csv]=0 [tampered.csv]=1
    [reps-disagree.csv]=1 [status-failed.csv]=1 [status-disagree.csv]=1)

cases=0
[ -n "${SHOW_ERRORS:-}" ] && for f in "$F"/*.csv; do "$PK" report "$f" 2>&1 >/dev/null | sed "s|$F/||"; done
for path in "$F"/*.csv /dev/zero "$F/no-such-file.csv" "$F"; do
    name=$(basename "$path")
    w=${want[$name]:-2}
    for cmd in report compare plot; do
        work="$TMP/work/$cmd-$name"
        mkdir -p "$work"
        case $cmd in
        report) args=(report "$path") ;;
        compare) args=(compare "$F/valid.csv" "$path") ;;
        plot) args=(plot "$path" -o out) ;;
        esac
        (cd "$work" && timeout 60 "$PK" "${args[@]}") >"$TMP/out" 2>"$TMP/err"
        rc=$?
        cases=$((cases + 1))
        left=$(cd "$work" && find . -mindepth 1 -maxdepth 1 | sort | tr '\n' ' ')
        expect_left=""
        [ "$cmd" = plot ] && [ "$w" -ne 2 ] && expect_left="./out "
        if [ "$rc" -ne "$w" ]; then
            not_ok "$cmd $name: exit $rc, wanted $w"; diag "$TMP/err"
        elif [ "$w" -eq 2 ] && { [ "$(wc -l <"$TMP/err")" -ne 1 ] || [ -s "$TMP/out" ]; }; then
            not_ok "$cmd $name: refused, but not with one line and nothing on stdout"; diag "$TMP/err"
        elif [ "$left" != "$expect_left" ]; then
            not_ok "$cmd $name: left '$left', wanted '$expect_left'"
        elif grep -q "$(printf '\033')" "$TMP/out" "$TMP/err"; then
            not_ok "$cmd $name: printed a terminal escape"
        elif [ -n "$(find "$TMP" -name 'INJECTED*' -o -name 'ESCAPED*')" ]; then
            not_ok "$cmd $name: ran or wrote what the file said"
        else
            ok "$cmd $name: exit $w"
        fi
    done
done
[ "$cases" -ge 150 ] && ok "$cases cases" || not_ok "only $cases cases"
done_testing
