#!/bin/bash
# The launcher's words as pk makes them (hpc audit, 2026-11-28): srun keeps a plugin the user
# or the site chose (srun takes the last --mpi, so pk's own would win over it), and a hybrid
# rank bound with --bind gets a core for each of its threads, not one core for all of them.
. "$(dirname "$0")/lib.sh"

if [ ! -x "$PK_MPI" ]; then
    skip "srun words" "no pk-mpi"
    done_testing
    exit
fi
# a stand-in srun: it records its words and fails (pk says ERROR; the words are what counts)
mkdir "$TMP/fake"
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >"%s/words"\nexit 1\n' "$TMP" >"$TMP/fake/srun"
chmod +x "$TMP/fake/srun"
srun_words() { # srun_words LAUNCHER [ENV=VALUE...]: the stand-in srun's words, on one line
    local launcher=$1
    shift
    rm -f "$TMP/words"
    env -u SLURM_MPI_TYPE "$@" "$PK" run pi -c S -m mpi -p 2 -r 1 -w 0 -q --launcher "$launcher" >/dev/null 2>&1
    [ -f "$TMP/words" ] && tr '\n' ' ' <"$TMP/words"
}
w=$(srun_words "$TMP/fake/srun")
case " $w " in *" --mpi=pmix "* | *" --mpi=pmi2 "*) ok "srun gets pk's plugin by default ($w)" ;;
*) not_ok "srun's words: $w" ;; esac
w=$(srun_words "$TMP/fake/srun --mpi=cray_shasta")
case " $w " in *" --mpi=cray_shasta "*" --mpi="*) not_ok "a second --mpi after the user's: $w" ;;
*" --mpi=cray_shasta "*) ok "the launcher's own --mpi=cray_shasta stands alone" ;;
*) not_ok "srun's words: $w" ;; esac
w=$(srun_words "$TMP/fake/srun" SLURM_MPI_TYPE=pmix_v4)
case " $w " in *" --mpi"*) not_ok "SLURM_MPI_TYPE set, yet pk adds: $w" ;;
*" -n 2 "*) ok "SLURM_MPI_TYPE is srun's to read: no --mpi" ;;
*) not_ok "srun's words: $w" ;; esac

# a hybrid rank of 2 threads under --bind close: its threads on two CPUs (they shared one)
if mpi_available && [ "$(nproc)" -ge 2 ]; then
    "$PK" run pi -c S -m hybrid --threads 2 -p 2 --bind close -r 1 -w 0 -q -o "$TMP/h.csv" >/dev/null 2>"$TMP/err"
    cpus=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } { print $c["cpus"]; exit }' "$TMP/h.csv" 2>/dev/null)
    a=${cpus%%|*} b=${cpus#*|}
    [ -n "$cpus" ] && [ "$a" != "$cpus" ] && [ "$a" != "$b" ] &&
        ok "hybrid 1 x 2 --bind close: each thread its own CPU ($cpus)" ||
        { not_ok "hybrid 1 x 2 --bind close: cpus '$cpus'"; diag "$TMP/err"; }
else
    skip "hybrid threads on their own CPUs" "no MPI launcher or fewer than 2 CPUs"
fi
done_testing
