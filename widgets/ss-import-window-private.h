/* ss-import-window-private.h: what the preview's two files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ss-import-window.h"

G_BEGIN_DECLS

/* A file of a whole year of customs data has thousands of HS codes: the
 * lists show the largest, and say how many more there are. */
#define MAX_ROWS 50
/* Item changes start expanded when there are this few. */
#define EXPAND_CHANGES 3

enum
{
  TARGET_OPEN_STUDY,
  TARGET_NEW_STUDY,
};

struct _SsImportWindow
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkWidget            *import_button;
  AdwActionRow         *file_row;
  AdwComboRow          *format_row;
  AdwActionRow         *map_row;
  GtkWidget            *map_clear_button;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  GtkLabel             *reading_label;
  GtkLabel             *error_label;
  AdwComboRow          *target_row;
  AdwComboRow          *year_row;
  GtkStringList        *year_list;
  GtkWidget            *top_row;
  GtkSpinButton        *top_spin;
  AdwComboRow          *template_row;
  GtkStringList        *template_list;
  GtkWidget            *problem_group;
  AdwActionRow         *problem_row;
  AdwPreferencesGroup  *read_group;
  AdwPreferencesGroup  *changes_group;
  AdwPreferencesGroup  *countries_group;
  AdwPreferencesGroup  *skipped_group;
  AdwPreferencesGroup  *found_group;

  /* Owned */
  SsDocument           *document;
  GFile                *file;
  GFile                *items_map;
  GCancellable         *reading;
  SsImport             *import;
  char                 *error;
  SsStudy              *preview;       /* the copy imported into, or the new study */
  SsImportSummary      *summary;
  char                 *problem;
  GPtrArray            *rows;          /* rows the lists added, to remove */
  GArray               *years;         /* of int: year_list's */
  GPtrArray            *templates;     /* of char *: template_list's, [0] NULL */
  gboolean              updating;      /* setting rows, not the user */
};

/* ss-import-preview.c: the lists of what a file holds and what importing
 * it would change. */
void        _ss_import_window_clear_rows        (SsImportWindow *self);
void        _ss_import_window_fill_read_group   (SsImportWindow *self,
                                                 int             year);
void        _ss_import_window_fill_found_group  (SsImportWindow *self,
                                                 int             year);
void        _ss_import_window_fill_changes      (SsImportWindow *self,
                                                 gboolean        new_study,
                                                 int             year);
void        _ss_import_window_fill_countries    (SsImportWindow *self,
                                                 gboolean        new_study);
void        _ss_import_window_fill_skipped      (SsImportWindow *self,
                                                 int             year);
const char *_ss_import_window_format_name       (SsImportFormat  format);
char       *_ss_import_window_country_label     (SsImportWindow *self,
                                                 const char     *code);
int         _ss_import_window_chosen_year       (SsImportWindow *self);

G_END_DECLS
