/* ss-share-editor.h: sliders for one item's import shares by country
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ss-study.h"

G_BEGIN_DECLS

#define SS_TYPE_SHARE_EDITOR (ss_share_editor_get_type ())
G_DECLARE_FINAL_TYPE (SsShareEditor, ss_share_editor, SS, SHARE_EDITOR, GtkWidget)

GtkWidget    *ss_share_editor_new             (void);
void          ss_share_editor_set_countries   (SsShareEditor *self,
                                               const SsStudy *study);
guint         ss_share_editor_get_n_countries (SsShareEditor *self);
void          ss_share_editor_set_shares      (SsShareEditor *self,
                                               const double  *shares,
                                               const double  *baseline,
                                               guint          n);
void          ss_share_editor_focus_country   (SsShareEditor *self,
                                               guint          country);
void          ss_share_editor_set_capacities  (SsShareEditor *self,
                                               const double  *capacity,
                                               guint          n);
const double *ss_share_editor_get_shares      (SsShareEditor *self);
void          ss_share_editor_set_locked      (SsShareEditor *self,
                                               guint          country,
                                               gboolean       locked);
gboolean      ss_share_editor_get_locked      (SsShareEditor *self,
                                               guint          country);

G_END_DECLS
