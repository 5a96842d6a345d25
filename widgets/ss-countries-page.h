/* ss-countries-page.h: the Countries page — every country's figures as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ss-data-page.h"

G_BEGIN_DECLS

#define SS_TYPE_COUNTRIES_PAGE (ss_countries_page_get_type ())
G_DECLARE_FINAL_TYPE (SsCountriesPage, ss_countries_page, SS, COUNTRIES_PAGE, SsDataPage)

GtkWidget *ss_countries_page_new            (void);
void       ss_countries_page_set_document   (SsCountriesPage  *self,
                                             SsDocument       *document);
GtkWidget *ss_countries_page_get_cell       (SsCountriesPage  *self,
                                             guint             country,
                                             const char       *field);
int        ss_countries_page_add_country    (SsCountriesPage  *self,
                                             const char       *code,
                                             const char       *name,
                                             GError          **error);
int        ss_countries_page_add_country_like (SsCountriesPage *self,
                                               const char      *code,
                                               const char      *name,
                                               int              like,
                                               GError         **error);
gboolean   ss_countries_page_remove_country (SsCountriesPage  *self,
                                             guint             index,
                                             GError          **error);

G_END_DECLS
