/* ss-engine-kernels.h: the engine's inner loops over disruption sets and joint states
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One item in one year: x(D) = max (0, lost(D) − K) / 365 for every set D
 * of its countries, with ES and P10 (model.md §4), and optionally x(D) ·
 * cost_impact added to the joint losses when the joint index is the set's
 * mask. */
typedef struct
{
  guint         n_active;              /* countries that can disrupt it */
  const double *days;                  /* [k]: s · v · d of active country k */
  double        stock;                 /* K */
  const double *set_p;                 /* [n_sets]: P(D), 0 past 2^n_active */
  double       *lost;                  /* [n_sets]: scratch */
  double       *x;                     /* [n_sets]: out, if keep_x */
  double       *joint;                 /* NULL, or [n_sets] to add to */
  double        cost_impact;
  gboolean      keep_x;                /* x is used again */
  double        es;                    /* out */
  double        p10;                   /* out */
} SsSetsArgs;

/* The same x(D) added to the joint losses of several years:
 * joint[r][k] += x[map ? map[k] : k] · cost_impact[r]. */
typedef struct
{
  const double  *x;
  const guint32 *map;                  /* NULL: the identity */
  gsize          n;                    /* joint states */
  guint          n_rows;
  double *const *joint;                /* [n_rows] */
  const double  *cost_impact;          /* [n_rows] */
} SsJointAddArgs;

/* One item's contribution changed: joint[k] += x_new[j] · cost_new −
 * x_old[j] · cost_old, j = map ? map[k] : k; returns the largest |change|. */
typedef struct
{
  const double  *x_old;
  const double  *x_new;
  const guint32 *map;
  gsize          n;
  double        *joint;
  double         cost_old;
  double         cost_new;
  double         largest;              /* out */
} SsJointDeltaArgs;

/* A joint state's loss and probability (fixed point, 2^-63), as VaR95
 * selects from them. */
typedef struct
{
  double  loss;
  guint64 p;
} SsOutcome;

/* The probability (fixed point, 2^-63) of the states with a loss below
 * lo, and how many have a loss in [lo, hi]; with inside, those states
 * too, in order, and their probability, when they are no more than
 * max_inside (otherwise what inside holds is of no use). */
typedef struct
{
  const double  *loss;
  const guint64 *p;
  gsize          n;
  double         lo;
  double         hi;
  SsOutcome     *inside;               /* NULL, or room for max_inside */
  gsize          max_inside;
  guint64        below;                /* out */
  gsize          n_inside;             /* out */
  guint64        p_inside;             /* out, with inside */
} SsVarScanArgs;

typedef struct
{
  void (*sets)        (SsSetsArgs       *args);
  void (*joint_add)   (SsJointAddArgs   *args);
  void (*joint_delta) (SsJointDeltaArgs *args);
  void (*var_scan)    (SsVarScanArgs    *args);
  const char *name;
} SsKernels;

const SsKernels *_ss_engine_kernels          (void);
/* For tests and benchmarks: the plain x86-64 (SSE2) loops even where the
 * processor has AVX2; the figures must be the same bit for bit. */
void             _ss_engine_set_kernels      (gboolean generic);

/* For tests: how many VaRs ss_engine_update_item() selected near the
 * last one, and how many from every state. */
void             _ss_engine_get_var_counts   (guint   *near,
                                              guint   *full);

G_END_DECLS
