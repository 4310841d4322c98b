#!/bin/bash
# The bash completion offers the values of pk run's options that take a word from a fixed set,
# --pages included (it was missing), and each value it offers is one pk run accepts.
. "$(dirname "$0")/lib.sh"

C=$TOP/drivers/pk.bash-completion
complete_words() { # WORD... : the words typed, the last one being completed
    PKC=$C bash -c '. "$PKC"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _pk
        printf "%s\n" "${COMPREPLY[@]}"' complete "$@"
}
for opt in --pages --bind --order --format; do
    got=$(complete_words "$PK" run "$opt" "" | tr '\n' ' ')
    bad=""
    for v in $got; do
        "$PK" run pi -m serial -c S -r 1 -q "$opt" "$v" >/dev/null 2>"$TMP/err" ||
            bad="$bad $v($(cat "$TMP/err"))"
    done
    [ -n "$got" ] && [ -z "$bad" ] && ok "completes $opt with values pk run takes: $got" ||
        not_ok "$opt completes '$got'; refused:$bad"
done
# every option offered after '-' is one its command knows (the help's prose named mpirun's
# --oversubscribe and list's --loc under show); --help everywhere; kernel options under run
for cmd in run list report compare plot show info version help; do
    got=$(complete_words "$PK" "$cmd" - | tr '\n' ' ')
    bad=""
    for o in $got; do
        PK_RUNNER_DIR=/nonexistent timeout 20 "$PK" "$cmd" "$o" </dev/null >/dev/null 2>"$TMP/err"
        grep -qE "unknown option|takes no arguments" "$TMP/err" && bad="$bad $o"
    done
    case " $got " in *" --help "*) ;; *) bad="$bad (no --help)" ;; esac
    [ -n "$got" ] && [ -z "$bad" ] && ok "pk $cmd -<TAB>: options it knows ($(echo $got | wc -w))" ||
        not_ok "pk $cmd -<TAB> offers '$got'; unknown:$bad"
done
got=$(complete_words "$PK" run - | tr '\n' ' ')
case " $got " in *" --sweeps "*) case " $got " in *" --sync "*) ok "run offers the kernel options" ;;
    *) not_ok "run offers no --sync: $got" ;; esac ;;
*) not_ok "run offers no --sweeps: $got" ;; esac
got=$(complete_words "$PK" run --sync "" | tr '\n' ' ')
bad=""
for v in $got; do
    "$PK" run histogram -m serial -c S -r 1 -q --sync "$v" >/dev/null 2>"$TMP/err" || bad="$bad $v"
done
[ -n "$got" ] && [ -z "$bad" ] && ok "completes --sync with values pk run takes: $got" ||
    not_ok "--sync completes '$got'; refused:$bad"
done_testing
