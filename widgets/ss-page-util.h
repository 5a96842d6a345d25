/* ss-page-util.h: what the study data pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Study, Countries, Items and Scenarios pages and the fields they
 * edit through (ss-field.c) show text and its state the same way, and
 * build the same list rows; these helpers hold that common part.
 */

#pragma once

#include <adwaita.h>

#include "ss-attrs.h"
#include "ss-document.h"
#include "ss-field.h"

G_BEGIN_DECLS

/* A .ui template of the window's bundle, which is linked in for it. */
#define SS_UI_RESOURCE(name) (ss_page_ensure_resources (), "/io/github/supplyshift/SupplyShift/ui/" name)

void       ss_page_ensure_resources     (void);

char      *ss_page_clean_line           (const char            *text);
char      *ss_page_clean_notes          (const char            *text);

char      *ss_page_get_text             (GtkWidget             *widget);
void       ss_page_set_text             (GtkWidget             *widget,
                                         const char            *text);
void       ss_page_show_input_state     (GtkWidget             *widget,
                                         const char            *message,
                                         const char            *hint);
void       ss_page_set_accessible_label (GtkWidget             *widget,
                                         const char            *label);
void       ss_page_set_tooltip          (GtkWidget             *widget,
                                         const char            *text);
void       ss_page_show_status          (GtkLabel              *status,
                                         const char            *message);
void       ss_page_show_first_message   (GtkLabel              *status,
                                         SsField              **fields,
                                         guint                  n_fields);

GtkWidget *ss_page_get_focus            (GtkWidget             *widget);
GtkWidget *ss_page_new_number_entry     (int                    width_chars);
typedef void (*SsPageFillRow) (GtkWidget *row,
                               guint      index,
                               gpointer   data);

void       ss_page_sync_list            (GtkListBox            *list,
                                         guint                  n_rows,
                                         int                    selected,
                                         SsPageFillRow          fill,
                                         gpointer               data);
GtkWidget *ss_page_new_title_box        (void);
void       ss_page_set_title_box        (GtkWidget             *box,
                                         const char            *title,
                                         const char            *subtitle);
void       ss_page_set_list_row         (GtkWidget             *row,
                                         const char            *title,
                                         const char            *subtitle);

void       ss_page_tab_leaves           (GtkWidget             *list);
gboolean   ss_page_focus_beyond         (GtkWidget             *widget,
                                         GtkDirectionType       direction);

void       ss_page_show_message         (GtkWidget             *page,
                                         const char            *heading,
                                         const char            *body);

gint64     ss_frame_budget_us           (void);
GtkWidget *ss_page_new_computing_box    (const char            *text);
void       ss_page_show_computing       (GtkWidget             *box,
                                         gboolean               computing);

G_END_DECLS
