/* ss-item-model.h: a document's items as a list model, and their search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ss-document.h"

G_BEGIN_DECLS

/* The portfolio's index in a model made with it. */
#define SS_ITEM_MODEL_PORTFOLIO (-1)

#define SS_TYPE_ITEM_REF (ss_item_ref_get_type ())
G_DECLARE_FINAL_TYPE (SsItemRef, ss_item_ref, SS, ITEM_REF, GObject)

#define SS_TYPE_ITEM_MODEL (ss_item_model_get_type ())
G_DECLARE_FINAL_TYPE (SsItemModel, ss_item_model, SS, ITEM_MODEL, GObject)

int          ss_item_ref_get_index        (SsItemRef     *self);

SsItemModel *ss_item_model_new            (gboolean       with_portfolio);
void         ss_item_model_set_document   (SsItemModel   *self,
                                           SsDocument    *document);
void         ss_item_model_sync           (SsItemModel   *self);
GtkFilter   *ss_item_model_get_filter     (SsItemModel   *self);
void         ss_item_model_set_search     (SsItemModel   *self,
                                           const char    *text);
gboolean     ss_item_model_get_searching  (SsItemModel   *self);
guint        ss_item_model_find           (GListModel    *model,
                                           int            index);

G_END_DECLS
