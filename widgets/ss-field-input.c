/* ss-field-input.c: the widget a field watches — typing, Enter, Escape
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a field (ss-field.c) follows its widget: every keystroke is checked
 * and its outcome shown on the widget (the "error" style, the tooltip,
 * the accessible invalid state and label); Enter, the apply button or
 * leaving the widget commits; Escape puts the study's value back; the
 * study's value is shown again after every change of the document,
 * except while the user is typing.
 */

#define G_LOG_DOMAIN "supplyshift-field"

#include "config.h"

#include <adwaita.h>

#include "ss-field-private.h"
#include "ss-page-util.h"
#include "ss-typed.h"

static gboolean commit (SsField *self);

/* --- Showing ----------------------------------------------------------- */

static void
set_accessible_label (SsField    *self,
                      const char *label)
{
  if (g_strcmp0 (self->shown_label, label) == 0)
    return;
  g_free (self->shown_label);
  self->shown_label = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  /* Its row labels it by its title as well ("Title Title", "Horizon
   * Horizon"): an entry row itself, an action row its activatable
   * widget. The field's label says it all. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Shows the field's state on its widget and says so. */
void
_ss_field_show_state (SsField *self,
                      char    *old_message)
{
  const char *message = self->message != NULL ? self->message : self->refusal;
  g_autofree char *hint = NULL;
  g_autofree char *label = NULL;
  g_autofree char *owned_old = old_message;

  if (self->widget == NULL)
    return;

  /* A text view shows its meaning around it: only a refusal goes on it. */
  if (self->show_hint && self->resolved && !_ss_field_key_is_notes (&self->key))
    hint = _ss_field_dup_hint (self);
  ss_page_show_input_state (self->widget, message, hint);
  label = _ss_field_dup_accessible_label (self);
  set_accessible_label (self, label);

  if (g_strcmp0 (owned_old, message) != 0)
    _ss_field_notify (self, PROP_MESSAGE);
}

char *
_ss_field_dup_shown_message (SsField *self)
{
  return g_strdup (self->message != NULL ? self->message : self->refusal);
}

/* Shows the study's value, unless the user is typing (or @force). */
void
_ss_field_sync (SsField  *self,
                gboolean  force)
{
  char *old_message = _ss_field_dup_shown_message (self);
  g_autofree char *text = NULL;

  if (self->widget == NULL)
    {
      g_free (old_message);
      return;
    }
  if (!self->dirty || force)
    {
      text = _ss_field_key_text (&self->key);
      self->syncing = TRUE;
      ss_page_set_text (self->widget, text);
      self->syncing = FALSE;
      self->dirty = FALSE;
      g_clear_pointer (&self->message, g_free);
      g_clear_pointer (&self->refusal, g_free);
    }
  if (GTK_IS_ENTRY (self->widget) && self->key.spec != NULL)
    {
      g_autofree char *placeholder = NULL;
      char buf[SS_NUMBER_BUF];

      if (ss_field_may_be_empty (self) && _ss_field_exists (self))
        {
          ss_typed_format (self->key.spec, buf, sizeof buf, _ss_field_key_empty_value (&self->key));
          placeholder = g_strdup (buf);
        }
      if (g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (self->widget)), placeholder) != 0)
        gtk_entry_set_placeholder_text (GTK_ENTRY (self->widget), placeholder);
    }
  _ss_field_show_state (self, old_message);
}

/* --- Input ------------------------------------------------------------- */

static void
on_text_changed (SsField *self)
{
  char *old_message;
  g_autofree char *text = NULL;
  SsFieldValue value;

  if (self->syncing || !_ss_field_exists (self))
    return;

  old_message = _ss_field_dup_shown_message (self);
  self->dirty = TRUE;
  text = ss_page_get_text (self->widget);
  g_free (self->message);
  self->message = _ss_field_key_check (&self->key, text, &value);
  g_free (value.string);
  _ss_field_show_state (self, old_message);
  _ss_field_emit (self, EDITED, NULL);
}

static void
on_activate (SsField *self)
{
  commit (self);
}

static void
on_leave (SsField *self)
{
  commit (self);
}

/* Escape puts the study's value back. */
static gboolean
on_key_pressed (SsField         *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  if (keyval != GDK_KEY_Escape || !self->dirty)
    return FALSE;
  ss_field_reset (self);
  _ss_field_emit (self, EDITED, NULL);
  return TRUE;
}

void
_ss_field_unwatch (SsField *self)
{
  GObject *emitter;

  if (self->widget == NULL)
    return;
  emitter = GTK_IS_TEXT_VIEW (self->widget)
            ? G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->widget)))
            : G_OBJECT (self->widget);
  g_signal_handlers_disconnect_by_data (emitter, self);
  g_signal_handlers_disconnect_by_data (self->widget, self);
  gtk_widget_remove_controller (self->widget, self->focus);
  gtk_widget_remove_controller (self->widget, self->key_controller);
  self->focus = NULL;
  self->key_controller = NULL;
  g_object_remove_weak_pointer (G_OBJECT (self->widget), (gpointer *)&self->widget);
  self->widget = NULL;
}

/* Sets what an entry for the field's kind of value needs. */
void
_ss_field_configure (SsField *self)
{
  GtkInputHints hints = _ss_field_key_hints (&self->key);

  if (ADW_IS_ENTRY_ROW (self->widget))
    adw_entry_row_set_input_hints (ADW_ENTRY_ROW (self->widget), hints);
  else if (GTK_IS_ENTRY (self->widget) && self->key.spec == NULL)
    gtk_entry_set_input_hints (GTK_ENTRY (self->widget), hints);
  else if (GTK_IS_ENTRY (self->widget))
    {
      gtk_editable_set_alignment (GTK_EDITABLE (self->widget), 1);
      gtk_entry_set_input_purpose (GTK_ENTRY (self->widget),
                                   self->key.spec->unit == SS_UNIT_WHOLE ? GTK_INPUT_PURPOSE_DIGITS
                                                                     : GTK_INPUT_PURPOSE_NUMBER);
      gtk_widget_add_css_class (self->widget, "numeric");
    }
}

/**
 * ss_field_set_widget:
 * @widget: (nullable): a GtkEntry, an AdwEntryRow or a GtkTextView
 *
 * Makes @widget edit the field: it shows the study's value, is checked as
 * it is typed in and written on Enter or when it loses the focus. The
 * field sets the widget's alignment and input purpose for its kind of
 * value, its tooltip and its accessible label.
 */
void
ss_field_set_widget (SsField   *self,
                     GtkWidget *widget)
{
  g_return_if_fail (SS_IS_FIELD (self));
  g_return_if_fail (widget == NULL || GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget));

  if (self->widget == widget)
    return;
  _ss_field_unwatch (self);
  g_clear_pointer (&self->shown_label, g_free);
  if (widget != NULL)
    {
      self->widget = widget;
      g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *)&self->widget);
      if (GTK_IS_TEXT_VIEW (widget))
        g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                                  G_CALLBACK (on_text_changed), self);
      else
        {
          g_signal_connect_swapped (widget, "changed", G_CALLBACK (on_text_changed), self);
          if (ADW_IS_ENTRY_ROW (widget))
            {
              g_signal_connect_swapped (widget, "entry-activated", G_CALLBACK (on_activate), self);
              g_signal_connect_swapped (widget, "apply", G_CALLBACK (on_activate), self);
            }
          else
            g_signal_connect_swapped (widget, "activate", G_CALLBACK (on_activate), self);
        }
      self->focus = gtk_event_controller_focus_new ();
      g_signal_connect_swapped (self->focus, "leave", G_CALLBACK (on_leave), self);
      gtk_widget_add_controller (widget, self->focus);
      self->key_controller = gtk_event_controller_key_new ();
      g_signal_connect_swapped (self->key_controller, "key-pressed", G_CALLBACK (on_key_pressed),
                                self);
      gtk_widget_add_controller (widget, self->key_controller);
      if (self->resolved)
        _ss_field_configure (self);
      _ss_field_sync (self, TRUE);
    }
  _ss_field_notify (self, PROP_WIDGET);
}

/* Writes what is typed, if anything, as one undoable edit, through
 * "commit" (which a page may handle to write several fields at once).
 * Nothing is written while the document is in an edit of its own. */
static gboolean
commit (SsField *self)
{
  gboolean handled = FALSE;

  g_return_val_if_fail (SS_IS_FIELD (self), FALSE);

  if (!self->dirty || self->syncing || self->widget == NULL || !_ss_field_exists (self)
      || ss_document_in_edit (self->key.document))
    return self->message == NULL;
  _ss_field_emit (self, COMMIT, &handled);
  return ss_field_get_message (self) == NULL;
}
