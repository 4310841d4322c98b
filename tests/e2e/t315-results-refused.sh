#!/bin/bash
# What pk report, compare and plot refuse to read as results (exit 2, one line naming the
# file): anything but a regular file or a pipe, and never waited on (a FIFO with no writer
# blocked open() for ever); a rep read twice (a row repeated, one file given twice), which was counted twice.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/results-lib.sh"
S3="1.0 1.1 0.9"
cd "$TMP" || exit 1
{ header; rows polysum serial 1 $POLYSUM_1000 r1 $S3; } >good.csv

# a FIFO with no writer (read as empty, not waited on), a directory and a device: refused at
# once by all three commands
mkfifo fifo.csv
mkdir dir.csv
: >nothing.csv
for path in fifo.csv dir.csv /dev/null nothing.csv; do
    why="'$path' is not a pk results file"
    case $path in fifo.csv | nothing.csv) why="'$path' is empty" ;; esac # read, and empty
    refuses "report $path is refused" "$why" timeout 20 "$PK" report "$path"
    refuses "compare $path is refused" "$why" timeout 20 "$PK" compare good.csv "$path"
    refuses "plot $path is refused" "$why" timeout 20 "$PK" plot "$path" -o plots
done
[ ! -e plots ] && ok "plot made no directory" || not_ok "plot made no directory"
# a pipe with a writer is read as a file is: pk report <(ssh host cat r.csv)
check "a pipe on /dev/stdin reads" timeout 20 "$PK" report /dev/stdin < <(cat good.csv)
check "a process substitution reads" timeout 20 "$PK" report <(cat good.csv)
refuses "a pipe of a header alone holds no results" "holds no results" timeout 20 "$PK" report /dev/stdin < <(header)
check "a regular file still reads" "$PK" report good.csv

# a rep read twice: the same file twice, a row repeated, a copy of a file
refuses "report of one file twice is refused" "'./good.csv' is given twice" "$PK" report good.csv ./good.csv
refuses "plot of one file twice is refused" "is given twice" "$PK" plot good.csv good.csv -o plots
{ cat good.csv; rows polysum serial 1 $POLYSUM_1000 r1 1.0; } >rep1-again.csv
refuses "a rep 1 row repeated is refused naming file and line" \
    "'rep1-again.csv' line 5: polysum serial p=1 n=1000 rep 1 of run 'r1' appears again" "$PK" report rep1-again.csv
{ header; rows polysum serial 1 $POLYSUM_1000 r1 1.0 1.1; rows polysum serial 1 $POLYSUM_1000 r1 1.0 1.1 | tail -n 1; } >rep2-again.csv
refuses "a rep 2 row repeated is refused naming file and line" "'rep2-again.csv' line 4: polysum serial p=1 n=1000 rep 2 of run 'r1' appears again" "$PK" report rep2-again.csv
refuses "plot refuses it too" "appears again" "$PK" plot rep1-again.csv -o plots
cp good.csv copy.csv
refuses "a copy of a file is refused" "'copy.csv' line 2: polysum serial p=1 n=1000 rep 1 of run 'r1' appears again" "$PK" report good.csv copy.csv
[ ! -e plots ] && ok "plot made no directory" || not_ok "plot made no directory"
check "compare of a file with itself still compares (each side is read alone)" "$PK" compare good.csv good.csv
# two runs of one configuration still merge: a table per run, a line per run in the plot data
{ header; rows polysum serial 1 $POLYSUM_1000 r2 $S3; } >run2.csv
check "two runs of one configuration merge" "$PK" report good.csv run2.csv
has "each run gets its table" "run 2 of 2: r2" "$TMP/out"
check "plot draws both runs" "$PK" plot good.csv run2.csv -o plots2
[ "$(grep -c '^1 ' plots2/polysum-n1000.dat)" -eq 2 ] && ok "plot data holds one point per run" \
    || { not_ok "plot data holds one point per run"; diag plots2/polysum-n1000.dat; }

# a header alone, with CRLF or LF line ends
header >empty.csv
refuses "report of a header alone is refused" "'empty.csv' holds no results" "$PK" report empty.csv
refuses "compare refuses it" "'empty.csv' holds no results" "$PK" compare good.csv empty.csv
refuses "plot refuses it" "'empty.csv' holds no results" "$PK" plot empty.csv -o plots
header | tr -d '\r' >empty-lf.csv
refuses "a header alone with LF ends is refused" "'empty-lf.csv' holds no results" "$PK" report good.csv empty-lf.csv
# a last line without its line break: CRLF cut before LF or before CR, LF cut before LF
{ header; rows polysum serial 1 $POLYSUM_1000 r1 $S3; } | head -c -1 >cut-lf.csv
{ header; rows polysum serial 1 $POLYSUM_1000 r1 $S3; } | head -c -2 >cut-crlf.csv
{ header; rows polysum serial 1 $POLYSUM_1000 r1 $S3; } | tr -d '\r' | head -c -1 >cut-unix.csv
for f in cut-lf.csv cut-crlf.csv cut-unix.csv; do
    refuses "$f: a last line without its line break is named as truncated" \
        "'$f' line 4: no line break at the end (truncated" "$PK" report "$f"
    lacks "$f: not called broken quoting" "quoting" "$TMP/err"
done
{ header; rows polysum serial 1 $POLYSUM_1000 r1 $S3 | sed '2s/,vm,/,v\rm,/'; } >bare-cr.csv
refuses "a CR inside a row is named" "'bare-cr.csv' line 3: a carriage return without a line feed" "$PK" report bare-cr.csv
done_testing
