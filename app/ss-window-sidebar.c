/* ss-window-sidebar.c: the window's list of items, with their alert and mix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The portfolio, then one row per item: its name and code, its alert
 * level and its sourcing mix in the year shown of the scenario shown, and
 * a search that filters by name, code or category.
 */

#define G_LOG_DOMAIN "supplyshift-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ss-mix-bar.h"
#include "ss-window-private.h"

static GtkWidget *
make_item_row (SsWindow   *self,
               const char *name,
               const char *subtitle,
               ItemRow    *out)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = gtk_label_new (name);
  GtkWidget *code = gtk_label_new (subtitle);
  GtkWidget *alert = gtk_inscription_new (NULL);
  GtkWidget *bar = ss_mix_bar_new ();

  /* The list keeps its width: a long name takes a second line, and is
   * cut short only past that (the row's name says it whole). */
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (title), 10);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 10);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (code), 0);
  gtk_label_set_width_chars (GTK_LABEL (code), 11);
  gtk_label_set_ellipsize (GTK_LABEL (code), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (code, "caption");
  gtk_widget_add_css_class (code, "dim-label");
  /* An inscription's size does not follow its text, so an item whose
   * level changes during a drag does not make the list lay out again. */
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (alert), 9);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (alert), 7);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (alert), 1);
  gtk_widget_add_css_class (alert, "caption-heading");
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (bar, TRUE);

  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), alert);
  gtk_box_append (GTK_BOX (bottom), code);
  gtk_box_append (GTK_BOX (bottom), bar);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bottom);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  out->row = row;
  out->alert = GTK_INSCRIPTION (alert);
  out->bar = SS_MIX_BAR (bar);
  return row;
}

void
ss_window_sidebar_rebuild (SsWindow *self)
{
  const SsStudy *study = ss_window_study (self);
  GtkWidget *child;
  ItemRow row;

  self->updating = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->item_list))) != NULL)
    gtk_list_box_remove (self->item_list, child);
  g_array_set_size (self->rows, 0);

  gtk_list_box_append (self->item_list,
                       make_item_row (self, _("Portfolio"), _("All items"), &row));
  g_array_append_val (self->rows, row);
  for (guint i = 0; i < ss_study_get_n_items (study); i++)
    {
      const SsItem *item = ss_study_get_item (study, i);

      gtk_list_box_append (self->item_list, make_item_row (self, item->name, item->code, &row));
      g_array_append_val (self->rows, row);
    }

  if (self->item >= (int)ss_study_get_n_items (study))
    ss_window_set_shown (self, self->scenario, PORTFOLIO);
  gtk_list_box_select_row (self->item_list,
                           GTK_LIST_BOX_ROW (g_array_index (self->rows, ItemRow, self->item + 1).row));
  self->updating = FALSE;
}

static gboolean
filter_items (GtkListBoxRow *row,
              gpointer       user_data)
{
  SsWindow *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  int index = gtk_list_box_row_get_index (row) - 1;
  g_autofree char *needle = NULL;
  g_autofree char *haystack = NULL;
  const SsItem *item;

  if (index < 0 || text == NULL || *text == '\0')
    return TRUE;
  item = ss_study_get_item (ss_window_study (self), index);
  needle = g_utf8_casefold (text, -1);
  haystack = g_utf8_casefold (item->name, -1);
  if (strstr (haystack, needle) != NULL)
    return TRUE;
  g_free (haystack);
  haystack = g_utf8_casefold (item->code, -1);
  if (strstr (haystack, needle) != NULL)
    return TRUE;
  g_free (haystack);
  haystack = g_utf8_casefold (item->category, -1);
  return strstr (haystack, needle) != NULL;
}

static void
on_search_changed (SsWindow *self)
{
  gtk_list_box_invalidate_filter (self->item_list);
}

static void
on_row_selected (SsWindow      *self,
                 GtkListBoxRow *row)
{
  if (self->updating || row == NULL)
    return;
  ss_window_set_shown (self, self->scenario, gtk_list_box_row_get_index (row) - 1);
  ss_window_queue_update (self);
}

void
ss_window_sidebar_update (SsWindow           *self,
                          const SsProjection *p)
{
  const SsStudy *study = ss_window_study (self);
  guint ny = p->n_years, nc = p->n_countries, t = ss_window_year_index (self);
  double mix[SS_MAX_COUNTRIES] = { 0 };
  SsItemStatus status;

  if (self->rows->len != p->n_items + 1 || t >= ny)
    return;

  for (guint i = 0; i < p->n_items; i++)
    {
      ItemRow *row = &g_array_index (self->rows, ItemRow, i + 1);

      ss_window_get_status (self, p, (int)i, t, &status);
      ss_window_set_status_inscription (row->alert, p, &status, t);
      ss_mix_bar_set_shares (row->bar, study, &p->share[(gsize)i * nc * ny + t], ny);
    }
  for (guint c = 0; c < nc; c++)
    mix[c] = p->spend_share[c * ny + t];
  ss_window_get_status (self, p, PORTFOLIO, t, &status);
  ss_window_set_status_inscription (g_array_index (self->rows, ItemRow, 0).alert, p, &status, t);
  ss_mix_bar_set_shares (g_array_index (self->rows, ItemRow, 0).bar, study, mix, 1);
}

void
ss_window_sidebar_init (SsWindow *self)
{
  self->rows = g_array_new (FALSE, FALSE, sizeof (ItemRow));
  gtk_list_box_set_filter_func (self->item_list, filter_items, self, NULL);
  g_signal_connect_object (self->item_list, "row-selected", G_CALLBACK (on_row_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self,
                           G_CONNECT_SWAPPED);
}
