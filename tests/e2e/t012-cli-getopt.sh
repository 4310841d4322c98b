#!/bin/bash
# GNU option habits (issue 15 items 1 and 7): combined short flags (-qm serial, -qp2),
# unambiguous long abbreviations (--mod serial), an ambiguous one refused naming its candidates,
# -- ends the options, and an option that cannot repeat (-c, -n, --format, --timeout...) is
# refused naming it rather than the last one silently winning.
. "$(dirname "$0")/lib.sh"

# runs DESC AWK-TEST PK-ARGS...: pk exits 0 and every CSV row on stdout passes AWK-TEST
rows() {
    local desc=$1 test=$2; shift 2
    if "$PK" "$@" >"$TMP/out" 2>"$TMP/err" && [ "$(awk 'NR > 1' "$TMP/out" | wc -l)" -gt 0 ] &&
        awk -F, -v bad=0 "NR > 1 && !($test) { bad = 1 } END { exit bad }" "$TMP/out"; then
        ok "$desc"
    else
        not_ok "$desc"; diag "$TMP/err"; head -3 "$TMP/out" | diag
    fi
}

rows "-qm serial: -q and -m combined" '$1 == "pi" && $2 == "serial" && $5 == "S"' \
    run pi -qm serial -c S -r 2 --format csv
[ ! -s "$TMP/err" ] && ok "-qm: quiet (nothing on stderr)" || { not_ok "-qm: quiet"; diag "$TMP/err"; }
rows "-qp2: a value attached after a flag" '$2 == "threads" && $3 == 2' \
    run pi -qp2 -m threads -c S -r 2 --format csv
rows "--mod, --cl, --rep, --form: unambiguous abbreviations" '$2 == "serial" && $5 == "S" && $11 <= 2' \
    run pi --mod serial --cl S --rep 2 --form csv -q
rows "--mod=serial: an abbreviation with =" '$2 == "serial"' run pi --mod=serial -c S -r 1 -q --format csv
rows "--sy lock: a kernel option abbreviated" '$1 == "histogram" && $6 ~ /sync:lock/' \
    run histogram --sy lock -m serial -c S -r 1 -q --format csv
rows "-- ends the options: the kernel after it" '$1 == "pi" && $2 == "serial"' \
    run -m serial -c S -r 1 -q --format csv -- pi
"$PK" run pi -qm serial -c S -r 1 -o "$TMP/r.csv" >/dev/null 2>&1
rows "pk report --form csv: abbreviated too" '$1 == "pi"' report --form csv "$TMP/r.csv"
rows "-q twice is harmless" '$2 == "serial"' run pi -q -q -m serial -c S -r 1 --format csv

refuses "after --, a word with a dash is a kernel name" "'-q'" "$PK" run -c S -- -q
refuses "ambiguous abbreviation names --seed" "--seed" "$PK" run pi --s 3
refuses "ambiguous abbreviation names --size" "--size" "$PK" run pi --s 3
refuses "ambiguous abbreviation names what was typed" "'--s'" "$PK" run pi --s 3
refuses "an unknown flag inside a cluster is named" "'-z'" "$PK" run pi -qz
refuses "a flag given a value with =" "'--quiet'" "$PK" run pi --quiet=yes
refuses "a missing value after a cluster" "'-m'" "$PK" run pi -qm

# options that cannot repeat
refuses "-c twice" "'-c'" "$PK" run pi -c S -c W
refuses "--class then -c" "'-c'" "$PK" run pi --class S -c W
refuses "-n twice" "'--size'" "$PK" run pi -n 100 --size 200
refuses "--format twice" "'--format'" "$PK" run pi --format csv --format json
refuses "--timeout twice (one abbreviated)" "'--timeout'" "$PK" run pi --timeout 5 --tim 6
refuses "-m twice" "'-m'" "$PK" run pi -m serial -m threads
refuses "-p twice" "'-p'" "$PK" run pi -p 1 -p 2
refuses "-r twice" "'-r'" "$PK" run pi -r 3 -r 4
refuses "--until-ci twice" "'--until-ci'" "$PK" run pi --until-ci 5 --until-ci 2
refuses "the same -o file twice" "a.csv' is named twice" "$PK" run pi -o "$TMP/a.csv" -o "$TMP/a.csv"
refuses "report --format twice" "'--format'" "$PK" report --format csv --format json x.csv
[ ! -e "$TMP/a.csv" ] && ok "nothing written by a refused run" || not_ok "nothing written by a refused run"

# the usage comes from the option table: every option of it, once
"$PK" run --help >"$TMP/help"
for o in models workers threads class size reps warmup seed timeout launcher format output order \
    until-ci bind pages quiet help; do
    [ "$(grep -c -- "^ *\(-., \)\?--$o\b" "$TMP/help")" -eq 1 ] || missing="${missing:-} --$o"
done
[ -z "${missing:-}" ] && ok "pk run --help: one line per option" || not_ok "pk run --help lacks:$missing"
done_testing
