/* ss-window-private.h: what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ss-document.h"
#include "ss-share-editor.h"
#include "ss-window.h"

G_BEGIN_DECLS

/* What to do once unsaved changes are saved or discarded. */
typedef enum
{
  SS_PENDING_CLOSE,
  SS_PENDING_OPEN_DIALOG,
  SS_PENDING_OPEN_FILE,
  SS_PENDING_NEW,
  SS_PENDING_NEW_FROM_SAMPLE,
} SsPending;

void           ss_window_files_class_init   (GtkWidgetClass *widget_class);
void           ss_window_files_init         (SsWindow       *self);
void           ss_window_files_set_document (SsWindow       *self,
                                             SsDocument     *document);
void           ss_window_pages_init         (SsWindow       *self);
void           ss_window_pages_set_document (SsWindow       *self,
                                             SsDocument     *document);

void           ss_window_confirm_discard    (SsWindow       *self,
                                             SsPending       pending,
                                             GFile          *file);
void           ss_window_close_confirmed    (SsWindow       *self);
void           ss_window_refresh            (SsWindow       *self);
void           ss_window_toast              (SsWindow       *self,
                                             const char     *message);
GSettings     *ss_window_get_settings       (SsWindow       *self);
GMenu         *_ss_window_get_recent_menu   (SsWindow       *self);
GtkWidget     *_ss_window_get_content       (SsWindow       *self);
GtkBox        *ss_window_get_page           (SsWindow       *self,
                                             const char     *name);

G_END_DECLS
