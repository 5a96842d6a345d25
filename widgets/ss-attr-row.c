/* ss-attr-row.c: a row that edits one value of the study
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwActionRow with an entry and the value's unit after it, for one
 * SsField: the row takes its title, meaning, unit and range from the
 * field (that is, from the attribute tables of model/ss-attrs.c), and the
 * field checks what is typed, shows the refusal and writes through the
 * document. In a page's .ui:
 *
 *   <object class="SsAttrRow">
 *     <property name="field">
 *       <object class="SsField">
 *         <property name="name">horizon</property>
 *         <property name="document" bind-source="SsStudyPage" bind-property="document"
 *                   bind-flags="sync-create"/>
 *       </object>
 *     </property>
 *   </object>
 *
 * The range is said once: in the subtitle with :show-range, else in the
 * entry's tooltip. Rows whose units share :unit-group line up their
 * entries down a page, with or without a unit of their own.
 */

#define G_LOG_DOMAIN "supplyshift-attr-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ss-attr-row.h"
#include "ss-page-util.h"
#include "ss-typed.h"

struct _SsAttrRow
{
  AdwActionRow  parent_instance;

  /* Template widgets */
  GtkEntry     *entry;
  GtkLabel     *unit;

  /* Owned */
  SsField      *field;
  GtkSizeGroup *unit_group;
  SsDocument   *document;              /* the field's, watched for the currency */

  gboolean      show_range;
};

enum
{
  PROP_0,
  PROP_FIELD,
  PROP_WIDTH_CHARS,
  PROP_SHOW_RANGE,
  PROP_UNIT_GROUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SsAttrRow, ss_attr_row, ADW_TYPE_ACTION_ROW)

/* The title, the subtitle and the unit, from the field. */
static void
update_labels (SsAttrRow *self)
{
  const SsAttrSpec *spec;
  g_autofree char *meaning = NULL;
  g_autofree char *subtitle = NULL;
  const char *unit = "";

  if (self->field == NULL || ss_field_get_name (self->field) == NULL)
    return;
  spec = ss_field_get_spec (self->field);
  meaning = ss_field_dup_meaning (self->field);

  if (self->show_range && ss_field_may_be_empty (self->field))
    {
      g_autofree char *range = ss_field_dup_range (self->field);
      char fallback[SS_NUMBER_BUF];

      ss_typed_format (spec, fallback, sizeof fallback, spec->fallback);
      /* Translators: a figure's meaning, its range, then its default */
      subtitle = g_strdup_printf (_("%s; in %s, empty for %s"), meaning, range, fallback);
    }
  else if (self->show_range)
    subtitle = ss_field_dup_description (self->field);
  else
    subtitle = g_steal_pointer (&meaning);

  if (spec != NULL && spec->unit == SS_UNIT_PERCENT)
    /* Translators: the unit after a percentage's entry */
    unit = C_("unit", "%");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), ss_field_get_title (self->field));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_label_set_label (self->unit, unit);
  gtk_widget_set_visible (GTK_WIDGET (self->unit), *unit != '\0' || self->unit_group != NULL);
}

static void
on_field_document (SsAttrRow *self)
{
  SsDocument *document = ss_field_get_document (self->field);

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  /* The meaning of money names the study's currency. */
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (update_labels), self,
                             G_CONNECT_SWAPPED);
  update_labels (self);
}

static void
set_field (SsAttrRow *self,
           SsField   *field)
{
  if (self->field == field)
    return;
  if (self->field != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->field, self);
      ss_field_set_widget (self->field, NULL);
    }
  g_set_object (&self->field, field);
  if (field != NULL)
    {
      ss_field_set_show_hint (field, !self->show_range);
      ss_field_set_widget (field, GTK_WIDGET (self->entry));
      g_signal_connect_object (field, "notify::document", G_CALLBACK (on_field_document), self,
                               G_CONNECT_SWAPPED);
    }
  on_field_document (self);
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

SsField *
ss_attr_row_get_field (SsAttrRow *self)
{
  g_return_val_if_fail (SS_IS_ATTR_ROW (self), NULL);
  return self->field;
}

GtkWidget *
ss_attr_row_get_entry (SsAttrRow *self)
{
  g_return_val_if_fail (SS_IS_ATTR_ROW (self), NULL);
  return GTK_WIDGET (self->entry);
}

/* --- GObject ----------------------------------------------------------- */

static void
ss_attr_row_dispose (GObject *object)
{
  SsAttrRow *self = SS_ATTR_ROW (object);

  if (self->field != NULL)
    ss_field_set_widget (self->field, NULL);
  g_clear_object (&self->field);
  g_clear_object (&self->document);
  g_clear_object (&self->unit_group);
  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_ATTR_ROW);

  G_OBJECT_CLASS (ss_attr_row_parent_class)->dispose (object);
}

static void
ss_attr_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SsAttrRow *self = SS_ATTR_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_object (value, self->field);
      break;
    case PROP_WIDTH_CHARS:
      g_value_set_int (value, gtk_editable_get_width_chars (GTK_EDITABLE (self->entry)));
      break;
    case PROP_SHOW_RANGE:
      g_value_set_boolean (value, self->show_range);
      break;
    case PROP_UNIT_GROUP:
      g_value_set_object (value, self->unit_group);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_attr_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SsAttrRow *self = SS_ATTR_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      set_field (self, g_value_get_object (value));
      break;
    case PROP_WIDTH_CHARS:
      gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), g_value_get_int (value));
      gtk_editable_set_max_width_chars (GTK_EDITABLE (self->entry), g_value_get_int (value));
      break;
    case PROP_SHOW_RANGE:
      self->show_range = g_value_get_boolean (value);
      if (self->field != NULL)
        ss_field_set_show_hint (self->field, !self->show_range);
      update_labels (self);
      break;
    case PROP_UNIT_GROUP:
      if (self->unit_group != NULL)
        gtk_size_group_remove_widget (self->unit_group, GTK_WIDGET (self->unit));
      g_set_object (&self->unit_group, g_value_get_object (value));
      if (self->unit_group != NULL)
        gtk_size_group_add_widget (self->unit_group, GTK_WIDGET (self->unit));
      update_labels (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_attr_row_class_init (SsAttrRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_attr_row_dispose;
  object_class->get_property = ss_attr_row_get_property;
  object_class->set_property = ss_attr_row_set_property;

  properties[PROP_FIELD] =
    g_param_spec_object ("field", NULL, NULL, SS_TYPE_FIELD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WIDTH_CHARS] =
    g_param_spec_int ("width-chars", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_RANGE] =
    g_param_spec_boolean ("show-range", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT_GROUP] =
    g_param_spec_object ("unit-group", NULL, NULL, GTK_TYPE_SIZE_GROUP,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, SS_UI_RESOURCE ("ss-attr-row.ui"));
  gtk_widget_class_bind_template_child (widget_class, SsAttrRow, entry);
  gtk_widget_class_bind_template_child (widget_class, SsAttrRow, unit);
}

static void
ss_attr_row_init (SsAttrRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
