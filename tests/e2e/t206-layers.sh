#!/bin/sh
# The folders are layers (README, "Layout"): drivers -> report, launch, show -> harness ->
# kernels -> runtime. A file may include headers of its own layer and the layers below it,
# never above; the runtime includes nothing of the project outside runtime/. Also: no source
# file outside tests/ over 450 lines, and no kernel that tests which model runs.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 1

rank() {
    case $1 in
    runtime) echo 0 ;; kernels) echo 1 ;; harness) echo 2 ;;
    report | launch | show) echo 3 ;; drivers) echo 4 ;; *) echo 9 ;;
    esac
}
# the layer (top folder) that holds header $1, or "none"
layer_of() {
    for d in runtime kernels harness report launch show drivers; do
        [ -e "$d/$1" ] && { echo "$d"; return; }
    done
    if [ -n "$(find kernels runtime harness -name "$1" 2>/dev/null | head -1)" ]; then
        find kernels runtime harness -name "$1" | head -1 | cut -d/ -f1
    else echo none; fi
}

: >"$TMP/against"
for f in $(find runtime kernels harness report launch show drivers -name '*.[ch]' | sort); do
    top=${f%%/*}
    r=$(rank "$top")
    for h in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
        case $h in kernel.h | version.h | */*) continue ;; esac # a kernel's own; generated
        d=$(layer_of "$h")
        [ "$d" = none ] && continue
        [ "$(rank "$d")" -gt "$r" ] && echo "$f includes $d/$h" >>"$TMP/against"
    done
done
if [ -s "$TMP/against" ]; then
    not_ok "every include goes down the layers ($(wc -l <"$TMP/against") go up)"
    diag "$TMP/against"
else
    ok "every include goes down the layers (drivers > report, launch, show > harness > kernels > runtime)"
fi

# The check itself sees a file that includes upwards.
mkdir -p "$TMP/fake/runtime" "$TMP/fake/harness"
printf '#include "case.h"\n' >"$TMP/fake/runtime/x.c"
: >"$TMP/fake/harness/case.h"
(cd "$TMP/fake" && h=$(sed -n 's/^#include "\([^"]*\)".*/\1/p' runtime/x.c) && [ -e "harness/$h" ] &&
    [ "$(rank harness)" -gt "$(rank runtime)" ]) &&
    ok "an include from runtime/ of a harness header counts as going up" ||
    not_ok "the layer rule did not see runtime/x.c including harness/case.h"

long=$(find runtime kernels harness report launch show drivers bench hpc \( -name '*.[ch]' -o \
    -name '*.py' \) -exec wc -l {} + | awk '$2 != "total" && $1 > 450 {print $2 " (" $1 " lines)"}')
if [ -z "$long" ]; then ok "no source file outside tests/ is over 450 lines"; else
    not_ok "source files over 450 lines: $(echo $long)"; fi

tests=$(grep -nE '\bPK_(SERIAL|OPENMP|THREADS|FORK|MPI|HYBRID)\b' kernels/*/kernel.[ch] || true)
if [ -z "$tests" ]; then ok "no kernel.c or kernel.h tests which model runs"; else
    not_ok "kernels test the model: $tests"; fi

done_testing
