#!/bin/bash
# make install: pk, its runners, the man page and the hpc/ files; the installed submit finds
# the installed pk; pk.1 renders cleanly and names every command and option of the help texts.
. "$(dirname "$0")/lib.sh"
unset PK_RESULTS PK_SITE PK_PRESET PK_HPC
DEST=$TMP/dest
PREFIX=/opt/pk

if make -s -C "$TOP" install PREFIX=$PREFIX DESTDIR="$DEST" >"$TMP/out" 2>"$TMP/err"; then
    ok "make install DESTDIR=... PREFIX=$PREFIX"
else
    not_ok "make install"
    diag "$TMP/err"
fi
R=$DEST$PREFIX
missing=""
for f in bin/pk bin/pk-run share/man/man1/pk.1 share/parkernels/hpc/README.md \
    share/parkernels/hpc/submit share/parkernels/hpc/slurm/lib.sh \
    share/parkernels/hpc/presets/generic.sh share/parkernels/hpc/plans/class-S.txt \
    share/parkernels/hpc/testing/cluster; do
    [ -f "$R/$f" ] || missing="$missing $f"
done
for f in "$TOP"/hpc/slurm/*.sbatch; do
    [ -x "$R/share/parkernels/hpc/slurm/${f##*/}" ] || missing="$missing ${f##*/}"
done
if mpi_available; then [ -x "$R/bin/pk-mpi" ] || missing="$missing bin/pk-mpi"; fi
[ -z "$missing" ] && ok "installed: programs, pk.1, hpc scripts, presets, plans" || not_ok "not installed:$missing"
"$R/bin/pk" list >/dev/null 2>&1 && ok "the installed pk runs" || not_ok "the installed pk runs"

"$R/share/parkernels/hpc/submit" --dry-run sweep "$R/share/parkernels/hpc/plans/class-S.txt" >"$TMP/dry" 2>"$TMP/err"
grep -q "^sbatch --array=1-10 --export=ALL,PK=$R/bin/pk,PK_HPC=$R/share/parkernels/hpc," "$TMP/dry" &&
    ok "the installed submit uses the installed pk and scripts" || { not_ok "installed submit"; diag "$TMP/dry"; diag "$TMP/err"; }

# an installed batch script finds lib.sh beside the installed pk
PK=$R/bin/pk "$R/share/parkernels/hpc/slurm/node-scaling.sbatch" --class Q >"$TMP/out" 2>"$TMP/err"
[ $? -eq 2 ] && grep -q "unknown class 'Q'" "$TMP/err" && ok "an installed script finds its lib.sh" ||
    { not_ok "an installed script finds its lib.sh"; diag "$TMP/err"; }

MAN=$R/share/man/man1/pk.1
if command -v groff >/dev/null; then
    groff -man -ww -z "$MAN" 2>"$TMP/err" && [ ! -s "$TMP/err" ] && ok "pk.1 renders without warnings" ||
        { not_ok "pk.1 renders without warnings"; diag "$TMP/err"; }
else
    skip "pk.1 renders without warnings" "no groff"
fi
# every command of 'pk --help' and every long option of each command's help is in pk.1
commands=$("$PK" --help | awk '/^commands:/ { on = 1; next } on && !NF { exit } on { print $1 }')
absent=""
words=""
for c in $commands; do
    grep -qx "\.B $c" "$MAN" || absent="$absent $c" # its entry in COMMANDS
    words="$words $("$PK" "$c" --help 2>/dev/null | grep -oE -- '--[a-z][a-z-]+' | sort -u)"
done
for w in $words; do
    roff=$(printf '%s' "$w" | sed 's/-/\\\\-/g')
    grep -q -- "$roff" "$MAN" || absent="$absent $w"
done
words="$commands $words"
[ -z "$absent" ] && ok "pk.1 names every command and option of the help texts ($(echo $words | wc -w))" ||
    not_ok "pk.1 lacks:$absent"
done_testing
