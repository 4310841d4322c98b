# Sourced by every hpc/slurm/*.sbatch script (after it has set PK and PK_HPC): the site
# preset, the job header, the arguments every script takes, and running pk so that the
# TERM that --signal=B:TERM@60 sends before the time limit keeps what pk measured.
#
# Every script takes:  [--class C] [KERNEL...] [-- PK-RUN-OPTIONS...]
# Environment: PK (the pk program), PK_SITE or PK_PRESET (the site preset; default generic),
# PK_RESULTS (where CSVs go; default $SLURM_SUBMIT_DIR/results), PK_CLASS (default class).

PK_PID=""
PK_TERM=""

# The first thing a script does: a TERM from here on stops pk and keeps its results.
pk_trap_term() {
    trap pk_on_term TERM
}

pk_on_term() {
    PK_TERM=1
    echo "$(date +%T) ${SLURM_JOB_NAME:-job}: TERM (the time limit is near, or scancel): stopping pk;" \
        "its -o file keeps every configuration it finished"
    [ -n "$PK_PID" ] && kill -TERM "$PK_PID" 2>/dev/null
    return 0
}

# Loads the site preset: SITE_* defaults (read by hpc/submit), PK_LAUNCHER and
# site_modules (module loads), which runs here, in the job.
pk_load_preset() {
    local preset=${PK_PRESET:-$PK_HPC/presets/${PK_SITE:-generic}.sh}
    if [ ! -f "$preset" ]; then
        echo "${0##*/}: no site preset '$preset' (see hpc/presets)" >&2
        exit 2
    fi
    site_modules() { :; }
    # shellcheck source=/dev/null
    . "$preset"
    # a batch shell that is no login shell may lack the module function: the site's profile has it
    if ! type module >/dev/null 2>&1; then
        for f in /etc/profile.d/lmod.sh /etc/profile.d/modules.sh; do
            # shellcheck source=/dev/null
            [ -f "$f" ] && { set +u; . "$f"; set -u; } && break
        done
    fi
    # Lmod (9.2.4) and Environment Modules (4.1) read unset variables: not under set -u
    set +u
    site_modules || { echo "${0##*/}: site_modules of preset '$preset' failed (exit $?)" >&2; exit 2; }
    set -u
    PK_PRESET=$preset
}

# Parses the script's arguments into CLASS, KERNELS, WEAK, PK_ARGS and SIZE_ARGS (arrays).
# SCRIPT_OPTS lists the extra flags a script accepts (mpi-nodes: --weak).
pk_parse_args() {
    CLASS=${PK_CLASS:-$DEFAULT_CLASS}
    KERNELS=()
    PK_ARGS=()
    WEAK=""
    while [ $# -gt 0 ]; do
        case $1 in
        --class | -c)
            [ $# -ge 2 ] || pk_usage "$1 needs a value"
            CLASS=$2
            shift 2
            ;;
        --class=*) CLASS=${1#*=} && shift ;;
        --weak)
            case " ${SCRIPT_OPTS:-} " in *" --weak "*) ;; *) pk_usage "unknown option '$1'" ;; esac
            WEAK=1
            shift
            ;;
        --)
            shift
            PK_ARGS=("$@")
            break
            ;;
        -*) pk_usage "unknown option '$1' (pk options go after --)" ;;
        *) KERNELS+=("$1") && shift ;;
        esac
    done
    case $CLASS in S | W | A | B | C) ;; *) pk_usage "unknown class '$CLASS' (one of S, W, A, B, C)" ;; esac
    [ ${#KERNELS[@]} -gt 0 ] || KERNELS=("${DEFAULT_KERNELS[@]}")
    # the class sets the size, unless the pk options give one (-n): pk refuses both
    SIZE_ARGS=(-c "$CLASS")
    local a
    for a in ${PK_ARGS[@]+"${PK_ARGS[@]}"}; do
        case $a in -n | -n?* | --size | --size=*) SIZE_ARGS=() ;; esac
    done
    [ -z "$WEAK" ] || [ ${#SIZE_ARGS[@]} -gt 0 ] || pk_usage "--weak takes its base size from --class, not from -n"
    # hpc/submit runs the script with PK_CHECK_ARGS=1 before it queues it: a mistake then shows
    # at once, not after the wait in the queue
    if [ -n "${PK_CHECK_ARGS:-}" ]; then
        local known k
        known=" $(pk_kernel_names | tr '\n' ' ')"
        for k in ${KERNELS[@]+"${KERNELS[@]}"}; do
            [[ $known == *" $k "* ]] || pk_usage "unknown kernel '$k' (one of:$known)"
        done
        exit 0
    fi
}

pk_usage() {
    echo "${0##*/}: $*" >&2
    exit 2
}

# Where this job's results go; made here.
pk_results_dir() {
    RESULTS=${PK_RESULTS:-${SLURM_SUBMIT_DIR:-$PWD}/results}
    mkdir -p "$RESULTS"
}

# The header every job logs: SLURM variables, modules, CPUs, and pk's own view.
pk_header() {
    export OMP_NUM_THREADS=${SLURM_CPUS_PER_TASK:-1}
    echo "=== ${SLURM_JOB_NAME:-${0##*/}} job ${SLURM_JOB_ID:-none} on $(hostname), $(date '+%F %T %z')"
    echo "--- SLURM variables"
    env | grep '^SLURM_' | sort || echo "(none: not inside a SLURM job)"
    echo "--- modules (preset $PK_PRESET)"
    if command -v module >/dev/null 2>&1 || type module >/dev/null 2>&1; then
        module list 2>&1 || true
    else
        echo "(no module command)"
    fi
    echo "--- CPUs"
    lscpu 2>/dev/null | grep -E '^(Architecture|CPU\(s\)|On-line|Model name|Thread|Core|Socket|NUMA node\(s\)|L3)' || true
    echo "affinity of this shell: $(taskset -pc $$ 2>/dev/null | sed 's/.*: //')"
    echo "OMP_NUM_THREADS=$OMP_NUM_THREADS PK_LAUNCHER=${PK_LAUNCHER:-unset, pk decides}"
    echo "--- pk info ($PK)"
    "$PK" info
    echo "==="
}

# Runs "pk run ARGS..." in the background and waits for it, so that the TERM trap runs
# while pk works; pk then stops, writes its -o file and exits 143. Returns pk's status.
# pk refuses an option given twice: the script's own options (-m, -p, -c...) yield to those
# the user gave after -- (PK_ARGS, the tail of ARGS), and PK_LAUNCHER to a user's --launcher.
pk_run() {
    [ -z "$PK_TERM" ] || return 143
    local rc=0 n=0 a name skip="" given=" " launcher=${PK_LAUNCHER:-}
    local -a args=("$@") own user out=()
    [ -z "${PK_ARGS[*]+x}" ] || n=${#PK_ARGS[@]}
    [ "$n" -le $# ] && [ "$n" -gt 0 ] && [ "${args[*]: -$n}" = "${PK_ARGS[*]}" ] || n=0
    own=("${args[@]:0:$#-n}") user=("${args[@]:$#-n}")
    pk_opt_name() { # the long name of an option word, or nothing
        case $1 in
        --?*) name=${1#--} && name=${name%%=*} ;;
        -[a-zA-Z]*) case ${1:1:1} in m) name=models ;; p) name=workers ;; c) name=class ;;
            n) name=size ;; r) name=reps ;; w) name=warmup ;; o) name=output ;; q) name=quiet ;;
            *) name="" ;; esac ;;
        *) name="" ;;
        esac
    }
    for a in ${user[@]+"${user[@]}"}; do pk_opt_name "$a" && [ -n "$name" ] && given="$given$name "; done
    for a in ${own[@]+"${own[@]}"}; do
        if [ -n "$skip" ]; then skip="" && continue; fi
        pk_opt_name "$a"
        if [ -n "$name" ] && [ "$name" != output ] && [[ $given == *" $name "* ]]; then
            # drop it, and its value when that is the next word
            case $a in --*=* | -[a-zA-Z]?* | --quiet | -q) ;; *) skip=1 ;; esac
            continue
        fi
        out+=("$a")
    done
    [[ $given == *" launcher "* ]] && launcher=""
    "$PK" run ${out[@]+"${out[@]}"} ${user[@]+"${user[@]}"} ${launcher:+--launcher "$launcher"} &
    PK_PID=$!
    wait "$PK_PID" || rc=$?
    # a trapped TERM ends 'wait' early: wait again for pk's own exit
    while kill -0 "$PK_PID" 2>/dev/null; do
        rc=0
        wait "$PK_PID" || rc=$?
    done
    PK_PID=""
    return "$rc"
}

# The usable worker counts 1, 2, 4, ... below MAX, and MAX.
pk_doubling() {
    local p=1 out=""
    while [ "$p" -lt "$1" ]; do
        out="$out$p,"
        p=$((p * 2))
    done
    echo "$out$1"
}

# The I-th configuration line of PLAN (blank lines and # comments do not count).
pk_plan_line() {
    awk -v i="$2" '{ sub(/\r$/, "") } /^[[:space:]]*(#|$)/ { next } ++n == i { print; exit }' "$1"
}

# How many configuration lines PLAN has.
pk_plan_count() {
    awk '{ sub(/\r$/, "") } /^[[:space:]]*(#|$)/ { next } { n++ } END { print n + 0 }' "$1"
}

# The kernels pk knows, one per line.
pk_kernel_names() {
    "$PK" list | awk '/^models/ { exit } /^  [a-z]/ { print $1 }'
}

# The size of KERNEL in CLASS, as 'pk list' shows it.
pk_class_size() {
    "$PK" list | awk -v k="$1" -v c="$2" '
        /^models/ { exit }
        /^  [a-z]/ { name = $1 }
        name == k && /sizes:/ { for (i = 1; i <= NF; i++) if (index($i, c "=") == 1) print substr($i, 3) }'
}

# The largest size pk runs KERNEL at ('max=' in pk list).
pk_max_size() {
    "$PK" list | awk -v k="$1" '
        /^models/ { exit }
        /^  [a-z]/ { name = $1 }
        name == k && /sizes:/ { for (i = 1; i <= NF; i++) if (index($i, "max=") == 1) print substr($i, 5) }'
}

# Weak scaling: the size that gives each of P ranks the work one rank has at size BASE
# (the work grows as n for most kernels, n^2 for the grids, n^3 for matmul).
pk_weak_size() {
    local d=1
    case $1 in stencil | mandelbrot) d=2 ;; matmul) d=3 ;; esac
    awk -v b="$2" -v p="$3" -v d="$d" 'BEGIN { printf "%.0f\n", b * p ^ (1 / d) }'
}

# Prints, from a pk CSV, each kernel's weak-scaling efficiency T(1)/T(p) of the mpi model
# (median times of the verified reps).
pk_weak_table() {
    awk -F, '{ sub(/\r$/, "") } NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
        $col["model"] == "mpi" && $col["status"] == "ok" {
            print $col["kernel"], $col["workers"], $col["size"], $col["time_s"] }' "$1" |
        sort -k1,1 -k2,2n -k4,4g |
        awk 'function flush() { if (n) { m = n % 2 ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2
                 if (w == 1) t1 = m
                 printf "  %-12s %6d %14s %12.4g %8.3f\n", k, w, size, m, t1 ? t1 / m : 0 } n = 0 }
             BEGIN { printf "weak scaling, mpi: median time per rep and T(1)/T(p)\n  %-12s %6s %14s %12s %8s\n", "kernel", "p", "n", "median s", "T1/Tp" }
             $1 != k || $2 != w { flush(); if ($1 != k) t1 = 0; k = $1; w = $2; size = $3 }
             { t[++n] = $4 }
             END { flush() }'
}

# Ends the job: pk's status, or 143 after a TERM (SLURM then shows the job as FAILED 143).
pk_finish() {
    local rc=$1
    [ -n "$PK_TERM" ] && rc=143
    echo "=== $(date +%T) done, exit $rc; results: $2"
    exit "$rc"
}
