# Site preset "example-lmod": a cluster with environment modules (Lmod or Tcl modules),
# where pk was built in the same environment:
#   module load gcc openmpi && make        (on a login node; the names are the site's)
# The modules below must be the ones pk-mpi was built with: Open MPI's runtime has to match.

SITE_PARTITION="compute"
SITE_ACCOUNT=""
SITE_TIME=""
SITE_SBATCH=""
# srun starts the ranks through PMIx; where the site's srun lacks --mpi=pmix, use
# PK_LAUNCHER="mpirun" (Open MPI reads the allocation itself)
PK_LAUNCHER="srun"

site_modules() {
    module purge
    module load gcc openmpi
}
