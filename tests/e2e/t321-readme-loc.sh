#!/bin/bash
# README's lines-of-code table is what 'pk list --loc' counts now (make readme-loc writes it).
. "$(dirname "$0")/lib.sh"
awk '/^<!-- loc: generated/ {on = 1; next} /^<!-- loc: end/ {on = 0} on' "$TOP/README.md" >"$TMP/readme"
env -u PK_SOURCE_DIR "$PK" list --loc 2>"$TMP/err" |
    awk '/^kernel / {on = 1} on {print "    " $0} /^median / {exit}' >"$TMP/now"
if [ -s "$TMP/readme" ] && cmp -s "$TMP/readme" "$TMP/now"; then
    ok "README's lines-of-code table matches pk list --loc"
else
    not_ok "README's lines-of-code table is stale: run 'make readme-loc'"
    diff "$TMP/readme" "$TMP/now" | diag
fi
# every kernel folder explains itself
missing=""
for d in "$TOP"/kernels/*/; do [ -f "$d/README.md" ] || missing="$missing $(basename "$d")"; done
[ -z "$missing" ] && ok "every kernel folder has a README.md" || not_ok "no README.md in:$missing"
done_testing
