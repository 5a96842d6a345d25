/* ss-window-sidebar.c: the window's list of items, with their alert and mix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The portfolio, then one row per item: its name and code, its alert
 * level and its sourcing mix in the year shown of the scenario shown, and
 * a search that filters by name, code or category.
 *
 * A GtkListView over the document's items (SsItemModel), filtered by the
 * search (a GtkFilterListModel): rows are made for what is on screen and
 * bound again as the list scrolls, so a study of 5 000 items opens as fast
 * as one of 13, and a frame of a drag updates the dozen rows on screen,
 * not every item. The window's item is the truth: the selection is set
 * from it after every change of the study's structure (an undo that
 * brings an item back, a removal), never the other way round.
 *
 * The keyboard: the arrow keys move through the items and show each; Tab
 * and Shift+Tab leave the list (GTK 4.8's list view would walk every row)
 * without changing the item shown; Enter in the search shows the first
 * match.
 */

#define G_LOG_DOMAIN "supplyshift-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ss-item-model.h"
#include "ss-mix-bar.h"
#include "ss-page-util.h"
#include "ss-window-private.h"

#define UNBOUND G_MININT

static void
row_free (gpointer data)
{
  g_free (data);
}

static void
setup_row (SsWindow     *self,
           GtkListItem  *list_item)
{
  ItemRow *row = g_new0 (ItemRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *code = gtk_label_new (NULL);
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

  row->box = box;
  row->title = GTK_LABEL (title);
  row->code = GTK_LABEL (code);
  row->alert = GTK_INSCRIPTION (alert);
  row->bar = SS_MIX_BAR (bar);
  row->index = UNBOUND;
  g_object_set_data_full (G_OBJECT (box), "ss-item-row", row, row_free);
  gtk_list_item_set_child (list_item, box);
}

/* What a screen reader says of a row: the item's name, and its alert in
 * the year shown as its description. GTK 4.8 has no accessible label of
 * a list item of its own (4.12 has): the row the list view makes around
 * the child, which is what has the focus, takes them. */
static void
describe_row (ItemRow    *row,
              const char *name)
{
  GtkWidget *list_row = gtk_widget_get_parent (row->box);
  const char *alert = gtk_inscription_get_text (row->alert);
  g_autofree char *description = NULL;

  if (list_row == NULL)
    return;
  if (alert != NULL && *alert != '\0')
    /* Translators: what a screen reader says after an item's name in the
     * item list: its alert in the year shown, "Alert: Critical" */
    description = g_strdup_printf (_("Alert: %s"), alert);
  if (name != NULL)
    ss_page_set_accessible_label (list_row, name);
  if (g_strcmp0 (g_object_get_data (G_OBJECT (list_row), "ss-description"), description) == 0)
    return;
  g_object_set_data_full (G_OBJECT (list_row), "ss-description", g_strdup (description), g_free);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* The row's alert and mix, from the projection of the scenario shown. */
static void
show_figures (SsWindow           *self,
              ItemRow            *row,
              const SsProjection *p)
{
  const SsStudy *study = ss_window_study (self);
  guint ny = p->n_years, nc = p->n_countries, t = ss_window_year_index (self);
  SsItemStatus status;

  if (t >= ny || row->index >= (int)p->n_items)
    return;
  ss_window_get_status (self, p, row->index, t, &status);
  ss_window_set_status_inscription (row->alert, p, &status, t);
  if (row->index >= 0)
    ss_mix_bar_set_shares (row->bar, study, &p->share[(gsize)row->index * nc * ny + t], ny);
  else
    {
      double mix[SS_MAX_COUNTRIES] = { 0 };

      for (guint c = 0; c < nc; c++)
        mix[c] = p->spend_share[c * ny + t];
      ss_mix_bar_set_shares (row->bar, study, mix, 1);
    }
  describe_row (row, NULL);
}

/* The row's name and code, read from the study: the refs are indices. */
static void
show_names (SsWindow *self,
            ItemRow  *row)
{
  const char *name = _("Portfolio"), *code = _("All items");

  if (row->index >= 0)
    {
      const SsItem *item = ss_study_get_item (ss_window_study (self), row->index);

      name = item->name;
      code = item->code;
    }
  ss_window_set_label (row->title, name);
  ss_window_set_label (row->code, code);
  describe_row (row, name);
}

static void
bind_row (SsWindow    *self,
          GtkListItem *list_item)
{
  ItemRow *row = g_object_get_data (G_OBJECT (gtk_list_item_get_child (list_item)), "ss-item-row");
  SsItemRef *ref = gtk_list_item_get_item (list_item);

  row->index = ss_item_ref_get_index (ref);
  g_ptr_array_add (self->bound_rows, row);
  show_names (self, row);
  if (self->document != NULL)
    show_figures (self, row, ss_document_get_projection (self->document, self->scenario));
}

static void
unbind_row (SsWindow    *self,
            GtkListItem *list_item)
{
  ItemRow *row = g_object_get_data (G_OBJECT (gtk_list_item_get_child (list_item)), "ss-item-row");

  row->index = UNBOUND;
  /* The window's rows go while it is disposed. */
  if (self->bound_rows != NULL)
    g_ptr_array_remove_fast (self->bound_rows, row);
}

/* Selects the window's item in the list, as far as the search shows it. */
void
ss_window_sidebar_select (SsWindow *self)
{
  guint position = ss_item_model_find (G_LIST_MODEL (self->item_selection), self->item);

  self->updating = TRUE;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->item_selection), position, TRUE);
  else
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->item_selection));
  self->updating = FALSE;
}

void
ss_window_sidebar_rebuild (SsWindow *self)
{
  const SsStudy *study = ss_window_study (self);

  self->updating = TRUE;
  if (self->item >= (int)ss_study_get_n_items (study))
    ss_window_set_shown (self, self->scenario, PORTFOLIO);
  /* Rows may now show other items (one before them went or came back):
   * their names again, and their figures at the next update. */
  ss_item_model_set_document (self->item_model, self->document);
  for (guint k = 0; k < self->bound_rows->len; k++)
    show_names (self, g_ptr_array_index (self->bound_rows, k));
  self->updating = FALSE;
  ss_window_sidebar_select (self);
}

static void
on_search_changed (SsWindow *self)
{
  ss_item_model_set_search (self->item_model,
                            gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  /* The item shown stays shown; the list selects it again if it is
   * still there. */
  ss_window_sidebar_select (self);
}

/* Folded, the item list slides over the page: it goes once an item is
 * chosen (a click, Enter, or Enter in the search), not as the arrow keys
 * move through it. */
static void
put_away (SsWindow *self)
{
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* Enter in the search: the first match is shown. */
static void
on_search_activate (SsWindow *self)
{
  GListModel *shown = G_LIST_MODEL (self->item_selection);

  for (guint k = 0; k < g_list_model_get_n_items (shown); k++)
    {
      g_autoptr(SsItemRef) ref = g_list_model_get_item (shown, k);

      if (ss_item_ref_get_index (ref) == PORTFOLIO && ss_item_model_get_searching (self->item_model))
        continue;
      ss_window_select (self, self->scenario, ss_item_ref_get_index (ref));
      put_away (self);
      return;
    }
  gtk_widget_error_bell (GTK_WIDGET (self->search_entry));
}

static void
on_selection_changed (SsWindow *self)
{
  SsItemRef *ref = gtk_single_selection_get_selected_item (self->item_selection);

  if (self->updating || ref == NULL || ss_item_ref_get_index (ref) == self->item)
    return;
  ss_window_set_shown (self, self->scenario, ss_item_ref_get_index (ref));
  ss_window_queue_update (self);
}

static void
on_activate (SsWindow *self)
{
  put_away (self);
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             SsWindow        *self)
{
  put_away (self);
}

void
ss_window_sidebar_update (SsWindow           *self,
                          const SsProjection *p)
{
  for (guint k = 0; k < self->bound_rows->len; k++)
    show_figures (self, g_ptr_array_index (self->bound_rows, k), p);
}

void
ss_window_sidebar_init (SsWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;
  GtkGesture *click = gtk_gesture_click_new ();

  self->bound_rows = g_ptr_array_new ();
  self->item_model = ss_item_model_new (TRUE);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->item_model)),
                                        g_object_ref (ss_item_model_get_filter (self->item_model)));
  self->item_selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->item_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->item_selection, TRUE);

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->item_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->item_list, GTK_SELECTION_MODEL (self->item_selection));

  g_signal_connect_object (self->item_selection, "notify::selected", G_CALLBACK (on_selection_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->item_list, "activate", G_CALLBACK (on_activate), self,
                           G_CONNECT_SWAPPED);
  /* A click selects the row it is on; in the capture phase, before the
   * row takes it, and without claiming it. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "released", G_CALLBACK (on_released), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->item_list), GTK_EVENT_CONTROLLER (click));
  ss_page_tab_leaves (GTK_WIDGET (self->item_list));

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (on_search_activate), self,
                           G_CONNECT_SWAPPED);
}

/* After the template's widgets are gone. */
void
ss_window_sidebar_dispose (SsWindow *self)
{
  g_clear_object (&self->item_selection);
  g_clear_object (&self->item_model);
  g_clear_pointer (&self->bound_rows, g_ptr_array_unref);
}
