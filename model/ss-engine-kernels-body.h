/* ss-engine-kernels-body.h: the loops of ss-engine-kernels.c, for one vector width
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Included once per instruction set, with KERNEL_LANES doubles to a
 * vector (2: SSE2, 4: AVX2), KERNEL (name) giving each definition its own
 * name and KERNEL_ATTRIBUTES the target. Every sum keeps four lanes
 * whatever the width, lane j taking the sets with mask ≡ j mod 4 in
 * increasing order, so both widths give the same bits.
 */

#define VD   KERNEL (vd)
#define VI   KERNEL (vi)
#define VU   KERNEL (vu)
#define N    (4 / KERNEL_LANES)        /* vectors in four doubles */
#define KFN  KERNEL_ATTRIBUTES static inline __attribute__ ((always_inline))

typedef double VD __attribute__ ((vector_size (8 * KERNEL_LANES)));
typedef gint64 VI __attribute__ ((vector_size (8 * KERNEL_LANES)));
typedef guint64 VU __attribute__ ((vector_size (8 * KERNEL_LANES)));

KFN VD
KERNEL (load) (const double *p)
{
  VD v;

  memcpy (&v, p, sizeof v);
  return v;
}

KFN void
KERNEL (store) (double *p,
                VD      v)
{
  memcpy (p, &v, sizeof v);
}

KFN VD
KERNEL (splat) (double x)
{
  VD v;

  for (int j = 0; j < KERNEL_LANES; j++)
    v[j] = x;
  return v;
}

/* L doubles of sets m…: their days lost beyond the stock v, stored for
 * the sets built from them (all but the last country's); x = MAX (0, v) /
 * 365, stored where it is used again, and the sums. */
KFN void
KERNEL (sets_vector) (double *restrict       lost,
                      double *restrict       x,
                      const double *restrict set_p,
                      double *restrict       joint,
                      double                 cost_impact,
                      gboolean               store_lost,
                      gboolean               store_x,
                      gsize                  m,
                      VD                     v,
                      VD                    *es,
                      VD                    *p10)
{
  const VD zero = KERNEL (splat) (0);
  VD xv, p;

  if (store_lost)
    KERNEL (store) (lost + m, v);
  /* MAX (0, v) as GLib's macro has it: 0 where 0 > v, else v (−0 stays). */
  xv = (VD)((VI)v & ~(VI)(zero > v)) / KERNEL (splat) (365);
  if (store_x)
    KERNEL (store) (x + m, xv);
  p = KERNEL (load) (set_p + m);
  *es += p * xv;
  *p10 += (VD)((VI)p & (VI)(xv > KERNEL (splat) (0.10)));
  if (joint != NULL)
    KERNEL (store) (joint + m, KERNEL (load) (joint + m) + xv * KERNEL (splat) (cost_impact));
}

/* The sets of country k, built from those without it; the four lanes of
 * the sums in one vector or two, as variables (an array of them would
 * live in memory). */
KFN void
KERNEL (sets_level) (SsSetsArgs *a,
                     double     *joint,
                     gboolean    store_lost,
                     gboolean    store_x,
                     guint       k,
                     VD         *es0,
                     VD         *es1,
                     VD         *p10_0,
                     VD         *p10_1)
{
  double *restrict lost = a->lost;
  double *restrict x = a->x;
  const double *restrict set_p = a->set_p;
  double cost_impact = a->cost_impact;
  gsize half = (gsize)1 << k;
  VD d = KERNEL (splat) (a->days[k]);

  for (gsize m = 0; m < half; m += 4)
    {
      KERNEL (sets_vector) (lost, x, set_p, joint, cost_impact, store_lost, store_x, half + m,
                            KERNEL (load) (lost + m) + d, es0, p10_0);
      if (N > 1)
        KERNEL (sets_vector) (lost, x, set_p, joint, cost_impact, store_lost, store_x, half + m + 2,
                              KERNEL (load) (lost + m + 2) + d, es1, p10_1);
    }
}

KFN void
KERNEL (sets_run) (SsSetsArgs *a,
                   double     *joint,
                   gboolean    keep_x)
{
  const double *days = a->days;
  guint n = a->n_active;
  double k0 = -a->stock;
  double l1 = n > 0 ? k0 + days[0] : k0;
  double first[4] = { k0, l1, n > 1 ? k0 + days[1] : k0, n > 1 ? l1 + days[1] : k0 };
  double lane[4];
  VD es0 = KERNEL (splat) (0), es1 = es0, p10_0 = es0, p10_1 = es0;

  /* Sets 0–3, as doubling adds them: {}, {0}, {1}, {0, 1}; past the
   * item's own sets (n < 2) impossible ones, with no loss. */
  KERNEL (sets_vector) (a->lost, a->x, a->set_p, joint, a->cost_impact, TRUE, keep_x, 0,
                        KERNEL (load) (first), &es0, &p10_0);
  if (N > 1)
    KERNEL (sets_vector) (a->lost, a->x, a->set_p, joint, a->cost_impact, TRUE, keep_x, 2,
                          KERNEL (load) (first + 2), &es1, &p10_1);
  for (guint k = 2; k + 1 < n; k++)
    KERNEL (sets_level) (a, joint, TRUE, keep_x, k, &es0, &es1, &p10_0, &p10_1);
  /* No set is built from the last country's: their days need no storing. */
  if (n > 2)
    KERNEL (sets_level) (a, joint, FALSE, keep_x, n - 1, &es0, &es1, &p10_0, &p10_1);

  memcpy (lane, &es0, sizeof es0);
  if (N > 1)
    memcpy (lane + 2, &es1, sizeof es1);
  a->es = (lane[0] + lane[1]) + (lane[2] + lane[3]);
  memcpy (lane, &p10_0, sizeof p10_0);
  if (N > 1)
    memcpy (lane + 2, &p10_1, sizeof p10_1);
  a->p10 = (lane[0] + lane[1]) + (lane[2] + lane[3]);
}

KERNEL_ATTRIBUTES static void
KERNEL (sets) (SsSetsArgs *a)
{
  /* A copy of the loop for each case, so none tests its case per set. */
  if (a->joint != NULL && a->keep_x)
    KERNEL (sets_run) (a, a->joint, TRUE);
  else if (a->joint != NULL)
    KERNEL (sets_run) (a, a->joint, FALSE);
  else if (a->keep_x)
    KERNEL (sets_run) (a, NULL, TRUE);
  else
    KERNEL (sets_run) (a, NULL, FALSE);
}

KERNEL_ATTRIBUTES static void
KERNEL (joint_add) (SsJointAddArgs *a)
{
  double gathered[JOINT_BLOCK];

  for (gsize b = 0; b < a->n; b += JOINT_BLOCK)
    {
      gsize len = MIN (JOINT_BLOCK, a->n - b);
      const double *restrict x = a->x + b;

      if (a->map != NULL)
        {
          for (gsize k = 0; k < len; k++)
            gathered[k] = a->x[a->map[b + k]];
          x = gathered;
        }
      for (guint r = 0; r < a->n_rows; r++)
        {
          double *restrict joint = a->joint[r] + b;
          double c = a->cost_impact[r];
          VD cv = KERNEL (splat) (c);
          gsize k = 0;

          for (; k + KERNEL_LANES <= len; k += KERNEL_LANES)
            KERNEL (store) (joint + k, KERNEL (load) (joint + k) + KERNEL (load) (x + k) * cv);
          for (; k < len; k++)
            joint[k] += x[k] * c;
        }
    }
}

KERNEL_ATTRIBUTES static void
KERNEL (joint_delta) (SsJointDeltaArgs *a)
{
  const double *restrict x_old = a->x_old;
  const double *restrict x_new = a->x_new;
  double *restrict joint = a->joint;
  VD co = KERNEL (splat) (a->cost_old), cn = KERNEL (splat) (a->cost_new);
  VD big = KERNEL (splat) (0);
  VU no_sign = (VU)KERNEL (splat) (0) | G_MAXINT64;
  double largest = 0;
  gsize k = 0, n = a->n;            /* a local: the stores could alias *a */

  if (a->map == NULL)
    for (; k + KERNEL_LANES <= n; k += KERNEL_LANES)
      {
        VD delta = KERNEL (load) (x_new + k) * cn - KERNEL (load) (x_old + k) * co;
        VD size = (VD)((VU)delta & no_sign);
        VI more = (VI)(size > big);

        big = (VD)(((VI)size & more) | ((VI)big & ~more));
        KERNEL (store) (joint + k, KERNEL (load) (joint + k) + delta);
      }
  for (int j = 0; j < KERNEL_LANES; j++)
    largest = MAX (largest, big[j]);
  for (; k < n; k++)
    {
      gsize j = a->map != NULL ? a->map[k] : k;
      double delta = x_new[j] * a->cost_new - x_old[j] * a->cost_old;

      joint[k] += delta;
      largest = MAX (largest, ABS (delta));
    }
  a->largest = largest;
}

KERNEL_ATTRIBUTES static void
KERNEL (var_scan) (SsVarScanArgs *a)
{
  const double *restrict loss = a->loss;
  const guint64 *restrict prob = a->p;
  gsize n = a->n;
  VD lo = KERNEL (splat) (a->lo), hi = KERNEL (splat) (a->hi);
  VU below = (VU)KERNEL (splat) (0);
  gsize k = 0, m = 0;

  a->below = 0;
  a->n_inside = 0;
  a->p_inside = 0;
  /* A block at a time: the states in the bracket are few, so a block
   * with none of them costs the vector pass only, and one with some is
   * gone through again for them while it is in the cache. */
  for (; k + VAR_SCAN_BLOCK <= n; k += VAR_SCAN_BLOCK)
    {
      VI inside = (VI)KERNEL (splat) (0);
      gint64 count = 0;

      for (gsize j = k; j < k + VAR_SCAN_BLOCK; j += KERNEL_LANES)
        {
          VD l = KERNEL (load) (loss + j);
          VU p;

          memcpy (&p, prob + j, sizeof p);
          below += p & (VU)(l < lo);
          /* A true comparison is −1. */
          inside -= (l >= lo) & (l <= hi);
        }
      for (int j = 0; j < KERNEL_LANES; j++)
        count += inside[j];
      if (count == 0)
        continue;
      a->n_inside += count;
      if (a->inside == NULL || a->n_inside > a->max_inside)
        continue;
      for (gsize j = k; j < k + VAR_SCAN_BLOCK; j++)
        if (loss[j] >= a->lo && loss[j] <= a->hi)
          {
            a->inside[m++] = (SsOutcome) { loss[j], prob[j] };
            a->p_inside += prob[j];
          }
    }
  for (; k < n; k++)
    {
      if (loss[k] < a->lo)
        a->below += prob[k];
      else if (loss[k] <= a->hi && ++a->n_inside <= a->max_inside && a->inside != NULL)
        {
          a->inside[m++] = (SsOutcome) { loss[k], prob[k] };
          a->p_inside += prob[k];
        }
    }
  for (int j = 0; j < KERNEL_LANES; j++)
    a->below += below[j];
}

static const SsKernels KERNEL (kernels) = {
  KERNEL (sets), KERNEL (joint_add), KERNEL (joint_delta), KERNEL (var_scan), KERNEL_NAME,
};

#undef VD
#undef VI
#undef VU
#undef N
#undef KFN
