/* bench-study.h: a large synthetic study for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ss-study.h"

SsStudy *bench_study_new (guint n_items,
                          guint n_countries,
                          guint horizon,
                          guint n_scenarios);

void     bench_study_add_shocks (SsStudy *study,
                                 gboolean item_level);
