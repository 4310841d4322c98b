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
