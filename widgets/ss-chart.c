/* ss-chart.c: one of the charts as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The drawing is ssc_chart_render(), the same routine the exports use; this
 * widget only feeds it the style's colours, caches what it drew as a
 * render node (dropped on a size, style or data change, so hovering does
 * not redraw the chart), and answers the pointer with a tooltip and a
 * mark on the year, cell or point under it.
 *
 * The window passes projections it owns and recomputes in place, so the
 * widget copies the ones it is given: a redraw never reads a projection
 * that is being recomputed or was freed. The copies are reused while the
 * study keeps its shape, so a slider drag costs one memcpy per projection.
 *
 * To assistive technology the chart is an image labelled with its title
 * and described by ssc_chart_describe()'s sentence.
 *
 * The stress grid (a chart of ssc_chart_kind_needs_grid()) takes the
 * focus and has a cell cursor: the arrow keys move it, Enter or Space
 * picks the cell, as a click does ("cell-activated"); the picked cell is
 * marked in the accent colour, the cursor with a dashed line, and the
 * cursor's figures are added to the accessible description.
 */

#define G_LOG_DOMAIN "supplyshift-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ss-chart.h"

struct _SsChart
{
  GtkWidget      parent_instance;

  /* owned */
  SsStudy       *study;                /* a reference, only read */
  GPtrArray     *projections;          /* copies; NULL where none was given */
  GPtrArray     *cells;                /* copies of the stress grid's, or NULL */
  SsSensitivity *sensitivity;          /* a copy of the tornado, or NULL */
  SscChartHit    *hit;
  GskRenderNode *node;                 /* the chart without the hover mark */
  char          *title;
  char          *description;

  SscChartKind    kind;
  SscChartData    data;                 /* study and projections point at the above */
  gboolean       colors_valid;
  int            node_width;
  int            node_height;
  gboolean       hovering;
  double         hover_x;
  double         hover_y;

  /* The stress grid's cell cursor (row and column as drawn), and the
   * cell picked (strategy and shock, scenario indices) */
  guint          cursor_row;
  guint          cursor_col;
  gboolean       has_selection;
  gboolean       cursor_pending;       /* the cursor goes to the picked cell once drawn */
  int            selected_strategy;
  int            selected_shock;
};

enum
{
  PROP_0,
  PROP_KIND,
  N_PROPS
};

enum
{
  SCENARIO_ACTIVATED,
  ITEM_ACTIVATED,
  MIX_ACTIVATED,
  CELL_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SsChart, ss_chart, GTK_TYPE_WIDGET)

/* Copies a projection into dest (reused when it has the same shape): the
 * document recomputes its own projections, the chart keeps what it drew. */
static SsProjection *
projection_copy_into (SsProjection       *dest,
                      const SsProjection *src)
{
  if (dest == NULL)
    dest = ss_projection_new ();
  ss_projection_copy_into (dest, src);
  return dest;
}

static void ss_chart_update_accessible (SsChart *self);

static gboolean
is_grid (SsChart *self)
{
  return ssc_chart_kind_needs_grid (self->kind);
}

static SsSensitivity *
sensitivity_copy (const SsSensitivity *src)
{
  SsSensitivity *dest = g_new (SsSensitivity, 1);

  *dest = *src;
  dest->inputs = g_array_copy (src->inputs);
  return dest;
}

/* The window's focus widget, whether or not the window is active. */
static gboolean
is_focus (SsChart *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return root != NULL && gtk_root_get_focus (root) == GTK_WIDGET (self);
}

static void
ss_chart_invalidate (SsChart *self)
{
  g_clear_pointer (&self->node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rgba_to_doubles (const GdkRGBA *rgba,
                 double         out[4])
{
  out[0] = rgba->red;
  out[1] = rgba->green;
  out[2] = rgba->blue;
  out[3] = rgba->alpha;
}

/* The foreground, background and accent of the current style. libadwaita
 * names its colours; without its stylesheet the style's own defaults stand. */
static void
ss_chart_update_colors (SsChart *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *context;
  GdkRGBA fg, color;
  gboolean dark;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &fg);
  if (adw_is_initialized ())
    dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  else
    dark = 0.2126 * fg.red + 0.7152 * fg.green + 0.0722 * fg.blue > 0.5;

  ssc_chart_data_set_style (&self->data, dark);
  rgba_to_doubles (&fg, self->data.fg);
  if (gtk_style_context_lookup_color (context, "view_bg_color", &color))
    rgba_to_doubles (&color, self->data.bg);
  if (gtk_style_context_lookup_color (context, "accent_color", &color))
    rgba_to_doubles (&color, self->data.accent);
  G_GNUC_END_IGNORE_DEPRECATIONS

  self->colors_valid = TRUE;
}

/* The row and column of a cell on the grid as drawn, or FALSE. */
static gboolean
find_cell (SsChart *self,
           int      strategy,
           int      shock,
           guint   *row,
           guint   *col)
{
  guint n_rows, n_cols;

  ssc_chart_hit_grid_shape (self->hit, &n_rows, &n_cols);
  for (guint r = 0; r < n_rows; r++)
    for (guint k = 0; k < n_cols; k++)
      {
        int s, x;

        ssc_chart_hit_cell_rect (self->hit, r, k, &s, &x, NULL);
        if (s == strategy && x == shock)
          {
            *row = r;
            *col = k;
            return TRUE;
          }
      }
  return FALSE;
}

/* A cell picked before the grid was drawn: the cursor goes there once it is. */
static void
sync_cursor (SsChart *self)
{
  guint row, col;

  if (self->cursor_pending && self->has_selection
      && find_cell (self, self->selected_strategy, self->selected_shock, &row, &col))
    {
      self->cursor_row = row;
      self->cursor_col = col;
      self->cursor_pending = FALSE;
    }
}

/* The picked cell in the accent colour, the cursor dashed when the chart
 * has the keyboard's focus. */
static void
snapshot_cells (SsChart     *self,
                GtkSnapshot *snapshot,
                int          width,
                int          height)
{
  gboolean focus = gtk_widget_has_visible_focus (GTK_WIDGET (self));
  double rect[4];
  guint row, col;
  cairo_t *cr;

  if (!self->has_selection && !focus)
    return;
  sync_cursor (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->has_selection && find_cell (self, self->selected_strategy, self->selected_shock, &row, &col)
      && ssc_chart_hit_cell_rect (self->hit, row, col, NULL, NULL, rect))
    {
      cairo_rectangle (cr, rect[0] + 2.5, rect[1] + 2.5, rect[2] - 5, rect[3] - 5);
      cairo_set_line_width (cr, 3);
      cairo_set_source_rgba (cr, self->data.accent[0], self->data.accent[1], self->data.accent[2], 1);
      cairo_stroke (cr);
    }
  if (focus && ssc_chart_hit_cell_rect (self->hit, self->cursor_row, self->cursor_col, NULL, NULL, rect))
    {
      static const double dash[] = { 4, 3 };

      cairo_rectangle (cr, rect[0] + 5.5, rect[1] + 5.5, rect[2] - 11, rect[3] - 11);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_set_source_rgba (cr, self->data.fg[0], self->data.fg[1], self->data.fg[2], 0.9);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
ss_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  SsChart *self = SS_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  if (!self->colors_valid)
    {
      ss_chart_update_colors (self);
      g_clear_pointer (&self->node, gsk_render_node_unref);
    }

  if (self->node == NULL || self->node_width != width || self->node_height != height)
    {
      GtkSnapshot *chart = gtk_snapshot_new ();

      cr = gtk_snapshot_append_cairo (chart, &GRAPHENE_RECT_INIT (0, 0, width, height));
      ssc_chart_render (self->kind, &self->data, cr, width, height, self->hit);
      cairo_destroy (cr);
      g_clear_pointer (&self->node, gsk_render_node_unref);
      self->node = gtk_snapshot_free_to_node (chart);
      self->node_width = width;
      self->node_height = height;
    }
  if (self->node != NULL)
    gtk_snapshot_append_node (snapshot, self->node);

  if (self->hovering)
    {
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      ssc_chart_render_hover (self->hit, &self->data, cr, self->hover_x, self->hover_y);
      cairo_destroy (cr);
    }
  if (is_grid (self))
    snapshot_cells (self, snapshot, width, height);
}

static void
ss_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 240;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 360;
}

static void
ss_chart_css_changed (GtkWidget         *widget,
                      GtkCssStyleChange *change)
{
  SsChart *self = SS_CHART (widget);

  GTK_WIDGET_CLASS (ss_chart_parent_class)->css_changed (widget, change);

  self->colors_valid = FALSE;
  ss_chart_invalidate (self);
}

static void
on_motion (SsChart                  *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  self->hovering = TRUE;
  self->hover_x = x;
  self->hover_y = y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_leave (SsChart                  *self,
          GtkEventControllerMotion *controller)
{
  self->hovering = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A click on what stands for a scenario, an item or a mix says so, for
 * the window to take the user there (or offer the mix). */
static void
on_released (SsChart         *self,
             int              n_press,
             double           x,
             double           y,
             GtkGestureClick *gesture)
{
  /* A click on the stress grid gives it the keyboard too, as a click on
   * a list does: Enter and the arrows then go on from the picked cell. */
  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  if (n_press == 1 && self->study != NULL)
    ss_chart_activate_at (self, x, y);
}

/* Picks a stress cell, as a click or Enter on it does. */
static void
pick_cell (SsChart *self,
           int      strategy,
           int      shock)
{
  guint row, col;

  ss_chart_set_selected_cell (self, strategy, shock);
  if (find_cell (self, strategy, shock, &row, &col))
    {
      self->cursor_row = row;
      self->cursor_col = col;
    }
  g_signal_emit (self, signals[CELL_ACTIVATED], 0, strategy, shock);
}

/* What a click at (x, y) does; TRUE when it led somewhere. */
gboolean
ss_chart_activate_at (SsChart *self,
                      double   x,
                      double   y)
{
  const double *shares = NULL;
  int index = -1, strategy, shock;

  g_return_val_if_fail (SS_IS_CHART (self), FALSE);

  if (is_grid (self) && ssc_chart_hit_cell (self->hit, x, y, &strategy, &shock))
    {
      pick_cell (self, strategy, shock);
      return TRUE;
    }

  switch (ssc_chart_hit_target (self->hit, x, y, &index, &shares))
    {
    case SSC_TARGET_SCENARIO:
      g_signal_emit (self, signals[SCENARIO_ACTIVATED], 0, index);
      return TRUE;
    case SSC_TARGET_ITEM:
      g_signal_emit (self, signals[ITEM_ACTIVATED], 0, index);
      return TRUE;
    case SSC_TARGET_MIX:
      g_signal_emit (self, signals[MIX_ACTIVATED], 0, shares);
      return TRUE;
    case SSC_TARGET_NONE:
    default:
      return FALSE;
    }
}

static gboolean
on_query_tooltip (SsChart    *self,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  g_autofree char *markup = NULL;
  double rect[4];

  /* From the keyboard, the stress grid's cursor cell. */
  sync_cursor (self);
  if (keyboard && is_grid (self)
      && ssc_chart_hit_cell_rect (self->hit, self->cursor_row, self->cursor_col, NULL, NULL, rect))
    {
      x = (int)(rect[0] + rect[2] / 2);
      y = (int)(rect[1] + rect[3] / 2);
      keyboard = FALSE;
    }
  if (keyboard || !ssc_chart_hit_query (self->hit, &self->data, x, y, &markup))
    return FALSE;
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* The cursor cell's tooltip as plain text: "China plus one under China
 * export controls Premium (NPV) …". */
static char *
cursor_text (SsChart *self)
{
  g_autofree char *markup = NULL;
  char *text = NULL;
  double rect[4];

  sync_cursor (self);
  if (!ssc_chart_hit_cell_rect (self->hit, self->cursor_row, self->cursor_col, NULL, NULL, rect)
      || !ssc_chart_hit_query (self->hit, &self->data, rect[0] + rect[2] / 2, rect[1] + rect[3] / 2,
                               &markup)
      || !pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL))
    return NULL;
  g_strdelimit (text, "\n", ' ');
  return text;
}

/* The keyboard's cell cursor: "chart.move-cell" by (columns, rows). */
static void
move_cell_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SsChart *self = SS_CHART (widget);
  guint n_rows, n_cols;
  int dc, dr;

  g_variant_get (parameter, "(ii)", &dc, &dr);
  sync_cursor (self);
  ssc_chart_hit_grid_shape (self->hit, &n_rows, &n_cols);
  if (!is_grid (self) || n_rows == 0 || n_cols == 0)
    return;
  /* Right to left, the columns run the other way on screen. */
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    dc = -dc;
  self->cursor_row = (guint)CLAMP ((int)MIN (self->cursor_row, n_rows - 1) + dr, 0, (int)n_rows - 1);
  self->cursor_col = (guint)CLAMP ((int)MIN (self->cursor_col, n_cols - 1) + dc, 0, (int)n_cols - 1);
  ss_chart_update_accessible (self);
  gtk_widget_queue_draw (widget);
}

/* "chart.activate-cell": Enter or Space picks the cursor's cell. */
static void
activate_cell_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SsChart *self = SS_CHART (widget);
  int strategy, shock;

  sync_cursor (self);
  if (is_grid (self)
      && ssc_chart_hit_cell_rect (self->hit, self->cursor_row, self->cursor_col, &strategy, &shock, NULL))
    pick_cell (self, strategy, shock);
}

static void
on_focus_changed (SsChart *self)
{
  if (!is_grid (self))
    return;
  ss_chart_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Tab, a click or a program gives the chart the focus: the cursor's cell
 * goes into the description at once, active window or not. */
static gboolean
ss_chart_grab_focus (GtkWidget *widget)
{
  gboolean done = GTK_WIDGET_CLASS (ss_chart_parent_class)->grab_focus (widget);

  if (done)
    on_focus_changed (SS_CHART (widget));
  return done;
}

/* The title and the one-sentence summary, to the accessible and the getters. */
static void
ss_chart_update_accessible (SsChart *self)
{
  g_free (self->title);
  g_free (self->description);
  self->title = ssc_chart_title (self->kind, &self->data);
  self->description = ssc_chart_describe (self->kind, &self->data);
  if (is_grid (self) && is_focus (self))
    {
      g_autofree char *cell = cursor_text (self);

      if (cell != NULL)
        {
          char *both = g_strconcat (self->description, " ", cell, NULL);

          g_free (self->description);
          self->description = both;
        }
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

static void
ss_chart_dispose (GObject *object)
{
  SsChart *self = SS_CHART (object);

  g_clear_pointer (&self->node, gsk_render_node_unref);
  g_clear_pointer (&self->projections, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->sensitivity, ss_sensitivity_free);
  g_clear_object (&self->study);
  self->data.study = NULL;
  self->data.projections = NULL;
  self->data.cells = NULL;
  self->data.sensitivity = NULL;

  G_OBJECT_CLASS (ss_chart_parent_class)->dispose (object);
}

static void
ss_chart_finalize (GObject *object)
{
  SsChart *self = SS_CHART (object);

  g_clear_pointer (&self->hit, ssc_chart_hit_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (ss_chart_parent_class)->finalize (object);
}

static void
ss_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SsChart *self = SS_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_chart_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SsChart *self = SS_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      ss_chart_set_kind (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_chart_class_init (SsChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_chart_dispose;
  object_class->finalize = ss_chart_finalize;
  object_class->get_property = ss_chart_get_property;
  object_class->set_property = ss_chart_set_property;

  widget_class->snapshot = ss_chart_snapshot;
  widget_class->measure = ss_chart_measure;
  widget_class->css_changed = ss_chart_css_changed;
  widget_class->grab_focus = ss_chart_grab_focus;

  /* An SscChartKind; an int rather than an enum type, as the renderer that
   * defines the kinds is kept free of GObject type registration. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, SSC_N_CHARTS - 1, SSC_CHART_MIX,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A compare row was clicked: the scenario (SS_BASELINE or an index). */
  signals[SCENARIO_ACTIVATED] =
    g_signal_new ("scenario-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
  /* A heatmap row was clicked: the item's index. */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
  /* A frontier point was clicked: its shares, one per country, valid
   * during the emission. */
  signals[MIX_ACTIVATED] =
    g_signal_new ("mix-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  /* A stress cell was picked (a click, or Enter on the cursor): its
   * strategy (SS_BASELINE or an index) and shock (SS_NO_SHOCK or an index). */
  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "chart.move-cell", "(ii)", move_cell_action);
  gtk_widget_class_install_action (widget_class, "chart.activate-cell", NULL, activate_cell_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "chart.move-cell", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "chart.move-cell", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "chart.move-cell", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "chart.move-cell", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "chart.move-cell", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "chart.move-cell", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "chart.move-cell", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "chart.move-cell", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "chart.move-cell", "(ii)", -999, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "chart.move-cell", "(ii)", 999, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chart.activate-cell", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chart.activate-cell", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "chart.activate-cell", NULL);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ss_chart_init (SsChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->hit = ssc_chart_hit_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (on_focus_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_changed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  ssc_chart_data_init (&self->data, NULL, NULL);
  /* Tab reaches the chart, and a screen reader reads its title and the
   * summary of its figures (its name and description). */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_released), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  ss_chart_update_accessible (self);
}

GtkWidget *
ss_chart_new (SscChartKind kind)
{
  g_return_val_if_fail (kind < SSC_N_CHARTS, NULL);

  return g_object_new (SS_TYPE_CHART, "kind", kind, NULL);
}

SscChartKind
ss_chart_get_kind (SsChart *self)
{
  g_return_val_if_fail (SS_IS_CHART (self), SSC_CHART_MIX);

  return self->kind;
}

void
ss_chart_set_kind (SsChart     *self,
                   SscChartKind  kind)
{
  g_return_if_fail (SS_IS_CHART (self));
  g_return_if_fail (kind < SSC_N_CHARTS);

  if (self->kind == kind)
    return;
  self->kind = kind;
  /* The stress grid is picked from, with the keyboard too. */
  gtk_widget_set_focusable (GTK_WIDGET (self), is_grid (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.move-cell", is_grid (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.activate-cell", is_grid (self));
  ss_chart_update_accessible (self);
  ss_chart_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/* Takes the study (a reference), copies the projections, and the
 * scenario, item and year; the colours stay the widget's style's. Call it
 * again after every change to the study or its projections. */
void
ss_chart_set_data (SsChart            *self,
                   const SscChartData *data)
{
  GPtrArray *copies;

  g_return_if_fail (SS_IS_CHART (self));
  g_return_if_fail (data != NULL);

  g_set_object (&self->study, (SsStudy *)data->study);

  copies = g_ptr_array_new_with_free_func ((GDestroyNotify)ss_projection_free);
  for (guint k = 0; data->projections != NULL && k < data->projections->len; k++)
    {
      const SsProjection *p = g_ptr_array_index (data->projections, k);
      SsProjection *old = NULL;

      /* Take the old copy out, to reuse its block. */
      if (self->projections != NULL && k < self->projections->len)
        {
          old = g_ptr_array_index (self->projections, k);
          self->projections->pdata[k] = NULL;
        }
      if (p != NULL)
        g_ptr_array_add (copies, projection_copy_into (old, p));
      else
        {
          ss_projection_free (old);
          g_ptr_array_add (copies, NULL);
        }
    }
  g_clear_pointer (&self->projections, g_ptr_array_unref);
  self->projections = copies;

  /* The stress grid's cells, copied as the projections are. */
  if (data->cells == NULL)
    g_clear_pointer (&self->cells, g_ptr_array_unref);
  else
    {
      if (self->cells == NULL)
        self->cells = g_ptr_array_new_with_free_func ((GDestroyNotify)ss_projection_free);
      for (guint k = data->cells->len; k < self->cells->len; k++)
        g_clear_pointer (&g_ptr_array_index (self->cells, k), ss_projection_free);
      g_ptr_array_set_size (self->cells, data->cells->len);
      for (guint k = 0; k < data->cells->len; k++)
        g_ptr_array_index (self->cells, k) = projection_copy_into (g_ptr_array_index (self->cells, k),
                                                                   g_ptr_array_index (data->cells, k));
    }

  /* The tornado, copied: the window computes a new one after an edit. */
  g_clear_pointer (&self->sensitivity, ss_sensitivity_free);
  if (data->sensitivity != NULL)
    self->sensitivity = sensitivity_copy (data->sensitivity);

  self->data.study = self->study;
  self->data.projections = self->projections;
  self->data.cells = self->cells;
  self->data.sensitivity = self->sensitivity;
  self->data.scenario = data->scenario;
  self->data.item = data->item;
  self->data.year = data->year;

  ss_chart_update_accessible (self);
  ss_chart_invalidate (self);
}

const char *
ss_chart_get_title (SsChart *self)
{
  g_return_val_if_fail (SS_IS_CHART (self), NULL);

  return self->title;
}

const char *
ss_chart_get_description (SsChart *self)
{
  g_return_val_if_fail (SS_IS_CHART (self), NULL);

  return self->description;
}

/* Marks the stress cell of @strategy (SS_BASELINE or a scenario index)
 * and @shock (SS_NO_SHOCK or a scenario index) as picked, and puts the
 * keyboard's cursor there; emits nothing. */
void
ss_chart_set_selected_cell (SsChart *self,
                            int      strategy,
                            int      shock)
{
  g_return_if_fail (SS_IS_CHART (self));

  if (self->has_selection && self->selected_strategy == strategy && self->selected_shock == shock)
    return;
  self->has_selection = TRUE;
  self->selected_strategy = strategy;
  self->selected_shock = shock;
  self->cursor_pending = TRUE;
  sync_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The centre of the stress cell of @strategy and @shock as last drawn
 * (for a test's click); FALSE when it is not on the chart. */
gboolean
ss_chart_get_cell_point (SsChart *self,
                         int      strategy,
                         int      shock,
                         double  *x,
                         double  *y)
{
  double rect[4];
  guint row, col;

  g_return_val_if_fail (SS_IS_CHART (self), FALSE);

  if (!is_grid (self) || !find_cell (self, strategy, shock, &row, &col)
      || !ssc_chart_hit_cell_rect (self->hit, row, col, NULL, NULL, rect))
    return FALSE;
  *x = rect[0] + rect[2] / 2;
  *y = rect[1] + rect[3] / 2;
  return TRUE;
}

/* Whether the chart was drawn at its size, rather than a message in its
 * place ("Too small to draw", or nothing to show). */
gboolean
ss_chart_get_drawn (SsChart *self)
{
  g_return_val_if_fail (SS_IS_CHART (self), FALSE);
  return ssc_chart_hit_is_drawn (self->hit);
}
