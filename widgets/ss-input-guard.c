/* ss-input-guard.c: sliders and spin buttons change only when meant to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A planner reads a study by scrolling a long page of sliders and spin
 * buttons. GTK lets the mouse wheel change any of them the pointer passes
 * over, so scrolling the page moved shares, each as its own undo step.
 * Here the wheel scrolls the page, as in GNOME Settings or LibreOffice,
 * unless the control has the keyboard focus (it was clicked or tabbed
 * to) or Ctrl is held. A wheel that is scrolling the page goes on
 * scrolling it when a focused control comes under the pointer, until the
 * page has rested for half a second (as in Firefox), so scrolling past
 * the share that was just edited does not edit it again.
 *
 * A spin button also leaves the study's history to the window: Ctrl+Z,
 * Ctrl+Shift+Z and Ctrl+Y are not the text field's own undo (which could
 * empty the field) but go to the window's shortcuts (its Undo and Redo),
 * after the field is settled as leaving it would settle it, so they do
 * what the Undo and Redo buttons do. And a field left empty goes back
 * to its value (GTK would read it as 0); one left as it shows keeps its
 * exact value (GTK would round it to the digits shown). What is typed is
 * read as the locale types numbers (ss_typed_parse_in()); a number out
 * of the control's range, or no number, is refused with a message naming
 * the control and its range, on the control and as a toast, and the
 * value stays: GTK would clamp 150 % to 100 % and so zero every other
 * share.
 *
 * The control keeps its own scroll handling: a capture-phase controller
 * sees each scroll event before the control's own scroll controller does
 * and switches that one on or off for this event. When it is off, the
 * event bubbles on to the enclosing GtkScrolledWindow, which scrolls with
 * its usual speed, kinetics and overshoot.
 */

#define G_LOG_DOMAIN "supplyshift-input-guard"

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ss-input-guard.h"
#include "ss-typed.h"

#define GUARD_KEY "ss-input-guard"
#define FIELD_KEY "ss-input-guard-field"
#define MOVED_KEY "ss-input-guard-moved"
#define LATCH_TIME (500 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  GPtrArray *scrolls;                  /* the control's own scroll controllers */
} Guard;

/* What a spin button's refusal says of it. */
typedef struct
{
  char       *label;                   /* "Share of China" */
  SsAttrUnit  unit;
  char       *message;                 /* the refusal shown, or NULL */
} Field;

static void
field_free (gpointer data)
{
  Field *field = data;

  g_free (field->label);
  g_free (field->message);
  g_free (field);
}

static Field *
field_of (GtkSpinButton *spin)
{
  Field *field = g_object_get_data (G_OBJECT (spin), FIELD_KEY);

  if (field == NULL)
    {
      field = g_new0 (Field, 1);
      field->label = g_strdup (_("The value"));
      g_object_set_data_full (G_OBJECT (spin), FIELD_KEY, field, field_free);
    }
  return field;
}

static void
guard_free (gpointer data)
{
  Guard *guard = data;

  g_ptr_array_unref (guard->scrolls);
  g_free (guard);
}

static GtkWidget *
next_scroller (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return parent != NULL ? gtk_widget_get_ancestor (parent, GTK_TYPE_SCROLLED_WINDOW) : NULL;
}

static void
on_page_moved (GtkAdjustment *adjustment)
{
  gint64 *moved = g_object_get_data (G_OBJECT (adjustment), MOVED_KEY);

  *moved = g_get_monotonic_time ();
}

/* Notes when each page that holds @control last moved. */
static void
watch_pages (GtkWidget *control)
{
  for (GtkWidget *scroller = next_scroller (control); scroller != NULL;
       scroller = next_scroller (scroller))
    {
      GtkAdjustment *page = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

      if (g_object_get_data (G_OBJECT (page), MOVED_KEY) != NULL)
        continue;
      g_object_set_data_full (G_OBJECT (page), MOVED_KEY, g_new0 (gint64, 1), g_free);
      g_signal_connect (page, "value-changed", G_CALLBACK (on_page_moved), NULL);
    }
}

static gboolean
page_is_moving (GtkWidget *control)
{
  gint64 now = g_get_monotonic_time ();

  for (GtkWidget *scroller = next_scroller (control); scroller != NULL;
       scroller = next_scroller (scroller))
    {
      GtkAdjustment *page = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      gint64 *moved = g_object_get_data (G_OBJECT (page), MOVED_KEY);

      if (moved != NULL && now - *moved < LATCH_TIME)
        return TRUE;
    }
  return FALSE;
}

/* Whether the wheel is meant for the control rather than for the page. */
static gboolean
wheel_is_for_control (GtkWidget *control,
                      GdkEvent  *event)
{
  if ((gdk_event_get_modifier_state (event) & GDK_CONTROL_MASK) != 0)
    return TRUE;
  return (gtk_widget_get_state_flags (control) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0
         && !page_is_moving (control);
}

static gboolean
on_event (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          Guard                    *guard)
{
  GtkWidget *control = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkPropagationPhase phase;

  if (gdk_event_get_event_type (event) != GDK_SCROLL)
    return GDK_EVENT_PROPAGATE;

  phase = wheel_is_for_control (control, event) ? GTK_PHASE_BUBBLE : GTK_PHASE_NONE;
  for (guint i = 0; i < guard->scrolls->len; i++)
    gtk_event_controller_set_propagation_phase (g_ptr_array_index (guard->scrolls, i), phase);
  return GDK_EVENT_PROPAGATE;
}

/* Undo and redo keys: the field is settled, then the key goes to the
 * window's own shortcuts (its Undo and Redo), never to the text's. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkSpinButton         *spin)
{
  guint key = gdk_keyval_to_lower (keyval);
  GtkRoot *root;

  if ((state & GDK_CONTROL_MASK) == 0 || (key != GDK_KEY_z && key != GDK_KEY_y))
    return GDK_EVENT_PROPAGATE;

  gtk_spin_button_update (spin);
  if ((root = gtk_widget_get_root (GTK_WIDGET (spin))) != NULL)
    gtk_event_controller_key_forward (controller, GTK_WIDGET (root));
  return GDK_EVENT_STOP;
}

/* Shows @message on the spin button (the "error" style, its tooltip and
 * invalid state) and as a toast; %NULL takes a refusal away. */
static void
show_refusal (GtkSpinButton *spin,
              const char    *message,
              const char    *typed)
{
  Field *field = field_of (spin);
  GtkWidget *overlay;

  if (message == NULL)
    {
      if (field->message == NULL)
        return;
      g_clear_pointer (&field->message, g_free);
      gtk_widget_remove_css_class (GTK_WIDGET (spin), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (spin), NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_STATE_INVALID);
      return;
    }
  g_free (field->message);
  field->message = g_strdup (message);
  gtk_widget_add_css_class (GTK_WIDGET (spin), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (spin), message);
  gtk_accessible_update_state (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  if ((overlay = gtk_widget_get_ancestor (GTK_WIDGET (spin), ADW_TYPE_TOAST_OVERLAY)) != NULL)
    {
      /* Translators: a refusal, then what was typed and is not taken,
       * "Share of China must be a percentage in [0, 100]; “150” was not taken" */
      g_autofree char *title = g_strdup_printf (_("%s; “%s” was not taken"), message, typed);
      /* Normal priority: refusals typed one after another queue up
       * rather than cut each other off mid-animation. */
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
    }
}

static void
on_value_changed (GtkSpinButton *spin)
{
  show_refusal (spin, NULL, NULL);
}

/* Reads the field for GtkSpinButton, where its own reading would be
 * wrong: empty text (0 for GTK), the text of the value itself (rounded
 * to the digits shown), the locale's other decimal mark (GTK reads
 * "12.5" as 12 in German), and a number out of range (clamped by GTK). */
static int
on_input (GtkSpinButton *spin,
          double        *new_value)
{
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);
  Field *field = field_of (spin);
  double value = gtk_spin_button_get_value (spin);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  g_autofree char *showing = g_strdup_printf ("%0.*f", gtk_spin_button_get_digits (spin), value);
  g_autoptr(GError) error = NULL;
  double typed;

  *new_value = value;
  if (*text == '\0' || strcmp (text, showing) == 0)
    {
      show_refusal (spin, NULL, NULL);
      return TRUE;
    }
  if (!ss_typed_parse_in (field->label, text, field->unit, gtk_adjustment_get_lower (adjustment),
                          gtk_adjustment_get_upper (adjustment), &typed, &error))
    {
      show_refusal (spin, error->message, text);
      return GTK_INPUT_ERROR;
    }
  show_refusal (spin, NULL, NULL);
  *new_value = typed;
  return TRUE;
}

/**
 * ss_input_guard_set_label:
 * @control: a spin button given to ss_input_guard()
 * @label: the control as a refusal names it, "Share of China"
 * @unit: how its value is typed: %SS_UNIT_PERCENT (as shown, "12.5"
 *   for 12.5 %), %SS_UNIT_WHOLE or %SS_UNIT_NONE
 */
void
ss_input_guard_set_label (GtkWidget  *control,
                          const char *label,
                          SsAttrUnit  unit)
{
  Field *field;

  g_return_if_fail (GTK_IS_SPIN_BUTTON (control));

  field = field_of (GTK_SPIN_BUTTON (control));
  g_free (field->label);
  field->label = g_strdup (label);
  field->unit = unit;
}

/**
 * ss_input_guard_get_message:
 *
 * Returns: (nullable): why the text last typed into @control was
 *   refused, while the refusal shows
 */
const char *
ss_input_guard_get_message (GtkWidget *control)
{
  Field *field = g_object_get_data (G_OBJECT (control), FIELD_KEY);

  return field != NULL ? field->message : NULL;
}

static void
guard_spin_button (GtkSpinButton *spin)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_editable_set_enable_undo (GTK_EDITABLE (spin), FALSE);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), spin);
  gtk_widget_add_controller (GTK_WIDGET (spin), keys);
  g_signal_connect (spin, "input", G_CALLBACK (on_input), NULL);
  /* A value set otherwise (the slider, an undo) ends a refusal. */
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_value_changed), NULL);
}

/**
 * ss_input_guard:
 * @control: a #GtkRange (such as a #GtkScale) or a #GtkSpinButton
 *
 * Makes the mouse wheel over @control scroll the page unless @control
 * has the focus or Ctrl is held. A spin button's undo and redo keys go
 * to the window, and a field left empty or unchanged keeps its value.
 * Call it once per control.
 */
void
ss_input_guard (GtkWidget *control)
{
  g_autoptr(GListModel) controllers = NULL;
  GtkEventController *legacy;
  Guard *guard;

  g_return_if_fail (GTK_IS_RANGE (control) || GTK_IS_SPIN_BUTTON (control));
  g_return_if_fail (g_object_get_data (G_OBJECT (control), GUARD_KEY) == NULL);

  guard = g_new0 (Guard, 1);
  guard->scrolls = g_ptr_array_new_with_free_func (g_object_unref);

  /* GtkRange and GtkSpinButton each have a scroll controller of their
   * own. It starts off, so a wheel the capture phase does not see still
   * scrolls the page. */
  controllers = gtk_widget_observe_controllers (control);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_SCROLL (item))
        {
          gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (item), GTK_PHASE_NONE);
          g_ptr_array_add (guard->scrolls, g_steal_pointer (&item));
        }
    }
  g_warn_if_fail (guard->scrolls->len > 0);
  g_clear_object (&controllers);
  g_object_set_data_full (G_OBJECT (control), GUARD_KEY, guard, guard_free);

  legacy = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_name (legacy, GUARD_KEY);
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect (legacy, "event", G_CALLBACK (on_event), guard);
  gtk_widget_add_controller (control, legacy);

  if (GTK_IS_SPIN_BUTTON (control))
    guard_spin_button (GTK_SPIN_BUTTON (control));

  /* The pages are known once the control is in the window. */
  g_signal_connect (control, "map", G_CALLBACK (watch_pages), NULL);
  if (gtk_widget_get_mapped (control))
    watch_pages (control);
}
