#!/bin/bash
# A table of bad invocations of pk, pk-run and pk-mpi (t001 has more). Each must exit 2, print
# nothing on stdout and one line on stderr naming the offending value, and leave the directory
# it ran in as it was: no output file, no temporary file. Columns: what | word the one line
# must hold | command (run by eval in $W, which holds the fixture files named below).
. "$(dirname "$0")/lib.sh"

W="$TMP/w"
mkdir -p "$W/adir.csv"
cd "$W" || exit 2
"$PK" run pi -c S -m serial,threads -p 2 -r 3 -w 0 -q -o good.csv >/dev/null 2>&1 ||
    { not_ok "making the fixture good.csv"; done_testing; exit 1; }
head -c -40 good.csv >trunc.csv                                   # cut inside the last row
sed '2s/,ok,/,fine,/' good.csv >corrupt.csv                       # a status that does not exist
printf 'a,b,c\r\n1,2,3\r\n' >foreign.csv
: >empty.csv
printf 'kernel\0model\r\n' >nul.csv
: >afile
before=$(ls -A | sort)

# The directory holds exactly the fixtures again: nothing written, nothing left half-written.
untouched() { [ "$(ls -A | sort)" = "$before" ]; }

while IFS='|' read -r desc word cmd; do
    desc=$(echo $desc) word=$(echo $word)
    [ -z "$desc" ] || [ "${desc#\#}" != "$desc" ] && continue
    eval "$cmd" >"$TMP/out" 2>"$TMP/err"; rc=$?
    lines=$(wc -l <"$TMP/err")
    if [ "$rc" -eq 2 ] && [ "$lines" -eq 1 ] && grep -qF -- "$word" "$TMP/err" &&
        [ ! -s "$TMP/out" ] && untouched; then
        ok "$desc"
    else
        not_ok "$desc (exit $rc, $lines stderr lines, wanted 2 and one line naming '$word')"
        diag "$TMP/err"
        ls -A | sort | diff <(echo "$before") - | diag
        rm -rf -- $(ls -A | sort | comm -13 <(echo "$before") -) # leave the next case clean
    fi
done <<'TABLE'
# names
unknown kernel after a good one          | 'nokernel'              | $PK run pi nokernel
model list of one comma                  | ','                     | $PK run -m ,
model listed twice in a longer list      | 'serial'                | $PK run -m serial,fork,serial
model names are case-sensitive           | 'Serial'                | $PK run -m Serial
unknown class                            | 'SS'                    | $PK run -c SS
unknown order                            | 'sideways'              | $PK run --order sideways
unknown binding                          | 'tight'                 | $PK run --bind tight
unknown kernel option value              | 'maybe'                 | $PK run histogram --sync maybe
kernel option for no kernel of the run   | '--bins'                | $PK run pi --bins 5
kernel option given twice                | '--sync'                | $PK run histogram --sync none --sync lock
# worker lists
empty worker list                        | worker list is empty    | $PK run -p ''
empty item in a worker list              | '1,,2'                  | $PK run -p 1,,2
worker count twice through a range       | '1..3,2'                | $PK run -p 1..3,2
more workers than allowed                | '5000'                  | $PK run -p 5000
worker range past the limit              | '2000'                  | $PK run -p 1..2000
non-numeric worker count                 | 'two'                   | $PK run -p two
trailing garbage in a worker count       | '4x'                    | $PK run -p 4x
negative start of a worker range         | '-1'                    | $PK run -p -1..4
# numbers
trailing garbage after an exponent       | '1e6x'                  | $PK run -n 1e6x
size with a leading space                | ' 100'                  | $PK run -n ' 100'
hexadecimal size                         | '0x10'                  | $PK run -n 0x10
size with a negative exponent            | '1e-3'                  | $PK run -n 1e-3
size past 2^62 given with =              | '1e19'                  | $PK run --size=1e19
size above the kernel's maximum          | 1000000                 | $PK run matmul -n 1e6
size whose memory exceeds the machine    | needs                   | $PK run stream -n 4e9
empty size                               | size is empty           | $PK run -n ''
reps past the maximum                    | '1001'                  | $PK run -r 1001
non-numeric reps                         | 'many'                  | $PK run -r many
negative warm-up                         | '-1'                    | $PK run -w -1
negative seed                            | '-1'                    | $PK run --seed -1
overflowing seed                         | '99999999999999999999'  | $PK run --seed 99999999999999999999
non-numeric timeout                      | 'soon'                  | $PK run --timeout soon
not-a-number timeout                     | 'nan'                   | $PK run --timeout nan
timeout over a week                      | '1e9'                   | $PK run --timeout 1e9
timeout past double's range: over a week | more than a week       | $PK run --timeout 1e400
timeout below double's range             | too small               | $PK run --timeout 1e-400
list --loc twice                         | given twice             | $PK list --loc --loc
show --full twice                        | '--full' is given twice | $PK show pi --full --full
show -U twice names -U                   | '-U' is given twice     | $PK show pi --diff serial openmp -U 1 -U 2
hybrid p not a multiple of SLURM's threads | SLURM_CPUS_PER_TASK 2   | SLURM_CPUS_PER_TASK=2 $PK run pi -c S -m hybrid -p 1
--until-ci of 100%                       | '100'                   | $PK run --until-ci 100
--until-ci with random order             | --order grouped         | $PK run --until-ci 5 --order random
# flags
missing value at the end                 | '-m'                    | $PK run -m
missing value of a long option           | '--workers'             | $PK run --workers
unknown short flag                       | '-z'                    | $PK run -z
unknown long flag                        | '--colour'              | $PK run --colour
unknown global flag                      | '--frobnicate'          | $PK --frobnicate
empty launcher                           | launcher is empty       | $PK run --launcher ''
# output files
empty output name                        | output file name is empty | $PK run -o ''
output format unknown from its extension | 'out.xml'               | $PK run pi -c S -o out.xml
output under a plain file                | afile/x.csv             | $PK run pi -c S -o afile/x.csv
output onto a directory                  | 'adir.csv'              | $PK run pi -c S -m serial -r 1 -o adir.csv
report output onto a directory           | 'adir.csv'              | $PK report good.csv -o adir.csv
bad size with an output file named       | '0'                     | $PK run pi -n 0 -o out.csv
# results files read back
report of a truncated file               | 'trunc.csv' line        | $PK report trunc.csv
truncated file, merged output not written| trunc.csv               | $PK report good.csv trunc.csv -o merged.csv
report of a field that is corrupt        | 'corrupt.csv' line 2    | $PK report corrupt.csv
report of a file pk did not write        | 'foreign.csv'           | $PK report foreign.csv
report of an empty file                  | 'empty.csv' is empty    | $PK report empty.csv
report of a file with a NUL byte         | 'nul.csv'               | $PK report nul.csv
report of a file that is not there       | 'missing.csv'           | $PK report missing.csv
report of a directory                    | 'adir.csv'              | $PK report adir.csv
compare with a truncated NEW             | 'trunc.csv'             | $PK compare good.csv trunc.csv
compare with a corrupt OLD               | 'corrupt.csv'           | $PK compare corrupt.csv good.csv
compare of three files                   | 'empty.csv'             | $PK compare good.csv good.csv empty.csv
# pk-run called directly
pk-run unknown model                     | 'cuda'                  | $PK_RUN pi cuda 1 10
pk-run without its size                  | KERNEL MODEL WORKERS SIZE | $PK_RUN pi serial 1
pk-run extra argument                    | '11'                    | $PK_RUN pi serial 1 10 11
pk-run more workers than allowed         | '5000'                  | $PK_RUN polysum threads 5000 10
pk-run overflowing size                  | '99999999999999999999'  | $PK_RUN pi serial 1 99999999999999999999
pk-run size whose memory exceeds the machine | needs               | $PK_RUN stream serial 1 4e9
pk-run kernel option the kernel lacks    | '--bins'                | $PK_RUN pi serial 1 10 --bins 3
pk-run zero reps                         | '0'                     | $PK_RUN pi serial 1 10 -r 0
pk-run malformed PK_FAULT                | 'explode'               | PK_FAULT=explode $PK_RUN pi serial 1 10
TABLE

# pk-mpi through mpirun: the launcher adds its own banner; pk-mpi's part is one line, from rank 0.
mpi_refuses() {
    local desc=$1 word=$2 rc; shift 2
    if ! mpi_available; then skip "$desc" "no pk-mpi or mpirun"; return; fi
    mpi_launch 2 "$PK_MPI" "$@" >"$TMP/out" 2>"$TMP/err"; rc=$?
    if [ $rc -eq 2 ] && [ "$(grep -c '^pk-mpi:' "$TMP/err")" -eq 1 ] &&
        grep '^pk-mpi:' "$TMP/err" | grep -qF -- "$word" && ! grep -q pk-result "$TMP/out" &&
        untouched; then
        ok "$desc"
    else
        not_ok "$desc (exit $rc)"; diag "$TMP/err"
    fi
}
mpi_refuses "pk-mpi unknown kernel" "'nope'" nope 100
mpi_refuses "pk-mpi non-numeric reps" "'many'" pi 100 -r many
mpi_refuses "pk-mpi size whose memory exceeds the machine" "needs" stream 4e9
done_testing
