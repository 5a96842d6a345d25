/* hostile.h: hostile study files and a guarded `supplyshift --validate`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the hostile-file test and the load benchmark: the big hostile
 * files that are generated rather than kept in tests/data/hostile/, and a
 * way to run the command line on a file that kills it when it takes too
 * long, so a file that hangs the loader fails instead of hanging.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double  wall_s;
  double  cpu_s;                       /* the child's user + system time */
  double  peak_mib;                    /* the child's peak resident memory */
  int     status;                      /* exit status; -1 when killed or signalled */
  char   *err;                         /* what it wrote on stderr */
} HostileRun;

/* What a refusal must say: the line of its first message naming `line`
 * (or any line when line < 0) and holding `fragment`. */
typedef struct
{
  const char *name;
  int         line;
  const char *fragment;
} HostileExpectation;

void                      hostile_validate        (const char         *path,
                                                   double              kill_after_s,
                                                   HostileRun         *run);
void                      hostile_run_clear       (HostileRun         *run);
gboolean                  hostile_all_file_lines  (const char         *err,
                                                   const char         *path);
gboolean                  hostile_has_line        (const char         *err,
                                                   const char         *path,
                                                   int                 line,
                                                   const char         *fragment);

guint                     hostile_n_big           (void);
const HostileExpectation *hostile_big_expectation (guint               index);
GString                  *hostile_big_new         (guint               index);

G_END_DECLS
