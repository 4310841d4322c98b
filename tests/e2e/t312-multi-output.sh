#!/bin/bash
# Several -o in one run (issue 15 item 1): every file is written, each whole and in the format
# its extension names, each through its own temporary file; each is probed before anything
# runs; a write error on one is named, exits 1, and does not cost the others their record.
. "$(dirname "$0")/lib.sh"

cd "$TMP" || exit 2
check "run with -o a.csv -o b.json -o c.md" \
    "$PK" run pi -c S -m serial,threads -p 2 -r 3 -q -o a.csv -o b.json -o c.md
[ "$(awk 'NR > 1' a.csv | wc -l)" -eq 6 ] && head -1 a.csv | grep -q '^kernel,model,workers' &&
    ok "a.csv: the CSV record, 2 configurations x 3 reps" || { not_ok "a.csv"; diag a.csv; }
if command -v python3 >/dev/null; then
    python3 -c 'import json, sys; d = json.load(open("b.json")); sys.exit(len(d["results"]) != 2)' &&
        ok "b.json: JSON with both configurations" || { not_ok "b.json"; head -c 600 b.json | diag; }
else
    grep -q '"results"' b.json && ok "b.json: JSON" || not_ok "b.json: JSON"
fi
grep -q '^| *serial *|' c.md && grep -q '^| *threads *|' c.md && ok "c.md: a markdown table" ||
    { not_ok "c.md: a markdown table"; diag c.md; }
"$PK" report a.csv >/dev/null 2>&1 && ok "a.csv reads back" || not_ok "a.csv reads back"
[ -z "$(ls -A | grep '\.tmp')" ] && ok "no temporary file left" || not_ok "no temporary file left"

# each -o is probed before anything runs, not only the last
ln -s /dev/full full.csv
mkdir dir.md
refuses "a bad first -o is refused before the run" "'full.csv'" "$PK" run pi -c S -o full.csv -o x.csv
refuses "a bad middle -o is refused before the run" "'dir.md'" "$PK" run pi -c S -o x.csv -o dir.md -o y.json
refuses "an unknown extension on any -o" "'x.xml'" "$PK" run pi -c S -o x.xml -o y.csv
[ ! -e x.csv ] && [ ! -e y.csv ] && [ ! -e y.json ] && ok "nothing written by a refused run" ||
    not_ok "nothing written by a refused run"

# pk report -o repeats too
check "pk report -o m.csv -o m.json" "$PK" report a.csv -o m.csv -o m.json
cmp -s <(cut -d, -f1-8 a.csv | sort) <(cut -d, -f1-8 m.csv | sort) && ok "report: m.csv holds the rows of a.csv" ||
    { not_ok "report: m.csv holds the rows of a.csv"; diff a.csv m.csv | head | diag; }
grep -q '"results"' m.json && ok "report: m.json written too" || not_ok "report: m.json written too"

# a file-size limit: each file named once, exit 1, no temporary file left
mkdir efbig && (cd efbig && ulimit -f 1 &&
    exec "$PK" run polysum pi -c S -m serial,threads -p 2 -r 5 -q -o r.csv -o r.json >/dev/null 2>err)
rc=$?
if [ $rc -eq 1 ] && [ "$(grep -c "cannot write 'r.csv': File too large" efbig/err)" -eq 1 ] &&
    [ "$(grep -c "cannot write 'r.json': File too large" efbig/err)" -eq 1 ] &&
    [ "$(wc -l <efbig/err)" -eq 2 ] && [ -z "$(ls -A efbig | grep '\.tmp')" ]; then
    ok "file-size limit: each -o named once, exit 1, no temporary file"
else
    not_ok "file-size limit (exit $rc)"; diag efbig/err; ls -A efbig | diag
fi

# a full filesystem under one of the files: that one named, the other whole, exit 1
mkdir full
if unshare -m true 2>/dev/null; then
    unshare -m sh -c 'mount -t tmpfs -o size=8k none full && \
        dd if=/dev/zero of=full/fill bs=1k count=8 2>/dev/null; \
        "$0" run pi -c S -m serial,threads -p 2 -r 2 -q -o good.csv -o full/f.csv >out 2>err; \
        echo $? >rc; ls -A full >left' "$PK"
    if [ "$(cat rc)" -eq 1 ] && [ "$(wc -l <err)" -eq 1 ] && grep -q "full/f.csv" err &&
        [ "$(cat left)" = fill ] && [ "$(awk 'NR > 1' good.csv | wc -l)" -eq 4 ] &&
        "$PK" report good.csv >/dev/null 2>&1; then
        ok "full disk under one -o: named once, exit 1, the other file whole"
    else
        not_ok "full disk under one -o (exit $(cat rc); left: $(cat left))"; diag err
    fi
else
    skip "full disk under one -o" "no mount namespace here (unshare -m)"
fi
done_testing
