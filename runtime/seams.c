/* The runtime's test seams (seams.h): off until fault injection sets them. */
#include "seams.h"

bool pk_seam_partition_drop;
void (*pk_seam_worker_task)(int worker, long task);
