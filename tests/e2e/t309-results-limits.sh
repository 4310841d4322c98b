#!/bin/bash
# A results file is read within limits (issue 12, item 4): a binary or endless input is refused
# at once with one line, exit 2; times that are inf, nan or negative and kernels or models pk
# does not know are refused naming the file and line; no text from a file drives the terminal.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/results-lib.sh"
S6="1.0 1.1 0.9 1.2 0.8 1.0"

# /dev/zero: the old reader grew without bound; a device is now refused unread
timeout 30 "$PK" report /dev/zero >"$TMP/out" 2>"$TMP/err"; rc=$?
[ "$rc" -eq 2 ] && [ "$(wc -l <"$TMP/err")" -eq 1 ] && grep -q "a character device" "$TMP/err" \
    && ok "report /dev/zero: one line, exit 2, at once" || { not_ok "report /dev/zero (exit $rc)"; diag "$TMP/err"; }
head -c 100000 /dev/urandom >"$TMP/random.bin"
refuses "a binary file is refused" "random.bin" "$PK" report "$TMP/random.bin"
# an endless stream of valid-looking rows through a pipe: read up to the limit, then refused
{ header; yes "$(rows polysum serial 1 $POLYSUM_1000 r1 1.0)"; } 2>/dev/null | timeout 120 "$PK" report /dev/stdin >"$TMP/out" 2>"$TMP/err"; rc=$?
[ "$rc" -eq 2 ] && grep -q "larger than 256 MiB" "$TMP/err" && ok "an endless stream is refused at the limit" \
    || { not_ok "an endless stream is refused at the limit (exit $rc)"; diag "$TMP/err"; }
# a file over the limit is refused by its size, unread (sparse: it takes no disk)
{ header; rows polysum serial 1 $POLYSUM_1000 r1 1.0; } >"$TMP/huge.csv"
truncate -s 300M "$TMP/huge.csv"
refuses "a file over 256 MiB is refused at once" "larger than 256 MiB" timeout 30 "$PK" report "$TMP/huge.csv"
rm -f "$TMP/huge.csv"

# times and durations that no clock gives
for t in inf -inf nan -1 1e999; do
    { header; rows polysum serial 1 $POLYSUM_1000 r1 1.0 "$t"; } >"$TMP/time.csv"
    refuses "time $t is refused naming file and line" "time.csv' line 3: malformed time_s '$t'" "$PK" report "$TMP/time.csv"
done
{ header; rows polysum serial 1 $POLYSUM_1000 r1 1.0 | sed 's/^\(\([^,]*,\)\{13\}\)/\1nan/'; } >"$TMP/rate.csv"
refuses "rate nan is refused" "malformed rate" "$PK" report "$TMP/rate.csv"
{ header; rows nosuchkernel serial 1 1 r1 1.0; } >"$TMP/kernel.csv"
refuses "an unknown kernel is refused naming file and line" "kernel.csv' line 2: unknown kernel 'nosuchkernel'" "$PK" report "$TMP/kernel.csv"
{ header; rows polysum cuda 1 1 r1 1.0; } >"$TMP/model.csv"
refuses "an unknown model is refused naming file and line" "model.csv' line 2: unknown model 'cuda'" "$PK" report "$TMP/model.csv"
refuses "compare refuses it too" "unknown model" "$PK" compare "$TMP/model.csv" "$TMP/model.csv"

# terminal control characters in text fields never reach the terminal
ESC=$(printf '\033')
{ header; rows polysum serial 1 $POLYSUM_1000 r1 $S6 | sed "s/,ok,-,/,ok,\"${ESC}]0;owned${ESC}\\\\${ESC}[2J red\",/"
  HOST="vm${ESC}[31m" rows polysum threads 2 $POLYSUM_1000 r1 $S6; } >"$TMP/ctl.csv"
grep -q "$ESC" "$TMP/ctl.csv" && ok "the file holds escapes" || not_ok "the file holds escapes"
for fmt in table csv json markdown; do
    "$PK" report --format $fmt "$TMP/ctl.csv" >"$TMP/out" 2>"$TMP/err"; rc=$?
    [ "$rc" -eq 0 ] && ! grep -q "$ESC" "$TMP/out" "$TMP/err" && ok "report --format $fmt prints no escape" \
        || { not_ok "report --format $fmt prints no escape (exit $rc)"; diag "$TMP/out"; }
done
"$PK" compare "$TMP/ctl.csv" "$TMP/ctl.csv" >"$TMP/out" 2>&1
! grep -q "$ESC" "$TMP/out" && ok "compare prints no escape" || not_ok "compare prints no escape"
{ header; rows polysum serial 1 $POLYSUM_1000 r1 1.0 "$ESC[2J"; } >"$TMP/ctl-time.csv"
"$PK" report "$TMP/ctl-time.csv" >"$TMP/out" 2>"$TMP/err"
[ $? -eq 2 ] && ! grep -q "$ESC" "$TMP/err" && ok "an error message quoting a field prints no escape" \
    || { not_ok "an error message quoting a field prints no escape"; diag "$TMP/err"; }
# nor does a runner's message in pk run's own output (a fake runner reports escapes)
mkdir -p "$TMP/fake"
printf '#!/bin/sh\necho "pk-result v1 kernel=polysum model=serial p=1 n=1000 status=failed reps=0 times=- result=%%1B]0;x%%07 detail=%%1B[2Jboom%%1B[31m end"\n' >"$TMP/fake/pk-run"
chmod +x "$TMP/fake/pk-run"
for fmt in table csv json markdown; do
    PK_RUNNER_DIR="$TMP/fake" "$PK" run polysum -n 1000 -m serial -r 1 -w 0 --format $fmt -o "$TMP/fake.csv" >"$TMP/out" 2>"$TMP/err"; rc=$?
    [ "$rc" -eq 1 ] && { [ $fmt = markdown ] || grep -q "boom" "$TMP/out"; } && ! grep -q "$ESC" "$TMP/out" "$TMP/err" "$TMP/fake.csv" \
        && ok "pk run --format $fmt: a runner's escapes are not printed" || { not_ok "pk run --format $fmt: runner escapes (exit $rc)"; diag "$TMP/out"; }
done
done_testing
