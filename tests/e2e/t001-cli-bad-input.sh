#!/bin/bash
# Bad invocations: exit 2, nothing on stdout, one line on stderr naming the offending value.
. "$(dirname "$0")/lib.sh"

refuses "unknown kernel" "'polysm'" "$PK" run polysm
refuses "unknown model" "'cuda'" "$PK" run -m cuda
refuses "empty model in list" "'serial,'" "$PK" run -m serial,
refuses "repeated model" "'fork'" "$PK" run -m fork,fork
refuses "size zero" "'0'" "$PK" run -n 0
refuses "negative size" "'-5'" "$PK" run -n -5
refuses "non-numeric size" "'abc'" "$PK" run -n abc
refuses "trailing garbage in size" "'10x'" "$PK" run -n 10x
refuses "overflowing size 1e30" "'1e30'" "$PK" run -n 1e30
refuses "overflowing size 2^66" "'99999999999999999999'" "$PK" run -n 99999999999999999999
refuses "fractional size" "'1.5'" "$PK" run -n 1.5
refuses "polysum size whose sum overflows 128 bits" "6074001001" "$PK" run polysum -n 6074001001
refuses "zero workers" "'0'" "$PK" run -p 0
refuses "negative workers" "'-2'" "$PK" run -p -2
refuses "repeated worker count" "2" "$PK" run -p 2,2
refuses "backwards worker range" "'4..1'" "$PK" run -p 4..1
refuses "unknown class" "'Q'" "$PK" run -c Q
refuses "class and size together" "not both" "$PK" run -c S -n 100
refuses "zero reps" "'0'" "$PK" run -r 0
refuses "unknown option" "'--frobnicate'" "$PK" run --frobnicate
refuses "missing value" "'--size'" "$PK" run --size
refuses "unknown format" "'xml'" "$PK" run --format xml
refuses "negative timeout" "'-1'" "$PK" run --timeout -1
refuses "missing MPI launcher" "'/nonexistent/mpirun'" "$PK" run -m mpi --launcher /nonexistent/mpirun
refuses "unwritable output" "/nonexistent/dir/out.csv" "$PK" run -c S -o /nonexistent/dir/out.csv
refuses "unknown command" "'rnu'" "$PK" rnu
refuses "kernel named twice" "'polysum'" "$PK" run polysum polysum
refuses "size with a newline: one line" "'100\\n'" "$PK" run -n $'100\n'
refuses "100,000-digit size is too large" "too large" "$PK" run -n "$(head -c 100000 /dev/zero | tr '\0' 9)"
refuses "open-ended worker range 1.." "'1..'" "$PK" run -p 1..
refuses "open-ended worker range ..4" "'..4'" "$PK" run -p ..4
refuses "worker count with a newline: one line" "'2\\n'" "$PK" run -p $'2\n'
refuses "kernel name with a newline: one line" "'poly\\nsum'" "$PK" run $'poly\nsum'
refuses "bad PK_FAULT" "'bogus'" env PK_FAULT=bogus "$PK" run polysum -c S -m serial
refuses "bad PK_FAULT item" "'colour'" env PK_FAULT=wrong,colour=red "$PK" run polysum -c S -m serial
refuses "PK_FAULT naming an unknown kernel" "'nosuch'" env PK_FAULT=crash,kernel=nosuch "$PK" run polysum -c S -m serial
refuses "PK_FAULT naming an unknown model" "'nosuch'" env PK_FAULT=wrong,model=nosuch "$PK" run polysum -c S -m serial
refuses "all beside another model" "'all' stands alone" "$PK" run -m all,serial
refuses "worker range with two ranges in it" "'1..8..9'" "$PK" run -p 1..8..9
refuses "hexadecimal timeout" "'0x10'" "$PK" run --timeout 0x10
refuses "until-ci with fewer than 6 reps" "-r 1" "$PK" run --until-ci 5 -r 1
refuses "launcher that is no program" "'/etc/passwd' is not a program" "$PK" run -m mpi --launcher /etc/passwd
refuses "--threads without hybrid" "'--threads' applies to none of the models" "$PK" run pi -c S -m serial,openmp --threads 2
refuses "--chunk under --schedule static" "'--chunk' is read under --schedule dynamic only, not under --schedule static" "$PK" run mandelbrot -c S --chunk 8 --schedule static
refuses "pk-run: --chunk under --schedule static" "--schedule static" "$PK_RUN" mandelbrot serial 1 100 --schedule static --chunk 8
refuses "--launcher without mpi or hybrid" "'--launcher' applies to none of the models" "$PK" run pi -c S -m serial --launcher mpirun
refuses "PK_RUNNER_DIR without pk-run" "/nonexistent/runners" env PK_RUNNER_DIR=/nonexistent/runners "$PK" run polysum -c S -m serial
refuses "pk-run unknown kernel" "'nope'" "$PK_RUN" nope serial 1 10
refuses "pk-run mpi is not in-process" "'mpi'" "$PK_RUN" polysum mpi 2 10
refuses "pk-run bad workers" "'0'" "$PK_RUN" polysum openmp 0 10
refuses "pk-run bad size" "'ten'" "$PK_RUN" polysum openmp 2 ten
refuses "pk-run serial with 2 workers" "serial" "$PK_RUN" polysum serial 2 10
if mpi_available; then
    mpi_launch 1 "$PK_MPI" polysum -3 >"$TMP/out" 2>"$TMP/err"; rc=$?
    # mpirun adds its own banner; pk-mpi's part is one line, from rank 0, naming the value
    [ $rc -eq 2 ] && [ "$(grep -c '^pk-mpi:' "$TMP/err")" -eq 1 ] && grep -q "^pk-mpi: size '-3'" "$TMP/err" \
        && ok "pk-mpi bad size" || { not_ok "pk-mpi bad size (exit $rc)"; diag "$TMP/err"; }
else
    skip "pk-mpi bad size" "no pk-mpi or mpirun"
fi
done_testing
