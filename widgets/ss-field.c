/* ss-field.c: one value of the study, edited as text in a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A field names one value of the study — an element (SsElement), its
 * attribute or text by the name the file gives it ("disruption-days",
 * "code"), and which country, item or scenario — and watches the widget
 * that edits it: a GtkEntry, an AdwEntryRow or, for notes, a GtkTextView.
 * Every page of the study data window edits the study through fields, so
 * what a value means, how it is checked, shown and written is here once:
 *
 *  - its title, meaning, unit and range come from the attribute tables of
 *    model/ss-attrs.c, or for texts from ss-field-values.c;
 *  - the text is checked on every keystroke; a refusal is shown on the
 *    widget (the "error" style, its tooltip, the accessible invalid state)
 *    and in the field's "message", which the page shows under its group;
 *  - Enter, the apply button or leaving the widget writes the value
 *    through the document's operations, as one undoable edit; a refused
 *    value is never written; Escape puts the study's value back;
 *  - the field follows the document's "changed" signal and shows the
 *    study again, except while the user is typing in it.
 *
 * This file is the object and what its value means; ss-field-input.c is
 * the widget's side, ss-field-values.c what each element holds and which
 * operation writes it.
 *
 * A page that writes several values at once (shares that must sum to 1,
 * thresholds that must stay in order) connects to "commit" and writes them
 * itself, reading what is typed with ss_field_get_typed_value().
 */

#define G_LOG_DOMAIN "supplyshift-field"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ss-field-private.h"
#include "ss-page-util.h"
#include "ss-typed.h"

G_DEFINE_ENUM_TYPE (SsElement, ss_element,
                    G_DEFINE_ENUM_VALUE (SS_ELEMENT_META, "meta"),
                    G_DEFINE_ENUM_VALUE (SS_ELEMENT_COUNTRY, "country"),
                    G_DEFINE_ENUM_VALUE (SS_ELEMENT_ITEM, "item"),
                    G_DEFINE_ENUM_VALUE (SS_ELEMENT_SOURCE, "source"),
                    G_DEFINE_ENUM_VALUE (SS_ELEMENT_OVERRIDE, "override"),
                    G_DEFINE_ENUM_VALUE (SS_ELEMENT_SCENARIO, "scenario"),
                    G_DEFINE_ENUM_VALUE (SS_ELEMENT_SHOCK, "shock"),
                    G_DEFINE_ENUM_VALUE (SS_ELEMENT_POLICY_TARGET, "policy-target"))

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SsField, ss_field, G_TYPE_OBJECT)

gboolean
_ss_field_exists (SsField *self)
{
  return self->resolved && _ss_field_key_exists (&self->key);
}

void
_ss_field_notify (SsField *self,
                  guint    prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_ss_field_emit (SsField  *self,
                guint     signal,
                gboolean *handled)
{
  g_signal_emit (self, signals[signal], 0, handled);
}

/* --- Words ------------------------------------------------------------- */

const SsAttrSpec *
ss_field_get_spec (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), NULL);
  return self->key.spec;
}

const char *
ss_field_get_title (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), NULL);
  return self->resolved ? _(_ss_field_key_title (&self->key)) : "";
}

/* The title as a column heading gives it: with "(%)" for a percentage. */
char *
ss_field_dup_heading (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), NULL);

  if (self->resolved && self->key.spec != NULL && self->key.spec->unit == SS_UNIT_PERCENT)
    /* Translators: a column heading of a percentage, "Tariff (%)" */
    return g_strdup_printf (C_("heading", "%s (%%)"), ss_field_get_title (self));
  return g_strdup (ss_field_get_title (self));
}

/* The meaning, with the study's currency where it speaks of money; NULL
 * when the widget says enough. */
char *
ss_field_dup_meaning (SsField *self)
{
  const char *meaning;
  SsDocument *document;

  g_return_val_if_fail (SS_IS_FIELD (self), NULL);

  if (!self->resolved || (meaning = _ss_field_key_meaning (&self->key)) == NULL)
    return NULL;
  if (self->key.spec == NULL || self->key.spec->unit != SS_UNIT_MONEY)
    return g_strdup (_(meaning));

  /* The table's meaning of money is a format with a %s for the currency. */
  document = self->key.document;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (_(meaning), document != NULL
                                      ? ss_study_get_meta (ss_document_get_study (document))->currency
                                      : "");
#pragma GCC diagnostic pop
}

/* "[0, 1]", or for a percentage "(0, 100]"; "> 0" or "≥ 0" where the top
 * is only a guard against overflow (docs/decisions.md). */
char *
ss_describe_range (const SsAttrSpec *spec)
{
  return ss_typed_describe_range (spec);
}

char *
ss_field_dup_range (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), NULL);
  return self->key.spec != NULL ? ss_describe_range (self->key.spec) : NULL;
}

/* "Its meaning; in [0, 1]", as a column heading's tooltip says it. */
char *
ss_field_dup_description (SsField *self)
{
  g_autofree char *meaning = NULL;
  g_autofree char *range = NULL;

  g_return_val_if_fail (SS_IS_FIELD (self), NULL);

  meaning = ss_field_dup_meaning (self);
  if (self->key.spec == NULL || meaning == NULL)
    return g_steal_pointer (&meaning);
  range = ss_describe_range (self->key.spec);
  switch (self->key.spec->unit)
    {
    case SS_UNIT_WHOLE:
      /* Translators: a field's meaning, then its range */
      return g_strdup_printf (_("%s; a whole number in %s"), meaning, range);
    case SS_UNIT_PERCENT:
      /* Translators: a field's meaning, then its range in percent */
      return g_strdup_printf (_("%s; a percentage in %s"), meaning, range);
    case SS_UNIT_NONE:
    case SS_UNIT_MONEY:
    default:
      /* Translators: a column's meaning, then its range */
      return g_strdup_printf (_("%s; in %s"), meaning, range);
    }
}

/* What the widget's tooltip says while the text is accepted: the
 * description, except in the two tables whose headings already give it.
 * A source's cell names itself (the grid is wide and its headings far),
 * an override's only its range (its row names the rest). */
char *
_ss_field_dup_hint (SsField *self)
{
  g_autofree char *range = NULL;
  g_autofree char *label = NULL;

  if (self->key.spec == NULL || (self->key.element != SS_ELEMENT_SOURCE
                                 && self->key.element != SS_ELEMENT_OVERRIDE))
    return ss_field_dup_description (self);
  range = ss_describe_range (self->key.spec);
  if (self->key.element == SS_ELEMENT_OVERRIDE)
    return g_strdup_printf (_("In %s"), range);
  label = ss_field_dup_label (self);
  /* Translators: "Share of Gallium from China: in [0, 1]" */
  return g_strdup_printf (_("%s: in %s"), label, range);
}

/* The field as a refusal names it: "Tariff of Japan", "Horizon". */
char *
ss_field_dup_label (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), NULL);
  return self->resolved ? _ss_field_key_label (&self->key) : g_strdup ("");
}

gboolean
ss_field_may_be_empty (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), FALSE);
  return self->resolved && _ss_field_key_may_be_empty (&self->key);
}

/* What a screen reader says for the widget. */
char *
_ss_field_dup_accessible_label (SsField *self)
{
  const char *fixed = _ss_field_key_fixed_label (&self->key);
  g_autofree char *label = NULL;

  if (fixed != NULL)
    return g_strdup (_(fixed));
  label = ss_field_dup_label (self);
  if (self->key.spec != NULL && self->key.spec->unit == SS_UNIT_PERCENT)
    /* Translators: what a screen reader says for a percentage's entry, "Watch, in percent" */
    return g_strdup_printf (_("%s, in percent"), label);
  return g_steal_pointer (&label);
}

/* --- Writing ----------------------------------------------------------- */

/* The default handler of "commit": writes the typed value through the
 * document, or shows why it cannot be. */
static gboolean
real_commit (SsField *self)
{
  g_autofree char *text = ss_page_get_text (self->widget);
  g_autoptr(GError) error = NULL;
  SsFieldValue value;
  char *message = _ss_field_key_check (&self->key, text, &value);

  /* Not dirty before the document says it changed, or the field would
   * keep the text as typed ("cx") rather than show what the study holds. */
  if (message == NULL)
    {
      self->dirty = FALSE;
      if (_ss_field_key_write (&self->key, &value, &error))
        ss_field_reset (self);
      else
        {
          self->dirty = TRUE;
          message = g_strdup (error->message);
        }
    }
  g_free (value.string);
  if (message != NULL)
    {
      char *old_message = _ss_field_dup_shown_message (self);

      g_free (self->message);
      self->message = message;
      _ss_field_show_state (self, old_message);
    }
  return TRUE;
}

static void
on_document_changed (SsField *self,
                     guint    change,
                     int      scenario)
{
  /* A scenario's own edit shows only in that scenario's fields. */
  if (change == SS_CHANGE_SCENARIO
      && ((self->key.element != SS_ELEMENT_OVERRIDE && self->key.element != SS_ELEMENT_SCENARIO
           && self->key.element != SS_ELEMENT_SHOCK)
          || scenario != self->key.scenario))
    return;
  _ss_field_sync (self, FALSE);
}

/* --- Public API -------------------------------------------------------- */

SsField *
ss_field_new (SsElement   element,
              const char *name)
{
  return g_object_new (SS_TYPE_FIELD, "element", element, "name", name, NULL);
}

SsDocument *
ss_field_get_document (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), NULL);
  return self->key.document;
}

void
ss_field_set_document (SsField    *self,
                       SsDocument *document)
{
  g_return_if_fail (SS_IS_FIELD (self));
  g_return_if_fail (document == NULL || SS_IS_DOCUMENT (document));

  if (self->key.document == document)
    return;
  if (self->key.document != NULL)
    g_signal_handlers_disconnect_by_data (self->key.document, self);
  g_set_object (&self->key.document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self,
                             G_CONNECT_SWAPPED);
  _ss_field_sync (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

const char *
ss_field_get_name (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), NULL);
  return self->name;
}

/* Another country, item or scenario: what was typed for the last is moot. */
static void
set_index (SsField *self,
           int     *index,
           int      value,
           guint    prop)
{
  if (*index == value)
    return;
  *index = value;
  _ss_field_sync (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
ss_field_set_country (SsField *self,
                      int      country)
{
  g_return_if_fail (SS_IS_FIELD (self));
  set_index (self, &self->key.country, country, PROP_COUNTRY);
}

void
ss_field_set_scenario (SsField *self,
                       int      scenario)
{
  g_return_if_fail (SS_IS_FIELD (self));
  set_index (self, &self->key.scenario, scenario, PROP_SCENARIO);
}

/* Which shock of the scenario, or which policy target of the study. */
void
ss_field_set_entry (SsField *self,
                    int      entry)
{
  g_return_if_fail (SS_IS_FIELD (self));
  set_index (self, &self->key.entry, entry, PROP_ENTRY);
}

GtkWidget *
ss_field_get_widget (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), NULL);
  return self->widget;
}

/* Whether the widget's tooltip says the meaning and range while the text
 * is accepted; a row that says them in its subtitle turns it off. */
void
ss_field_set_show_hint (SsField  *self,
                        gboolean  show_hint)
{
  g_return_if_fail (SS_IS_FIELD (self));

  show_hint = !!show_hint;
  if (self->show_hint == show_hint)
    return;
  self->show_hint = show_hint;
  _ss_field_sync (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_HINT]);
}

/* Why the text is refused, or NULL. */
const char *
ss_field_get_message (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), NULL);
  return self->message != NULL ? self->message : self->refusal;
}

gboolean
ss_field_get_dirty (SsField *self)
{
  g_return_val_if_fail (SS_IS_FIELD (self), FALSE);
  return self->dirty;
}

/**
 * ss_field_get_typed_value:
 * @value: (out): the number as it would be written
 *
 * Returns: whether the text passes the field's own checks (range, syntax);
 *   an empty optional figure gives what it stands for, 0 for a share
 */
gboolean
ss_field_get_typed_value (SsField *self,
                          double  *value)
{
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  SsFieldValue typed;

  g_return_val_if_fail (SS_IS_FIELD (self), FALSE);
  g_return_val_if_fail (self->key.spec != NULL, FALSE);

  if (self->widget == NULL || !_ss_field_exists (self))
    return FALSE;
  text = ss_page_get_text (self->widget);
  message = _ss_field_key_check (&self->key, text, &typed);
  *value = typed.number;
  return message == NULL;
}

/**
 * ss_field_set_refusal:
 * @refusal: (nullable): why the typed value cannot be written, or NULL
 *
 * A refusal the page makes, which depends on other fields (the order of
 * the thresholds, shares that do not sum to 1): shown as the field's
 * message when its own checks pass, until it is set again or the field
 * shows the study again.
 */
void
ss_field_set_refusal (SsField    *self,
                      const char *refusal)
{
  char *old_message;

  g_return_if_fail (SS_IS_FIELD (self));

  if (g_strcmp0 (self->refusal, refusal) == 0)
    return;
  old_message = _ss_field_dup_shown_message (self);
  g_free (self->refusal);
  self->refusal = g_strdup (refusal);
  _ss_field_show_state (self, old_message);
}

/* Shows the study's value again, dropping what was typed. */
void
ss_field_reset (SsField *self)
{
  g_return_if_fail (SS_IS_FIELD (self));
  _ss_field_sync (self, TRUE);
}

/* --- GObject ----------------------------------------------------------- */

static void
ss_field_dispose (GObject *object)
{
  SsField *self = SS_FIELD (object);

  _ss_field_unwatch (self);
  if (self->key.document != NULL)
    g_signal_handlers_disconnect_by_data (self->key.document, self);
  g_clear_object (&self->key.document);

  G_OBJECT_CLASS (ss_field_parent_class)->dispose (object);
}

static void
ss_field_finalize (GObject *object)
{
  SsField *self = SS_FIELD (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->refusal, g_free);
  g_clear_pointer (&self->shown_label, g_free);

  G_OBJECT_CLASS (ss_field_parent_class)->finalize (object);
}

static void
ss_field_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SsField *self = SS_FIELD (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->key.document);
      break;
    case PROP_ELEMENT:
      g_value_set_enum (value, self->key.element);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COUNTRY:
      g_value_set_int (value, self->key.country);
      break;
    case PROP_ITEM:
      g_value_set_int (value, self->key.item);
      break;
    case PROP_SCENARIO:
      g_value_set_int (value, self->key.scenario);
      break;
    case PROP_ENTRY:
      g_value_set_int (value, self->key.entry);
      break;
    case PROP_WIDGET:
      g_value_set_object (value, self->widget);
      break;
    case PROP_SHOW_HINT:
      g_value_set_boolean (value, self->show_hint);
      break;
    case PROP_TITLE:
      g_value_set_string (value, ss_field_get_title (self));
      break;
    case PROP_MEANING:
      g_value_take_string (value, ss_field_dup_meaning (self));
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, ss_field_get_message (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_field_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SsField *self = SS_FIELD (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ss_field_set_document (self, g_value_get_object (value));
      break;
    case PROP_ELEMENT:
      self->key.element = g_value_get_enum (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_COUNTRY:
      ss_field_set_country (self, g_value_get_int (value));
      break;
    case PROP_ITEM:
      set_index (self, &self->key.item, g_value_get_int (value), PROP_ITEM);
      break;
    case PROP_SCENARIO:
      ss_field_set_scenario (self, g_value_get_int (value));
      break;
    case PROP_ENTRY:
      ss_field_set_entry (self, g_value_get_int (value));
      break;
    case PROP_WIDGET:
      ss_field_set_widget (self, g_value_get_object (value));
      break;
    case PROP_SHOW_HINT:
      ss_field_set_show_hint (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_field_constructed (GObject *object)
{
  SsField *self = SS_FIELD (object);

  G_OBJECT_CLASS (ss_field_parent_class)->constructed (object);

  self->resolved = _ss_field_key_resolve (&self->key, self->name);
  if (!self->resolved && self->name != NULL)
    g_critical ("A study has no %s “%s”",
                g_enum_to_string (SS_TYPE_ELEMENT, self->key.element), self->name);
  if (self->widget != NULL && self->resolved)
    {
      _ss_field_configure (self);
      _ss_field_sync (self, TRUE);
    }
}

static void
ss_field_class_init (SsFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ss_field_constructed;
  object_class->dispose = ss_field_dispose;
  object_class->finalize = ss_field_finalize;
  object_class->get_property = ss_field_get_property;
  object_class->set_property = ss_field_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, SS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ELEMENT] =
    g_param_spec_enum ("element", NULL, NULL, SS_TYPE_ELEMENT, SS_ELEMENT_META,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SsField:name:
   *
   * The value's name in the file: an attribute of the element's table in
   * ss-attrs.c ("disruption-days", "horizon"), or one of its texts
   * ("code", "name", "group", "category", "title", "currency",
   * "description", "source").
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTRY] =
    g_param_spec_int ("country", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM] =
    g_param_spec_int ("item", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCENARIO] =
    g_param_spec_int ("scenario", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SsField:entry:
   *
   * Which shock of the scenario (SS_ELEMENT_SHOCK) or which policy
   * target of the study (SS_ELEMENT_POLICY_TARGET), by index.
   */
  properties[PROP_ENTRY] =
    g_param_spec_int ("entry", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WIDGET] =
    g_param_spec_object ("widget", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_HINT] =
    g_param_spec_boolean ("show-hint", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEANING] =
    g_param_spec_string ("meaning", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SsField::commit:
   *
   * What is typed is to be written. The default handler checks it and
   * writes it through the document; a handler that writes it with other
   * fields returns %TRUE.
   */
  signals[COMMIT] =
    g_signal_new_class_handler ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (real_commit), g_signal_accumulator_true_handled,
                                NULL, NULL, G_TYPE_BOOLEAN, 0);

  /**
   * SsField::edited:
   *
   * The text was typed in, or put back with Escape.
   */
  signals[EDITED] =
    g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ss_field_init (SsField *self)
{
  self->key.country = -1;
  self->key.item = -1;
  self->key.entry = -1;
  self->key.scenario = -1;
  self->show_hint = TRUE;
}
