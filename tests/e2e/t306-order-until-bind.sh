#!/bin/bash
# --until-ci stops between 6 reps and the cap; --order random still verifies and merges reps;
# --bind close pins workers to distinct CPUs and records them.
. "$(dirname "$0")/lib.sh"

check "--until-ci" "$PK" run polysum -n 1e6 -m serial -r 40 --until-ci 20 -q --format csv
reps=$(awk -F, 'NR > 1' "$TMP/out" | wc -l)
[ "$reps" -ge 6 ] && [ "$reps" -le 40 ] && ok "until-ci stopped after $reps reps (6..40)" || not_ok "until-ci reps $reps"
refuses "--until-ci needs grouped order" "--until-ci" "$PK" run polysum -c S --until-ci 5 --order random
check "--order random" "$PK" run polysum -c S -m serial,threads,fork -p 2 -r 3 -q --order random --format csv
[ "$(awk -F, 'NR > 1 && $8 == "ok"' "$TMP/out" | wc -l)" -eq 9 ] && ok "random order: 3 reps each, all ok" \
    || { not_ok "random order rows"; diag "$TMP/out"; }
# a configuration's figure (rate) is the kernel's at the median of all its reps, whichever
# processes ran them: stream's 24 n bytes / median, spawn's median / n microseconds a round
check "--order interleave: figures" "$PK" run stream spawn -c S -m serial,threads -p 2 -r 7 -w 0 -q --order interleave --format csv
bad=$(awk -F, 'NR > 1 { k = $1 " " $2 " " $3; n[k] = $4; t[k] = t[k] " " $13; rate[k] = $14 }
    END { for (k in t) { c = split(substr(t[k], 2), v, " ")
        for (i = 2; i <= c; i++) { x = v[i] + 0; for (j = i - 1; j > 0 && v[j] + 0 > x; j--) v[j + 1] = v[j]; v[j + 1] = x }
        m = v[(c + 1) / 2]
        want = (k ~ /^stream/) ? 24 * n[k] / m / 1e9 : m * 1e6 / n[k]
        if (rate[k] < want * 0.999 || rate[k] > want * 1.001) print k ": " rate[k] " for " want } }' "$TMP/out")
[ -z "$bad" ] && ok "interleaved reps: each figure is taken at the median of all reps" \
    || { not_ok "figures not at the merged median: $bad"; diag "$TMP/out"; }
cores=$(nproc)
if [ "$cores" -ge 2 ]; then
    check "--bind close" "$PK" run polysum -c S -m threads,fork -p 2 -r 1 -q --bind close --format csv
    [ "$(awk -F, 'NR > 1 {print $19}' "$TMP/out" | sort -u)" = "0|1" ] \
        && ok "threads and fork workers pinned to CPUs 0 and 1" || { not_ok "pinned workers"; diag "$TMP/out"; }
else
    skip "pinned workers" "one core"
fi
refuses "unknown bind" "'everywhere'" "$PK" run polysum -c S --bind everywhere
done_testing
