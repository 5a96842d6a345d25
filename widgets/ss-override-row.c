/* ss-override-row.c: one country override of a scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of the Scenarios page's overrides (ss-override-row.ui): which
 * country and attribute, the scenario's value for it (an SsField, so it
 * is checked and written like any other value) with the country's own
 * value beside it, and a button that removes it. A row stands for one
 * (country, attribute) pair: choosing another in a dropdown emits "move",
 * and the page moves the override and gives the pair its own row.
 */

#define G_LOG_DOMAIN "supplyshift-override-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ss-accessible.h"
#include "ss-override-row.h"
#include "ss-page-util.h"

struct _SsOverrideRow
{
  GtkListBoxRow  parent_instance;

  /* Template widgets */
  GtkDropDown   *country_dropdown;
  GtkDropDown   *attr_dropdown;
  GtkLabel      *hint;
  GtkWidget     *entry;
  GtkWidget     *remove_button;

  /* Owned */
  SsField       *field;

  guint          country;
  guint          attribute;
  gboolean       syncing;              /* setting the dropdowns, not choosing */
};

enum
{
  MOVE,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SsOverrideRow, ss_override_row, GTK_TYPE_LIST_BOX_ROW)

static void
on_selected (SsOverrideRow *self)
{
  guint country = gtk_drop_down_get_selected (self->country_dropdown);
  guint attr = gtk_drop_down_get_selected (self->attr_dropdown);

  if (self->syncing || country == GTK_INVALID_LIST_POSITION || attr == GTK_INVALID_LIST_POSITION
      || (country == self->country && attr == self->attribute))
    return;
  g_signal_emit (self, signals[MOVE], 0, country, attr);
}

static void
on_remove_clicked (SsOverrideRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/* Shows the row's pair again, with the country's own value. */
void
ss_override_row_sync (SsOverrideRow *self)
{
  SsDocument *document = ss_field_get_document (self->field);
  const SsCountry *country = ss_study_get_country (ss_document_get_study (document), self->country);
  g_autofree char *label = ss_field_dup_label (self->field);
  g_autofree char *remove = NULL;
  g_autofree char *hint = NULL;
  char own[SS_NUMBER_BUF];

  /* Translators: "Remove the override of Ramp of Vietnam" */
  remove = g_strdup_printf (_("Remove the override of %s"), label);
  ss_page_set_accessible_label (self->remove_button, remove);
  ss_page_set_tooltip (self->remove_button, remove);

  ss_format_number (own, sizeof own, country->attr[self->attribute]);
  /* Translators: the country's own value, which the override replaces */
  hint = g_strdup_printf (_("instead of %s"), own);
  gtk_label_set_label (self->hint, hint);

  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->country_dropdown, self->country);
  gtk_drop_down_set_selected (self->attr_dropdown, self->attribute);
  self->syncing = FALSE;
}

guint
ss_override_row_get_country (SsOverrideRow *self)
{
  g_return_val_if_fail (SS_IS_OVERRIDE_ROW (self), 0);
  return self->country;
}

guint
ss_override_row_get_attr (SsOverrideRow *self)
{
  g_return_val_if_fail (SS_IS_OVERRIDE_ROW (self), 0);
  return self->attribute;
}

SsField *
ss_override_row_get_field (SsOverrideRow *self)
{
  g_return_val_if_fail (SS_IS_OVERRIDE_ROW (self), NULL);
  return self->field;
}

/* Which part of the row @focus is in. */
SsOverrideRowPart
ss_override_row_find_focus (SsOverrideRow *self,
                            GtkWidget     *focus)
{
  g_return_val_if_fail (SS_IS_OVERRIDE_ROW (self), SS_OVERRIDE_ROW_NONE);

  if (focus == NULL)
    return SS_OVERRIDE_ROW_NONE;
  if (focus == GTK_WIDGET (self->country_dropdown)
      || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->country_dropdown)))
    return SS_OVERRIDE_ROW_COUNTRY;
  if (focus == GTK_WIDGET (self->attr_dropdown)
      || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->attr_dropdown)))
    return SS_OVERRIDE_ROW_ATTR;
  if (focus == self->entry || gtk_widget_is_ancestor (focus, self->entry))
    return SS_OVERRIDE_ROW_ENTRY;
  if (focus == self->remove_button)
    return SS_OVERRIDE_ROW_REMOVE;
  return SS_OVERRIDE_ROW_NONE;
}

void
ss_override_row_grab_part (SsOverrideRow     *self,
                           SsOverrideRowPart  part)
{
  GtkWidget *parts[] = {
    [SS_OVERRIDE_ROW_NONE] = NULL,
    [SS_OVERRIDE_ROW_COUNTRY] = GTK_WIDGET (self->country_dropdown),
    [SS_OVERRIDE_ROW_ATTR] = GTK_WIDGET (self->attr_dropdown),
    [SS_OVERRIDE_ROW_ENTRY] = self->entry,
    [SS_OVERRIDE_ROW_REMOVE] = self->remove_button,
  };

  g_return_if_fail (SS_IS_OVERRIDE_ROW (self));

  if (parts[part] != NULL)
    gtk_widget_grab_focus (parts[part]);
}

/* --- GObject ----------------------------------------------------------- */

static void
ss_override_row_dispose (GObject *object)
{
  SsOverrideRow *self = SS_OVERRIDE_ROW (object);

  if (self->field != NULL)
    ss_field_set_widget (self->field, NULL);
  g_clear_object (&self->field);
  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_OVERRIDE_ROW);

  G_OBJECT_CLASS (ss_override_row_parent_class)->dispose (object);
}

static void
ss_override_row_class_init (SsOverrideRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_override_row_dispose;

  /**
   * SsOverrideRow::move:
   * @country: the country chosen
   * @attr: the attribute chosen
   *
   * The user chose another pair for the override in a dropdown.
   */
  signals[MOVE] =
    g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  /**
   * SsOverrideRow::remove:
   *
   * The user asked to remove the override.
   */
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               SS_UI_RESOURCE ("ss-override-row.ui"));
  gtk_widget_class_bind_template_child (widget_class, SsOverrideRow, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SsOverrideRow, attr_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SsOverrideRow, hint);
  gtk_widget_class_bind_template_child (widget_class, SsOverrideRow, entry);
  gtk_widget_class_bind_template_child (widget_class, SsOverrideRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
ss_override_row_init (SsOverrideRow *self)
{
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  ss_accessible_tidy (GTK_WIDGET (self));
  self->syncing = FALSE;
}

/**
 * ss_override_row_new:
 * @countries: the study's country names, shared by the page's rows
 * @attrs: the attributes' titles, in SsCountryAttr order
 *
 * Returns: a row for the override of @attr of @country in @scenario
 */
GtkWidget *
ss_override_row_new (SsDocument *document,
                     guint       scenario,
                     guint       country,
                     guint       attr,
                     GListModel *countries,
                     GListModel *attrs)
{
  SsOverrideRow *self = g_object_new (SS_TYPE_OVERRIDE_ROW, NULL);

  g_return_val_if_fail (attr < SS_COUNTRY_N_ATTRS, NULL);

  self->country = country;
  self->attribute = attr;
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->country_dropdown, countries);
  gtk_drop_down_set_model (self->attr_dropdown, attrs);
  self->syncing = FALSE;

  self->field = ss_field_new (SS_ELEMENT_OVERRIDE, ss_country_attrs[attr].name);
  ss_field_set_scenario (self->field, scenario);
  ss_field_set_country (self->field, country);
  ss_field_set_document (self->field, document);
  ss_field_set_widget (self->field, self->entry);
  ss_override_row_sync (self);
  return GTK_WIDGET (self);
}
