#!/bin/bash
# make uninstall removes exactly what make install put (and nothing a user left beside it);
# the installed bash completion completes subcommands, kernels, models and options from the
# pk it completes.
. "$(dirname "$0")/lib.sh"
DEST=$TMP/dest
PREFIX=/opt/pk
R=$DEST$PREFIX
mkdir -p "$R/bin" "$R/share/doc"
echo keep >"$R/bin/other-tool"
echo keep >"$R/share/doc/other"

if make -s -C "$TOP" install PREFIX=$PREFIX DESTDIR="$DEST" >"$TMP/out" 2>"$TMP/err"; then
    ok "make install"
else
    not_ok "make install"; diag "$TMP/err"
fi
C=$R/share/bash-completion/completions/pk
[ -f "$C" ] && ok "bash completion installed under share/bash-completion/completions" ||
    not_ok "no $C"

# the completion, loaded into a non-interactive bash, asked as bash asks it
complete_words() { # WORD... : the words typed, the last one being completed
    PKC=$C bash -c '. "$PKC"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _pk
        printf "%s\n" "${COMPREPLY[@]}"' complete "$@"
}
if [ -f "$C" ]; then
    got=$(complete_words "$R/bin/pk" r | sort | tr '\n' ' ')
    [ "$got" = "report run " ] && ok "completes subcommands (r: $got)" || not_ok "subcommands: '$got'"
    got=$(complete_words "$R/bin/pk" run st | sort | tr '\n' ' ')
    [ "$got" = "stencil stream " ] && ok "completes kernels (st: $got)" || not_ok "kernels: '$got'"
    got=$(complete_words "$R/bin/pk" run -m serial,th | tr '\n' ' ')
    [ "$got" = "serial,threads " ] && ok "completes a model list after a comma" || not_ok "models: '$got'"
    got=$(complete_words "$R/bin/pk" run --ti | sort | tr '\n' ' ')
    [ "$got" = "--timeout " ] && ok "completes run's options (--ti: $got)" || not_ok "options: '$got'"
    got=$(complete_words "$R/bin/pk" run -c "" | tr '\n' ' ')
    [ "$got" = "S W A B C " ] && ok "completes classes" || not_ok "classes: '$got'"
else
    for i in 1 2 3 4 5; do not_ok "completion (not installed)"; done
fi

make -s -C "$TOP" uninstall PREFIX=$PREFIX DESTDIR="$DEST" >"$TMP/out" 2>"$TMP/err" &&
    ok "make uninstall" || { not_ok "make uninstall"; diag "$TMP/err"; }
left=$(cd "$DEST" && find . -type f | sort | tr '\n' ' ')
[ "$left" = "./opt/pk/bin/other-tool ./opt/pk/share/doc/other " ] &&
    ok "uninstall left only the user's files" || not_ok "left after uninstall: $left"
[ ! -e "$R/share/parkernels" ] && ok "share/parkernels is gone" || not_ok "share/parkernels left"
done_testing
