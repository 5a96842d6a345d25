/* ss-share-row.h: one country's row of the share editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ss-study.h"

G_BEGIN_DECLS

#define SS_TYPE_SHARE_ROW (ss_share_row_get_type ())
G_DECLARE_FINAL_TYPE (SsShareRow, ss_share_row, SS, SHARE_ROW, GtkBox)

GtkWidget *ss_share_row_new          (guint            index,
                                      const SsCountry *country,
                                      GtkSizeGroup    *names,
                                      GtkSizeGroup    *baselines);
guint      ss_share_row_get_index    (SsShareRow      *self);
gboolean   ss_share_row_shows        (SsShareRow      *self,
                                      const SsCountry *country);
GtkRange  *ss_share_row_get_scale    (SsShareRow      *self);
GtkSpinButton *ss_share_row_get_spin (SsShareRow      *self);
GtkToggleButton *ss_share_row_get_lock (SsShareRow    *self);
void       ss_share_row_set_share    (SsShareRow      *self,
                                      double           share);
void       ss_share_row_set_baseline (SsShareRow      *self,
                                      double           baseline);
void       ss_share_row_set_capacity (SsShareRow      *self,
                                      double           capacity);
double     ss_share_row_get_capacity (SsShareRow      *self);

G_END_DECLS
