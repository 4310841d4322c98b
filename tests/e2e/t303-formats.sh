#!/bin/bash
# --format and -o by extension: JSON that parses with its context, Markdown, tables; an
# unknown extension is refused before anything runs.
. "$(dirname "$0")/lib.sh"

check "json to stdout" "$PK" run polysum -c S -m serial,threads -p 2 -r 6 -q --format json
cp "$TMP/out" "$TMP/r.json"
if command -v python3 >/dev/null; then
    python3 - "$TMP/r.json" >"$TMP/py" 2>&1 <<'PY' && ok "json parses: schema, context, results, reps" || { not_ok "json parses"; diag "$TMP/py"; }
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema_version"] == 1
for key in ("date", "host", "cpu", "cores", "compiler", "flags", "commit"):
    assert key in d["context"], key
assert len(d["results"]) == 2
for r in d["results"]:
    assert r["status"] == "ok" and len(r["times_s"]) == 6
    assert r["summary"]["ci_lo"] <= r["summary"]["median"] <= r["summary"]["ci_hi"]
PY
else
    skip "json parses" "no python3"
fi
# pk report's JSON carries the context keys of the CSV rows, and says that is all it has
"$PK" run polysum -c S -m serial -r 2 -q -o "$TMP/r.csv" >/dev/null 2>&1
check "report --format json" "$PK" report "$TMP/r.csv" --format json
if command -v python3 >/dev/null; then
    python3 - "$TMP/out" "$(hostname)" >"$TMP/py" 2>&1 <<'PY' && ok "report json: the rows' context" || { not_ok "report json context"; diag "$TMP/py"; }
import json, sys
c = json.load(open(sys.argv[1]))["context"]
assert "results file" in c["source"], c
assert c["host"] == sys.argv[2].split(".")[0] or c["host"] == sys.argv[2], c
assert c["run"] and c["commit"], c
PY
else
    skip "report json: the rows' context" "no python3"
fi
check "-o .md" "$PK" run polysum -c S -m serial -r 2 -q -o "$TMP/r.md"
grep -q "^| model | p | median" "$TMP/r.md" && ok "markdown table" || { not_ok "markdown table"; diag "$TMP/r.md"; }
check "-o .json" "$PK" run polysum -c S -m serial -r 2 -q -o "$TMP/o.json"
grep -q '"schema_version": 1' "$TMP/o.json" && ok "json file" || not_ok "json file"
# each result names the CPU model and usable cores that measured it (pk info's here)
cpu=$("$PK" info | awk '$1 == "cpu" { $1 = ""; sub(/^ +/, ""); print; exit }')
cores=$("$PK" info | awk '$1 == "cores" { print $2; exit }')
grep -qF "\"cpu_model\": \"$cpu\", \"cores\": $cores, " "$TMP/o.json" &&
    ok "json results: cpu_model '$cpu', cores $cores" || { not_ok "json cpu_model and cores"; diag "$TMP/o.json"; }
refuses "unknown extension" "out.xyz" "$PK" run polysum -c S -o "$TMP/out.xyz"
check "pk info" "$PK" info
grep -q "compiler" "$TMP/out" && grep -q "cores" "$TMP/out" && ok "info shows the context" || not_ok "info shows the context"
done_testing
