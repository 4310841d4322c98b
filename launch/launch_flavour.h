/*
 * MPI flavours: what each MPI library's launcher needs to start pk-mpi here. The build records
 * which library pk-mpi links (make MPI=openmpi|mpich, build/version.h); pk's launcher flags,
 * default launcher and srun plugin come from that flavour's row, so an MPICH build is never
 * started with Open MPI's options (--oversubscribe, --allow-run-as-root, OMPI_MCA_*).
 */
#ifndef PK_LAUNCH_FLAVOUR_H
#define PK_LAUNCH_FLAVOUR_H

#include <stdbool.h>
#include <stddef.h>

#include "bind.h"

struct pk_mpi_flavour {
    const char *name;            /* as make MPI= names it: "openmpi", "mpich" */
    const char *package;         /* the Debian package with its launcher */
    const char *np;              /* the rank-count option */
    const char *bind_to;         /* binding option, followed by "none" or "core" */
    const char *core_overloaded; /* the word after bind_to for "core" when ranks exceed cores */
    const char *map_by;          /* mapping option, followed by "core" or "socket" */
    /* a rank of T threads on T cores: the words after map_by (close, spread) and bind_to, with
     * %d for T; NULL: the launcher has no such form */
    const char *map_pe_close, *map_pe_spread, *bind_pe;
    const char *oversubscribe; /* needed when ranks exceed cores; NULL: allowed anyway */
    const char *as_root;       /* needed to run as root; NULL: allowed anyway */
    const char *srun_mpi;      /* srun's --mpi= plugin for this library */
    bool shm_env;              /* takes OMPI_MCA_btl_vader_backing_directory (launch.c) */
};

/* The flavour this pk was built for (PK_BUILD_MPI); never NULL. */
const struct pk_mpi_flavour *pk_mpi_flavour(void);

/* The flavour called name, or NULL. */
const struct pk_mpi_flavour *pk_mpi_flavour_find(const char *name);

/* The launcher a build of this flavour starts pk-mpi with (PK_BUILD_MPIEXEC: "mpirun"). */
const char *pk_mpi_default_launcher(void);

/*
 * Appends to argv (room for max more) the flags that start p ranks of `threads` threads each
 * on a machine of `cores` cores with binding b, as user `root` or not (not the launcher's own
 * name, not srun's): under a binding, a rank of T > 1 threads gets T cores where p T fit.
 * np holds the rank count's text (16 bytes). Returns how many words it added.
 */
int pk_mpi_launcher_flags(const struct pk_mpi_flavour *f, int p, int threads, int cores,
                          enum pk_bind b, bool root, char np[16], char **argv, int max);

/*
 * The MPI library's name and version, as MPI_Get_library_version's text gives it, cut to one
 * CSV- and result-line-safe phrase: its first line up to the first comma, tabs and runs of
 * blanks as one space, anything outside printable ASCII dropped ("Open MPI v4.1.4", "MPICH
 * Version: 4.0.2"); "-" when nothing is left.
 */
void pk_mpi_library_name(const char *raw, char *out, size_t len);

#endif
