#!/bin/bash
# Kernels ask their case ("my local range", "my workers here"), never which model runs: no
# kernels/*/kernel.c or kernel.h names a model (PK_MPI, PK_FORK, ...), reads c->model or calls
# pk_model_*. The model names come from the PK_MODELS list in runtime/model.h, so a new model is
# covered without editing this test. The answers live in harness/case.c (pk_case_local_range,
# pk_case_local_workers, pk_case_distributed, ...) from the model's facts in runtime/model.c.
. "$(dirname "$0")/lib.sh"
names=$(sed -n 's/^ *X(\([A-Z][A-Z0-9_]*\), *[a-z].*/\1/p' "$TOP/runtime/model.h")
count=$(echo "$names" | grep -c .)
if [ "$count" -ge 6 ] && echo "$names" | grep -qx SERIAL && echo "$names" | grep -qx MPI; then
    ok "runtime/model.h lists $count models ($(echo $names))"
else
    not_ok "could not read the model list from runtime/model.h (found: $(echo $names))"
fi
files=$(ls "$TOP"/kernels/*/kernel.c "$TOP"/kernels/*/kernel.h 2>/dev/null)
nfiles=$(echo "$files" | grep -c .)
[ "$nfiles" -ge 10 ] && ok "$nfiles kernel.c and kernel.h files to check" ||
    not_ok "found only $nfiles kernel.c and kernel.h files"
pattern="\\bPK_($(echo $names | tr ' ' '|'))\\b|(->|\\.)model\\b|\\bpk_model_[a-z_]+"
# shellcheck disable=SC2086
if grep -nE "$pattern" $files >"$TMP/hits"; then
    not_ok "$(wc -l <"$TMP/hits") lines of kernels/*/kernel.[ch] test the model instead of asking the case"
    sed "s|^$TOP/||" "$TMP/hits" | diag
else
    ok "no kernel.c or kernel.h names a model, reads c->model or calls pk_model_*"
fi
done_testing
