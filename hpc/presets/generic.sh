# Site preset "generic": any SLURM cluster where pk was built against the MPI that is on the
# PATH (as on a workstation or a test cluster). Loads nothing.
#
# A preset is a shell fragment. hpc/submit reads the SITE_* defaults from it (its options win);
# every job sources it and runs site_modules before anything else. Copy it to <site>.sh
# and adapt; example-lmod.sh shows a site with environment modules.

SITE_PARTITION=""    # sbatch --partition (empty: the cluster's default partition)
SITE_ACCOUNT=""      # sbatch --account (empty: your default account)
SITE_TIME=""         # sbatch --time (empty: the script's own --time)
SITE_SBATCH=""       # more sbatch options, word-split, e.g. "--constraint=zen4 --qos=short"
                     # (those given to hpc/submit before its -- come after them, and win)
PK_LAUNCHER=""       # the MPI launcher pk uses (empty: srun inside a job, else mpirun)

site_modules() {
    :
}
