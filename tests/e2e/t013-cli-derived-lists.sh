#!/bin/bash
# Lists of names are derived, not typed (issue 13 item 5): every message and usage text that
# lists models or the kernels of a model says exactly what 'pk list' says. And pk run and its
# runners check the values pk passes on with one check each, so they refuse a value with the
# same words (issue 13 item 4).
. "$(dirname "$0")/lib.sh"

"$PK" list >"$TMP/list" 2>&1
models=$(awk '/^models/ {on = 1; next} /^$/ {on = 0} on && /^  [a-z]/ {print $1}' "$TMP/list" | tr '\n' ' ')
kernels=$(awk '/^  [a-z]/ && !m {print $1} /^models/ {m = 1}' "$TMP/list" | tr '\n' ' ')
# the kernels that have the hybrid model: pk list's "kernels:" line under hybrid
hybrid=$(awk '/^  hybrid/ {h = 1; next} /^  [a-z]/ {h = 0} h && /kernels:/ {sub(/.*kernels: */, ""); sub(/ *\(.*/, ""); print}' "$TMP/list")
[ -n "$models" ] && [ -n "$kernels" ] && [ -n "$hybrid" ] && ok "pk list names models ($models), kernels and hybrid's kernels ($hybrid)" ||
    { not_ok "pk list: models '$models', hybrid '$hybrid'"; diag "$TMP/list"; }
# words: the names in a list such as "a, b and c" or "a,b,c", one per line -> "a b c "
words() { sed 's/ and /,/g; s/ or /,/g; s/, */,/g' | tr ',' '\n' | sed '/^$/d' | tr '\n' ' '; }

"$PK" run -m cuda >"$TMP/out" 2>"$TMP/err"
got=$(sed -n "s/^pk: unknown model 'cuda' (models: \(.*\))$/\1/p" "$TMP/err" | words)
[ "$got" = "$models" ] && ok "the unknown model message lists exactly pk list's models" ||
    { not_ok "unknown model lists '$got', pk list '$models'"; diag "$TMP/err"; }

"$PK" run --help >"$TMP/help"
got=$(grep -- '--models LIST' "$TMP/help" | sed 's/.*LIST *//; s/ or all.*//' | words)
[ "$got" = "$models" ] && ok "pk run --help: -m lists exactly pk list's models" ||
    { not_ok "pk run --help -m lists '$got', pk list '$models'"; diag "$TMP/help"; }

# pk-run's usage: the models it runs, then those that run through pk-mpi (and through another
# runner, pk-python): together, every model
"$PK_RUN" --help >"$TMP/help"
got=$(sed -n 's/^MODEL is \(.*\); \(.*\) runs\{0,1\} through pk-mpi\(.*\)\.$/\1,\2\3/p' "$TMP/help" |
    sed 's/ \(runs\{0,1\} \)\{0,1\}through pk-[a-z]*//g' | words)
[ "$got" = "$models" ] && ok "pk-run --help names every model, its own and pk-mpi's" ||
    { not_ok "pk-run --help names '$got', pk list '$models'"; diag "$TMP/help"; }
"$PK_RUN" pi cuda 1 10 >"$TMP/out" 2>"$TMP/err"
got=$(sed -n "s/^pk-run: unknown model 'cuda' (one of \(.*\))$/\1/p" "$TMP/err" | words)
[ -n "$got" ] && case " $models" in *" $got"*) true ;; *) false ;; esac &&
    ok "pk-run's unknown model message lists pk list's models in order, those it runs ($got)" ||
    { not_ok "pk-run lists '$got'"; diag "$TMP/err"; }

"$PK" run stream -m hybrid >"$TMP/out" 2>"$TMP/err"
got=$(sed -n 's/^pk: none of the kernels to run has a hybrid model (\(.*\) do)$/\1/p' "$TMP/err" | words)
[ "$got" = "$hybrid " ] && ok "-m hybrid on a kernel without it names hybrid's kernels of pk list" ||
    { not_ok "names '$got', pk list '$hybrid '"; diag "$TMP/err"; }
if "$PK" list --loc >"$TMP/loc" 2>"$TMP/err"; then
    got=$(sed -n 's/^-: the kernel has no such model (hybrid: \(.*\))$/\1/p' "$TMP/loc" | words)
    [ "$got" = "$hybrid " ] && ok "pk list --loc's note names hybrid's kernels of pk list" ||
        { not_ok "pk list --loc names '$got', pk list '$hybrid '"; diag "$TMP/loc"; }
else
    skip "pk list --loc's note names hybrid's kernels" "no kernel sources"
fi

# a missing launcher names the model asked for, not always mpi
refuses "-m hybrid with a missing launcher names hybrid" "cannot run the hybrid model" \
    "$PK" run pi -m hybrid --launcher /nonexistent/mpirun

# pk and its runner refuse a value with the same words (one check in runner.c for both)
for opt in "-r 0" "-w -1" "--seed -1" "--bind far" "--pages giant" "--until-ci abc" \
    "--until-ci 200" "--threads 0"; do
    # shellcheck disable=SC2086 # the option and its value are two words
    "$PK" run pi -m serial -c S $opt >/dev/null 2>"$TMP/pk"
    # shellcheck disable=SC2086
    "$PK_RUN" pi serial 1 100 $opt >/dev/null 2>"$TMP/runner"
    a=$(sed 's/^pk: //' "$TMP/pk") b=$(sed 's/^pk-run: //' "$TMP/runner")
    [ -n "$a" ] && [ "$a" = "$b" ] && ok "$opt: pk and pk-run say '$a'" ||
        { not_ok "$opt: pk says '$a', pk-run '$b'"; }
done
done_testing
