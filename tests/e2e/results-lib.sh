# Writers of hand-made results files for the t3xx tests (sourced after lib.sh).
# header: the CSV header of the first 25 columns (pk reads files from before the later ones,
# and so the same files test the code before a fix). rows KERNEL MODEL P RESULT RUN TIME...:
# one row per time (reps 1, 2, ...); N, SEED, HOST and STATUS override the size (1000), seed
# (1), host (vm) and status (ok).
RES_HEADER='kernel,model,workers,size,class,params,seed,status,detail,result,rep,warmup,time_s,rate,unit,startup_s,setup_s,wall_s,cpus,hosts,host,run,commit,job,threads'
POLYSUM_1000=249833583000 # polysum's exact result at n = 1000, seed 1
header() { printf '%s\r\n' "$RES_HEADER"; }
rows() {
    local k=$1 m=$2 p=$3 res=$4 run=$5 i=0
    shift 5
    for t in "$@"; do
        i=$((i + 1))
        printf '%s,%s,%s,%s,,-,%s,%s,-,%s,%s,0,%s,,-,,,,-,-,%s,%s,abc,,1\r\n' "$k" "$m" "$p" \
            "${N:-1000}" "${SEED:-1}" "${STATUS:-ok}" "$res" "$i" "$t" "${HOST:-vm}" "$run"
    done
}
# expect_rc DESC RC COMMAND...: passes when COMMAND exits RC (output in $TMP/out, $TMP/err).
expect_rc() {
    local desc=$1 want=$2 rc
    shift 2
    "$@" >"$TMP/out" 2>"$TMP/err"; rc=$?
    if [ "$rc" -eq "$want" ]; then ok "$desc"; else
        not_ok "$desc (exit $rc, wanted $want)"; diag "$TMP/err"; fi
}
# has DESC PATTERN FILE / lacks DESC PATTERN FILE: grep -E on FILE.
has() { if grep -qE -- "$2" "$3"; then ok "$1"; else not_ok "$1"; diag "$3"; fi; }
lacks() { if grep -qE -- "$2" "$3"; then not_ok "$1"; diag "$3"; else ok "$1"; fi; }
