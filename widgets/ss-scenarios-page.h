/* ss-scenarios-page.h: the Scenarios page — scenarios, their descriptions and overrides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ss-data-page.h"
#include "ss-shock-list.h"

G_BEGIN_DECLS

#define SS_TYPE_SCENARIOS_PAGE (ss_scenarios_page_get_type ())
G_DECLARE_FINAL_TYPE (SsScenariosPage, ss_scenarios_page, SS, SCENARIOS_PAGE, SsDataPage)

GtkWidget *ss_scenarios_page_new                  (void);
void       ss_scenarios_page_set_document         (SsScenariosPage  *self,
                                                   SsDocument       *document);
int        ss_scenarios_page_get_selected         (SsScenariosPage  *self);
void       ss_scenarios_page_select_scenario      (SsScenariosPage  *self,
                                                   guint             index);
int        ss_scenarios_page_new_scenario         (SsScenariosPage  *self,
                                                   const char       *name,
                                                   GError          **error);
int        ss_scenarios_page_duplicate_scenario   (SsScenariosPage  *self,
                                                   guint             index,
                                                   GError          **error);
void       ss_scenarios_page_delete_scenario      (SsScenariosPage  *self,
                                                   guint             index);
gboolean   ss_scenarios_page_add_override         (SsScenariosPage  *self,
                                                   guint            *country,
                                                   guint            *attr,
                                                   GError          **error);
GtkWidget *ss_scenarios_page_get_override_entry   (SsScenariosPage  *self,
                                                   guint             country,
                                                   guint             attr);
int        ss_scenarios_page_add_shock            (SsScenariosPage  *self,
                                                   GError          **error);
SsShockList *ss_scenarios_page_get_shocks         (SsScenariosPage  *self);
GtkWidget *ss_scenarios_page_get_kind_row         (SsScenariosPage  *self);
AdwMessageDialog *ss_scenarios_page_get_kind_dialog (SsScenariosPage *self);
GtkWidget *ss_scenarios_page_get_name_row         (SsScenariosPage  *self);
GtkWidget *ss_scenarios_page_get_description_view (SsScenariosPage  *self);

G_END_DECLS
