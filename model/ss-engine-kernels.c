/* ss-engine-kernels.c: the engine's inner loops over disruption sets and joint states
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * At 16 countries an item has 65 536 disruption sets a year, so these
 * loops are nearly all of a projection's time. They are written on four
 * doubles at a time with GCC's vector extensions, which compile to SSE2
 * (two instructions each) in the plain x86-64 build the README makes,
 * with no help needed from the auto-vectoriser (-O2), and once more for
 * AVX2, chosen at run time where the processor has it: the divisions by
 * 365 that every set needs are the limit, and AVX2 does four at a time.
 * FMA is not enabled: a fused multiply-add rounds once instead of twice
 * and would change the figures' last bits; with the same operations in
 * the same order, both builds give the figures bit for bit as the scalar
 * loops did, lane j of the sums taking the sets with mask ≡ j mod 4 in
 * increasing order.
 *
 * The days lost for every set are built by doubling, four sets at a time:
 * the sets with country k (k ≥ 2) are those without it plus k's days, the
 * same additions in the same order as one set at a time, fused with
 * everything done with them, so each set is read and written once.
 */

#define G_LOG_DOMAIN "supplyshift-engine"

#include "config.h"

#include <string.h>

#include "ss-engine-kernels.h"

#if defined(__x86_64__) && defined(__GNUC__)
#define HAVE_AVX2_KERNELS 1
#endif

/* A block of joint states at a time, so x stays in the first-level cache
 * while it is added to every year's row. */
#define JOINT_BLOCK 512
/* States var_scan counts before it looks for the ones in its bracket. */
#define VAR_SCAN_BLOCK 64

/* The helpers of the body take and return vectors, which GCC warns would
 * pass differently with AVX; they are always inlined, so nothing is. */
#pragma GCC diagnostic ignored "-Wpsabi"

#define KERNEL_LANES      2
#define KERNEL(name)      name##_generic
#define KERNEL_NAME       "generic"
#define KERNEL_ATTRIBUTES
#include "ss-engine-kernels-body.h"
#undef KERNEL_LANES
#undef KERNEL
#undef KERNEL_NAME
#undef KERNEL_ATTRIBUTES

#ifdef HAVE_AVX2_KERNELS
#define KERNEL_LANES      4
#define KERNEL(name)      name##_avx2
#define KERNEL_NAME       "avx2"
#define KERNEL_ATTRIBUTES __attribute__ ((target ("avx2")))
#include "ss-engine-kernels-body.h"
#undef KERNEL_LANES
#undef KERNEL
#undef KERNEL_NAME
#undef KERNEL_ATTRIBUTES
#endif

static const SsKernels *chosen;
static gboolean force_generic;

const SsKernels *
_ss_engine_kernels (void)
{
  const SsKernels *kernels = g_atomic_pointer_get (&chosen);

  if (G_LIKELY (kernels != NULL))
    return kernels;
  kernels = &kernels_generic;
#ifdef HAVE_AVX2_KERNELS
  __builtin_cpu_init ();
  if (!force_generic && __builtin_cpu_supports ("avx2"))
    kernels = &kernels_avx2;
#endif
  g_atomic_pointer_set (&chosen, kernels);
  return kernels;
}

void
_ss_engine_set_kernels (gboolean generic)
{
  force_generic = generic;
  g_atomic_pointer_set (&chosen, NULL);
}
