/* ss-mix-bar.h: a small bar of a sourcing mix in the country colours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ss-study.h"

G_BEGIN_DECLS

#define SS_TYPE_MIX_BAR (ss_mix_bar_get_type ())
G_DECLARE_FINAL_TYPE (SsMixBar, ss_mix_bar, SS, MIX_BAR, GtkWidget)

GtkWidget *ss_mix_bar_new        (void);
void       ss_mix_bar_set_shares (SsMixBar     *self,
                                  const SsStudy *study,
                                  const double *shares,
                                  gsize         stride);

G_END_DECLS
