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
done_testing
