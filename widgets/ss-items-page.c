/* ss-items-page.c: the Items page — items, their figures and baseline sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of the study's items on the left, with a search (a GtkListView
 * over SsItemModel: rows are made for what is on screen, so a study of
 * thousands of items opens at once); on the right the selected
 * item's code, name and figures, and its baseline sources as a table with
 * one row per country (ss-items-page.ui). Every value is an SsField that
 * follows the page's "item": it is checked as it is typed and written
 * through the document when the user presses Enter or leaves it.
 *
 * Shares are written together: typing one share makes the others no
 * longer sum to 1, so the page shows the running sum and writes all the
 * typed shares at once, as soon as they sum to 1 within 1e-6 (the file's
 * rule). Until then the study keeps its old shares.
 *
 * Optional figures may be left empty: the file then omits them and the
 * default (or, for a source's cost index and tariff, the country's value,
 * shown greyed in the empty entry) applies.
 */

#define G_LOG_DOMAIN "supplyshift-items-page"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ss-attr-row.h"
#include "ss-bidi.h"
#include "ss-field.h"
#include "ss-item-model.h"
#include "ss-items-page.h"
#include "ss-page-util.h"

#define SHARE_TOLERANCE 1e-6

#define N_ITEM_FIELDS (3 + SS_ITEM_N_ATTRS)

struct _SsItemsPage
{
  SsDataPage            parent_instance;

  /* Template widgets */
  GtkWidget            *box;
  GtkSearchEntry       *search;
  GtkListView          *list;
  GtkWidget            *remove_button;
  GtkWidget            *details;
  AdwPreferencesGroup  *item_group;
  GtkGrid              *sources_grid;
  GtkLabel             *sum_label;
  GtkLabel             *item_status;
  GtkLabel             *sources_status;
  SsField              *item_fields[N_ITEM_FIELDS];  /* code, name, category, then attributes */

  /* Owned */
  SsItemModel          *model;
  GtkSingleSelection   *selection;     /* over the search's filter of the model */
  GPtrArray            *bound_rows;    /* of GtkWidget, the rows' boxes on screen */
  GPtrArray            *source_fields; /* of SsField, [country * N_ATTRS + attr] */
  GPtrArray            *listed_checks; /* of GtkCheckButton, per country, borrowed */
  GPtrArray            *country_labels; /* of GtkLabel, borrowed */
  char                 *refusal;       /* why typed shares are not written */

  int                   item;          /* selected, -1 with no items */
  guint                 shown_n_items;
  gboolean              syncing;       /* setting the list or the checks, not choosing */
};

enum
{
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SsItemsPage, ss_items_page, SS_TYPE_DATA_PAGE)

static SsDocument *
document_of (SsItemsPage *self)
{
  return ss_data_page_get_document (SS_DATA_PAGE (self));
}

static const SsStudy *
study_of (SsItemsPage *self)
{
  return ss_document_get_study (document_of (self));
}

static const SsItem *
current_item (SsItemsPage *self)
{
  if (document_of (self) == NULL || self->item < 0)
    return NULL;
  return ss_study_get_item (study_of (self), self->item);
}

static guint
n_source_rows (SsItemsPage *self)
{
  return self->listed_checks->len;
}

static SsField *
source_field (SsItemsPage *self,
              guint        country,
              guint        attr)
{
  guint k = country * SS_SOURCE_N_ATTRS + attr;

  return k < self->source_fields->len ? g_ptr_array_index (self->source_fields, k) : NULL;
}

/* Another item under the page: the fields follow through "item". */
static void
set_item (SsItemsPage *self,
          int          item)
{
  if (self->item == item)
    return;
  self->item = item;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/* --- Status and the sum of the shares ---------------------------------- */

static void
update_status (SsItemsPage *self)
{
  const char *message = NULL;

  ss_page_show_first_message (self->item_status, self->item_fields, N_ITEM_FIELDS);
  for (guint k = 0; k < self->source_fields->len && message == NULL; k++)
    message = ss_field_get_message (g_ptr_array_index (self->source_fields, k));
  ss_page_show_status (self->sources_status, message != NULL ? message : self->refusal);
}

static void
show_share_refusal (SsItemsPage *self,
                    const char  *message)
{
  g_free (self->refusal);
  self->refusal = g_strdup (message);
  update_status (self);
}

/* The shares as typed; FALSE if one of them is refused. */
static gboolean
typed_shares (SsItemsPage *self,
              double      *shares,
              double      *sum)
{
  gboolean ok = TRUE;

  *sum = 0;
  for (guint c = 0; c < n_source_rows (self); c++)
    {
      if (ss_field_get_typed_value (source_field (self, c, SS_SOURCE_SHARE), &shares[c]))
        *sum += shares[c];
      else
        ok = FALSE;
    }
  return ok;
}

static void
update_sum (SsItemsPage *self)
{
  guint nc = n_source_rows (self);
  g_autofree double *shares = g_new0 (double, MAX (nc, 1));
  double sum;
  gboolean valid;
  g_autofree char *text = NULL;

  if (nc == 0 || current_item (self) == NULL)
    return;
  valid = typed_shares (self, shares, &sum) && fabs (sum - 1) <= SHARE_TOLERANCE;
  if (valid)
    text = g_strdup (_("Shares sum to 100 %"));
  else
    {
      /* 99.96 % would read "100.0 %", which does not say what is wrong. */
      int digits = fabs (100 * sum - 100) < 0.05 ? 4 : 1;

      text = g_strdup_printf (_("Shares sum to %.*f %%, expected 100 %%"), digits, 100 * sum);
    }
  /* Shares typed but not written yet stand out until they sum to 1. */
  for (guint c = 0; c < nc; c++)
    {
      SsField *field = source_field (self, c, SS_SOURCE_SHARE);
      GtkWidget *entry = ss_field_get_widget (field);

      if (ss_field_get_dirty (field) && ss_field_get_message (field) == NULL && !valid)
        gtk_widget_add_css_class (entry, "warning");
      else
        gtk_widget_remove_css_class (entry, "warning");
    }

  gtk_label_set_label (self->sum_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->sum_label), valid ? "error" : "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->sum_label), valid ? "dim-label" : "error");
}

static void
on_share_edited (SsItemsPage *self)
{
  show_share_refusal (self, NULL);
  update_sum (self);
}

/* Writes every typed share at once, if they all pass and sum to 1. */
static gboolean
on_share_commit (SsItemsPage *self,
                 SsField     *field)
{
  guint nc = n_source_rows (self);
  g_autofree double *shares = g_new0 (double, MAX (nc, 1));
  double sum;

  if (!typed_shares (self, shares, &sum))
    return TRUE;
  if (fabs (sum - 1) > SHARE_TOLERANCE)
    {
      update_sum (self);
      /* xgettext:no-c-format */
      show_share_refusal (self, _("Not written yet: the shares must sum to 100 % first."));
      return TRUE;
    }

  show_share_refusal (self, NULL);
  /* The fields show the study again once it holds what they typed. */
  if (ss_document_set_shares (document_of (self), self->item, shares, nc, NULL))
    for (guint c = 0; c < nc; c++)
      ss_field_reset (source_field (self, c, SS_SOURCE_SHARE));
  update_sum (self);
  return TRUE;
}

/* --- The item's details ------------------------------------------------ */

static void
sync_details (SsItemsPage *self)
{
  const SsItem *item = current_item (self);
  g_autofree char *heading = NULL;

  if (item == NULL)
    return;

  self->syncing = TRUE;
  for (guint c = 0; c < self->listed_checks->len; c++)
    {
      GtkWidget *check = g_ptr_array_index (self->listed_checks, c);
      const SsCountry *country = ss_study_get_country (study_of (self), c);
      g_autofree char *item_name = ss_bidi_isolate (item->name);
      g_autofree char *country_name = ss_bidi_isolate (country->name);
      g_autofree char *label = g_strdup_printf (_("%s lists %s as a source"), item_name,
                                                country_name);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), item->sources[c].listed);
      ss_page_set_accessible_label (check, label);
      gtk_label_set_label (g_ptr_array_index (self->country_labels, c), country->name);
    }
  self->syncing = FALSE;

  adw_preferences_group_set_title (self->item_group, item->name);
  heading = g_strdup_printf (_("Item %d of %u"), self->item + 1,
                             ss_study_get_n_items (study_of (self)));
  adw_preferences_group_set_description (self->item_group, heading);
  update_sum (self);
  update_status (self);
}

static void
on_listed_toggled (SsItemsPage    *self,
                   GtkCheckButton *check)
{
  g_autoptr(GError) error = NULL;
  guint c;

  if (self->syncing || current_item (self) == NULL || ss_document_in_edit (document_of (self))
      || !g_ptr_array_find (self->listed_checks, check, &c))
    return;

  if (ss_document_set_source_listed (document_of (self), self->item, c,
                                     gtk_check_button_get_active (check), &error))
    show_share_refusal (self, NULL);
  else
    {
      self->syncing = TRUE;
      gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
      self->syncing = FALSE;
      show_share_refusal (self, error->message);
    }
}

/* --- The item list ----------------------------------------------------- */

static void
update_buttons (SsItemsPage *self)
{
  guint n = document_of (self) != NULL ? ss_study_get_n_items (study_of (self)) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "items.add",
                                 document_of (self) != NULL && n < SS_MAX_ITEMS);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "items.remove", n > 1);
  ss_page_set_tooltip (self->remove_button, n > 1 ? _("Remove the selected item")
                                            : _("A study needs at least one item"));
}

static void
setup_row (SsItemsPage *self,
           GtkListItem *list_item)
{
  gtk_list_item_set_child (list_item, ss_page_new_title_box ());
}

/* Shows an item's name, code and category in its list row. A screen
 * reader says the name alone, from the row the list view makes around
 * the box (GTK 4.8 has no accessible label of a list item of its own). */
static void
fill_row (SsItemsPage *self,
          GtkWidget   *box)
{
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (box), "ss-index"));
  const SsItem *item = ss_study_get_item (study_of (self), index);
  g_autofree char *detail = NULL;
  g_autofree char *category = ss_bidi_isolate (item->category);

  detail = *item->category ? g_strdup_printf ("%s · %s", item->code, category)
                           : g_strdup (item->code);
  ss_page_set_title_box (box, item->name, detail);
  if (gtk_widget_get_parent (box) != NULL)
    ss_page_set_accessible_label (gtk_widget_get_parent (box), item->name);
}

static void
bind_row (SsItemsPage *self,
          GtkListItem *list_item)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  int index = ss_item_ref_get_index (gtk_list_item_get_item (list_item));

  g_object_set_data (G_OBJECT (box), "ss-index", GINT_TO_POINTER (index));
  g_ptr_array_add (self->bound_rows, box);
  fill_row (self, box);
}

static void
unbind_row (SsItemsPage *self,
            GtkListItem *list_item)
{
  /* The page's rows go while it is disposed. */
  if (self->bound_rows != NULL)
    g_ptr_array_remove_fast (self->bound_rows, gtk_list_item_get_child (list_item));
}

/* Selects the page's item in the list, as far as the search shows it. */
static void
select_in_list (SsItemsPage *self)
{
  guint position = ss_item_model_find (G_LIST_MODEL (self->selection), self->item);

  self->syncing = TRUE;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  else
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  self->syncing = FALSE;
}

/* After a change of the study's structure: as many rows as items, the
 * rows on screen filled again (one before them may have gone or come
 * back), and the page's item selected. */
static void
rebuild_list (SsItemsPage *self)
{
  self->syncing = TRUE;
  ss_item_model_set_document (self->model, document_of (self));
  for (guint k = 0; k < self->bound_rows->len; k++)
    fill_row (self, g_ptr_array_index (self->bound_rows, k));
  self->syncing = FALSE;
  select_in_list (self);
  update_buttons (self);
}

static void
on_selection_changed (SsItemsPage *self)
{
  SsItemRef *ref = gtk_single_selection_get_selected_item (self->selection);

  if (self->syncing || ref == NULL || ss_item_ref_get_index (ref) == self->item)
    return;
  ss_items_page_select_item (self, ss_item_ref_get_index (ref));
}

static void
on_search_changed (SsItemsPage *self)
{
  ss_item_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search)));
  select_in_list (self);
}

/* Enter in the search: the first match is selected. */
static void
on_search_activate (SsItemsPage *self)
{
  g_autoptr(SsItemRef) ref = g_list_model_get_item (G_LIST_MODEL (self->selection), 0);

  if (ref == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self->search));
      return;
    }
  ss_items_page_select_item (self, ss_item_ref_get_index (ref));
}

/* --- The sources table ------------------------------------------------- */

static void
add_headings (SsItemsPage *self)
{
  static const char *headings[] = { N_("Country"), N_("Listed") };

  for (guint col = 0; col < 2 + SS_SOURCE_N_ATTRS; col++)
    {
      g_autoptr(SsField) field = NULL;
      g_autofree char *heading = NULL;
      GtkWidget *label;

      if (col >= 2)
        {
          field = ss_field_new (SS_ELEMENT_SOURCE, ss_source_attrs[col - 2].name);
          heading = ss_field_dup_heading (field);
        }
      label = gtk_label_new (col < 2 ? _(headings[col]) : heading);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 8);
      gtk_label_set_xalign (GTK_LABEL (label), col == 0 ? 0 : col == 1 ? 0.5 : 1);
      gtk_label_set_justify (GTK_LABEL (label), col >= 2 ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      if (col == 1)
        gtk_widget_set_tooltip_text (label, _("Whether the item names the country as a source. "
                                              "A source may have share 0 and still set the "
                                              "item's price or capacity there, for scenarios."));
      else if (col >= 2)
        {
          g_autofree char *tooltip = ss_field_dup_description (field);

          gtk_widget_set_tooltip_text (label, tooltip);
        }
      gtk_grid_attach (self->sources_grid, label, col, 0, 1, 1);
    }
}

static void
add_source_row (SsItemsPage *self,
                guint        c)
{
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *check = gtk_check_button_new ();

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (name), 10);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_grid_attach (self->sources_grid, name, 0, c + 1, 1, 1);
  g_ptr_array_add (self->country_labels, name);

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_listed_toggled), self);
  gtk_grid_attach (self->sources_grid, check, 1, c + 1, 1, 1);
  g_ptr_array_add (self->listed_checks, check);

  for (guint a = 0; a < SS_SOURCE_N_ATTRS; a++)
    {
      GtkWidget *entry = ss_page_new_number_entry (5);
      SsField *field = ss_field_new (SS_ELEMENT_SOURCE, ss_source_attrs[a].name);

      gtk_grid_attach (self->sources_grid, entry, 2 + a, c + 1, 1, 1);
      ss_field_set_country (field, c);
      g_object_bind_property (self, "document", field, "document", G_BINDING_SYNC_CREATE);
      g_object_bind_property (self, "item", field, "item", G_BINDING_SYNC_CREATE);
      ss_field_set_widget (field, entry);
      g_signal_connect_object (field, "notify::message", G_CALLBACK (update_status), self,
                               G_CONNECT_SWAPPED);
      if (a == SS_SOURCE_SHARE)
        {
          g_signal_connect_object (field, "commit", G_CALLBACK (on_share_commit), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (field, "edited", G_CALLBACK (on_share_edited), self,
                                   G_CONNECT_SWAPPED);
        }
      g_ptr_array_add (self->source_fields, field);
    }
}

static void
rebuild_sources (SsItemsPage *self)
{
  guint nc = ss_study_get_n_countries (study_of (self));
  GtkWidget *child;

  for (guint k = 0; k < self->source_fields->len; k++)
    ss_field_set_widget (g_ptr_array_index (self->source_fields, k), NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_grid))) != NULL)
    gtk_grid_remove (self->sources_grid, child);
  g_ptr_array_set_size (self->source_fields, 0);
  g_ptr_array_set_size (self->listed_checks, 0);
  g_ptr_array_set_size (self->country_labels, 0);

  add_headings (self);
  for (guint c = 0; c < nc; c++)
    add_source_row (self, c);
}

/* --- Refreshing -------------------------------------------------------- */

static void
refresh (SsItemsPage *self)
{
  const SsStudy *study = study_of (self);
  guint ni = ss_study_get_n_items (study);
  gboolean item_moved;

  /* Another item under the same index after an item went or came back
   * (undo): typing in the old one's fields is moot. */
  if (self->item >= (int)ni)
    set_item (self, (int)ni - 1);
  else if (self->item < 0 && ni > 0)
    set_item (self, 0);
  item_moved = ni != self->shown_n_items;
  self->shown_n_items = ni;

  rebuild_list (self);
  if (ss_study_get_n_countries (study) != n_source_rows (self))
    {
      rebuild_sources (self);
      item_moved = TRUE;
    }
  if (item_moved)
    {
      for (guint k = 0; k < N_ITEM_FIELDS; k++)
        ss_field_reset (self->item_fields[k]);
      for (guint k = 0; k < self->source_fields->len; k++)
        ss_field_reset (g_ptr_array_index (self->source_fields, k));
    }
  gtk_widget_set_visible (self->details, self->item >= 0);
  sync_details (self);
}

static void
ss_items_page_document_changed (SsDataPage *page,
                                SsChange    change,
                                int         scenario)
{
  SsItemsPage *self = SS_ITEMS_PAGE (page);

  if (change & SS_CHANGE_STRUCTURE)
    refresh (self);
  else if (change & SS_CHANGE_BASELINE)
    sync_details (self);
}

/* --- Public API -------------------------------------------------------- */

int
ss_items_page_get_selected (SsItemsPage *self)
{
  g_return_val_if_fail (SS_IS_ITEMS_PAGE (self), -1);
  return self->item;
}

void
ss_items_page_select_item (SsItemsPage *self,
                           guint        index)
{
  g_return_if_fail (SS_IS_ITEMS_PAGE (self));
  g_return_if_fail (document_of (self) != NULL);
  g_return_if_fail (index < ss_study_get_n_items (study_of (self)));

  set_item (self, index);
  select_in_list (self);
  show_share_refusal (self, NULL);
  sync_details (self);
}

/**
 * ss_items_page_add_item:
 *
 * Adds "New item" (a unique code, import value 100, all of it from the
 * first country) as one undoable edit, selects it and puts the focus on
 * its name.
 *
 * Returns: the new item's index, or -1 when the study is full
 */
int
ss_items_page_add_item (SsItemsPage *self)
{
  int index;

  g_return_val_if_fail (SS_IS_ITEMS_PAGE (self), -1);
  g_return_val_if_fail (document_of (self) != NULL, -1);

  if ((index = ss_document_add_item (document_of (self), NULL)) < 0)
    return -1;
  ss_items_page_select_item (self, index);
  gtk_widget_grab_focus (ss_field_get_widget (self->item_fields[1]));
  return index;
}

/**
 * ss_items_page_remove_item:
 *
 * Removes an item (and every scenario's targets and stockpile for it) as
 * one undoable edit; refused for the last item, since a study needs one.
 */
gboolean
ss_items_page_remove_item (SsItemsPage  *self,
                           guint         index,
                           GError      **error)
{
  g_return_val_if_fail (SS_IS_ITEMS_PAGE (self), FALSE);
  g_return_val_if_fail (document_of (self) != NULL, FALSE);

  if (!ss_document_remove_item (document_of (self), index, error))
    return FALSE;
  /* The item shown stays shown when one before it goes. */
  if (self->item > (int)index)
    ss_items_page_select_item (self, self->item - 1);
  return TRUE;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SsItemsPage *self = SS_ITEMS_PAGE (widget);

  if (document_of (self) != NULL)
    ss_items_page_add_item (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SsItemsPage *self = SS_ITEMS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (document_of (self) == NULL)
    return;

  if (self->item >= 0 && !ss_items_page_remove_item (self, self->item, &error))
    ss_page_show_message (widget, _("Cannot Remove the Item"), error->message);
}

/**
 * ss_items_page_get_field:
 * @field: "code", "name", "category" or an item attribute's name in the
 *   file ("value", "growth", …)
 *
 * Returns: (transfer none) (nullable): the field's editable
 */
GtkWidget *
ss_items_page_get_field (SsItemsPage *self,
                         const char  *field)
{
  g_return_val_if_fail (SS_IS_ITEMS_PAGE (self), NULL);

  for (guint k = 0; k < N_ITEM_FIELDS; k++)
    if (g_str_equal (ss_field_get_name (self->item_fields[k]), field))
      return ss_field_get_widget (self->item_fields[k]);
  return NULL;
}

/**
 * ss_items_page_get_source_field:
 * @field: "listed" (a GtkCheckButton) or a source attribute's name in the
 *   file ("share", "cost-index", …)
 *
 * Returns: (transfer none) (nullable): the field's widget for one country
 */
GtkWidget *
ss_items_page_get_source_field (SsItemsPage *self,
                                guint        country,
                                const char  *field)
{
  g_return_val_if_fail (SS_IS_ITEMS_PAGE (self), NULL);

  if (g_str_equal (field, "listed"))
    return country < self->listed_checks->len ? g_ptr_array_index (self->listed_checks, country) : NULL;
  for (guint a = 0; a < SS_SOURCE_N_ATTRS; a++)
    if (g_str_equal (field, ss_source_attrs[a].name) && source_field (self, country, a) != NULL)
      return ss_field_get_widget (source_field (self, country, a));
  return NULL;
}

const char *
ss_items_page_get_sum_text (SsItemsPage *self)
{
  g_return_val_if_fail (SS_IS_ITEMS_PAGE (self), NULL);
  return gtk_label_get_label (self->sum_label);
}

/* --- GObject ----------------------------------------------------------- */

static void
ss_items_page_dispose (GObject *object)
{
  SsItemsPage *self = SS_ITEMS_PAGE (object);

  if (self->source_fields != NULL)
    g_ptr_array_set_size (self->source_fields, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_ITEMS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_pointer (&self->bound_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ss_items_page_parent_class)->dispose (object);
}

static void
ss_items_page_finalize (GObject *object)
{
  SsItemsPage *self = SS_ITEMS_PAGE (object);

  g_clear_pointer (&self->source_fields, g_ptr_array_unref);
  g_clear_pointer (&self->listed_checks, g_ptr_array_unref);
  g_clear_pointer (&self->country_labels, g_ptr_array_unref);
  g_clear_pointer (&self->refusal, g_free);

  G_OBJECT_CLASS (ss_items_page_parent_class)->finalize (object);
}

static void
ss_items_page_document_set (SsDataPage *page)
{
  SsItemsPage *self = SS_ITEMS_PAGE (page);

  g_ptr_array_set_size (self->listed_checks, 0);
  if (document_of (self) == NULL)
    {
      gtk_widget_set_visible (self->details, FALSE);
      return;
    }
  self->shown_n_items = G_MAXUINT;
  set_item (self, ss_study_get_n_items (study_of (self)) > 0 ? 0 : -1);
  rebuild_sources (self);
  refresh (self);
}

static void
ss_items_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SsItemsPage *self = SS_ITEMS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_int (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_items_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SsItemsPage *self = SS_ITEMS_PAGE (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      if (document_of (self) != NULL && g_value_get_int (value) >= 0)
        ss_items_page_select_item (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_items_page_class_init (SsItemsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SsDataPageClass *page_class = SS_DATA_PAGE_CLASS (klass);
  static const char *names[N_ITEM_FIELDS] = {
    "code_field", "name_field", "category_field", "value_field", "growth_field",
    "substitutability_field", "recycling_field", "stockpile_days_field", "impact_field",
  };

  object_class->dispose = ss_items_page_dispose;
  object_class->finalize = ss_items_page_finalize;
  object_class->get_property = ss_items_page_get_property;
  object_class->set_property = ss_items_page_set_property;
  page_class->document_set = ss_items_page_document_set;
  page_class->document_changed = ss_items_page_document_changed;

  /**
   * SsItemsPage:item:
   *
   * The selected item's index, -1 while the study has none.
   */
  properties[PROP_ITEM] =
    g_param_spec_int ("item", NULL, NULL, -1, SS_MAX_ITEMS - 1, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SS_TYPE_ATTR_ROW);
  g_type_ensure (SS_TYPE_FIELD);
  gtk_widget_class_set_template_from_resource (widget_class, SS_UI_RESOURCE ("ss-items-page.ui"));
  gtk_widget_class_bind_template_child (widget_class, SsItemsPage, box);
  gtk_widget_class_bind_template_child (widget_class, SsItemsPage, search);
  gtk_widget_class_bind_template_child (widget_class, SsItemsPage, list);
  gtk_widget_class_bind_template_child (widget_class, SsItemsPage, remove_button);
  gtk_widget_class_bind_template_child (widget_class, SsItemsPage, details);
  gtk_widget_class_bind_template_child (widget_class, SsItemsPage, item_group);
  gtk_widget_class_bind_template_child (widget_class, SsItemsPage, sources_grid);
  gtk_widget_class_bind_template_child (widget_class, SsItemsPage, sum_label);
  gtk_widget_class_bind_template_child (widget_class, SsItemsPage, item_status);
  gtk_widget_class_bind_template_child (widget_class, SsItemsPage, sources_status);
  for (guint k = 0; k < N_ITEM_FIELDS; k++)
    gtk_widget_class_bind_template_child_full (widget_class, names[k], FALSE,
                                               G_STRUCT_OFFSET (SsItemsPage, item_fields[k]));
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);

  gtk_widget_class_set_css_name (widget_class, "itemspage");

  gtk_widget_class_install_action (widget_class, "items.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "items.remove", NULL, remove_action);
}

static void
list_init (SsItemsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;

  self->bound_rows = g_ptr_array_new ();
  self->model = ss_item_model_new (FALSE);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->model)),
                                        g_object_ref (ss_item_model_get_filter (self->model)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selection_changed),
                           self, G_CONNECT_SWAPPED);
  ss_page_tab_leaves (GTK_WIDGET (self->list));
}

static void
ss_items_page_init (SsItemsPage *self)
{
  self->item = -1;
  self->source_fields = g_ptr_array_new_with_free_func (g_object_unref);
  self->listed_checks = g_ptr_array_new ();
  self->country_labels = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  list_init (self);
  for (guint k = 0; k < N_ITEM_FIELDS; k++)
    g_signal_connect_object (self->item_fields[k], "notify::message", G_CALLBACK (update_status),
                             self, G_CONNECT_SWAPPED);
  update_buttons (self);
}

GtkWidget *
ss_items_page_new (void)
{
  return g_object_new (SS_TYPE_ITEMS_PAGE, NULL);
}

void
ss_items_page_set_document (SsItemsPage *self,
                            SsDocument  *document)
{
  g_return_if_fail (SS_IS_ITEMS_PAGE (self));
  ss_data_page_set_document (SS_DATA_PAGE (self), document);
}
