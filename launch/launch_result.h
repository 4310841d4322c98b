/* Turning what a runner left behind into a record (launch_result.c); used by launch.c. */
#ifndef PK_LAUNCH_RESULT_H
#define PK_LAUNCH_RESULT_H

#include "launch.h"

/*
 * pk's own record, in out, of the configuration cfg whose runner gave no usable result line:
 * its identity, status and the detail formatted from fmt.
 */
__attribute__((format(printf, 4, 5))) void pk_launch_account(const struct pk_config *cfg,
                                                             struct pk_result *out,
                                                             enum pk_status status, const char *fmt,
                                                             ...);

/*
 * Judges the finished runner child of cfg (timeout_s: the limit it ran under): out->rec is the
 * one result line it printed, if it is for cfg and the runner ended as that line says; else
 * an error or timeout record that says why.
 */
void pk_launch_judge(const struct pk_config *cfg, const struct pk_child *child, double timeout_s,
                     struct pk_result *out);

#endif
