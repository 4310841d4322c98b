#!/bin/bash
# The hpc/ scripts without a SLURM: their conventions, hpc/submit --dry-run, the helpers in
# hpc/slurm/lib.sh, a sweep task run by hand, and a job that gets TERM mid-plan.
# (make check-slurm runs them on a real local cluster.)
. "$(dirname "$0")/lib.sh"
HPC=$TOP/hpc
unset PK_RESULTS PK_SITE PK_PRESET PK_HPC PK_CLASS SLURM_JOB_ID SLURM_ARRAY_TASK_ID
export PK

# --- every script parses, and every batch script follows the conventions
bad=""
for f in "$HPC"/slurm/*.sbatch "$HPC"/slurm/lib.sh "$HPC"/submit "$HPC"/testing/*; do
    bash -n "$f" 2>>"$TMP/err" || bad="$bad ${f#"$TOP"/}"
done
[ -z "$bad" ] && ok "hpc scripts parse (bash -n)" || { not_ok "hpc scripts parse:$bad"; diag "$TMP/err"; }
for f in "$HPC"/slurm/*.sbatch; do
    name=${f##*/}
    out='%x-%j.out'
    [ "$name" = sweep.sbatch ] && out='%x-%A_%a.out'
    missing=""
    for want in "set -euo pipefail" "#SBATCH --job-name=pk-${name%.sbatch}" "#SBATCH --time=" \
        "#SBATCH --output=$out" "#SBATCH --signal=B:TERM@60" "pk_trap_term" "pk_header" \
        "pk_run " "pk_finish"; do
        grep -qF -- "$want" "$f" || missing="$missing '$want'"
    done
    [ -z "$missing" ] && ok "$name follows the conventions" || not_ok "$name lacks:$missing"
done
for want in 'OMP_NUM_THREADS=${SLURM_CPUS_PER_TASK:-1}' 'trap pk_on_term TERM' 'wait "$PK_PID"' '"$PK" info'; do
    grep -qF -- "$want" "$HPC/slurm/lib.sh" && ok "lib.sh has $want" || not_ok "lib.sh lacks $want"
done

# --- hpc/submit --dry-run: the sbatch line it would run
"$HPC/submit" --dry-run --partition part1 --account acct2 --time 0:30:00 --nodes 3 mpi-nodes --class S pi >"$TMP/dry" 2>"$TMP/err"
line=$(head -1 "$TMP/dry")
case $line in
"sbatch --partition=part1 --account=acct2 --time=0:30:00 --nodes=3 --export=ALL,PK=$PK,PK_HPC=$HPC,PK_PRESET=$HPC/presets/generic.sh,PK_RESULTS="*" $HPC/slurm/mpi-nodes.sbatch --class S pi")
    ok "submit --dry-run prints the sbatch line with every flag" ;;
*) not_ok "submit --dry-run line: $line"; diag "$TMP/err" ;;
esac
grep -qxF "#SBATCH --job-name=pk-mpi-nodes" "$TMP/dry" && grep -q "^site_modules()" "$TMP/dry" &&
    ok "submit --dry-run prints the script and the preset" || not_ok "submit --dry-run prints the script and the preset"
"$HPC/submit" --dry-run --site example-lmod mpi-nodes | head -1 >"$TMP/dry"
grep -q "^sbatch --partition=compute .*PK_PRESET=$HPC/presets/example-lmod.sh" "$TMP/dry" &&
    ok "a preset's SITE_PARTITION is the default" || { not_ok "preset default partition"; diag "$TMP/dry"; }
"$HPC/submit" --dry-run --site example-lmod --partition=mine mpi-nodes | head -1 >"$TMP/dry"
grep -q "^sbatch --partition=mine " "$TMP/dry" && ok "the flag wins over the preset" || { not_ok "flag over preset"; diag "$TMP/dry"; }
printf '# comment\n\npi -c S\n  # indented comment\npolysum -c S\nsquare -c S\n' >"$TMP/plan.txt"
"$HPC/submit" --dry-run sweep "$TMP/plan.txt" | head -1 >"$TMP/dry"
grep -q -- "--array=1-3 .* $HPC/slurm/sweep.sbatch $TMP/plan.txt$" "$TMP/dry" &&
    ok "submit sweep counts the plan's 3 configuration lines" || { not_ok "submit sweep --array"; diag "$TMP/dry"; }
refuses "submit: unknown script" "'nosuch'" "$HPC/submit" --dry-run nosuch
refuses "submit: unknown site" "'mars'" "$HPC/submit" --dry-run --site mars node-scaling
refuses "submit: sweep without a plan" "plan file" "$HPC/submit" --dry-run sweep
refuses "submit: bad node count" "'two'" "$HPC/submit" --dry-run --nodes two mpi-nodes
refuses "submit: unknown option" "'--nodess'" "$HPC/submit" --dry-run --nodess 2 mpi-nodes
# the user's --export keeps its choice; a comma in a path, or a CRLF plan, is refused at submit
"$HPC/submit" --dry-run --export=NONE -- node-scaling | head -1 >"$TMP/dry"
grep -q -- "^sbatch --export=PK=$PK,PK_HPC=" "$TMP/dry" && ! grep -q -- "--export=ALL" "$TMP/dry" &&
    ok "submit: --export=NONE stays NONE, with pk's variables" || { not_ok "submit --export=NONE"; diag "$TMP/dry"; }
"$HPC/submit" --dry-run --export EDITOR -- node-scaling | head -1 >"$TMP/dry"
grep -q -- "^sbatch --export=EDITOR,PK=$PK," "$TMP/dry" && ok "submit: --export NAMES gains pk's variables" ||
    { not_ok "submit --export EDITOR"; diag "$TMP/dry"; }
# the script's own arguments are checked before the job is queued
refuses "submit: an unknown class" "'D'" "$HPC/submit" --dry-run node-scaling --class D pi
refuses "submit: a misspelt kernel" "'stencl'" "$HPC/submit" --dry-run mpi-nodes stencl
refuses "submit: --weak on hybrid" "'--weak'" "$HPC/submit" --dry-run hybrid --weak
refuses "submit: --weak with -n" "--weak takes its base size" "$HPC/submit" --dry-run mpi-nodes --weak -- -n 4000
refuses "submit: node-scaling on 4 nodes" "runs on one node" "$HPC/submit" --dry-run --nodes 4 node-scaling
refuses "submit: a comma in the results path" "holds a comma" "$HPC/submit" --dry-run --results "$TMP/a,b" node-scaling
printf 'pi -c S\r\n' >"$TMP/crlf.txt"
refuses "submit: a plan with CRLF line ends" "CRLF" "$HPC/submit" --dry-run sweep "$TMP/crlf.txt"

# --- lib.sh helpers
(
    PK_HPC=$HPC
    . "$HPC/slurm/lib.sh"
    echo "sizes $(pk_weak_size pi 1000 4) $(pk_weak_size stencil 256 4) $(pk_weak_size matmul 64 8) $(pk_weak_size mandelbrot 100 9)"
    echo "class $(pk_class_size pi S) $(pk_class_size stencil S) max $(pk_max_size polysum) $(pk_max_size stencil)"
    echo "plist $(pk_doubling 1) $(pk_doubling 6) $(pk_doubling 8)"
    echo "plan [$(pk_plan_line "$TMP/plan.txt" 2)] [$(pk_plan_line "$TMP/plan.txt" 4)] $(pk_plan_count "$TMP/plan.txt") [$(pk_plan_line "$TMP/crlf.txt" 1)]"
    echo "kernels $(pk_kernel_names | paste -sd,)"
) >"$TMP/lib" 2>&1
want="sizes 4000 512 128 300
class 1000 256 max 6074001000 46340
plist 1 1,2,4,6 1,2,4,8
plan [polysum -c S] [] 3 [pi -c S]
kernels $("$PK" list | awk '/^models/ { exit } /^  [a-z]/ { print $1 }' | paste -sd,)"
[ "$(cat "$TMP/lib")" = "$want" ] && ok "lib.sh: weak sizes, class sizes, worker lists, plan lines" ||
    { not_ok "lib.sh helpers"; diag "$TMP/lib"; }
refuses "a script refuses an unknown option" "'--bogus'" "$HPC/slurm/node-scaling.sbatch" --bogus
refuses "only mpi-nodes takes --weak" "'--weak'" "$HPC/slurm/node-scaling.sbatch" --weak
refuses "an unknown class" "'Q'" "$HPC/slurm/mpi-nodes.sbatch" --class Q

# --- every line of the shipped plans is a 'pk run' that pk accepts (run at class S, serial)
bad=""
n=0
for plan in "$HPC"/plans/*.txt; do
    while read -r line; do
        case $line in '' | '#'*) continue ;; esac
        n=$((n + 1))
        read -ra line_args <<<"$line"
        args=() skip=""
        for a in "${line_args[@]}"; do # pk refuses an option twice: the line's -c and -m yield
            if [ -n "$skip" ]; then skip="" && continue; fi
            case $a in -c | -m | --class | --models) skip=1 && continue ;; -c?* | -m?* | --class=* | --models=*) continue ;; esac
            args+=("$a")
        done
        "$PK" run "${args[@]}" -c S -m serial -r 1 -w 0 -q >/dev/null 2>>"$TMP/err" ||
            bad="$bad [${plan##*/}: $line]"
    done <"$plan"
done
[ -z "$bad" ] && ok "the $n lines of hpc/plans/*.txt are valid pk run arguments" ||
    { not_ok "plan lines pk refuses:$bad"; diag "$TMP/err"; }

# --- a sweep task by hand: task 2 runs the plan's second configuration line
cd "$TMP" || exit 1
refuses "sweep: a usage error for extra arguments" "usage" bash "$HPC/slurm/sweep.sbatch" "$TMP/plan.txt" extra
SLURM_ARRAY_TASK_ID=2 PK_RESULTS=$TMP/res bash "$HPC/slurm/sweep.sbatch" "$TMP/plan.txt" >"$TMP/log" 2>&1
rc=$?
csv=$TMP/res/pk-sweep-local/plan-2.csv
kernels=$(awk -F, 'NR > 1 { print $1 }' "$csv" 2>/dev/null | sort -u)
[ $rc -eq 0 ] && [ "$kernels" = polysum ] && "$PK" report "$csv" >/dev/null 2>&1 &&
    ok "sweep task 2 ran 'polysum -c S' into plan-2.csv" || { not_ok "sweep task 2 (exit $rc, kernels '$kernels')"; diag "$TMP/log"; }
grep -q "^--- pk info" "$TMP/log" && grep -q "^OMP_NUM_THREADS=1 " "$TMP/log" &&
    ok "the job log has the header" || not_ok "the job log has the header"
SLURM_ARRAY_TASK_ID=4 PK_RESULTS=$TMP/res bash "$HPC/slurm/sweep.sbatch" "$TMP/plan.txt" >"$TMP/out" 2>"$TMP/err"
[ $? -eq 2 ] && grep -q "no configuration line 4 (3 in all)" "$TMP/err" &&
    ok "sweep task 4 of a 3-line plan is a usage error" || { not_ok "sweep task past the plan"; diag "$TMP/err"; }

# --- TERM mid-plan (what --signal=B:TERM@60 sends): pk keeps what it finished, exit 143
PK_RESULTS=$TMP/term bash "$HPC/slurm/node-scaling.sbatch" --class S pi polysum -- \
    -m serial,threads,fork -r 300 --order interleave -q >"$TMP/log" 2>&1 &
job=$!
csv=$TMP/term/pk-node-scaling-local.csv
for _ in $(seq 300); do [ -s "$csv" ] && break; sleep 0.1; done
sleep 0.3
kill -TERM $job
wait $job
rc=$?
rows=$(awk -F, 'NR > 1' "$csv" 2>/dev/null | wc -l)
[ $rc -eq 143 ] && ok "TERM: the job exits 143" || { not_ok "TERM: the job exits 143 (got $rc)"; diag "$TMP/log"; }
grep -q "TERM (the time limit is near" "$TMP/log" && ok "TERM: the trap says so in the log" || not_ok "TERM: the trap ran"
"$PK" report "$csv" >/dev/null 2>"$TMP/err" && [ "$rows" -gt 0 ] && [ "$rows" -lt 3000 ] &&
    ok "TERM: a valid partial CSV ($rows of 3000 reps)" || { not_ok "TERM: partial CSV ($rows rows)"; diag "$TMP/err"; }
sleep 0.3
pgrep -f "^$TOP/bin/pk-run (pi|polysum) " >/dev/null && not_ok "TERM: no runner left" || ok "TERM: no runner left"
done_testing
