#!/bin/bash
# Help and listings: exit 0, say what they should; no command at all is a usage error.
. "$(dirname "$0")/lib.sh"

check "pk --help" "$PK" --help
grep -q "usage: pk COMMAND" "$TMP/out" && ok "pk --help shows the usage" || not_ok "pk --help shows the usage"
# every model pk list knows is named in pk --help
"$PK" --help >"$TMP/help" 2>&1
unnamed=""
for m in $("$PK" list | awk '/^models/ {on = 1; next} /^$/ {on = 0} on && /^  [a-z]/ {print $1}'); do
    grep -qw -- "$m" "$TMP/help" || unnamed="$unnamed $m"
done
[ -z "$unnamed" ] && ok "pk --help names every model of pk list" || not_ok "pk --help lacks:$unnamed"
check "pk run --help" "$PK" run --help
grep -q -- "--workers" "$TMP/out" && ok "run help names --workers" || not_ok "run help names --workers"
check "pk help run" "$PK" help run
# 'pk COMMAND --help' tells more, as pk --help promises: for every command, help and version
# included, -h and --help and 'pk help COMMAND' print the same usage on stdout and exit 0
bad=""
commands=$("$PK" --help | awk '/^commands:/ {on = 1; next} on && !NF {exit} on {print $1}')
for c in $commands; do
    "$PK" help "$c" >"$TMP/want" 2>/dev/null || bad="$bad help-$c"
    for h in --help -h; do
        "$PK" "$c" "$h" >"$TMP/out" 2>"$TMP/err" && [ ! -s "$TMP/err" ] &&
            grep -q "^usage: pk $c" "$TMP/out" && cmp -s "$TMP/out" "$TMP/want" || bad="$bad $c$h"
    done
done
[ -n "$commands" ] && [ -z "$bad" ] && ok "every command takes -h and --help ($(echo $commands))" ||
    not_ok "help of:$bad"
# pk --help names the options pk itself takes
"$PK" --help >"$TMP/out" 2>&1
grep -qE -- '-h, --help' "$TMP/out" && grep -qE -- '-V, --version' "$TMP/out" &&
    ok "pk --help names -h/--help and -V/--version" || not_ok "pk --help lacks its own options"
refuses "version with an argument" "'x'" "$PK" version x
refuses "help of an unknown command" "'nope'" "$PK" help nope
check "pk list" "$PK" list
for k in $("$PK" list | awk '/^  [a-z]/ && !m {print $1} /^models/ {m=1}'); do
    "$PK" run "$k" -c S -m serial -r 1 >/dev/null 2>&1 && ok "listed kernel $k runs" || not_ok "listed kernel $k runs"
done
grep -qE "^  mpi +(available|unavailable)" "$TMP/out" && ok "pk list shows mpi availability" || not_ok "pk list shows mpi availability"
"$PK" >/dev/null 2>&1; [ $? -eq 2 ] && ok "pk without a command exits 2" || not_ok "pk without a command exits 2"
check "pk --version" "$PK" --version
# -V is --version, and both name the build: the version, the commit, the compiler and flags
"$PK" -V >"$TMP/v" 2>"$TMP/err"; rc=$?
"$PK" --version >"$TMP/version" 2>&1
[ $rc -eq 0 ] && cmp -s "$TMP/v" "$TMP/version" && grep -q '^pk (parkernels) ' "$TMP/v" &&
    grep -qE '^commit: +[0-9a-f]{7}|^commit: +unknown' "$TMP/v" && grep -qE '^compiler: +(gcc|clang) [0-9]' "$TMP/v" &&
    grep -q -- '-std=c11' "$TMP/v" && ok "pk -V is pk --version: version, commit, compiler, flags" ||
    { not_ok "pk -V (exit $rc)"; diag "$TMP/v"; diag "$TMP/err"; }
# -h/--help and -V/--version before a command are 'pk help' and 'pk version', arguments included
"$PK" help run >"$TMP/h1" 2>&1
"$PK" --help run >"$TMP/h2" 2>&1 && cmp -s "$TMP/h1" "$TMP/h2" && grep -q '^usage: pk run' "$TMP/h2" &&
    ok "pk --help run is pk help run" || { not_ok "pk --help run"; diag "$TMP/h2"; }
refuses "pk -h bogus is pk help bogus" "bogus" "$PK" -h bogus
refuses "pk -V junk is pk version junk" "junk" "$PK" -V junk
done_testing
