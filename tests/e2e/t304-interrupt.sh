#!/bin/bash
# SIGINT mid-plan: pk stops launching, ends the running configuration's process group, keeps
# the CSV of what it finished (valid), exits 130, and leaves no process or temporary file.
. "$(dirname "$0")/lib.sh"

start() {
    "$PK" run polysum -n 3e8 -m serial,threads,fork -p 2 -r 4 -w 0 -q -o "$TMP/i.csv" \
        >"$TMP/out" 2>"$TMP/err" &
    pid=$!
    for _ in $(seq 300); do [ -s "$TMP/i.csv" ] && break; sleep 0.1; done
}
left() { pgrep -f "pk-run polysum .* 300000000" | wc -l; }

start
kill -INT $pid; wait $pid; rc=$?
[ $rc -eq 130 ] && ok "exit 130 after SIGINT" || { not_ok "exit 130 after SIGINT (got $rc)"; diag "$TMP/err"; }
check "the CSV is valid" "$PK" report "$TMP/i.csv"
n=$(grep -cE "^  (serial|threads|fork) " "$TMP/out")
[ "$n" -ge 1 ] && [ "$n" -lt 3 ] && ok "it holds the finished configurations ($n of 3)" || not_ok "finished configurations ($n)"
sleep 0.5
[ "$(left)" -eq 0 ] && ok "no runner left" || not_ok "no runner left"
ls "$TMP" | grep -q "\.tmp\." && not_ok "no temporary file" || ok "no temporary file"

rm -f "$TMP/i.csv"
start
kill -INT $pid; sleep 0.05; kill -INT $pid 2>/dev/null; wait $pid; rc=$?
[ $rc -eq 130 ] && ok "second SIGINT exits 130 at once" || not_ok "second SIGINT (got $rc)"
sleep 0.5
[ "$(left)" -eq 0 ] && ok "no runner left after two SIGINTs" || not_ok "no runner left after two SIGINTs"

rm -f "$TMP/i.csv"
start
kill -TERM $pid; wait $pid; rc=$?
[ $rc -eq 143 ] && ok "exit 143 after SIGTERM" || not_ok "exit 143 after SIGTERM (got $rc)"
check "the CSV is valid after SIGTERM" "$PK" report "$TMP/i.csv"
done_testing
