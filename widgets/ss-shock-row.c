/* ss-shock-row.c: one shock of a scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of the Scenarios page's shocks (ss-shock-row.ui): the country
 * the shock is on (a dropdown), the items it covers (a menu button whose
 * popover has "All items" and a check per item), the disruption
 * probability, severity and days it sets (SsFields: checked and written
 * like any other value of the study, an empty one is a value the shock
 * does not set), and a button that removes it. The row writes its
 * country and items through the document's operations; a refusal (no
 * item left) shows as the row's message. A row stands for the shock at
 * its index in the scenario's list.
 */

#define G_LOG_DOMAIN "supplyshift-shock-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ss-accessible.h"
#include "ss-bidi.h"
#include "ss-page-util.h"
#include "ss-shock-row.h"

struct _SsShockRow
{
  GtkListBoxRow  parent_instance;

  /* Template widgets */
  GtkDropDown   *country_dropdown;
  GtkWidget     *items_button;
  GtkWidget     *items_box;
  GtkCheckButton *all_check;
  GtkWidget     *probability_entry;
  GtkWidget     *severity_entry;
  GtkWidget     *days_entry;
  GtkWidget     *remove_button;

  /* Owned */
  SsDocument    *document;
  SsField       *fields[SS_DISRUPTION_N];
  GPtrArray     *item_checks;          /* GtkCheckButton per item, in the popover */
  char          *refusal;

  guint          scenario;
  guint          index;
  gboolean       syncing;              /* setting the widgets, not choosing */
};

enum
{
  PROP_0,
  PROP_MESSAGE,
  N_PROPS
};

enum
{
  REMOVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SsShockRow, ss_shock_row, GTK_TYPE_LIST_BOX_ROW)

static const SsStudy *
study_of (SsShockRow *self)
{
  return ss_document_get_study (self->document);
}

static const SsShock *
shock_of (SsShockRow *self)
{
  const SsStudy *study = study_of (self);
  const SsScenario *scenario;

  if (self->scenario >= ss_study_get_n_scenarios (study))
    return NULL;
  scenario = ss_study_get_scenario (study, self->scenario);
  if (self->index >= scenario->shocks->len)
    return NULL;
  return &g_array_index (scenario->shocks, SsShock, self->index);
}

static void
set_refusal (SsShockRow *self,
             const char *refusal)
{
  if (g_strcmp0 (self->refusal, refusal) == 0)
    return;
  g_free (self->refusal);
  self->refusal = g_strdup (refusal);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static void
on_field_message (SsShockRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

/* --- Editing ----------------------------------------------------------- */

static void
on_country_selected (SsShockRow *self)
{
  guint country = gtk_drop_down_get_selected (self->country_dropdown);
  g_autoptr(GError) error = NULL;
  const SsShock *shock = shock_of (self);

  if (self->syncing || shock == NULL || country == GTK_INVALID_LIST_POSITION
      || country == shock->country || ss_document_in_edit (self->document))
    return;
  if (!ss_document_set_shock_country (self->document, self->scenario, self->index, country, &error))
    {
      set_refusal (self, error->message);
      ss_shock_row_sync (self);
    }
  else
    set_refusal (self, NULL);
}

/* The items checked; all of them while "All items" is. */
static void
write_items (SsShockRow *self,
             gboolean    all)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (ss_document_in_edit (self->document))
    return;
  if (all)
    done = ss_document_set_shock_items (self->document, self->scenario, self->index, NULL, 0, &error);
  else
    {
      for (guint i = 0; i < self->item_checks->len; i++)
        if (gtk_check_button_get_active (g_ptr_array_index (self->item_checks, i)))
          g_array_append_val (items, i);
      done = ss_document_set_shock_items (self->document, self->scenario, self->index,
                                          (const guint *)(gpointer)items->data, items->len, &error);
    }
  set_refusal (self, done ? NULL : error->message);
  if (!done)
    ss_shock_row_sync (self);
}

/* "All items" off keeps every item, listed, so that one can be unchecked. */
static void
on_all_toggled (SsShockRow *self)
{
  if (self->syncing)
    return;
  if (!gtk_check_button_get_active (self->all_check))
    {
      self->syncing = TRUE;
      for (guint i = 0; i < self->item_checks->len; i++)
        gtk_check_button_set_active (g_ptr_array_index (self->item_checks, i), TRUE);
      self->syncing = FALSE;
    }
  write_items (self, gtk_check_button_get_active (self->all_check));
}

static void
on_item_toggled (SsShockRow *self)
{
  if (!self->syncing)
    write_items (self, FALSE);
}

static void
on_remove_clicked (SsShockRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/* --- Showing ----------------------------------------------------------- */

/* One check per item, as the study has them. */
static void
sync_item_checks (SsShockRow *self)
{
  const SsStudy *study = study_of (self);
  guint ni = ss_study_get_n_items (study);

  while (self->item_checks->len > ni)
    {
      GtkWidget *check = g_ptr_array_steal_index (self->item_checks, self->item_checks->len - 1);

      gtk_box_remove (GTK_BOX (self->items_box), check);
    }
  while (self->item_checks->len < ni)
    {
      GtkWidget *check = gtk_check_button_new ();

      g_signal_connect_object (check, "toggled", G_CALLBACK (on_item_toggled), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (self->items_box), check);
      g_ptr_array_add (self->item_checks, check);
    }
  for (guint i = 0; i < ni; i++)
    {
      const char *name = ss_study_get_item (study, i)->name;
      GtkCheckButton *check = g_ptr_array_index (self->item_checks, i);

      if (g_strcmp0 (gtk_check_button_get_label (check), name) != 0)
        gtk_check_button_set_label (check, name);
    }
}

/* What the items button says: "All items", the one item, or how many. */
static char *
items_summary (SsShockRow    *self,
               const SsShock *shock)
{
  if (shock->items == NULL)
    return g_strdup (_("All items"));
  if (shock->n_items == 1)
    return g_strdup (ss_study_get_item (study_of (self), shock->items[0])->name);
  return g_strdup_printf (ngettext ("%u item", "%u items", shock->n_items), shock->n_items);
}

/* Shows the shock's country and items again; its values are fields,
 * which follow the document by themselves. */
void
ss_shock_row_sync (SsShockRow *self)
{
  const SsShock *shock;
  g_autofree char *country = NULL, *summary = NULL, *label = NULL, *remove = NULL;
  g_autofree char *dropdown = NULL;

  g_return_if_fail (SS_IS_SHOCK_ROW (self));

  if ((shock = shock_of (self)) == NULL)
    return;
  sync_item_checks (self);
  country = ss_bidi_isolate (ss_study_get_country (study_of (self), shock->country)->name);
  summary = items_summary (self, shock);

  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->country_dropdown, shock->country);
  gtk_check_button_set_active (self->all_check, shock->items == NULL);
  for (guint i = 0; i < self->item_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->item_checks, i);

      gtk_check_button_set_active (check, shock->items == NULL || ss_shock_covers (shock, i));
      gtk_widget_set_sensitive (GTK_WIDGET (check), shock->items != NULL);
    }
  self->syncing = FALSE;

  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->items_button), summary);
  /* Translators: "Items the shock on China covers: 6 items" */
  label = g_strdup_printf (_("Items the shock on %s covers: %s"), country, summary);
  ss_page_set_accessible_label (self->items_button, label);
  ss_page_set_tooltip (self->items_button, label);
  /* Translators: the dropdown of the country a shock is on, "Country of the shock on China" */
  dropdown = g_strdup_printf (_("Country of the shock on %s"), country);
  ss_page_set_accessible_label (GTK_WIDGET (self->country_dropdown), dropdown);
  /* Translators: "Remove the shock on China" */
  remove = g_strdup_printf (_("Remove the shock on %s"), country);
  ss_page_set_accessible_label (self->remove_button, remove);
  ss_page_set_tooltip (self->remove_button, remove);
}

guint
ss_shock_row_get_index (SsShockRow *self)
{
  g_return_val_if_fail (SS_IS_SHOCK_ROW (self), 0);
  return self->index;
}

SsField *
ss_shock_row_get_field (SsShockRow   *self,
                        SsDisruption  value)
{
  g_return_val_if_fail (SS_IS_SHOCK_ROW (self), NULL);
  g_return_val_if_fail (value < SS_DISRUPTION_N, NULL);
  return self->fields[value];
}

GtkWidget *
ss_shock_row_get_country_dropdown (SsShockRow *self)
{
  g_return_val_if_fail (SS_IS_SHOCK_ROW (self), NULL);
  return GTK_WIDGET (self->country_dropdown);
}

/**
 * ss_shock_row_get_item_check:
 * @item: an item's index, or -1 for "All items"
 *
 * Returns: (transfer none) (nullable): the item's check in the popover
 */
GtkWidget *
ss_shock_row_get_item_check (SsShockRow *self,
                             int         item)
{
  g_return_val_if_fail (SS_IS_SHOCK_ROW (self), NULL);

  if (item < 0)
    return GTK_WIDGET (self->all_check);
  if ((guint)item >= self->item_checks->len)
    return NULL;
  return g_ptr_array_index (self->item_checks, item);
}

/* Why the last change of country or items was refused, or the first
 * refused value. */
const char *
ss_shock_row_get_message (SsShockRow *self)
{
  g_return_val_if_fail (SS_IS_SHOCK_ROW (self), NULL);

  if (self->refusal != NULL)
    return self->refusal;
  for (guint k = 0; k < SS_DISRUPTION_N; k++)
    if (ss_field_get_message (self->fields[k]) != NULL)
      return ss_field_get_message (self->fields[k]);
  return NULL;
}

/* --- GObject ----------------------------------------------------------- */

static void
ss_shock_row_dispose (GObject *object)
{
  SsShockRow *self = SS_SHOCK_ROW (object);

  for (guint k = 0; k < SS_DISRUPTION_N; k++)
    {
      if (self->fields[k] != NULL)
        ss_field_set_widget (self->fields[k], NULL);
      g_clear_object (&self->fields[k]);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_SHOCK_ROW);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ss_shock_row_parent_class)->dispose (object);
}

static void
ss_shock_row_finalize (GObject *object)
{
  SsShockRow *self = SS_SHOCK_ROW (object);

  g_clear_pointer (&self->item_checks, g_ptr_array_unref);
  g_clear_pointer (&self->refusal, g_free);

  G_OBJECT_CLASS (ss_shock_row_parent_class)->finalize (object);
}

static void
ss_shock_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SsShockRow *self = SS_SHOCK_ROW (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      g_value_set_string (value, ss_shock_row_get_message (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_shock_row_class_init (SsShockRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_shock_row_dispose;
  object_class->finalize = ss_shock_row_finalize;
  object_class->get_property = ss_shock_row_get_property;

  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SsShockRow::remove:
   *
   * The user asked to remove the shock.
   */
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, SS_UI_RESOURCE ("ss-shock-row.ui"));
  gtk_widget_class_bind_template_child (widget_class, SsShockRow, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SsShockRow, items_button);
  gtk_widget_class_bind_template_child (widget_class, SsShockRow, items_box);
  gtk_widget_class_bind_template_child (widget_class, SsShockRow, all_check);
  gtk_widget_class_bind_template_child (widget_class, SsShockRow, probability_entry);
  gtk_widget_class_bind_template_child (widget_class, SsShockRow, severity_entry);
  gtk_widget_class_bind_template_child (widget_class, SsShockRow, days_entry);
  gtk_widget_class_bind_template_child (widget_class, SsShockRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_country_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_all_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
ss_shock_row_init (SsShockRow *self)
{
  self->item_checks = g_ptr_array_new ();
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  ss_accessible_tidy (GTK_WIDGET (self));
  self->syncing = FALSE;
}

/**
 * ss_shock_row_new:
 * @countries: the study's country names, shared by the page's rows
 *
 * Returns: a row for shock @shock of @scenario
 */
GtkWidget *
ss_shock_row_new (SsDocument *document,
                  guint       scenario,
                  guint       shock,
                  GListModel *countries)
{
  SsShockRow *self = g_object_new (SS_TYPE_SHOCK_ROW, NULL);
  GtkWidget *entries[SS_DISRUPTION_N] = { self->probability_entry, self->severity_entry,
                                          self->days_entry };

  self->document = g_object_ref (document);
  self->scenario = scenario;
  self->index = shock;
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->country_dropdown, countries);
  self->syncing = FALSE;
  for (guint k = 0; k < SS_DISRUPTION_N; k++)
    {
      self->fields[k] = ss_field_new (SS_ELEMENT_SHOCK, ss_shock_attrs[k].name);
      ss_field_set_scenario (self->fields[k], scenario);
      ss_field_set_entry (self->fields[k], shock);
      ss_field_set_document (self->fields[k], document);
      ss_field_set_widget (self->fields[k], entries[k]);
      g_signal_connect_object (self->fields[k], "notify::message", G_CALLBACK (on_field_message),
                               self, G_CONNECT_SWAPPED);
    }
  ss_shock_row_sync (self);
  return GTK_WIDGET (self);
}
