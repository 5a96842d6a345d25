/* ss-share-editor.c: sliders for one item's import shares by country
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per country of the study (SsShareRow): a colour swatch, the
 * name, a slider and a spin button for the share in percent, the baseline
 * share for reference and a lock. Moving one share rebalances the
 * unlocked others with ss_rebalance(), so the shares always sum to 1.
 *
 * The editor never touches the document. It reports each edit as
 * "edit-begin", one "shares-changed" per step, then "edit-end", and the
 * window applies get_shares() to the study; after an undo or a scenario
 * switch the window hands the shares back with set_shares(), which emits
 * nothing. Edits never nest: "edit-begin" is only emitted again after the
 * matching "edit-end" (SsDocument refuses nested edits).
 *
 * A pointer held on a slider or a spin button makes one edit: the whole
 * drag, a click in the trough followed by a drag, or a held "+" button.
 * GtkRange claims the pointer sequence for its own gestures, which denies
 * (and so ends at once) any other gesture on the scale, so the press and
 * release are watched with a capture-phase legacy controller instead; the
 * range's own drag gesture ending also closes the edit, in case a grab
 * took the release away. Any other change (a key, the scroll wheel, a
 * value typed in a spin button, gtk_range_set_value()) is an edit of its
 * own. The wheel only reaches a row that has the focus or with Ctrl held
 * (ss_input_guard()); otherwise it scrolls the page.
 */

#define G_LOG_DOMAIN "supplyshift-share-editor"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ss-input-guard.h"
#include "ss-rebalance.h"
#include "ss-share-editor.h"
#include "ss-share-row.h"

struct _SsShareEditor
{
  GtkWidget          parent_instance;

  /* Children */
  GtkWidget         *box;              /* the rows, with separators between them */

  /* Owned */
  GPtrArray         *rows;             /* of SsShareRow, borrowed from the box */
  GtkSizeGroup      *names;            /* so the rows line up as columns */
  GtkSizeGroup      *baselines;
  double            *shares;           /* n entries, fractions summing to 1 */
  double            *baseline;         /* n entries; NAN where not known */
  gboolean          *locked;           /* n entries */
  guint              n;

  /* The pointer press that is making an edit, if any */
  int                pointer_row;      /* -1 when no button is held */
  guint              pointer_button;
  GdkEventSequence  *pointer_sequence; /* touch; NULL for a mouse button */

  guint              updating : 1;     /* writing to the rows: ignore their signals */
  guint              in_edit : 1;      /* between edit-begin and edit-end */
};

G_DEFINE_FINAL_TYPE (SsShareEditor, ss_share_editor, GTK_TYPE_WIDGET)

enum {
  EDIT_BEGIN,
  SHARES_CHANGED,
  EDIT_END,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ss_share_editor_emit (SsShareEditor *self,
                      guint          signal)
{
  switch (signal)
    {
    case EDIT_BEGIN:
      if (self->in_edit)
        return;
      self->in_edit = TRUE;
      break;

    case EDIT_END:
      if (!self->in_edit)
        return;
      self->in_edit = FALSE;
      break;

    case SHARES_CHANGED:
      g_assert (self->in_edit);
      break;

    default:
      g_assert_not_reached ();
    }

  g_signal_emit (self, signals[signal], 0);
}

static SsShareRow *
get_row (SsShareEditor *self,
         guint          index)
{
  return g_ptr_array_index (self->rows, index);
}

/* The row a slider, spin button or lock belongs to, or -1 for a widget
 * left over from an earlier set_countries(). */
static int
row_of (SsShareEditor *self,
        GtkWidget     *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, SS_TYPE_SHARE_ROW);
  guint index;

  if (row == NULL || !g_ptr_array_find (self->rows, row, &index))
    return -1;
  return index;
}

static void
sync_row (SsShareEditor *self,
          guint          index)
{
  gboolean was_updating = self->updating;

  self->updating = TRUE;
  ss_share_row_set_share (get_row (self, index), self->shares[index]);
  self->updating = was_updating;
}

static void
sync_rows (SsShareEditor *self)
{
  for (guint i = 0; i < self->n; i++)
    sync_row (self, i);
}

static void
sync_baseline (SsShareEditor *self,
               guint          index)
{
  ss_share_row_set_baseline (get_row (self, index), self->baseline[index]);
}

/* Moves share `index` to `percent` and rebalances the others. */
static void
move_share (SsShareEditor *self,
            guint          index,
            double         percent)
{
  g_autofree double *next = NULL;
  gboolean discrete;

  /* A value that shows as the current one is no move: leaving a spin button
   * parses its text back, which would otherwise round the share to the
   * 0.1 % it displays. A locked share does not move either. */
  if (self->locked[index] || round (percent * 10) == round (self->shares[index] * 1000))
    {
      sync_row (self, index);
      return;
    }

  next = g_memdup2 (self->shares, self->n * sizeof *next);
  ss_rebalance (next, self->locked, self->n, index, percent / 100);

  /* With everything else locked nothing can move: snap back. */
  if (memcmp (next, self->shares, self->n * sizeof *next) == 0)
    {
      sync_row (self, index);
      return;
    }

  discrete = !self->in_edit && self->pointer_row != (int)index;

  ss_share_editor_emit (self, EDIT_BEGIN);
  memcpy (self->shares, next, self->n * sizeof *next);
  sync_rows (self);
  ss_share_editor_emit (self, SHARES_CHANGED);
  if (discrete)
    ss_share_editor_emit (self, EDIT_END);
}

static void
on_scale_value_changed (GtkRange      *range,
                        SsShareEditor *self)
{
  int index;

  if (self->updating || (index = row_of (self, GTK_WIDGET (range))) < 0)
    return;
  move_share (self, index, gtk_range_get_value (range));
}

static void
on_spin_value_changed (GtkSpinButton *spin,
                       SsShareEditor *self)
{
  int index;

  if (self->updating || (index = row_of (self, GTK_WIDGET (spin))) < 0)
    return;
  move_share (self, index, gtk_spin_button_get_value (spin));
}

static void
on_lock_toggled (GtkToggleButton *button,
                 SsShareEditor   *self)
{
  int index;

  if ((index = row_of (self, GTK_WIDGET (button))) < 0)
    return;
  self->locked[index] = gtk_toggle_button_get_active (button);
}

static void
pointer_done (SsShareEditor *self)
{
  if (self->pointer_row < 0)
    return;
  self->pointer_row = -1;
  self->pointer_sequence = NULL;
  ss_share_editor_emit (self, EDIT_END);
}

static gboolean
on_pointer_event (GtkEventControllerLegacy *controller,
                  GdkEvent                 *event,
                  SsShareEditor            *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GdkEventType type = gdk_event_get_event_type (event);
  GdkEventSequence *sequence = gdk_event_get_event_sequence (event);
  guint button = 0;
  int index;

  if ((index = row_of (self, widget)) < 0)
    return GDK_EVENT_PROPAGATE;
  if (type == GDK_BUTTON_PRESS || type == GDK_BUTTON_RELEASE)
    button = gdk_button_event_get_button (event);

  switch ((int)type)
    {
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
      /* A second button or finger on the same row joins the edit; a press
       * on another row means the release of the last one never came. */
      if (self->pointer_row == index)
        break;
      pointer_done (self);
      self->pointer_row = index;
      self->pointer_button = button;
      self->pointer_sequence = type == GDK_TOUCH_BEGIN ? sequence : NULL;
      break;

    case GDK_BUTTON_RELEASE:
    case GDK_TOUCH_END:
    case GDK_TOUCH_CANCEL:
      if (self->pointer_row == index
          && self->pointer_button == button
          && self->pointer_sequence == (type == GDK_BUTTON_RELEASE ? NULL : sequence))
        pointer_done (self);
      break;

    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
on_range_gesture_end (GtkGesture       *gesture,
                      GdkEventSequence *sequence,
                      SsShareEditor    *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  int index = row_of (self, widget);

  if (index >= 0 && self->pointer_row == index)
    pointer_done (self);
}

static void
watch_pointer (SsShareEditor *self,
               GtkWidget     *widget)
{
  GtkEventController *controller = gtk_event_controller_legacy_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (on_pointer_event), self, 0);
  gtk_widget_add_controller (widget, controller);
}

/* The drag gesture is GtkRange's own (GTK 4.0 to 4.16 have one); when it
 * is not found the release alone ends the edit. */
static void
watch_range_drag (SsShareEditor *self,
                  GtkWidget     *range)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (range);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        g_signal_connect_object (controller, "end", G_CALLBACK (on_range_gesture_end), self, 0);
    }
}

/* Whether the rows already show @study's countries, as after an undo. */
static gboolean
shows_countries (SsShareEditor *self,
                 const SsStudy *study)
{
  guint n = study != NULL ? ss_study_get_n_countries (study) : 0;

  if (n != self->n || n != self->rows->len)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!ss_share_row_shows (get_row (self, i), ss_study_get_country (study, i)))
      return FALSE;
  return TRUE;
}

static void
add_row (SsShareEditor   *self,
         guint            index,
         const SsCountry *country)
{
  GtkWidget *row = ss_share_row_new (index, country, self->names, self->baselines);
  GtkWidget *scale = GTK_WIDGET (ss_share_row_get_scale (SS_SHARE_ROW (row)));
  GtkWidget *spin = GTK_WIDGET (ss_share_row_get_spin (SS_SHARE_ROW (row)));

  if (index > 0)
    gtk_box_append (GTK_BOX (self->box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (self->box), row);
  g_ptr_array_add (self->rows, row);

  g_signal_connect_object (scale, "value-changed", G_CALLBACK (on_scale_value_changed), self, 0);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_spin_value_changed), self, 0);
  g_signal_connect_object (ss_share_row_get_lock (SS_SHARE_ROW (row)), "toggled",
                           G_CALLBACK (on_lock_toggled), self, 0);
  watch_pointer (self, scale);
  watch_pointer (self, spin);
  watch_range_drag (self, scale);
  ss_input_guard (scale);
  ss_input_guard (spin);
}

/* Ends an edit under way, for when the rows it was made in go away. */
static void
finish_edit (SsShareEditor *self)
{
  self->pointer_row = -1;
  self->pointer_sequence = NULL;
  ss_share_editor_emit (self, EDIT_END);
}

/**
 * ss_share_editor_set_countries:
 * @self: a #SsShareEditor
 * @study: (nullable): the study whose countries get a row, in its order
 *
 * Rebuilds the rows; all shares are 0 and all locks open until
 * ss_share_editor_set_shares() and ss_share_editor_set_locked(). Nothing
 * of @study is kept. When the rows already show these countries (after
 * an undo, or an edit of something else) they stay as they are, with
 * their values, locks and focus, so Ctrl+Z in a row leaves the focus
 * there.
 */
void
ss_share_editor_set_countries (SsShareEditor *self,
                               const SsStudy *study)
{
  GtkWidget *child;
  guint n;

  g_return_if_fail (SS_IS_SHARE_EDITOR (self));
  g_return_if_fail (study == NULL || SS_IS_STUDY ((gpointer)study));

  finish_edit (self);
  if (shows_countries (self, study))
    return;

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  g_ptr_array_set_size (self->rows, 0);

  n = study != NULL ? ss_study_get_n_countries (study) : 0;
  self->n = n;
  self->shares = g_renew (double, self->shares, n);
  self->baseline = g_renew (double, self->baseline, n);
  self->locked = g_renew (gboolean, self->locked, n);
  for (guint i = 0; i < n; i++)
    {
      self->shares[i] = 0;
      self->baseline[i] = NAN;
      self->locked[i] = FALSE;
      add_row (self, i, ss_study_get_country (study, i));
      sync_baseline (self, i);
    }

  gtk_widget_set_visible (self->box, n > 0);
}

guint
ss_share_editor_get_n_countries (SsShareEditor *self)
{
  g_return_val_if_fail (SS_IS_SHARE_EDITOR (self), 0);

  return self->n;
}

/**
 * ss_share_editor_set_shares:
 * @self: a #SsShareEditor
 * @shares: (array length=n): the shares to show, fractions summing to 1
 * @baseline: (array length=n) (nullable): the baseline shares, for reference
 * @n: the number of countries, as in set_countries()
 *
 * Shows shares that changed elsewhere (undo, another item or scenario).
 * Emits none of the editor's signals.
 */
void
ss_share_editor_set_shares (SsShareEditor *self,
                            const double  *shares,
                            const double  *baseline,
                            guint          n)
{
  g_return_if_fail (SS_IS_SHARE_EDITOR (self));
  g_return_if_fail (n == self->n);
  g_return_if_fail (shares != NULL || n == 0);

  for (guint i = 0; i < n; i++)
    {
      double was = self->baseline[i];

      self->shares[i] = shares[i];
      self->baseline[i] = baseline != NULL ? baseline[i] : NAN;
      /* Labels and accessible descriptions only when they change: a drag
       * elsewhere in the window may land here on every step. */
      if (!(was == self->baseline[i] || (isnan (was) && isnan (self->baseline[i]))))
        sync_baseline (self, i);
    }
  sync_rows (self);
}

/* Puts the keyboard focus on a country's slider, scrolled into view. */
void
ss_share_editor_focus_country (SsShareEditor *self,
                               guint          country)
{
  g_return_if_fail (SS_IS_SHARE_EDITOR (self));
  g_return_if_fail (country < self->n);

  gtk_widget_grab_focus (GTK_WIDGET (ss_share_row_get_scale (get_row (self, country))));
}

/**
 * ss_share_editor_set_capacities:
 * @self: a #SsShareEditor
 * @capacity: (array length=n): each source's capacity, the largest share it
 *   could supply (1 for no limit)
 * @n: the number of countries, as in set_countries()
 *
 * Marks each slider at its source's capacity.
 */
void
ss_share_editor_set_capacities (SsShareEditor *self,
                                const double  *capacity,
                                guint          n)
{
  g_return_if_fail (SS_IS_SHARE_EDITOR (self));
  g_return_if_fail (n == self->n);
  g_return_if_fail (capacity != NULL || n == 0);

  for (guint i = 0; i < n; i++)
    ss_share_row_set_capacity (get_row (self, i), capacity[i]);
}

/**
 * ss_share_editor_get_shares:
 * @self: a #SsShareEditor
 *
 * Returns: (array) (transfer none) (nullable): the shares as edited, one
 *   per country; %NULL when there is none. Valid until the next call on
 *   @self.
 */
const double *
ss_share_editor_get_shares (SsShareEditor *self)
{
  g_return_val_if_fail (SS_IS_SHARE_EDITOR (self), NULL);

  return self->n > 0 ? self->shares : NULL;
}

/* A locked share keeps its value when others move, and cannot be moved
 * itself until unlocked. */
void
ss_share_editor_set_locked (SsShareEditor *self,
                            guint          country,
                            gboolean       locked)
{
  g_return_if_fail (SS_IS_SHARE_EDITOR (self));
  g_return_if_fail (country < self->n);

  gtk_toggle_button_set_active (ss_share_row_get_lock (get_row (self, country)), !!locked);
}

gboolean
ss_share_editor_get_locked (SsShareEditor *self,
                            guint          country)
{
  g_return_val_if_fail (SS_IS_SHARE_EDITOR (self), FALSE);
  g_return_val_if_fail (country < self->n, FALSE);

  return self->locked[country];
}

GtkWidget *
ss_share_editor_new (void)
{
  return g_object_new (SS_TYPE_SHARE_EDITOR, NULL);
}

/* A hidden editor gets no release: close a drag it was in. */
static void
ss_share_editor_unmap (GtkWidget *widget)
{
  finish_edit (SS_SHARE_EDITOR (widget));

  GTK_WIDGET_CLASS (ss_share_editor_parent_class)->unmap (widget);
}

static void
ss_share_editor_dispose (GObject *object)
{
  SsShareEditor *self = SS_SHARE_EDITOR (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);
  g_clear_object (&self->names);
  g_clear_object (&self->baselines);

  G_OBJECT_CLASS (ss_share_editor_parent_class)->dispose (object);
}

static void
ss_share_editor_finalize (GObject *object)
{
  SsShareEditor *self = SS_SHARE_EDITOR (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->shares, g_free);
  g_clear_pointer (&self->baseline, g_free);
  g_clear_pointer (&self->locked, g_free);

  G_OBJECT_CLASS (ss_share_editor_parent_class)->finalize (object);
}

static void
ss_share_editor_class_init (SsShareEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_share_editor_dispose;
  object_class->finalize = ss_share_editor_finalize;

  widget_class->unmap = ss_share_editor_unmap;

  /**
   * SsShareEditor::edit-begin:
   *
   * An edit starts: a drag or a held button on a row, or one discrete
   * change. Never emitted twice without "edit-end" in between.
   */
  signals[EDIT_BEGIN] =
    g_signal_new ("edit-begin",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * SsShareEditor::shares-changed:
   *
   * The shares moved (read them with ss_share_editor_get_shares()); always
   * between "edit-begin" and "edit-end".
   */
  signals[SHARES_CHANGED] =
    g_signal_new ("shares-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * SsShareEditor::edit-end:
   *
   * The edit that "edit-begin" started is over.
   */
  signals[EDIT_END] =
    g_signal_new ("edit-end",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "shareeditor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ss_share_editor_init (SsShareEditor *self)
{
  self->rows = g_ptr_array_new ();
  self->names = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->baselines = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->pointer_row = -1;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->box, "card");
  gtk_widget_set_visible (self->box, FALSE);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Import shares by country"),
                                  -1);
}
