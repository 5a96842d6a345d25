/* ss-page-util.h: what the study data pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Study, Countries, Items and Scenarios pages check typed values and
 * show the outcome the same way, and build the same list rows and
 * dialogs. These helpers hold that common part; each page keeps its own
 * fields, checks and edits.
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

gboolean   ss_page_set_document         (GtkWidget             *page,
                                         SsDocument           **document_ptr,
                                         SsDocument            *document,
                                         GCallback              on_changed);

char      *ss_page_clean_line           (const char            *text);
char      *ss_page_clean_notes          (const char            *text);
char      *ss_page_describe_range       (const SsAttrSpec      *spec);
char      *ss_page_check_number         (const char            *text,
                                         const SsAttrSpec      *spec,
                                         const char            *what,
                                         gboolean               or_empty,
                                         double                *value);

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
GtkWidget *ss_page_new_status_label     (void);
void       ss_page_show_status          (GtkLabel              *status,
                                         const char            *message);
void       ss_page_show_first_message   (GtkLabel              *status,
                                         SsField              **fields,
                                         guint                  n_fields);

GtkWidget *ss_page_get_focus            (GtkWidget             *widget);
GtkWidget *ss_page_add_column           (GtkScrolledWindow     *scroller,
                                         int                    maximum_size,
                                         int                    spacing);
GtkWidget *ss_page_new_button           (const char            *icon_name,
                                         const char            *label,
                                         const char            *tooltip);
GtkWidget *ss_page_new_number_entry     (int                    width_chars);
GtkWidget *ss_page_new_notes_view       (const char            *accessible_label);
void       ss_page_add_sidebar          (GtkBox                *box,
                                         const char            *list_label,
                                         GtkListBox           **list,
                                         GtkBox               **bar);
GtkWidget *ss_page_new_list_row         (void);
void       ss_page_set_list_row         (GtkWidget             *row,
                                         const char            *title,
                                         const char            *subtitle);

GtkWidget *ss_page_new_dialog           (GtkWidget             *page,
                                         const char            *heading,
                                         const char            *body);
void       ss_page_show_message         (GtkWidget             *page,
                                         const char            *heading,
                                         const char            *body);
void       ss_page_add_responses        (AdwMessageDialog      *dialog,
                                         const char            *response,
                                         const char            *label,
                                         AdwResponseAppearance  appearance);
GtkWidget *ss_page_new_form_entry       (const char            *title);
void       ss_page_set_form             (AdwMessageDialog      *dialog,
                                         GtkWidget             *note,
                                         GtkWidget             *first_row,
                                         ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
