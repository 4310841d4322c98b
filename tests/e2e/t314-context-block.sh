#!/bin/bash
# The context block (issue 15 item 3): pk run's table starts with host, date, commit, cpu,
# cores, memory, compiler, flags, MPI, OpenMP settings and load, as Google Benchmark's does; -q
# leaves it out of stdout (not out of -o files); Markdown carries the same keys, JSON's context
# holds every one of them; pk report of CSV files shows the keys the files carry and says
# what CSV does not keep. Values come from this machine (pk info) or from the files themselves.
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1

# block FILE: the block's "key: value" pairs, one per line, from its first line to its first
# blank line (the table's); text has "  " items, Markdown "- " items with `values`
block() {
    awk 'NR == 1 { next } /^$/ { if (NR > 2) exit; next }
        { sub(/^(  |- )/, ""); n = split($0, kv, "; "); for (i = 1; i <= n; i++) print kv[i] }' "$1" |
        tr -d '`'
}
keys() { block "$1" | sed 's/: .*//' | sort; }
value() { block "$1" | awk -v k="$2" 'index($0, k ": ") == 1 { print substr($0, length(k) + 3) }'; }

# 1. the table starts with the block; an OMP_* variable shows, a control byte in it as '?'
OMP_PK_T314=$'a\033[2Jb' "$PK" run polysum -c S -m serial,threads -p 2 -r 2 -o r.json >run.txt 2>err
rc=$?
head -1 run.txt | grep -q '^context: ' && ok "pk run's table starts with a context block (exit $rc)" ||
    { not_ok "context block first (exit $rc)"; diag run.txt err; }
n=$(awk 'NR > 1 && /^$/ { print NR - 1; exit }' run.txt)
[ "${n:-99}" -ge 6 ] && [ "${n:-99}" -le 10 ] && ok "the block is short: $n lines" ||
    { not_ok "block of 6 to 10 lines, not ${n:-?}"; diag run.txt; }
sed -n "$((${n:-1} + 2))p" run.txt | grep -q '^polysum (' && ok "the table follows the block" ||
    { not_ok "table after the block"; diag run.txt; }
missing=""
for k in host date commit cpu cores memory compiler flags openmp load; do
    [ -n "$(value run.txt "$k")" ] || missing="$missing $k"
done
keys run.txt | grep -q '^mpi' || missing="$missing mpi*"
[ -z "$missing" ] && ok "block names host, date, commit, cpu, cores, memory, compiler, flags, mpi, openmp, load" ||
    { not_ok "block lacks:$missing"; diag run.txt; }
"$PK" info >info.txt 2>&1
info() { awk -v k="$1" '$1 == k { $1 = ""; sub(/^ +/, ""); print; exit }' info.txt; }
bad=""
for k in host cpu cores compiler flags commit; do
    [ "$(value run.txt "$k")" = "$(info "$k")" ] || bad="$bad $k"
done
[ -z "$bad" ] && ok "block values are pk info's (host, cpu, cores, compiler, flags, commit)" ||
    { not_ok "block differs from pk info:$bad"; diag run.txt info.txt; }
[ "$(value run.txt OMP_PK_T314)" = 'a?[2Jb' ] && ok "OMP_* variable shown, control byte as '?'" ||
    { not_ok "OMP_PK_T314 in the block"; diag run.txt; }
value run.txt load | grep -qE '^[0-9]+\.[0-9]{2} [0-9]+\.[0-9]{2} [0-9]+\.[0-9]{2}$' &&
    ok "load average: three numbers" || { not_ok "load"; diag run.txt; }
cores=$(info cores | sed "s/ .*//")
value run.txt "cpus busy" | grep -qE "^[0-9]+\.[0-9]{2} of $cores usable, just before the run\$" &&
    ok "cpus busy: a count of the usable CPUs" || { not_ok "cpus busy"; diag run.txt; }

# 2. Markdown has the same block; JSON's context holds every key of it, with the same values
OMP_PK_T314=x "$PK" run polysum -c S -m serial,threads -p 2 -r 2 --format markdown -o r2.json >r.md 2>err
[ "$(keys run.txt)" = "$(keys r.md)" ] && head -1 r.md | grep -q '^Context: ' &&
    ok "Markdown export starts with the same keys" || { not_ok "Markdown block"; diag r.md; }
if command -v python3 >/dev/null; then
    block run.txt >pairs.txt
    python3 - r.json pairs.txt >py 2>&1 <<'PY' && ok "JSON context holds every key of the block, same values" || { not_ok "JSON context"; diag py; }
import json, sys
c = json.load(open(sys.argv[1]))["context"]
for line in open(sys.argv[2]):
    k, v = line.rstrip("\n").split(": ", 1)
    if k == "OMP_*":
        assert not any(x.startswith("OMP_") for x in c), c
        continue
    if k == "OMP_PK_T314":
        v = "a\x1b[2Jb"
    assert c.get(k) == v, (k, v, c.get(k))
PY
else
    skip "JSON context holds every key of the block" "no python3"
fi

# 3. -q: no block on stdout; a table written with -o keeps it
"$PK" run polysum -c S -m serial -r 1 -q -o q.txt >quiet.txt 2>err
grep -q 'context' quiet.txt && { not_ok "-q leaves the block out"; diag quiet.txt; } ||
    ok "-q leaves the block out of stdout"
head -1 q.txt | grep -q '^context: ' && ok "-o FILE.txt keeps the block under -q" ||
    { not_ok "-o FILE.txt block"; diag q.txt; }
"$PK" run polysum -c S -m serial -r 1 -q --format markdown >quiet.md 2>err
grep -qi 'context' quiet.md && { not_ok "-q --format markdown leaves the block out"; diag quiet.md; } ||
    ok "-q --format markdown leaves the block out of stdout"

# 4. an mpi run names the MPI library it linked, the one its rows record
if mpi_available; then
    "$PK" run polysum -c S -m serial,mpi -p 2 -r 1 -o m.csv >mpi.txt 2>err
    lib=$(awk -F, '{ sub(/\r$/, ""); gsub(/"/, "") } NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
        $c["mpi"] != "-" { print $c["mpi"]; exit }' m.csv)
    [ -n "$lib" ] && [ "$(value mpi.txt "mpi library")" = "$lib" ] &&
        ok "mpi library in the block: $lib" || { not_ok "mpi library '$lib'"; diag mpi.txt; }
else
    skip "mpi library in the block" "no pk-mpi or mpirun"
fi

# 5. pk report of files: the keys the files carry, their values, and what CSV does not keep
"$PK" run polysum -c S -m serial -r 1 -q -o a.csv >/dev/null 2>&1
"$PK" run polysum -c S -m threads -p 2 -r 1 -q --bind close -o b.csv >/dev/null 2>&1
"$PK" report a.csv b.csv >rep.txt 2>err
col() { awk -F, -v k="$1" '{ sub(/\r$/, ""); gsub(/"/, "") } NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } { print $c[k] }' "$2" | sort -u; }
head -1 rep.txt | grep -q '^context: pk report of 2 results files; CSV keeps only these keys' &&
    head -1 rep.txt | grep -q '(pk run -o FILE.json keeps memory, compiler, flags, OpenMP, load)' &&
    ok "report's block says what CSV keeps and what it does not" || { not_ok "report heading"; diag rep.txt; }
bad=""
[ "$(value rep.txt host)" = "$(col host a.csv)" ] || bad="$bad host"
[ "$(value rep.txt run)" = "$(col run a.csv), $(col run b.csv)" ] || bad="$bad run"
[ "$(value rep.txt options)" = "$(col options a.csv), $(col options b.csv)" ] || bad="$bad options"
[ "$(value rep.txt pages)" = "$(col pages a.csv)" ] || bad="$bad pages"
[ -n "$(value rep.txt commit)" ] || bad="$bad commit"
# the CPU model and usable cores: pk run recorded this machine's (pk info's) in the files
[ "$(value rep.txt cpu)" = "$(col cpu_model a.csv)" ] && [ "$(col cpu_model b.csv)" = "$(info cpu)" ] ||
    bad="$bad cpu"
[ "$(value rep.txt cores)" = "$(col cores a.csv)" ] && [ "$(col cores b.csv)" = "$(info cores | cut -d' ' -f1)" ] ||
    bad="$bad cores"
[ -z "$(value rep.txt compiler)" ] || bad="$bad (this machine's compiler)"
[ -z "$bad" ] && ok "report's block: the files' host, run, commit, cpu, cores, options, pages" ||
    { not_ok "report's block:$bad"; diag rep.txt; }
"$PK" report a.csv b.csv --format markdown >rep.md 2>err
[ "$(keys rep.txt)" = "$(keys rep.md)" ] && ok "report's Markdown: the same keys" ||
    { not_ok "report's Markdown block"; diag rep.md; }
done_testing
