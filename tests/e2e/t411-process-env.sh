#!/bin/bash
# What the process environment can do to a run: a full disk and a file-size limit are named
# write errors (exit 1, no temporary file left), closed standard descriptors at start cost
# nothing, and a reader of stdout that goes away cannot cost the results file a verdict.
. "$(dirname "$0")/lib.sh"

cd "$TMP" || exit 2
tmp_left() { ls -A "$1" | grep '\.tmp\.'; }

# a full filesystem: a tmpfs of 8 KiB, filled, in a mount namespace of the test's own
mkdir full
if unshare -m true 2>/dev/null; then
    unshare -m sh -c 'mount -t tmpfs -o size=8k none full && \
        dd if=/dev/zero of=full/fill bs=1k count=8 2>/dev/null; \
        "$0" run polysum -c S -m serial -r 1 -q -o full/f.csv >out 2>err; echo $? >rc; ls -A full >left' "$PK"
    if [ "$(cat rc)" -eq 1 ] && [ "$(wc -l <err)" -eq 1 ] && grep -q "cannot write 'full/f.csv': No space left" err &&
        [ "$(cat left)" = fill ]; then ok "full disk: the file and the reason named, exit 1, no temporary left"
    else not_ok "full disk (exit $(cat rc); left: $(cat left))"; diag err; fi
else
    skip "full disk" "no mount namespace here (unshare -m)"
fi

# a file-size limit: SIGXFSZ would kill pk mid-write; EFBIG is reported like any write error
(ulimit -f 1; exec "$PK" run polysum pi -c S -m serial,threads -p 2 -r 5 -q -o f.csv >/dev/null 2>err)
rc=$?
if [ $rc -eq 1 ] && grep -q "cannot write 'f.csv': File too large" err && [ -z "$(tmp_left .)" ] && { [ ! -e f.csv ] || "$PK" report f.csv >/dev/null 2>&1; }; then
    ok "ulimit -f: EFBIG named, exit 1, no temporary left"
else not_ok "ulimit -f (exit $rc)"; diag err; tmp_left . | diag; fi
rm -f f.csv* out err

# stdin, stdout and stderr closed at start: the runners' pipes must not land on them
"$PK" run polysum -c S -m serial,threads,fork -p 2 -r 1 -q -o f.csv <&- >&- 2>&-
rc=$?
[ $rc -eq 0 ] && [ "$(grep -c ',ok,' f.csv)" -eq 3 ] && ok "pk with 0, 1, 2 closed: every configuration ok" ||
    { not_ok "pk with 0, 1, 2 closed (exit $rc)"; diag f.csv; }
"$PK" run polysum -c S -m serial,threads -p 2 -r 1 -q -o f.csv <&- >&-
rc=$?
[ $rc -eq 0 ] && [ "$(grep -c ',ok,' f.csv)" -eq 2 ] && ok "pk with 0 and 1 closed" || { not_ok "pk with 0, 1 closed (exit $rc)"; diag f.csv; }
"$PK_RUN" polysum threads 2 1000 -r 1 <&- 2>&- | grep -q "kernel=polysum" && ok "pk-run with 0 and 2 closed" ||
    not_ok "pk-run with 0 and 2 closed"
if mpi_available; then
    "$PK" run polysum -c S -m serial,mpi -p 2 -r 1 -q -o f.csv <&- >&-
    rc=$?
    [ $rc -eq 0 ] && [ "$(grep -c ',ok,' f.csv)" -eq 2 ] && ok "mpi with 0 and 1 closed" || { not_ok "mpi with 0, 1 closed (exit $rc)"; diag f.csv; }
else
    skip "mpi with 0 and 1 closed" "no pk-mpi or mpirun"
fi
rm -f f.csv

# stdout's reader goes away: the results file already holds every verdict, DISAGREE included
PK_FAULT=wrong,model=threads "$PK" run -c S -m serial,threads -p 2 -r 1 -w 0 -q -o sp.csv 2>err |
    (exec <&-; sleep .3)
rc=${PIPESTATUS[0]}
disagree=$(grep -c ',threads,2,.*,disagree,' sp.csv)
[ $rc -eq 1 ] && ok "closed stdout: exit 1 (not SIGPIPE)" || { not_ok "closed stdout: exit 1 (got $rc)"; diag err; }
[ "$disagree" -ge 1 ] && [ "$disagree" -eq "$(grep -c ',threads,2,' sp.csv)" ] &&
    ok "closed stdout: every threads row says disagree ($disagree)" || { not_ok "closed stdout: disagree rows ($disagree)"; diag sp.csv; }
"$PK" report sp.csv >/dev/null 2>&1
[ $? -eq 1 ] && ok "the file reads back as failed" || not_ok "the file reads back as failed"
[ -z "$(tmp_left .)" ] && ok "no temporary left" || not_ok "no temporary left"

# pk report -o under a file-size limit: the file and the reason named, nothing left
(ulimit -f 1; exec "$PK" report sp.csv -o rep.csv >/dev/null 2>err)
rc=$?
if [ $rc -eq 1 ] && grep -q "cannot write 'rep.csv': File too large" err && [ -z "$(tmp_left .)" ] && [ ! -e rep.csv ]; then
    ok "pk report -o under ulimit -f: EFBIG named, exit 1, no temporary left"
else not_ok "pk report -o under ulimit -f (exit $rc)"; diag err; fi
done_testing
