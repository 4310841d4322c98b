#!/bin/bash
# hpc/submit keeps to sbatch's habits (issue 15 item 9): its own options are long only; sbatch's
# own go before the script, ended by --, and reach sbatch as given; the old short options get
# one line naming the new form; every hpc/submit example in the docs is accepted. And a batch
# script submitted from outside the checkout names the variable that fixes it (PK).
. "$(dirname "$0")/lib.sh"
HPC=$TOP/hpc
unset PK_RESULTS PK_SITE PK_PRESET PK_HPC PK_CLASS
export PK

# --- the old short options: refused, naming the new form
refuses "-n (was the dry run)" "--dry-run" "$HPC/submit" -n node-scaling
refuses "-n with pk options after the script's --" "--dry-run" "$HPC/submit" -n node-scaling --class S -- -r 20
refuses "-p (was the partition)" "--partition" "$HPC/submit" -p compute node-scaling
refuses "-A (was the account)" "--account" "$HPC/submit" -A proj node-scaling
refuses "-t (was the time)" "--time" "$HPC/submit" -t 30 node-scaling
refuses "-N (was the nodes)" "--nodes" "$HPC/submit" -N 2 mpi-nodes
refuses "-s (was the site)" "--site" "$HPC/submit" -s generic node-scaling
refuses "-r (was the results)" "--results" "$HPC/submit" -r "$TMP/res" node-scaling
refuses "--sbatch OPTS (was more sbatch options)" "before --" "$HPC/submit" --sbatch --wait node-scaling
refuses "sbatch options with no script after their --" "no script" "$HPC/submit" --dry-run --wait --

# --- sbatch's options pass through, as given, before the script; pk run's stay after its --
"$HPC/submit" --dry-run -p compute -n 4 --qos=short -- node-scaling --class S -- -r 20 >"$TMP/dry" 2>"$TMP/err"
line=$(head -1 "$TMP/dry")
case $line in
"sbatch -p compute -n 4 --qos=short --export=ALL,PK=$PK,"*" $HPC/slurm/node-scaling.sbatch --class S -- -r 20")
    ok "sbatch's -p, -n and --qos reach sbatch; pk's -r stays the script's" ;;
*) not_ok "passed-through line: $line"; diag "$TMP/err" ;;
esac
printf 'SITE_PARTITION="big"\nSITE_SBATCH="--qos=long"\nsite_modules() { :; }\n' >"$TMP/site.sh"
"$HPC/submit" --dry-run --site "$TMP/site.sh" --wait --nodes 2 --qos=short -- mpi-nodes >"$TMP/dry" 2>"$TMP/err"
case $(head -1 "$TMP/dry") in
"sbatch --partition=big --nodes=2 --qos=long --wait --qos=short --export="*" $HPC/slurm/mpi-nodes.sbatch")
    ok "own long options among sbatch's; sbatch's come after the preset's SITE_SBATCH" ;;
*) not_ok "preset order: $(head -1 "$TMP/dry")"; diag "$TMP/err" ;;
esac
"$HPC/submit" --help >"$TMP/help" 2>&1
grep -qF "[SBATCH-OPTIONS... --] SCRIPT [SCRIPT-ARGS...] [-- PK-RUN-OPTIONS...]" "$TMP/help" &&
    grep -qF -- "--dry-run -p compute -n 4 --qos=short -- node-scaling" "$TMP/help" &&
    ! grep -qE '^ +-[a-gi-zA-Z],' "$TMP/help" &&
    ok "--help: the form, an example, no short option but -h" || { not_ok "--help"; diag "$TMP/help"; }

# --- every hpc/submit example of the docs (code lines, --help, plan comments) is accepted
bad="" n=0
while read -r line; do
    line=${line#\#}
    line=${line%%&&*}
    line=${line%%  #*}
    read -ra w <<<"$line"
    n=$((n + 1))
    (cd "$TOP" && "$HPC/submit" --dry-run "${w[@]:1}" >/dev/null 2>"$TMP/err") || bad="$bad [$line: $(cat "$TMP/err")]"
done < <(grep -hE '^ *(# *)?hpc/submit [^<]*$' "$HPC/README.md" "$TOP/README.md" "$TMP/help" "$HPC"/plans/*.txt)
[ "$n" -ge 8 ] && [ -z "$bad" ] && ok "all $n hpc/submit examples of the docs are accepted" ||
    not_ok "hpc/submit examples ($n):$bad"

# --- sbatch runs a copy of the script (slurmd's spool), from wherever it was submitted
mkdir -p "$TMP/spool" "$TMP/home" "$TMP/lone/bin"
cp "$HPC/slurm/node-scaling.sbatch" "$TMP/spool/slurm_script"
cp "$PK" "$TMP/lone/bin/pk" # a pk with no hpc/ beside it (a link would lead back to one)
mkdir -p "$TMP/linked/bin" && ln -s "$PK" "$TMP/linked/bin/pk"
if PATH=/usr/bin:/bin command -v pk >/dev/null; then
    skip "outside the checkout: the script names PK" "a pk on /usr/bin:/bin"
else
    (cd "$TMP/home" && env -i PATH=/usr/bin:/bin HOME="$TMP/home" SLURM_SUBMIT_DIR="$TMP/home" \
        bash "$TMP/spool/slurm_script" --class S >"$TMP/out" 2>"$TMP/err")
    rc=$?
    [ $rc -eq 2 ] && [ "$(wc -l <"$TMP/err")" -eq 1 ] && grep -q "set PK to the pk program" "$TMP/err" &&
        ! grep -q PK_HPC "$TMP/err" && ok "outside the checkout: one line that says to set PK" ||
        { not_ok "outside the checkout (exit $rc)"; diag "$TMP/err"; }
fi
(cd "$TMP/home" && env -i PATH=/usr/bin:/bin PK="$PK" SLURM_SUBMIT_DIR="$TMP/home" \
    bash "$TMP/spool/slurm_script" --class Q >"$TMP/out" 2>"$TMP/err")
[ $? -eq 2 ] && grep -q "unknown class 'Q'" "$TMP/err" && ok "with PK set, the copy finds lib.sh beside pk" ||
    { not_ok "with PK set"; diag "$TMP/err"; }
(cd "$TMP/home" && env -i PATH=/usr/bin:/bin PK="$TMP/lone/bin/pk" SLURM_SUBMIT_DIR="$TMP/home" \
    bash "$TMP/spool/slurm_script" --class S >"$TMP/out" 2>"$TMP/err")
[ $? -eq 2 ] && grep -q "set PK_HPC" "$TMP/err" && ok "a pk with no hpc/ beside it: the line says to set PK_HPC" ||
    { not_ok "pk without hpc/"; diag "$TMP/err"; }
(cd "$TMP/home" && env -i PATH=/usr/bin:/bin PK="$TMP/linked/bin/pk" SLURM_SUBMIT_DIR="$TMP/home" \
    bash "$TMP/spool/slurm_script" --class Q >"$TMP/out" 2>"$TMP/err")
[ $? -eq 2 ] && grep -q "unknown class 'Q'" "$TMP/err" && ok "a pk through a symlink: lib.sh found beside the real one" ||
    { not_ok "pk through a symlink"; diag "$TMP/err"; }
done_testing
